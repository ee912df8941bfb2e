// libFuzzer target: bytes → lex → parse → evaluate on the bundled model.
//
// Built by Fuzz/build.sh together with the FSQCore sources (as one module), so it calls the
// core directly. A crash, an address-sanitizer report, a trap (precondition, overflow, index
// out of range) or a hang past -timeout is a bug; diagnostics are the expected outcome.

let fuzzModel = Model.bundledModel()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let session = Session(model: fuzzModel)
  // `load` must not touch the disk while fuzzing: answer every read with the input itself
  // (so a fuzzed script can also import a fuzzed release).
  session.readFile = { _ in .success(bytes) }
  let result = session.run(bytes: bytes, origin: .file("fuzz.fsq"))
  // The properties the test suite asserts, checked here too so the fuzzer finds violations.
  // (`check` with error findings fails a run with status 1 and no diagnostic: that is fine.)
  if result.status != .success && result.status != .assertionFailed && result.diagnostics.isEmpty {
    fatalError("status \(result.status) without a diagnostic")
  }
  for diagnostic in result.diagnostics where diagnostic.source != nil {
    let spans = [diagnostic.span] + diagnostic.notes.compactMap(\.span)
    for span in spans where !(0 <= span.start && span.start <= span.end && span.end <= size) {
      fatalError("diagnostic span \(span) outside a source of \(size) bytes: \(diagnostic.message)")
    }
  }
  // Rendering must not crash either.
  _ = DiagnosticRenderer().render(result.diagnostics)
  let renderer = OutputRenderer(format: .text)
  for item in result.items { _ = renderer.render(item) }
  return 0
}
