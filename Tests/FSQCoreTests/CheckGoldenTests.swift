import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// `check --format json` on the seed: one JSON object per finding, pinned in
/// `Tests/Golden/check/seed.jsonl` (re-record with `FSQ_RECORD=1`).
@Suite struct CheckGoldenTests {
  @Test func jsonFindingsOfTheSeed() {
    let session = Session(model: ReleaseImporter.bundledModel())
    let (out, err, status) = TestSupport.run("check", session: session, format: .json)
    #expect(err.isEmpty)
    #expect(status == .assertionFailed)
    let lines = out.split(separator: "\n")
    #expect(lines.count == 22)  // 12 errors and warnings, 10 notes (CheckSeedTests)
    #expect(lines.allSatisfy { $0.hasPrefix("{\"type\":\"finding\",\"severity\":") && $0.hasSuffix("}") })
    let url = TestSupport.packageRoot.appendingPathComponent("Tests/Golden/check/seed.jsonl")
    if let problem = TestSupport.compareGolden(out, url) { Issue.record(Comment(rawValue: problem)) }
  }
}
