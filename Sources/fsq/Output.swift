import CEditLine
import FSQCore

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
        failed(stream)
      }
    }
  }

  static func flush() {
    if fflush(fsq_stdout()) != 0 { failed(fsq_stdout()) }
  }

  /// A write that failed: a closed pipe or stdout ends fsq quietly (status 0); any other failure of
  /// stdout (a full disk, `> /dev/full`) is said on stderr and ends fsq with status 6, so a
  /// pipeline never takes a cut-off output for a whole one.
  static func failed(_ stream: UnsafeMutablePointer<FILE>?) {
    let error = errno
    // No one is reading: a closed pipe, or stdout closed before fsq started (`>&-`).
    if error == EPIPE || error == EBADF { exit(0) }
    guard stream == fsq_stdout() else { return }
    let reason = String(cString: strerror(error))
    let message = "fsq: cannot write the output: \(reason)\n"
    _ = message.withCString { fputs($0, fsq_stderr()) }
    exit(ExitStatus.output.rawValue)
  }

  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
  static var noColorRequested: Bool { getenv("NO_COLOR").map { $0.pointee != 0 } ?? false }
}
