import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes to stdout and stderr without buffering surprises. A closed pipe (`fsq … | head -1`)
/// ends fsq quietly with status 0.
enum Output {
  static func out(_ text: String) {
    write(text, to: fsq_stdout())
  }

  static func err(_ text: String) {
    write(text, to: fsq_stderr())
  }

  static func write(_ text: String, to stream: UnsafeMutablePointer<FILE>?) {
    guard !text.isEmpty, let stream else { return }
    var text = text
    text.withUTF8 { bytes in
      if fwrite(bytes.baseAddress, 1, bytes.count, stream) < bytes.count {
        if errno == EPIPE { exit(0) }
      }
    }
  }

  static func flush() {
    if fflush(fsq_stdout()) != 0 && errno == EPIPE { exit(0) }
  }

  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
  static var noColorRequested: Bool { getenv("NO_COLOR").map { $0.pointee != 0 } ?? false }
}
