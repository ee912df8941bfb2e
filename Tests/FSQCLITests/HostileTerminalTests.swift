import Foundation
import Testing

// MARK: - The REPL in a hostile environment, on a real terminal (tmux)

@Suite(.serialized, .enabled(if: TerminalSession.available, "needs /usr/bin/tmux and a built .build/debug/fsq"))
struct HostileTerminalTests {
  @Test func corruptHistoryFileIsNoObstacle() throws {
    let directory = NSTemporaryDirectory() + "fsq-corrupt-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let history = directory + "/history"
    var random = SystemRandomNumberGenerator()
    var garbage = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) }
    garbage += Array("_HiStOrY_V2_\n\\0\\\\\\".utf8) + [0, 0, 0xFF, 0x0A] + Array(repeating: 0x41, count: 100_000)
    try Data(garbage).write(to: URL(fileURLWithPath: history))
    let terminal = try TerminalSession(environment: ["FSQ_HISTORY": history])
    #expect(terminal.waitFor { $0.lines.last == "fsq>" }, "\(terminal.screen)")
    #expect(try terminal.worksAndExits(), "\(terminal.screen)")
  }

  @Test func historyPathThatIsADirectory() throws {
    let terminal = try TerminalSession(environment: ["FSQ_HISTORY": NSTemporaryDirectory()])
    #expect(
      terminal.waitFor { $0.screen.contains("is a directory; history will not be read") && $0.lines.last == "fsq>" },
      "\(terminal.screen)")
    #expect(try terminal.worksAndExits(), "\(terminal.screen)")
  }

  /// Issue 17, item 3: a history path that is a symlink to another file overwrote (and
  /// chmod-ed) that file; /dev/zero as history hung and ate gigabytes.
  @Test func historyThatIsNotARegularFileIsNeitherReadNorWritten() throws {
    let directory = NSTemporaryDirectory() + "fsq-symlink-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let victim = directory + "/victim.txt"
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: victim))
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: victim)
    let link = directory + "/history"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
    let terminal = try TerminalSession(environment: ["FSQ_HISTORY": link])
    #expect(
      terminal.waitFor {
        $0.screen.contains("is a symbolic link; history will not be read") && $0.lines.last == "fsq>"
      },
      "\(terminal.screen)")
    #expect(try terminal.worksAndExits(), "\(terminal.screen)")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
    let mode = try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? Int
    #expect(mode == 0o644)
    // A device: refused at once, not read.
    let zero = try TerminalSession(environment: ["FSQ_HISTORY": "/dev/zero"])
    #expect(
      zero.waitFor { $0.screen.contains("is not a regular file") && $0.lines.last == "fsq>" }, "\(zero.screen)")
    #expect(try zero.worksAndExits(), "\(zero.screen)")
  }

  /// Issue 17, item 9: `load` of a FIFO with no writer blocked forever and ignored Ctrl-C.
  @Test func loadingAFifoWithNoWriterIsInterruptible() throws {
    let directory = NSTemporaryDirectory() + "fsq-fifo-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let fifo = directory + "/release.txt"
    #expect(mkfifo(fifo, 0o600) == 0)
    let terminal = try TerminalSession(environment: ["FSQ_HISTORY": directory + "/history"])
    #expect(terminal.waitFor { $0.lines.last == "fsq>" }, "\(terminal.screen)")
    try terminal.type(":load \(fifo)")
    try terminal.press("Enter")
    Thread.sleep(forTimeInterval: 0.5)
    try terminal.press("C-c")
    #expect(
      terminal.waitFor { $0.screen.contains("interrupted while waiting for a writer") && $0.lines.last == "fsq>" },
      "\(terminal.screen)")
    #expect(try terminal.worksAndExits(), "\(terminal.screen)")
  }

  /// History is saved by writing a new file and renaming it over the old one: the file stays
  /// private (0600) and a session's entries are there after it ends.
  @Test func historyIsSavedPrivately() throws {
    let directory = NSTemporaryDirectory() + "fsq-save-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let history = directory + "/history"
    let terminal = try TerminalSession(environment: ["FSQ_HISTORY": history])
    #expect(terminal.waitFor { $0.lines.last == "fsq>" }, "\(terminal.screen)")
    #expect(try terminal.worksAndExits(), "\(terminal.screen)")
    #expect(terminal.waitFor { _ in FileManager.default.fileExists(atPath: history) })
    let mode = try FileManager.default.attributesOfItem(atPath: history)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0 != "history" }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  /// A HOME or XDG_STATE_HOME no one can write (root included: a path under /dev/null).
  @Test(arguments: [
    ["HOME": "/dev/null"], ["XDG_STATE_HOME": "/dev/null", "HOME": "/dev/null"], ["XDG_STATE_HOME": "/proc/1/fsq"],
  ])
  func unwritableStateDirectoryIsAWarning(_ environment: [String: String]) throws {
    let terminal = try TerminalSession(environment: environment)
    #expect(
      terminal.waitFor { $0.screen.contains("warning: cannot write history file") && $0.lines.last == "fsq>" },
      "\(terminal.screen)")
    try terminal.type("1 + 1")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.lines.suffix(2) == ["2", "fsq>"] }, "\(terminal.screen)")
    // One warning, not one per entry.
    #expect(terminal.screen.components(separatedBy: "warning:").count == 2, "\(terminal.screen)")
    #expect(try terminal.worksAndExits(), "\(terminal.screen)")
  }

  @Test func noHomeAtAll() throws {
    // An empty HOME (and no FSQ_HISTORY or XDG_STATE_HOME): no history file, no complaint.
    let bare = try TerminalSession(environment: ["HOME": ""])
    #expect(bare.waitFor { $0.lines.last == "fsq>" }, "\(bare.screen)")
    #expect(!bare.screen.contains("warning"), "\(bare.screen)")
    #expect(try bare.worksAndExits(), "\(bare.screen)")
  }

  /// Ctrl-C stops a runaway evaluation and keeps the session (the flag, end to end).
  @Test func ctrlCStopsARunawayEvaluation() throws {
    let directory = NSTemporaryDirectory() + "fsq-ctrlc-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let terminal = try TerminalSession(environment: ["FSQ_HISTORY": directory + "/history"])
    #expect(terminal.waitFor { $0.lines.last == "fsq>" })
    try terminal.type("def f(n) = if(n < 1, 0, f(n-1) + f(n-1)); f(60)")
    try terminal.press("Enter")
    Thread.sleep(forTimeInterval: 0.5)
    try terminal.press("C-c")
    #expect(terminal.waitFor { $0.screen.contains("interrupted") && $0.lines.last == "fsq>" }, "\(terminal.screen)")
    try terminal.type("f(2)")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.lines.suffix(2) == ["0", "fsq>"] }, "\(terminal.screen)")
  }
}
