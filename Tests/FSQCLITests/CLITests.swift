import FSQTestSupport
import Foundation
import Testing

/// The built binary, every mode and exit code.
@Suite struct CLITests {
  @Test func oneLinerPrintsExactDecimal() throws {
    let result = try FSQBinary.run(["--no-bundled", "-e", "0.1 + 0.2"])
    #expect(result.out == "0.3\n")
    #expect(result.status == 0)
  }

  @Test func repeatedExpressionsPrintInOrder() throws {
    let result = try FSQBinary.run(["--no-bundled", "-e", "1 + 1", "-e", "-2^2"])
    #expect(result.out == "2\n-4\n")
  }

  @Test func syntaxErrorHasCaretAndExitCode3() throws {
    let result = try FSQBinary.run(["--no-bundled", "-e", "(1 +"])
    #expect(result.status == 3)
    #expect(
      result.err.hasPrefix("<command line>:1:5: error: expected an expression, found end of input\n(1 +\n    ^\n"))
  }

  @Test func divisionByZeroIsEvaluationErrorExitCode4() throws {
    let result = try FSQBinary.run(["--no-bundled", "-e", "1/0"])
    #expect(result.status == 4)
    #expect(result.err == "<command line>:1:2: error: division by zero\n1/0\n ^\n")
  }

  @Test func usageErrorExitCode2() throws {
    let result = try FSQBinary.run(["--definitely-not-an-option"])
    #expect(result.status == 2)
    #expect(result.err.contains("Unknown option"))
    let format = try FSQBinary.run(["--format", "xml", "-e", "1"])
    #expect(format.status == 2)
  }

  @Test func failedAssertionExitCode1() throws {
    let result = try FSQBinary.run(["--no-bundled", "-"], stdin: "assert 1 == 2\n")
    #expect(result.status == 1)
    #expect(result.err.hasPrefix("<stdin>:1:8: error: assertion failed"))
  }

  @Test func unreadableScriptExitCode5() throws {
    let result = try FSQBinary.run(["/nonexistent/report.fsq"])
    #expect(result.status == 5)
    #expect(result.err.contains("cannot read script '/nonexistent/report.fsq'"))
    let directory = try FSQBinary.run([NSTemporaryDirectory()])
    #expect(directory.status == 5)
    #expect(directory.err.contains("directory"))
  }

  @Test func scriptFromFileStopsAtFirstError() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-cli-\(UUID().uuidString).fsq")
    try "#!/usr/bin/env fsq\n1 + 1\n1 / 0\n2 + 2\n".write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try FSQBinary.run(["--no-bundled", url.path])
    #expect(result.out == "2\n")
    #expect(result.status == 4)
    #expect(result.err.hasPrefix("\(url.path):3:3: error: division by zero"))
    let keepGoing = try FSQBinary.run(["--no-bundled", "--keep-going", url.path])
    #expect(keepGoing.out == "2\n4\n")
  }

  @Test func aScriptWritesEachResultAsItComes() throws {
    // Statement by statement (issue 17: a script's results were kept until it ended, 700 MB
    // for 1.5 million lines): with stdout and stderr on one pipe, the error of line 3 comes
    // between the results of lines 2 and 4.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-cli-\(UUID().uuidString).fsq")
    try "1 + 1\n2 + 2\n1 / 0\n3 + 3\n".write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "\"$0\" --no-bundled --keep-going \"$1\" 2>&1", FSQBinary.url.path, url.path]
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let merged = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let lines = merged.split(separator: "\n").map(String.init)
    #expect(lines.first == "2")
    #expect(lines.dropFirst().first == "4")
    #expect(lines.dropFirst(2).first?.hasPrefix("\(url.path):3:3: error: division by zero") == true)
    #expect(lines.last == "6")
    #expect(process.terminationStatus == 4)
    // A syntax error anywhere still runs nothing.
    try "1 + 1\n2 +\n".write(to: url, atomically: true, encoding: .utf8)
    let syntax = try FSQBinary.run(["--no-bundled", url.path])
    #expect(syntax.out.isEmpty)
    #expect(syntax.status == 3)
  }

  @Test func pipedStdinRunsAsScript() throws {
    let result = try FSQBinary.run(["--no-bundled"], stdin: "let x = 2\nx * 21\n")
    #expect(result.out == "42\n")
    #expect(result.status == 0)
  }

  @Test func jsonAndCsvCarryFullPrecision() throws {
    let json = try FSQBinary.run(["--no-bundled", "--format", "json", "-e", "8.3% - 6.1%", "-e", "2/3"])
    let lines = json.out.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(first?["unit"] as? String == "pp")
    #expect((first?["value"] as? NSNumber)?.doubleValue == 2.2)
    #expect(lines[1].contains("\"value\":0.6666666666666666"))
    let csv = try FSQBinary.run(["--no-bundled", "--format", "csv", "-e", "$1.5k"])
    #expect(csv.out == "value,unit\r\n1500,USD\r\n")
    // Several values are rows of one table: one header, not one per value (issue 14, 7).
    let several = try FSQBinary.run(["--format", "csv", "-e", "revenue(q3 2009)", "-e", "revenue(q3 2008)"])
    #expect(several.out == "value,unit\r\n11853020,USD\r\n14301428,USD\r\n")
  }

  /// Issue 17, item 11: JSON carried `1e+600` as a number, which JSON readers hold as infinity.
  @Test func jsonCarriesNumbersNoDoubleHoldsAsStrings() throws {
    let json = try FSQBinary.run([
      "--no-bundled", "--format", "json", "-e", "10^300 * 10^300", "-e", "1 / 10^400", "-e", "2.5",
    ])
    let lines = json.out.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("{\"value\":\"1e+600\","))
    #expect(lines[1].hasPrefix("{\"value\":\"1e-400\","))
    #expect(lines[2].hasPrefix("{\"value\":2.5,"))
    for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
  }

  /// `revenue / 1M` printed `$11.85`, eleven dollars (issue 14, 4): it is the same revenue in
  /// millions, in every format, with the number shown and its scale named.
  @Test func anAmountOverAMillionIsShownInMillions() throws {
    let text = try FSQBinary.run(["-e", "revenue(q3 2009) / 1M", "-e", "round(revenue(q3 2009) / 1M, 1)"])
    #expect(text.out == "$11.85M\n$11.9M\n")
    let json = try FSQBinary.run(["--format", "json", "-e", "revenue(q3 2009) / 1M"])
    #expect(json.out == "{\"value\":11.85302,\"unit\":\"USD millions\",\"text\":\"$11.85M\"}\n")
    let csv = try FSQBinary.run(["--format", "csv", "-e", "revenue(q3 2009) / 1M"])
    #expect(csv.out == "value,unit\r\n11.85302,USD millions\r\n")
  }

  @Test func invalidUTF8ScriptIsDiagnosed() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-utf8-\(UUID().uuidString).fsq")
    try Data([0x31, 0x20, 0x2B, 0x20, 0xFF, 0x0A]).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try FSQBinary.run(["--no-bundled", url.path])
    #expect(result.status == 3)
    #expect(result.err.contains("invalid UTF-8"))
  }

  @Test func closedPipeExitsQuietly() throws {
    let script = String(repeating: "1 + 1\n", count: 200_000)
    let result = try FSQBinary.run(["--no-bundled", "-"], stdin: script, closeStdoutEarly: true)
    #expect(result.out.hasPrefix("2\n"))
    #expect(result.err.isEmpty)
    #expect(result.status == 0)
  }

  @Test func versionAndHelp() throws {
    let version = try FSQBinary.run(["--version"])
    #expect(version.out.hasPrefix("fsq "))
    #expect(version.status == 0)
    let help = try FSQBinary.run(["--help"])
    #expect(help.out.contains("--format"))
    #expect(help.out.contains("Exit codes"))
  }
}
