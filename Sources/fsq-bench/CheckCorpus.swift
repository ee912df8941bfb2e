import FSQCore
import FSQTestSupport

// MARK: check over the real-release corpus

/// `check` on every corpus document: the errors and warnings each raises (every one is
/// labelled by hand in `CorpusCheckTests`), and the mutation detection rate
/// (`CheckMutations`): one printed figure changed at a time, and whether a finding points
/// at it.
func corpusCheckReport(verbose: Bool) -> (caught: Int, placed: Int) {
  let documents: [Corpus.Document]
  do { documents = try Corpus.documents() } catch { fail("cannot read the corpus: \(error)") }
  var errors = 0
  var warnings = 0
  var outcomes: [CheckMutations.Outcome] = []
  for document in documents {
    guard let bytes = try? Corpus.bytes(document),
      let company = try? ReleaseImporter.importRelease(bytes: bytes, documentName: document.name)
    else { continue }
    let findings = Checker.check(company)
    let e = findings.filter { $0.severity == .error }.count
    let w = findings.filter { $0.severity == .warning }.count
    errors += e
    warnings += w
    if verbose && e + w > 0 { print("  \(document.name): \(e) errors, \(w) warnings") }
    outcomes += CheckMutations.run(name: document.name, bytes: bytes)
  }
  print("check over the corpus: \(documents.count) documents, \(errors) errors, \(warnings) warnings")
  let report = CheckMutations.report(outcomes)
  print(verbose ? report : String(report.prefix { $0 != "\n" }), terminator: verbose ? "" : "\n")
  let placed = outcomes.filter { $0.caught != nil }
  return (placed.filter { $0.caught == true }.count, placed.count)
}
