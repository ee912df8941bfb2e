import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// Golden files: each `Tests/Golden/<feature>/<name>.fsq` runs as a script on the bundled
/// model; its printed results must equal `<name>.out` and its diagnostics `<name>.err`
/// (absent when empty). Re-record with `FSQ_RECORD=1 swift test`.
@Suite struct GoldenTests {
  static let files = TestSupport.fsqFiles(under: "Tests/Golden")

  @Test(arguments: files)
  func golden(_ file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    let session = Session(model: ReleaseImporter.bundledModel())
    session.continueOnError = true
    // `load "path"` in a golden file is relative to the package root, wherever tests run.
    let root = TestSupport.packageRoot.path
    session.readFile = { path in FileSystem.read(path.hasPrefix("/") ? path : root + "/" + path) }
    let relative = file.path.replacingOccurrences(of: TestSupport.packageRoot.path + "/", with: "")
    let (out, err, _) = TestSupport.run(text, name: relative, session: session)
    let base = file.deletingPathExtension()
    if let problem = TestSupport.compareGolden(out, base.appendingPathExtension("out")) {
      Issue.record(Comment(rawValue: problem))
    }
    if let problem = TestSupport.compareGolden(err, base.appendingPathExtension("err")) {
      Issue.record(Comment(rawValue: problem))
    }
  }

  @Test func thereAreGoldenFiles() {
    #expect(Self.files.count >= 5)
  }
}
