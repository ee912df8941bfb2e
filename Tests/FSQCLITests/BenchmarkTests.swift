import FSQTestSupport
import Foundation
import Testing

/// The benchmark is never timed here: `--quick` runs every part on tiny inputs and fails when
/// fsq's and sqlite3's numbers disagree or a generated input does not parse or import.
@Suite struct BenchmarkTests {
  static let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static var benchURL: URL { FSQBinary.url.deletingLastPathComponent().appendingPathComponent("fsq-bench") }

  @Test(.enabled(if: sqlite3 != nil, "needs sqlite3"))
  func quickBenchmarkRunsAndAgrees() throws {
    let process = Process()
    process.executableURL = Self.benchURL
    process.arguments = ["--quick", "--fsq", FSQBinary.url.path, "--sqlite3", Self.sqlite3!]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(text.contains("fsq '+2.13 pp', sqlite3 '+2.13 pp'"), "\(text)")
    #expect(text.contains("agree on all 200 results"), "\(text)")
    #expect(text.contains("outputs checked: fsq and sqlite3 agree"), "\(text)")
  }
}
