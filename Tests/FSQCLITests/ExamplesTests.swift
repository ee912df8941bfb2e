import FSQTestSupport
import Foundation
import Testing

/// Every example in Examples/ runs through the built binary and prints exactly its golden
/// `.out` file (re-record with `FSQ_RECORD=1`).
@Suite struct ExamplesTests {
  static let scripts = TestSupport.fsqFiles(under: "Examples")

  @Test(arguments: scripts)
  func script(_ file: URL) throws {
    let result = try FSQBinary.run([file.path])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.isEmpty)
    let golden = file.deletingPathExtension().appendingPathExtension("out")
    if let problem = TestSupport.compareGolden(result.out, golden) { Issue.record(Comment(rawValue: problem)) }
  }

  @Test func shellOneLiners() throws {
    let root = TestSupport.packageRoot
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [root.appendingPathComponent("Examples/one-liners.sh").path]
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] =
      FSQBinary.url.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.currentDirectoryURL = root
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let golden = root.appendingPathComponent("Examples/one-liners.out")
    if let problem = TestSupport.compareGolden(output, golden) { Issue.record(Comment(rawValue: problem)) }
  }

  @Test func thereAreExamples() {
    #expect(Self.scripts.count >= 2)
  }
}
