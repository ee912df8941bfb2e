#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read.
public struct FileError: Error, Sendable {
  public var reason: String
  public init(reason: String) { self.reason = reason }
}

/// Minimal file reading without Foundation (kept off the start-up path).
public enum FileSystem {
  /// Largest input fsq reads: scripts and releases beyond this are refused, not half-read.
  public static let maximumSize = 64 << 20

  public static func read(_ path: String) -> Result<[UInt8], FileError> {
    var info = stat()
    guard stat(path, &info) == 0 else { return .failure(FileError(reason: String(cString: strerror(errno)))) }
    if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(FileError(reason: "it is a directory")) }
    // Opened without waiting: a FIFO with no writer (`load "pipe"`) would block in open()
    // forever. Its data is awaited below, in a wait Ctrl-C ends.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(FileError(reason: String(cString: strerror(errno)))) }
    if (info.st_mode & S_IFMT) == S_IFIFO {
      var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      while poll(&waiting, 1, 100) == 0 || (waiting.revents == 0) {
        if Interrupt.isRequested {
          close(descriptor)
          return .failure(FileError(reason: "interrupted while waiting for a writer"))
        }
      }
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    guard let file = fdopen(descriptor, "rb") else {
      close(descriptor)
      return .failure(FileError(reason: String(cString: strerror(errno))))
    }
    defer { fclose(file) }
    return readAll(file)
  }

  /// Reads a stream to its end (used for stdin too).
  public static func readAll(_ file: UnsafeMutablePointer<FILE>) -> Result<[UInt8], FileError> {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, file) }
      if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
      if bytes.count > maximumSize {
        return .failure(FileError(reason: "larger than \(maximumSize >> 20) MiB"))
      }
      if count < 65536 {
        if ferror(file) != 0 { return .failure(FileError(reason: String(cString: strerror(errno)))) }
        return .success(bytes)
      }
    }
  }
}

extension FileSystem {
  /// Writes a file whole: to a temporary file beside it, then renamed over it, so a reader
  /// never sees half a chart.
  public static func write(_ path: String, _ bytes: [UInt8]) -> Result<Void, FileError> {
    let temporary = path + ".fsq-tmp"
    guard let file = fopen(temporary, "wb") else {
      return .failure(FileError(reason: String(cString: strerror(errno))))
    }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, file) }
    let closed = fclose(file)
    guard written == bytes.count, closed == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      return .failure(FileError(reason: reason))
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      return .failure(FileError(reason: reason))
    }
    return .success(())
  }
}

extension FileSystem {
  /// What `load` reads for one argument: the file itself; every visible regular file of a
  /// directory (sorted by name); or the files a glob pattern (`*`, `?`, `[…]`) matches, sorted.
  /// `expanded` says the files were found rather than named, so one that is not a release can
  /// be skipped with a note instead of failing the whole load.
  public static func releaseFiles(_ path: String) -> Result<(files: [String], expanded: Bool), FileError> {
    if path.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
      var matches = glob_t()
      defer { globfree(&matches) }
      let status = glob(path, 0, nil, &matches)
      // No match: the path as written (a file may be named so), which reading then reports.
      if status == GLOB_NOMATCH { return .success(([path], false)) }
      guard status == 0 else { return .failure(FileError(reason: "the pattern cannot be read")) }
      var files: [String] = []
      for index in 0..<Int(matches.gl_pathc) {
        guard let name = matches.gl_pathv[index] else { continue }
        let file = String(cString: name)
        if isRegularFile(file) { files.append(file) }
      }
      if files.isEmpty { return .failure(FileError(reason: "the pattern matches no regular file")) }
      return .success((files.sorted(), true))
    }
    var info = stat()
    guard stat(path, &info) == 0 else { return .success(([path], false)) }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { return .success(([path], false)) }
    guard let directory = opendir(path) else { return .failure(FileError(reason: String(cString: strerror(errno)))) }
    defer { closedir(directory) }
    var files: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard !name.hasPrefix(".") else { continue }
      let file = path.hasSuffix("/") ? path + name : path + "/" + name
      if isRegularFile(file) { files.append(file) }
    }
    if files.isEmpty { return .failure(FileError(reason: "it is a directory with no files in it")) }
    return .success((files.sorted(), true))
  }

  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }
}
