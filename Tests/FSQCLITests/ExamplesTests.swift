import FSQTestSupport
import Foundation
import Testing

/// Every example in Examples/ runs through the built binary and prints exactly its golden
/// `.out` file (re-record with `FSQ_RECORD=1`).
@Suite struct ExamplesTests {
  static let scripts = TestSupport.fsqFiles(under: "Examples")

  @Test(arguments: scripts)
  func script(_ file: URL) throws {
    // Examples load releases by paths relative to the package root, as a reader runs them.
    let result = try runProcess(FSQBinary.url, [file.path], stdin: "", currentDirectory: TestSupport.packageRoot)
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.isEmpty)
    let golden = file.deletingPathExtension().appendingPathExtension("out")
    if let problem = TestSupport.compareGolden(result.out, golden) { Issue.record(Comment(rawValue: problem)) }
  }

  @Test func shellOneLiners() throws {
    let root = TestSupport.packageRoot
    // The script sends its one failing command's stderr to stdout itself.
    let path =
      FSQBinary.url.deletingLastPathComponent().path + ":"
      + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let result = try runProcess(
      URL(fileURLWithPath: "/bin/sh"), [root.appendingPathComponent("Examples/one-liners.sh").path],
      environment: ["PATH": path], currentDirectory: root)
    #expect(result.status == 0)
    #expect(result.err.isEmpty, "\(result)")
    let output = result.out
    let golden = root.appendingPathComponent("Examples/one-liners.out")
    if let problem = TestSupport.compareGolden(output, golden) { Issue.record(Comment(rawValue: problem)) }
  }

  @Test func thereAreExamples() {
    #expect(Self.scripts.count >= 2)
  }
}
