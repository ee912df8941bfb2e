import Foundation
import Testing

/// Drives the real fsq binary on a pseudo-terminal through a private tmux server.
final class TerminalSession {
  static let tmux = "/usr/bin/tmux"
  /// `<package root>/.build/debug/fsq`, found from this file's path.
  static let binary: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent(".build/debug/fsq").path
  }()
  static var available: Bool {
    FileManager.default.isExecutableFile(atPath: tmux) && FileManager.default.isExecutableFile(atPath: binary)
  }

  let socket = NSTemporaryDirectory() + "fsq-tmux-\(UUID().uuidString.prefix(8)).sock"

  /// fsq with its history at `historyPath` and everything else inherited.
  convenience init(historyPath: String) throws {
    try self.init(environment: ["FSQ_HISTORY": historyPath], inheriting: true)
  }

  /// fsq with the given environment. Unless `inheriting`, FSQ_HISTORY and XDG_STATE_HOME are
  /// removed first, so the test says exactly where history goes.
  init(environment: [String: String], inheriting: Bool = false, arguments: String = "--no-bundled") throws {
    let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
    let reset = inheriting ? "" : "-u FSQ_HISTORY -u XDG_STATE_HOME "
    let command =
      "env \(reset)FSQ_LIBRARY=/nonexistent/fsq-tests/library.sqlite \(assignments) NO_COLOR=1 TERM=xterm '\(TerminalSession.binary)' \(arguments); echo \"[exit $?]\""
    try tmux(
      captureOutput: false,
      [
        "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", command, ";", "set-option", "remain-on-exit",
        "on",
      ])
    // Keys sent before libedit has switched the terminal to raw mode can be lost or echoed
    // twice; let the first screen settle before a test types.
    waitFor { !$0.lines.isEmpty }
    Thread.sleep(forTimeInterval: 0.2)
  }

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: socket)
  }

  /// Runs tmux on this session's socket through system(3) and waitpid, not Foundation's
  /// Process: the tmux server that new-session forks keeps inherited descriptors open, which
  /// stalls Process's termination monitoring.
  @discardableResult
  func tmux(captureOutput: Bool = true, _ arguments: [String]) throws -> String {
    func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let outputPath = socket + ".out"
    let command =
      ([TerminalSession.tmux, "-S", socket] + arguments).map(quote).joined(separator: " ")
      + " </dev/null >" + (captureOutput ? quote(outputPath) : "/dev/null") + " 2>/dev/null"
    _ = system(command)
    guard captureOutput else { return "" }
    defer { unlink(outputPath) }
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  /// Types text literally.
  func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }
  /// Presses keys by tmux name: Enter, Tab, C-c, C-d, Up.
  func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

  var screen: String { (try? tmux(["capture-pane", "-p"])) ?? "" }
  var lines: [String] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
  }

  /// Polls the screen until `condition` holds; false after `timeout` seconds.
  @discardableResult
  func waitFor(timeout: Double = 20, _ condition: (TerminalSession) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(self) { return true }
      Thread.sleep(forTimeInterval: 0.03)
    }
    return condition(self)
  }

  func waitForLastLine(_ text: String) -> Bool { waitFor { $0.lines.last == text } }

  /// Evaluates `2 * 3`, then leaves with Ctrl-D; true if both went as a user expects.
  func worksAndExits() throws -> Bool {
    try type("2 * 3")
    try press("Enter")
    guard waitFor({ $0.lines.suffix(2) == ["6", "fsq>"] }) else { return false }
    // libedit prints the prompt, then puts the terminal in raw mode, flushing input typed in
    // between: a key sent in that window is lost (seen once in CI: "fsq> ^D" and no exit).
    // Let the prompt settle as at start-up; a Ctrl-D lost all the same is sent once more,
    // while a session that does not end on Ctrl-D still fails.
    Thread.sleep(forTimeInterval: 0.2)
    try press("C-d")
    if !waitFor(timeout: 5, { $0.exitStatus != nil }) { try press("C-d") }
    return waitFor { $0.exitStatus != nil } && exitStatus == 0
  }

  /// fsq's exit status once it has ended (the pane's shell prints it), else nil.
  var exitStatus: Int? {
    guard let line = lines.last(where: { $0.hasPrefix("[exit ") && $0.hasSuffix("]") }) else { return nil }
    return Int(line.dropFirst(6).dropLast())
  }

}

func temporaryHistoryPath() -> String {
  NSTemporaryDirectory() + "fsq-history-\(UUID().uuidString.prefix(8))/state/history"
}

@Suite(.serialized, .enabled(if: TerminalSession.available, "needs /usr/bin/tmux and a built .build/debug/fsq"))
struct TerminalTests {
  @Test(.timeLimit(.minutes(1))) func evaluatesAQuery() throws {
    let terminal = try TerminalSession(historyPath: temporaryHistoryPath())
    #expect(terminal.waitForLastLine("fsq>"))
    try terminal.type("1 + 2")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.lines.suffix(3) == ["fsq> 1 + 2", "3", "fsq>"] }, "\(terminal.screen)")
  }

  @Test func tabCompletesAMetaCommand() throws {
    let terminal = try TerminalSession(historyPath: temporaryHistoryPath())
    #expect(terminal.waitForLastLine("fsq>"))
    try terminal.type(":he")
    try terminal.press("Tab")
    #expect(terminal.waitForLastLine("fsq> :help"), "\(terminal.screen)")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.screen.contains("Commands:") && $0.lines.last == "fsq>" }, "\(terminal.screen)")
  }

  @Test func tabCompletesFunctionsAndPathsAfterLoad() throws {
    let terminal = try TerminalSession(historyPath: temporaryHistoryPath())
    #expect(terminal.waitForLastLine("fsq>"))
    try terminal.type("grow")
    try terminal.press("Tab")
    #expect(terminal.waitForLastLine("fsq> growth"), "\(terminal.screen)")
    try terminal.press("C-c")
    #expect(terminal.waitForLastLine("fsq>"))
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    try terminal.type(":load \(directory)/REPLTe")
    try terminal.press("Tab")
    #expect(terminal.waitForLastLine("fsq> :load \(directory)/REPLTests.swift"), "\(terminal.screen)")
  }

  @Test func twoLineEntryUsesTheSecondaryPrompt() throws {
    let terminal = try TerminalSession(historyPath: temporaryHistoryPath())
    #expect(terminal.waitForLastLine("fsq>"))
    try terminal.type("(1 +")
    try terminal.press("Enter")
    #expect(terminal.waitForLastLine("...>"), "\(terminal.screen)")
    try terminal.type("2)")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.lines.suffix(4) == ["fsq> (1 +", "...> 2)", "3", "fsq>"] }, "\(terminal.screen)")
  }

  @Test func ctrlCAbandonsAPartialLineAndKeepsTheSession() throws {
    let terminal = try TerminalSession(historyPath: temporaryHistoryPath())
    #expect(terminal.waitForLastLine("fsq>"))
    try terminal.type("let x = 7")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.lines.suffix(2) == ["fsq> let x = 7", "fsq>"] })
    try terminal.type("x + (")
    #expect(terminal.waitForLastLine("fsq> x + ("))
    try terminal.press("C-c")
    #expect(terminal.waitForLastLine("fsq>"), "\(terminal.screen)")
    // Also from the secondary prompt.
    try terminal.type("(x +")
    try terminal.press("Enter")
    #expect(terminal.waitForLastLine("...>"))
    try terminal.press("C-c")
    #expect(terminal.waitForLastLine("fsq>"), "\(terminal.screen)")
    try terminal.type("x * 6")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.lines.suffix(3) == ["fsq> x * 6", "42", "fsq>"] }, "\(terminal.screen)")
    #expect(terminal.exitStatus == nil)
  }

  @Test func ctrlDExitsAndHistoryIsRecalledInANewSession() throws {
    let history = temporaryHistoryPath()
    do {
      let terminal = try TerminalSession(historyPath: history)
      #expect(terminal.waitForLastLine("fsq>"))
      try terminal.type("7*6")
      try terminal.press("Enter")
      #expect(terminal.waitFor { $0.lines.suffix(2) == ["42", "fsq>"] })
      try terminal.press("C-d")
      #expect(terminal.waitFor { $0.exitStatus != nil }, "\(terminal.screen)")
      #expect(terminal.exitStatus == 0)
    }
    let saved = try String(contentsOfFile: history, encoding: .utf8)
    #expect(saved.split(separator: "\n").contains("7*6"), "history file: \(saved)")

    let terminal = try TerminalSession(historyPath: history)
    #expect(terminal.waitForLastLine("fsq>"))
    try terminal.press("Up")
    // Under load the key can arrive before libedit has put the terminal in raw mode; the
    // history holds one entry, so pressing Up again is harmless.
    if !terminal.waitFor(timeout: 3, { $0.lines.last == "fsq> 7*6" }) { try terminal.press("Up") }
    #expect(terminal.waitForLastLine("fsq> 7*6"), "\(terminal.screen)")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.lines.suffix(2) == ["42", "fsq>"] }, "\(terminal.screen)")
  }

  @Test func unwritableHistoryIsAWarning() throws {
    let terminal = try TerminalSession(historyPath: "/proc/fsq-no-such-dir/history")
    #expect(
      terminal.waitFor { $0.screen.contains("warning: cannot write history file") && $0.lines.last == "fsq>" },
      "\(terminal.screen)")
    try terminal.type("2 * 3")
    try terminal.press("Enter")
    #expect(terminal.waitFor { $0.lines.suffix(2) == ["6", "fsq>"] }, "\(terminal.screen)")
  }
}
