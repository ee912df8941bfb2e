import FSQTestSupport
import Foundation
import Testing

/// Options and formats of the one-liner front end, through the built binary.
@Suite struct OptionsTests {
  @Test func keepGoingAppliesToExpressions() throws {
    // Issue 14, item 16: --keep-going went on after a failing statement of a script, not -e.
    let result = try FSQBinary.run(["--keep-going", "-e", "1/0", "-e", "2"])
    #expect(result.out == "2\n")
    #expect(result.err.contains("division by zero"))
    #expect(result.status == 4)
    // Without it, the first error stops the run.
    #expect(try FSQBinary.run(["-e", "1/0", "-e", "2"]).out.isEmpty)
  }

  @Test func loadingAnotherCompanySaysItIsNowCurrent() throws {
    // Issue 14, item 15: `load` made the new company current without a word.
    let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/FSQCoreTests/Fixtures/cascade_q2_2004.txt").path
    let result = try FSQBinary.run(["-e", "load \"\(fixture)\""])
    #expect(result.out.contains("csf is now the current company (use fsnn to go back)"))
  }

  @Test func theManPageListsEveryOption() throws {
    // Issue 14, item 18: the man page Scripts/install puts in place says what --help says.
    let help = try FSQBinary.run(["--help"]).out
    let man = try String(
      contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/fsq.1"), encoding: .utf8
    ).replacingOccurrences(of: "\\-", with: "-")
    // Option lines start "  -e" or "  --load"; the lines under them continue a description.
    let options = help.components(separatedBy: "OPTIONS:")[1].split(separator: "\n").compactMap { line in
      line.hasPrefix("  -") ? line.split(separator: " ").first.map { String($0).trimmingCharacters(in: [","]) } : nil
    }
    #expect(options.count >= 10)
    for option in options { #expect(man.contains(option), "docs/fsq.1 does not mention \(option)") }
  }

  @Test func scriptsAndStandardInputAcceptCommands() throws {
    // Issue 14, item 12: `echo ':items' | fsq` said "unexpected character ':'".
    let piped = try FSQBinary.run([], stdin: ":items cost\nrevenue(q3 2009)\n:periods\n")
    #expect(piped.status == 0)
    #expect(piped.out.hasPrefix("cost_of_revenue  Cost of Revenues\n$11,853,020\nq3 2008 "))
    // The statements keep the script's line numbers around the commands.
    let broken = try FSQBinary.run([], stdin: ":companies\n\n1 +\n")
    #expect(broken.status == 3)
    #expect(broken.err.hasPrefix("<stdin>:3:4: error:"))
    // A syntax error anywhere runs nothing, commands or not.
    let late = try FSQBinary.run([], stdin: "revenue(q3 2009)\n:items zzz\nrevenue(q5 2009)\n")
    #expect(late.status == 3)
    #expect(late.out.isEmpty)
    #expect(late.err.hasPrefix("<stdin>:3:9: error: 'q5' is not a quarter"))
    // An unknown command is a usage error and stops the script.
    let unknown = try FSQBinary.run([], stdin: ":bogus\n2\n")
    #expect(unknown.status == 2)
    #expect(unknown.out.isEmpty)
    #expect(unknown.err.contains("unknown command ':bogus'"))
  }

  @Test func anUnknownOptionSaysSoOnce() throws {
    // Issue 14, item 20: the usage error pointed to --help twice.
    let result = try FSQBinary.run(["--bogus"])
    #expect(result.status == 2)
    #expect(result.err == "fsq: Unknown option '--bogus'\nRun 'fsq --help' for the options.\n")
  }

  @Test func helpWrapsWholeSentences() throws {
    // Issue 14, item 20: the overview's own line breaks broke lines again after the parser's
    // wrapping ("runs the" / "script on standard input"). Lines of a paragraph fill the width.
    let help = try FSQBinary.run(["--help"]).out
    let overview = help.components(separatedBy: "USAGE:")[0]
    for paragraph in overview.components(separatedBy: "\n\n").dropFirst() {
      let lines = paragraph.split(separator: "\n")
      for line in lines.dropLast() { #expect(line.count >= 60, "short line in --help: \(line)") }
    }
    #expect(overview.replacingOccurrences(of: "\n", with: " ").contains("or runs the script on standard input"))
  }

  static let acme = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/acme/acme_q3_fy2011.md").path

  @Test func markdownTable() throws {
    let result = try FSQBinary.run(["--format", "markdown", "-e", "table revenue, margin for q3 2009, q3 2008"])
    #expect(
      result.out == """
        | item | q3 2009 | q3 2008 | change |
        |---|---:|---:|---:|
        | revenue | $11,853,020 | $14,301,428 | -$2,448,408 |
        | margin | 8.33% | 6.20% | +2.13 pp |

        """)
  }

  @Test func jsonTableIsOneObject() throws {
    let result = try FSQBinary.run(["--format", "json", "-e", "table revenue, margin for q3 2009, q3 2008"])
    let lines = result.out.split(separator: "\n")
    #expect(lines.count == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(object["columns"] as? [String] == ["q3 2009", "q3 2008", "change"])
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(rows.count == 2)
    let values = try #require(rows[1]["values"] as? [String: Any])
    let change = try #require(values["change"] as? [String: Any])
    #expect(change["unit"] as? String == "pp")
  }

  @Test func csvTableHasHeader() throws {
    let result = try FSQBinary.run(["--format", "csv", "-e", "table revenue for q3 2009, q3 2008"])
    #expect(
      result.out
        == "item,q3 2009,q3 2009 unit,q3 2008,q3 2008 unit,change,change unit\r\nrevenue,11853020,USD,14301428,USD,-2448408,USD\r\n"
    )
  }

  @Test func textResultsInJSON() throws {
    let result = try FSQBinary.run(["--format", "json", "-e", "ticker(2009-05-29)"])
    #expect(result.out == "{\"value\":\"FSN\",\"unit\":null}\n")
  }

  @Test func explainOption() throws {
    let result = try FSQBinary.run(["--explain", "-e", "gross_profit(q3 2009)"])
    #expect(
      result.out.hasPrefix("gross_profit(q3 2009) = $987,196    [gross_profit(p) = revenue(p) - cost_of_revenue(p)]\n"))
    #expect(result.out.contains("from 000_025e3925ba55d56f.txt line 46"))
    let json = try FSQBinary.run(["--format", "json", "--explain", "-e", "gross_profit(q3 2009)"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    #expect((object["children"] as? [Any])?.count == 2)
  }

  @Test func importReportThroughTheBinary() throws {
    let document = TestSupport.packageRoot.appendingPathComponent(
      "Tests/Corpus/documents/pericom_q1_fy2006_submission.txt")
    let result = try FSQBinary.run(["--import-report", document.path])
    #expect(result.status == 0)
    #expect(result.out.hasPrefix("import report: pericom_q1_fy2006_submission.txt (EDGAR submission: plain text)\n"))
    #expect(result.out.contains("read EX-99.1"))
    let missing = try FSQBinary.run(["--import-report", "/nonexistent/release.htm"])
    #expect(missing.status == 5)
    #expect(missing.err.contains("cannot read"))
    let empty = try FSQBinary.run(["--import-report", "/dev/null"])
    #expect(empty.status == 5)
    #expect(empty.out.contains("refused: not an earnings release"))
  }

  @Test func loadAndCompany() throws {
    let result = try FSQBinary.run(["--load", Self.acme, "-e", "revenue(q3 2011)", "-e", "company_name()"])
    #expect(result.out == "$26,000,000\nAcme Widgets Corp.\n")
    #expect(result.status == 0)
    let unknown = try FSQBinary.run(["--company", "nobody", "-e", "1"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("unknown company 'nobody'"))
    let byTicker = try FSQBinary.run(["--company", "FSNN", "-e", "company_name()"])
    #expect(byTicker.status == 0)
  }

  @Test func loadFailures() throws {
    let missing = try FSQBinary.run(["--load", "/nonexistent/release.htm", "-e", "1"])
    #expect(missing.status == 5)
    #expect(missing.err.contains("cannot read '/nonexistent/release.htm'"))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-garbage-\(UUID().uuidString).txt")
    try Data([0x00, 0x01, 0x02, 0xFF, 0xFE]).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let garbage = try FSQBinary.run(["--load", url.path, "-e", "1"])
    #expect(garbage.status == 5)
    #expect(garbage.err.contains("not an earnings release"))
  }

  @Test func colourOnlyOnTerminal() throws {
    // Output to a pipe carries no escape codes even with NO_COLOR unset.
    let result = try FSQBinary.run(["-e", "1/0"], environment: ["NO_COLOR": ""])
    #expect(!result.err.contains("\u{1B}["))
  }
}

@Suite struct WriteFailureTests {
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
  func aFailedWriteIsAnErrorWithItsOwnExitCode() throws {
    // Issue 17, item 10: `fsq --export json > /dev/full` exited 0 with nothing said.
    for arguments in [["--export", "json"], ["-e", "revenue(q3 2009)"]] {
      let result = try runProcess(
        URL(fileURLWithPath: "/bin/sh"),
        ["-c", "'\(FSQBinary.url.path)' \(arguments.map { "'\($0)'" }.joined(separator: " ")) > /dev/full"])
      #expect(result.status == 6, "\(arguments)")
      #expect(result.err.contains("fsq: cannot write the output: No space left on device"))
    }
  }
}

/// Starts a process and returns without waiting for it.
func runProcessInBackground(_ path: String, _ arguments: [String]) throws -> Process {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  try process.run()
  return process
}

@Suite struct EdgeInputTests {
  @Test func aMutualRecursionSaysSoInAFewLines() throws {
    // Issue 17, item 11: 10,000 notes (950 KB) for one error.
    let result = try FSQBinary.run(["-e", "def f(n) = g(n)", "-e", "def g(n) = f(n)", "-e", "f(1)"])
    #expect(result.status == 4)
    #expect(result.err.utf8.count < 5_000, "\(result.err.utf8.count) bytes")
    #expect(result.err.contains("and the calls between them, not shown"))
  }

  @Test func aScriptStartingWithAByteOrderMarkRuns() throws {
    // Issue 17, item 11: a BOM at the start of a script was an unexpected character.
    let result = try FSQBinary.run(["--no-bundled", "-"], stdin: "\u{FEFF}1 + 1\n")
    #expect(result.status == 0)
    #expect(result.out == "2\n")
  }

  @Test func aReleaseFromAFifoLoadsWhenItsWriterComes() throws {
    // Issue 17, item 9: opening a FIFO no longer blocks; its data is awaited (process
    // substitution, `--load <(…)`, keeps working).
    let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-fifo-\(getpid())").path
    unlink(fifo)
    #expect(mkfifo(fifo, 0o600) == 0)
    defer { unlink(fifo) }
    let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/FSQCoreTests/Fixtures/cascade_q2_2004.txt").path
    let writer = try runProcessInBackground("/bin/sh", ["-c", "sleep 1; cat '\(fixture)' > '\(fifo)'"])
    let result = try FSQBinary.run(["--no-bundled", "--load", fifo, "-e", "revenue(q2 2004)"])
    writer.waitUntilExit()
    #expect(result.out.hasSuffix("$512,300,000\n"), "\(result)")
  }

  @Test func aReleaseWithCarriageReturnsAloneLoads() throws {
    // Issue 17, item 11: CR-only line ends loaded with zero facts.
    let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/FSQCoreTests/Fixtures/cascade_q2_2004.txt")
    let text = try String(contentsOf: fixture, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-cr-\(getpid()).txt")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try FSQBinary.run(["--no-bundled", "--load", url.path, "-e", "revenue(q2 2004)"])
    #expect(result.out.hasSuffix("$512,300,000\n"), "\(result)")
  }
}

@Suite struct TerminalSafetyTests {
  /// A release whose title and a label carry terminal escapes (retitle the window, turn text red).
  static let hostile =
    "# Acme \u{1B}]0;pwned\u{07} Corp Reports Results\n\nNEW YORK, Nov. 10, 2009 -- Acme (NYSE: ACME) today reported results.\n\n"
    + "| | Three Months Ended September 30, 2009 | Three Months Ended September 30, 2008 |\n|---|---|---|\n"
    + "| Revenue\u{1B}[31m | $100 | $90 |\n| Net income | $10 | $9 |\n"

  @Test func controlCharactersFromAReleaseAreShownEscaped() throws {
    // Issue 17, item 4: ESC and BEL from a release reached explain, :items and the import
    // report raw.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-escape-\(getpid()).md")
    try Data(Self.hostile.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let runs = [
      try FSQBinary.run(["--no-bundled", "--load", url.path, "-e", "explain revenue_31m(q3 2009)"]),
      try FSQBinary.run(["--no-bundled", "--load", url.path], stdin: ":items\n"),
      try FSQBinary.run(["--import-report", url.path]),
    ]
    for result in runs {
      #expect(!result.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(result.out)")
    }
    #expect(runs[0].out.contains("Revenue\\u{1b}[31m"))
    #expect(runs[1].out.contains("Revenue\\u{1b}[31m"))
    // JSON keeps the text exactly (escaped the JSON way).
    let json = try FSQBinary.run(["--no-bundled", "--load", url.path, "--export", "json"])
    #expect(json.out.contains("Revenue\\u001b[31m") || json.out.contains("Revenue\\u001B[31m"))
  }
}

@Suite struct ExportTests {
  @Test func csvNeutralisesFormulasButKeepsNumbers() throws {
    // Issue 17, item 5: a label starting with "-", "=", "+" or "@" opened in a spreadsheet ran
    // as a formula. (Forian's cash flow seemed to print "-Stock-based compensation expense": a
    // zero's dash glued to the label, now split off; the label here is made for the test.)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-formula-\(UUID().uuidString).md")
    try """
    # Acme Reports Results

    STATEMENTS OF OPERATIONS

    | | Three Months Ended March 31, 2020 | Three Months Ended March 31, 2019 |
    |---|---|---|
    | Revenue | 100 | 90 |
    | =SUM(A1:A9) gains | 5 | 4 |
    | Net loss | (204,907) | 94 |
    """.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try FSQBinary.run(["--no-bundled", "--load", url.path, "--export", "csv"])
    #expect(result.out.contains(",'=SUM(A1:A9) gains,"), "\(result.out)")
    #expect(!result.out.contains(",=SUM"))
    // Negative figures stay numbers.
    #expect(result.out.contains(",-204907,USD,"))
  }

  @Test func exportCSVRoundTripsThroughTheImporterFormat() throws {
    let result = try FSQBinary.run(["--export", "csv"])
    #expect(result.status == 0)
    let lines = result.out.split(separator: "\r\n")
    #expect(lines.first == "company,item,label,period_start,period_end,value,unit,source,statement,section,column")
    #expect(
      lines.contains {
        $0.hasPrefix("fsnn,revenue,Revenues,2009-07-01,2009-09-30,11853020,USD,000_025e3925ba55d56f.txt:46,")
      })
    #expect(lines.contains { $0.hasPrefix("fsnn,total_assets,TOTAL ASSETS,,2009-09-30,6749842,USD,") })
  }

  @Test func exportJSONLines() throws {
    let result = try FSQBinary.run(["--export", "json"])
    let lines = result.out.split(separator: "\n")
    #expect(lines.count > 100)
    let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(first["value"] as? NSNumber == 11853020)
    #expect(first["unit"] as? String == "USD")
    let bad = try FSQBinary.run(["--export", "xml"])
    #expect(bad.status == 2)
  }

  @Test func checkIsQuietByDefaultAndVerboseListsWhatItCouldNotVerify() throws {
    // Issue 12: the seed's 9 errors and 3 warnings are listed, errors first; its 10 info
    // findings (claims it could not place) are counted, and listed with --verbose.
    let quiet = try FSQBinary.run(["--check"])
    #expect(quiet.status == 1)
    let lines = quiet.out.split(separator: "\n")
    let heads = lines.filter { !$0.hasPrefix(" ") }.dropLast()
    #expect(heads.filter { $0.hasPrefix("error") }.count == 9)
    #expect(heads.filter { $0.hasPrefix("warning") }.count == 3)
    #expect(!heads.contains { $0.hasPrefix("info") })
    #expect(heads.first?.hasPrefix("error") == true && heads.last?.hasPrefix("warning") == true)
    #expect(
      lines.last
        == "check: 9 errors, 3 warnings, 10 info (claims and totals fsq could not verify; --verbose lists them)")
    let verbose = try FSQBinary.run(["--check", "--verbose"])
    let infos = verbose.out.split(separator: "\n").filter { $0.hasPrefix("info [text-claim] cannot verify") }
    #expect(infos.count == 10)
    #expect(verbose.out.hasSuffix("check: 9 errors, 3 warnings, 10 info\n"))
    // JSON lists every finding with its severity, and the lines each rests on.
    let json = try FSQBinary.run(["--check", "--format", "json"])
    #expect(json.out.split(separator: "\n").count == 22)
    #expect(json.out.contains("\"lines\":[159,161,162,164]"))
  }
}

/// `--chart FILE`: the SVG of the run's last chart, written whole; no chart is a usage error.
@Suite struct ChartOptionTests {
  @Test func writesTheLastChartAsSVG() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fsq-chart-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("margin.svg").path
    let result = try FSQBinary.run(["-e", "chart margin(q3 2008..q3 2009)", "--chart", path])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.isEmpty)
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
    // Fusion's gross margins as printed: 6.20% and 8.33%.
    #expect(svg.contains("q3 2008: 6.20%") && svg.contains("q3 2009: 8.33%"))
    let none = try FSQBinary.run(["-e", "1", "--chart", path + ".none"])
    #expect(none.status == 2)
    #expect(none.err.contains("drew no chart"))
    #expect(!FileManager.default.fileExists(atPath: path + ".none"))
  }
}
