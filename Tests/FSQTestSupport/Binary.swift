import Foundation

/// Runs the built `fsq` binary, as CLI tests do (swift-argument-parser's
/// `AssertExecuteCommand` in spirit): stdout, stderr and exit status.
public struct BinaryResult: Sendable {
  public var out: String
  public var err: String
  public var status: Int32
}

public enum FSQBinary {
  /// The `fsq` executable next to the test bundle in the build products folder.
  public static var url: URL {
    let products = TestSupport.packageRoot.appendingPathComponent(".build/debug")
    let candidate = products.appendingPathComponent("fsq")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    // `swift test` may build into a triple-named folder; .build/debug is normally a link to it.
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("fsq")
  }

  /// Runs fsq with arguments, optional stdin and extra environment; waits for it to exit.
  public static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], closeStdoutEarly: Bool = false
  ) throws -> BinaryResult {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
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
    if closeStdoutEarly {
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
    // Read both pipes concurrently so a large output cannot dead-lock the child.
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
}
