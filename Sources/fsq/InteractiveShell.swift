import CEditLine
import FSQCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The interactive front end: the core REPL reading lines through libedit.
struct InteractiveShell {
  let session: Session
  let renderer: OutputRenderer
  let diagnostics: DiagnosticRenderer

  func run() -> ExitStatus {
    let repl = REPL(session: session, renderer: renderer, diagnostics: diagnostics) { text, stream in
      if stream == .output { Output.out(text) } else { Output.flush(); Output.err(text) }
      Output.flush()
    }
    // Help wraps to the terminal's width (never mid-word), read once at start.
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
      repl.helpWidth = Int(size.ws_col) - 2
    }
    var reader = EditLineReader(historyPath: EditLineReader.defaultHistoryPath())
    EditLineReader.completionProvider = { line, cursor in repl.completions(for: line, cursor: cursor) }
    Output.out("fsq \(FSQ.version) — :help for help, Ctrl-D to leave\n")
    Output.flush()
    let status = repl.run(reader: &reader)
    reader.save()
    return status
  }
}

/// A `LineReader` on libedit's readline emulation: history in a file, TAB completion from the
/// REPL, and Ctrl-C returning to a fresh prompt.
struct EditLineReader: LineReader {
  /// Completions for (line, cursor); set by the shell, called from libedit's C callback.
  nonisolated(unsafe) static var completionProvider: ((String, Int) -> [String])?
  nonisolated(unsafe) static var wordBreaks: UnsafeMutablePointer<CChar>? = strdup(REPL.wordBreakCharacters)

  let historyPath: String?
  var canSaveHistory: Bool

  init(historyPath: String?) {
    self.historyPath = historyPath
    canSaveHistory = historyPath != nil
    EditLineReader.installInterruptHandler()
    fsq_rl_set_name("fsq")
    fsq_rl_set_catch_signals(0)
    fsq_rl_set_getc(EditLineReader.getCharacter)
    fsq_rl_set_completion(EditLineReader.complete)
    fsq_rl_set_word_breaks(EditLineReader.wordBreaks)
    fsq_using_history()
    if let historyPath {
      switch EditLineReader.historyFile(historyPath) {
      case .refused(let reason):
        canSaveHistory = false
        Output.err("fsq: warning: history file '\(historyPath)' \(reason); history will not be read or saved\n")
        return
      case .tooLarge:
        Output.err(
          "fsq: warning: history file '\(historyPath)' is larger than \(EditLineReader.maximumHistoryBytes / 1_048_576) MiB; it was not read\n"
        )
      case .absent:
        break
      case .regular:
        _ = fsq_read_history(historyPath)
      }
      if !EditLineReader.prepare(historyPath) {
        canSaveHistory = false
        Output.err("fsq: warning: cannot write history file '\(historyPath)'; history will not be saved\n")
      }
    }
  }

  /// History files larger than this are not read (a 100 MB file took 8 s to start).
  static let maximumHistoryBytes = 10 * 1_048_576

  enum HistoryFile {
    case absent, regular, tooLarge
    case refused(String)
  }

  /// What is at the history path, without following a symlink: only a regular file (or
  /// nothing) is history. A symlink, a FIFO, a device (`/dev/zero` hung and ate gigabytes) or a
  /// directory is refused.
  static func historyFile(_ path: String) -> HistoryFile {
    var status = stat()
    if lstat(path, &status) != 0 { return errno == ENOENT || errno == ENOTDIR ? .absent : .refused("cannot be read") }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return Int(status.st_size) > maximumHistoryBytes ? .tooLarge : .regular
    case S_IFLNK: return .refused("is a symbolic link")
    case S_IFDIR: return .refused("is a directory")
    default: return .refused("is not a regular file")
    }
  }

  mutating func readLine(prompt: String) -> LineReadResult {
    Interrupt.clear()
    Output.flush()
    let line = fsq_readline(prompt)
    defer { free(line) }
    if Interrupt.isRequested {
      Interrupt.clear()
      Output.out("\n")
      Output.flush()
      return .interrupted
    }
    guard let line else {
      Output.out("\n")
      Output.flush()
      return .endOfInput
    }
    return .line(String(cString: line))
  }

  mutating func addHistory(_ entry: String) {
    _ = fsq_add_history(entry)
    save()
  }

  /// Writes the history to a new file beside the old one and renames it over it: the path is
  /// never opened for writing, so a symlink put there cannot redirect the write.
  mutating func save() {
    guard canSaveHistory, let historyPath else { return }
    var ok = false
    if case .refused = EditLineReader.historyFile(historyPath) {
      ok = false
    } else {
      var template = Array((historyPath + ".XXXXXX").utf8CString)
      let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      if descriptor >= 0 {
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fchmod(descriptor, 0o600)
        close(descriptor)
        ok = fsq_write_history(temporary) == 0 && rename(temporary, historyPath) == 0
        if !ok { unlink(temporary) }
      }
    }
    if !ok {
      canSaveHistory = false
      Output.err("fsq: warning: cannot write history file '\(historyPath)'; history will not be saved\n")
    }
  }

  // MARK: History file

  /// `$FSQ_HISTORY`, else `$XDG_STATE_HOME/fsq/history`, else `~/.local/state/fsq/history`.
  static func defaultHistoryPath() -> String? {
    func variable(_ name: String) -> String? {
      guard let value = getenv(name), value.pointee != 0 else { return nil }
      return String(cString: value)
    }
    if let path = variable("FSQ_HISTORY") { return path }
    if let state = variable("XDG_STATE_HOME") { return state + "/fsq/history" }
    if let home = variable("HOME") { return home + "/.local/state/fsq/history" }
    return nil
  }

  /// Creates the history file's directory and checks that the file can be written.
  static func prepare(_ path: String) -> Bool {
    var directory = ""
    let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    for (index, component) in components.enumerated() {
      directory += (index == 0 ? "" : "/") + component
      if directory.isEmpty { continue }
      if mkdir(directory, 0o700) != 0 && errno != EEXIST { return false }
    }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_NONBLOCK, 0o600)
    if descriptor < 0 { return false }
    close(descriptor)
    return true
  }

  // MARK: Ctrl-C

  /// SIGINT raises the interrupt flag (the evaluator polls it) and, without SA_RESTART,
  /// makes a pending read() fail with EINTR so readline returns.
  static func installInterruptHandler() {
    _ = Interrupt.flag
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interrupt.flag.pointee = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// libedit's character source: one UTF-8 character from stdin as a code point; -1 at the
  /// end of input or when Ctrl-C interrupts the read.
  static let getCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
    func byte() -> Int32 {
      var byte: UInt8 = 0
      while true {
        let count = read(STDIN_FILENO, &byte, 1)
        if count == 1 { return Int32(byte) }
        if count < 0 && errno == EINTR && Interrupt.flag.pointee == 0 { continue }
        return -1
      }
    }
    let lead = byte()
    if lead < 0x80 { return lead }
    let length = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
    var scalar = lead & (0x3F >> Int32(length))
    for _ in 0..<length {
      let next = byte()
      if next < 0 { return -1 }
      scalar = (scalar << 6) | (next & 0x3F)
    }
    return scalar
  }

  // MARK: TAB completion

  static let complete:
    @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
      text, start, end in
      fsq_rl_set_completion_over(1)
      guard let provider = EditLineReader.completionProvider else { return nil }
      let word = text.map { String(cString: $0) } ?? ""
      var line = word
      var cursor = word.utf8.count
      if let buffer = fsq_rl_line_buffer() {
        let full = String(cString: buffer)
        let point = Int(fsq_rl_point())
        if point <= full.utf8.count, full.utf8.prefix(point).elementsEqual(full.utf8.prefix(point)),
          String(decoding: full.utf8.prefix(point), as: UTF8.self).hasSuffix(word)
        {
          line = full
          cursor = point
        }
      }
      let candidates = provider(line, cursor).filter { $0.hasPrefix(word) }
      if candidates.isEmpty { return nil }
      var common = candidates[0]
      for candidate in candidates.dropFirst() {
        while !candidate.hasPrefix(common) { common.removeLast() }
      }
      fsq_rl_set_append_character(candidates.count == 1 && candidates[0].hasSuffix("/") ? 0 : 0x20)
      let matches = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: candidates.count + 2)
      matches[0] = strdup(candidates.count == 1 ? candidates[0] : common)
      for (index, candidate) in candidates.enumerated() { matches[index + 1] = strdup(candidate) }
      matches[candidates.count + 1] = nil
      // libedit frees the array with free(), so it must come from malloc.
      let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (candidates.count + 2))!
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: candidates.count + 2)
      raw.update(from: matches, count: candidates.count + 2)
      matches.deallocate()
      return raw
    }
}
