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
      terminal.waitFor { $0.screen.contains("warning: cannot write history file") && $0.lines.last == "fsq>" },
      "\(terminal.screen)")
    #expect(try terminal.worksAndExits(), "\(terminal.screen)")
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
