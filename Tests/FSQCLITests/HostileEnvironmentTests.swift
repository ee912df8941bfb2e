import FSQTestSupport
import Foundation
import Testing

// MARK: - fsq in a hostile environment
//
// The built binary against bad files, bad streams and bad state directories: each case ends
// with a clear message and the documented exit code, or quietly where a user expects quiet.
// Tests run as root here, so "unwritable" uses paths no one can write (under /dev/null or a
// regular file), and the chmod 000 case skips itself if root can read anyway.

/// A scratch directory removed when the test ends.
final class Scratch {
  let path: String
  init() throws {
    path = NSTemporaryDirectory() + "fsq-hostile-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit {
    _ = try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path + "/locked")
    try? FileManager.default.removeItem(atPath: path)
  }
  func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }
}

/// Runs a shell command line with the built fsq as `$FSQ`, for redirections Process cannot
/// express (a closed stdin, a 100 MB pipe).
func shell(_ command: String) throws -> BinaryResult {
  try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: ["FSQ": FSQBinary.url.path])
}

@Suite struct HostileEnvironmentTests {
  // MARK: Input files

  @Test func missingLoadFile() throws {
    let result = try FSQBinary.run(["--load", "/nonexistent/q3.htm", "-e", "1"])
    #expect(result.status == 5)
    #expect(result.err.contains("cannot read '/nonexistent/q3.htm': No such file or directory"), "\(result.err)")
    #expect(result.out.isEmpty)
  }

  @Test func directoryAsLoadFileOrScript() throws {
    let scratch = try Scratch()
    let load = try FSQBinary.run(["--load", scratch.path, "-e", "1"])
    #expect(load.status == 5)
    #expect(load.err.contains("it is a directory"), "\(load.err)")
    let script = try FSQBinary.run([scratch.path])
    #expect(script.status == 5)
    #expect(script.err == "fsq: cannot read script '\(scratch.path)': it is a directory\n")
    // And `load` inside a script.
    let inside = try FSQBinary.run(["-e", "load \"\(scratch.path)\""])
    #expect(inside.status == 5)
    #expect(inside.err.contains("it is a directory"))
  }

  @Test func unreadableLoadFile() throws {
    let scratch = try Scratch()
    // A path through a regular file cannot be read by anyone, root included.
    let file = try scratch.file("plain", Array("x".utf8))
    let through = try FSQBinary.run(["--load", file + "/q3.htm", "-e", "1"])
    #expect(through.status == 5)
    #expect(through.err.contains("Not a directory"), "\(through.err)")
    // chmod 000: a real permission error for everyone but root.
    let locked = try scratch.file("locked", Array(ReleaseText.harbor.utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
    if access(locked, R_OK) == 0 {
      print("skipped the chmod 000 case: running as root, which reads it anyway")
    } else {
      let result = try FSQBinary.run(["--load", locked, "-e", "1"])
      #expect(result.status == 5)
      #expect(result.err.contains("Permission denied"))
    }
  }

  @Test func garbageAsLoadFile() throws {
    let scratch = try Scratch()
    var random = SystemRandomNumberGenerator()
    let garbage = try scratch.file("garbage.htm", (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &random) })
    let result = try FSQBinary.run(["--load", garbage, "-e", "1"])
    #expect(result.status == 5)
    #expect(result.err.contains("cannot import"), "\(result.err)")
    #expect(result.err.utf8.count < 2_000)
  }

  @Test func invalidUTF8ScriptOfAMegabyte() throws {
    let scratch = try Scratch()
    let script = try scratch.file(
      "bad.fsq", Array("1 + 1\n".utf8) + [UInt8](repeating: 0xFE, count: 1 << 20) + Array("\n2\n".utf8))
    let result = try FSQBinary.run([script])
    #expect(result.status == 3)
    #expect(result.out.isEmpty)  // a script with syntax errors runs nothing
    #expect(
      result.err.contains("invalid UTF-8 byte 0xFE (and 1048575 more invalid bytes)"), "\(result.err.prefix(300))")
    #expect(result.err.utf8.count < 2_000)
  }

  @Test func inputsLargerThanTheLimitAreRefused() throws {
    let scratch = try Scratch()
    let big = scratch.path + "/big.fsq"
    #expect(FileManager.default.createFile(atPath: big, contents: nil))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
    try handle.truncate(atOffset: 100 << 20)  // 100 MB of NUL, sparse
    try handle.close()
    let script = try FSQBinary.run([big])
    #expect(script.status == 5)
    #expect(script.err == "fsq: cannot read script '\(big)': larger than 64 MiB\n")
    let load = try FSQBinary.run(["--load", big, "-e", "1"])
    #expect(load.status == 5)
    #expect(load.err.contains("larger than 64 MiB"))
    // 100 MB on stdin.
    let stdin = try shell("head -c 104857600 /dev/zero | \"$FSQ\" -")
    #expect(stdin.status == 5)
    #expect(stdin.err == "fsq: cannot read standard input: larger than 64 MiB\n")
  }

  // MARK: Streams

  @Test func emptyAndClosedStdin() throws {
    let empty = try shell("\"$FSQ\" - </dev/null")
    #expect(empty.status == 0 && empty.out.isEmpty && empty.err.isEmpty, "\(empty)")
    let implicit = try shell("\"$FSQ\" </dev/null")
    #expect(implicit.status == 0 && implicit.out.isEmpty && implicit.err.isEmpty, "\(implicit)")
    let closed = try shell("\"$FSQ\" - <&-")
    #expect(closed.status == 5, "\(closed)")
    #expect(closed.err.hasPrefix("fsq: cannot read standard input: "), "\(closed.err)")
    // -e does not need stdin at all.
    let oneLiner = try shell("\"$FSQ\" --no-bundled -e '1 + 1' <&-")
    #expect(oneLiner.status == 0 && oneLiner.out == "2\n", "\(oneLiner)")
  }

  @Test func closedStdoutEndsQuietly() throws {
    let table = try shell(
      "\"$FSQ\" -e 'table revenue, cost_of_revenue, gross_profit, margin for q3 2009, q3 2008' | head -1")
    #expect(table.status == 0)
    #expect(table.err.isEmpty, "\(table.err)")
    let many = try shell("yes 'revenue(q3 2009)' | head -100000 | \"$FSQ\" - | head -1")
    #expect(many.err.isEmpty, "\(many.err)")
    #expect(many.out.hasPrefix("$11,853,020\n"), "\(many.out.prefix(200))")
    // stdout closed before fsq starts: nothing to say, and nowhere to say it.
    let closed = try shell("\"$FSQ\" -e '1 + 1' >&-; echo \"[$?]\" >&2")
    #expect(closed.err == "[0]\n", "\(closed.err)")
  }
}

/// A release the tests can write to disk.
enum ReleaseText {
  static let harbor = """
    Harbor Lane Inc. reports fiscal 2003 results

    | | 2003 | 2002 |
    |---|---|---|
    | Revenues | $1,200 | $1,000 |
    """
}
