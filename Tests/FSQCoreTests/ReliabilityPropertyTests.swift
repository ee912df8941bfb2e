import FSQTestSupport
import Testing

@testable import FSQCore

// MARK: - Nothing crashes, hangs or half-changes fsq
//
// The lexer/parser properties live in FuzzPropertyTests; these take the same seeded generator
// (plus hostile literals) all the way through evaluation on the bundled model, and throw
// mutated releases at `Model.importRelease`. Properties: no crash; a run that fails says why
// with a diagnostic whose span lies within its source; the status is one of the documented
// exit codes and the worst of the diagnostics'; a failed import leaves the model as it was.

/// The bundled model, built once for the suite (it is a value; sessions copy it).
let reliabilityModel = Model.bundledModel()

/// Checks what one `Session.run` returned; records an issue and returns false if it breaks a
/// property.
@discardableResult
func checkRun(_ result: RunResult, sourceSize: Int, _ shown: @autoclosure () -> String) -> Bool {
  var ok = true
  func require(_ condition: Bool, _ what: String) {
    if !condition {
      ok = false
      Issue.record("\(what) — \(shown())")
    }
  }
  let documented: [FSQCore.ExitStatus] = [.success, .assertionFailed, .syntax, .evaluation, .input, .interrupted]
  require(documented.contains(result.status), "undocumented status \(result.status)")
  if result.status != .success && result.status != .assertionFailed {
    require(!result.diagnostics.isEmpty, "status \(result.status) with no diagnostic")
  }
  if result.status == .assertionFailed {
    let findings = result.items.contains { item in
      if case .findings(let f) = item { return f.contains { $0.severity == .error } }
      return false
    }
    require(findings || !result.diagnostics.isEmpty, "assertion status with neither a diagnostic nor an error finding")
  }
  for diagnostic in result.diagnostics {
    require(diagnostic.severity == .error, "a failed run's diagnostic is not an error")
    require(!diagnostic.message.isEmpty, "empty diagnostic message")
    // A diagnostic points into the source it names: the input, or the source of a function
    // defined by an earlier run.
    let size = diagnostic.source?.bytes.count ?? sourceSize
    for span in [diagnostic.span] + diagnostic.notes.compactMap(\.span) {
      require(
        0 <= span.start && span.start <= span.end && span.end <= size,
        "span \(span) outside a source of \(size) bytes: \(diagnostic.message)")
    }
    // A source with syntax errors runs nothing and exits as a syntax error, whatever the
    // diagnostics (a literal too large is found by the parser); otherwise the status is the
    // worst diagnostic's.
    if result.status != .syntax {
      let expected: FSQCore.ExitStatus =
        diagnostic.id == .interrupted ? .interrupted : FSQCore.ExitStatus(diagnostic.category)
      require(expected <= result.status, "status \(result.status) milder than diagnostic \(diagnostic.id)")
    }
  }
  // Rendering what came out must not crash either.
  _ = DiagnosticRenderer().render(result.diagnostics)
  for format in OutputFormat.allCases {
    var renderer = OutputRenderer(format: format)
    for item in result.items { _ = renderer.renderNext(item) }
  }
  return ok
}

/// A short, printable description of an input for issue messages.
func describe(_ bytes: [UInt8]) -> String {
  let text = String(decoding: bytes.prefix(160), as: UTF8.self).debugDescription
  return bytes.count > 160 ? "\(text)… (\(bytes.count) bytes)" : text
}

/// A session on the bundled model whose `load` never touches the disk.
func sandboxedSession(release: [UInt8]? = nil) -> Session {
  let session = Session(model: reliabilityModel)
  session.readFile = { path in
    if let release { return .success(release) }
    return .failure(FileError(reason: "no files in this test (\(path))"))
  }
  return session
}

@Suite struct ReliabilityPropertyTests {
  /// Generated programs — grammatical, token soup, random bytes, deep nesting — evaluated.
  @Test func generatedProgramsEvaluateWithoutCrashing() {
    var inputs = FuzzInputs(random: SeededGenerator(seed: 0x7265_6c69))
    var session = sandboxedSession()
    var failures = 0
    var statuses: [FSQCore.ExitStatus: Int] = [:]
    for index in 0..<2500 {
      // A fresh session now and then, so definitions from earlier runs come and go.
      if index % 200 == 0 { session = sandboxedSession() }
      session.continueOnError = index % 3 == 0
      let bytes = inputs.program()
      let result = session.run(bytes: bytes, origin: .file("fuzz.fsq"))
      statuses[result.status, default: 0] += 1
      if !checkRun(result, sourceSize: bytes.count, "case \(index): \(describe(bytes))") { failures += 1 }
      if failures >= 5 { break }
    }
    // The generator must reach evaluation, not only the parser's errors.
    #expect(statuses[.success, default: 0] > 100, "statuses: \(statuses)")
    #expect(statuses[.evaluation, default: 0] > 100, "statuses: \(statuses)")
  }

  /// Inputs chosen to hurt: huge numbers, long names and lines, odd Unicode, invalid UTF-8.
  static let hostile: [(String, [UInt8])] = {
    var cases: [(String, [UInt8])] = []
    func add(_ name: String, _ text: String) { cases.append((name, Array(text.utf8))) }
    add("exponent", "1e999999")
    add("negative exponent", "1e-999999 + 1")
    add("huge integer", "99999999999999999999999999999999999999999")
    add("huge integer times", "99999999999999999999999999999999999999999 * 99999999999999999999999999999999999999999")
    add("power", "10^10000")
    add("power of power", "10^10000 * 10^10000")
    add("negative power", "10^-10000")
    add("power of zero", "0^-1")
    add("power past limit", "2^100000")
    add("fractional power", "2^0.5")
    add("huge money", "$99999999999999999999999999999999M * 1bn")
    add("division", "1 / 3 * 3")
    add("tiny division", "1e-6000 / 1e6000")
    add("percent of huge", "1e6000% - 1e-6000%")
    add("huge period", "revenue(q3 99999999999999999999)")
    add("year zero", "revenue(q3 0000); revenue(fy 9999); revenue(0000-01-01)")
    add("bad dates", "total_assets(2009-02-30); total_assets(9999-99-99)")
    add("quarter five", "revenue(q5 2009)")
    add("months", "revenue(99999999999m 2009)")
    add("long name", String(repeating: "revenue_", count: 20_000))
    add("long call", String(repeating: "x", count: 100_000) + "(q3 2009)")
    add("long label", "\"" + String(repeating: "Cost of Revenues ", count: 10_000) + "\"(q3 2009)")
    add("long string", "\"" + String(repeating: "é\u{301}", count: 50_000) + "\"")
    add("many statements", String(repeating: "revenue(q3 2009); ", count: 2_000))
    add("many args", "margin(" + String(repeating: "q3 2009, ", count: 5_000) + "q3 2009)")
    add("wide sum", Array(repeating: "revenue(q3 2009)", count: 3_000).joined(separator: " + "))
    add("deep parens", String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199))
    add("too deep", String(repeating: "(", count: 100_000) + "1")
    add("deep unary", String(repeating: "-", count: 100_000) + "1")
    add("deep not", String(repeating: "not ", count: 10_000) + "true")
    add("deep power", Array(repeating: "2", count: 5_000).joined(separator: "^"))
    add("long chain", Array(repeating: "1", count: 50_000).joined(separator: " - "))
    add("combining", "reve\u{301}nue(q3 2009)")
    add("combining only", "\u{301}\u{302}\u{303}")
    add("rtl override", "revenue\u{202E}(q3 2009)")
    add("rtl in string", "assert \"a\u{202E}b\" == \"a\u{202E}b\", \"\u{202E}why\"")
    add("bidi isolate", "\u{2066}revenue(q3 2009)\u{2069}")
    add("zero width", "rev\u{200B}enue(q3 2009)")
    add("bom", "\u{FEFF}revenue(q3 2009)")
    add("bom later", "1 +\u{FEFF} 2")
    add("nul", "revenue\u{0}(q3 2009)")
    add("nul in string", "\"a\u{0}b\"")
    add("nul in comment", "# \u{0}\n1")
    add("emoji", "👍(q3 2009) + 🇺🇸")
    add("math minus", "1 \u{2212} 2")
    add("fullwidth", "ｒｅｖｅｎｕｅ（q3 2009）")
    add("crlf", "let a = 1\r\nassert a == 1\r\n")
    add("lone cr", "let a = 1\rassert a == 1\r")
    add("vertical tab", "1\u{B}+\u{C}2")
    add("use many", "use \"" + String(repeating: "F", count: 100_000) + "\"")
    add("load odd path", "load \"\u{0}/../\u{202E}\"")
    add("explain deep", "explain " + Array(repeating: "margin(q3 2009)", count: 500).joined(separator: " + "))
    add(
      "table wide", "table " + Array(repeating: "revenue", count: 500).joined(separator: ", ") + " for q3 2009, q3 2008"
    )
    add("table many periods", "table revenue for " + Array(repeating: "q3 2009", count: 500).joined(separator: ", "))
    add("recursion", "def f(n) = f(n + 1); f(1)")
    add("mutual recursion", "def f(n) = g(n); def g(n) = f(n); f(1)")
    add("recursion in let", "def f(n) = f(n); let a = f(1)")
    add("recursion in assert", "def f(n) = f(n); assert f(1) == 1")
    add("recursion in table", "def f(p) = f(p); table f for q3 2009")
    add("recursion in explain", "def f(p) = f(p); explain f(q3 2009)")
    var bytes: [(String, [UInt8])] = [
      ("invalid utf8", [0xFF, 0xFE, 0x31, 0x2B, 0x32]),
      ("overlong", [0x31, 0x2B, 0xC0, 0x80, 0x32]),
      ("lone surrogate", Array("revenue".utf8) + [0xED, 0xA0, 0x80] + Array("(q3 2009)".utf8)),
      ("surrogate pair bytes", [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]),
      ("truncated sequence", Array("\"abc".utf8) + [0xE2, 0x82]),
      ("truncated at end", Array("1 + 2 ".utf8) + [0xF0, 0x9F]),
      ("continuation bytes", [0x80, 0x80, 0x80, 0x31]),
      ("beyond unicode", [0xF4, 0x90, 0x80, 0x80, 0x31]),
      ("invalid in string", Array("assert \"".utf8) + [0xFF] + Array("\" == \"x\"".utf8)),
      ("invalid in comment", Array("# ".utf8) + [0xFF, 0xC3] + Array("\n1".utf8)),
      ("all bytes", (0...255).map { UInt8($0) }),
      ("empty", []),
    ]
    // Huge lines: one 10 MB line of a name (lexed, parsed, evaluated, diagnosed); 1 MB lines of
    // the rest (the debug build's byte loops make 10 MB of each cost seconds).
    let mega = 1 << 20
    bytes.append(("10 MB name", [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)))
    bytes.append(
      ("1 MB comment", Array("# ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: mega) + Array("\n1".utf8)))
    bytes.append(("1 MB number", [UInt8](repeating: UInt8(ascii: "9"), count: mega)))
    bytes.append(
      ("1 MB string", [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "s"), count: mega) + [UInt8(ascii: "\"")]))
    bytes.append(("1 MB blanks", [UInt8](repeating: UInt8(ascii: " "), count: mega) + Array("1+".utf8)))
    bytes.append(("1 MB invalid", [UInt8](repeating: 0xFF, count: mega)))
    return cases + bytes
  }()

  @Test(.timeLimit(.minutes(1)), arguments: 0..<hostile.count)
  func hostileInputsFailClearly(_ index: Int) {
    let (name, bytes) = ReliabilityPropertyTests.hostile[index]
    let session = sandboxedSession()
    let clock = ContinuousClock()
    let start = clock.now
    let result = session.run(bytes: bytes, origin: .file("hostile.fsq"))
    let elapsed = clock.now - start
    checkRun(result, sourceSize: bytes.count, "\(name): \(describe(bytes))")
    _ = elapsed  // A hang fails the test's time limit; speed itself is the benchmark's job.
    // What is not valid fsq is reported, not silently evaluated: check the obvious ones.
    if name.hasSuffix("MB name") || name.hasSuffix("MB number") || name.hasSuffix("MB invalid") {
      #expect(result.status != .success, "\(name)")
    }
  }
}
