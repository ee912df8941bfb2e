#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Running child processes and timing them

/// One run of a child process: wall time from spawn to reaped, its peak resident set and status.
struct ChildRun {
  var seconds: Double
  /// Peak RSS of this child alone (wait4's rusage), in KiB.
  var maxRSSKiB: Int
  var status: Int32
}

/// Monotonic seconds.
func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Spawns `argv` (argv[0] a path) with stdin from a file (or /dev/null), stdout and stderr to
/// files, waits for it and returns its wall time and peak RSS. Both programs under test are run
/// the same way, so the spawn overhead is the same on both sides.
func spawn(_ argv: [String], stdin: String? = nil, stdout: String, stderr: String) -> ChildRun {
  #if os(Linux)
    var actions = posix_spawn_file_actions_t()
  #else
    var actions: posix_spawn_file_actions_t? = nil
  #endif
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
  defer { for argument in cArguments { free(argument) } }
  var pid: pid_t = 0
  let start = now()
  let code = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
  if code != 0 { fail("cannot run \(argv[0]): \(String(cString: strerror(code)))") }
  var status: Int32 = 0
  var usage = rusage()
  while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
  let elapsed = now() - start
  let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  return ChildRun(seconds: elapsed, maxRSSKiB: Int(usage.ru_maxrss), status: exitStatus)
}

// MARK: - Files

func writeFile(_ path: String, _ text: String) {
  guard let file = fopen(path, "wb") else { fail("cannot write \(path): \(String(cString: strerror(errno)))") }
  var text = text
  text.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, file) }
  fclose(file)
}

func readFile(_ path: String) -> String {
  guard let file = fopen(path, "rb") else { return "" }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count <= 0 { break }
    bytes.append(contentsOf: buffer[0..<count])
  }
  return String(decoding: bytes, as: UTF8.self)
}

func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

/// The folder this executable lives in (fsq is built next to it).
func executableFolder() -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  let path =
    count > 0
    ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
  return path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
}

func fail(_ message: String) -> Never {
  var text = "fsq-bench: \(message)\n"
  text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
  exit(1)
}

// MARK: - Statistics

func median(_ values: [Double]) -> Double {
  precondition(!values.isEmpty)
  let sorted = values.sorted()
  let mid = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/// `value` with `places` decimals (no Foundation).
func fixed(_ value: Double, _ places: Int) -> String {
  if !value.isFinite { return "\(value)" }
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let rounded = (abs(value) * scale).rounded()
  let whole = Int(rounded / scale)
  let fraction = Int(rounded - Double(whole) * scale)
  var text = (value < 0 && rounded != 0 ? "-" : "") + String(whole)
  if places > 0 {
    let digits = String(fraction)
    text += "." + String(repeating: "0", count: places - digits.count) + digits
  }
  return text
}

func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
  let gap = String(repeating: " ", count: max(0, width - text.count))
  return right ? gap + text : text + gap
}
