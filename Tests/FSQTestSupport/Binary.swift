import Foundation

/// What a program printed and how it ended.
public struct BinaryResult: Sendable, CustomStringConvertible {
  public var out: String
  public var err: String
  public var status: Int32
  public var description: String {
    "status \(status), out \(out.prefix(300).debugDescription), err \(err.prefix(300).debugDescription)"
  }
}

/// Runs a program with pipes for stdout and stderr, read concurrently so a large output cannot
/// dead-lock the child. `stdin` nil means /dev/null.
public func runProcess(
  _ executable: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
  currentDirectory: URL? = nil
) throws -> BinaryResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  // Hermetic: no model library of the machine's user is read unless a test names one.
  env["FSQ_LIBRARY"] = "/nonexistent/fsq-tests/library.sqlite"
  for (key, value) in environment { env[key] = value }
  process.environment = env
  if let currentDirectory { process.currentDirectoryURL = currentDirectory }
  let outPipe = Pipe()
  let errPipe = Pipe()
  process.standardOutput = outPipe
  process.standardError = errPipe
  let inPipe = stdin.map { _ in Pipe() }
  process.standardInput = inPipe ?? FileHandle.nullDevice
  try process.run()
  if let inPipe, let stdin {
    inPipe.fileHandleForWriting.write(Data(stdin.utf8))
    try inPipe.fileHandleForWriting.close()
  }
  nonisolated(unsafe) var errData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errData = errPipe.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return BinaryResult(
    out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self),
    status: process.terminationStatus)
}

/// Runs the built `fsq` binary, as CLI tests do (swift-argument-parser's
/// `AssertExecuteCommand` in spirit): stdout, stderr and exit status.
public enum FSQBinary {
  /// The `fsq` executable next to the test bundle in the build products folder.
  public static var url: URL {
    let products = TestSupport.packageRoot.appendingPathComponent(".build/debug")
    let candidate = products.appendingPathComponent("fsq")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    // `swift test` may build into a triple-named folder; .build/debug is normally a link to it.
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("fsq")
  }

  /// Runs fsq with arguments, stdin (an empty pipe when nil) and extra environment.
  public static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], closeStdoutEarly: Bool = false
  ) throws -> BinaryResult {
    guard closeStdoutEarly else { return try runProcess(url, arguments, stdin: stdin ?? "", environment: environment) }
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["FSQ_LIBRARY"] = "/nonexistent/fsq-tests/library.sqlite"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inPipe.fileHandleForWriting.close()
    // Read one line, then close the read end, as `| head -1` does.
    let handle = outPipe.fileHandleForReading
    var first = Data()
    while !first.contains(0x0A) {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      first.append(chunk)
    }
    try handle.close()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return BinaryResult(
      out: String(decoding: first, as: UTF8.self), err: String(decoding: err, as: UTF8.self),
      status: process.terminationStatus)
  }
}
