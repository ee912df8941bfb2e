import FSQTestSupport
import Foundation
import Testing

@testable import FSQCore

// MARK: - Bounded output, and nothing runs that the user did not ask for

@Suite struct ReliabilityOutputTests {
  func findings(_ count: Int) -> [Finding] {
    (0..<count).map { index in
      Finding(
        severity: index % 2 == 0 ? .error : .warning, rule: "subtotal", company: "acme", document: "q.htm",
        message: "finding \(index)", figures: [], difference: nil)
    }
  }

  @Test func checkPrintsAtMostAThousandFindingsAndSaysHowManyMore() {
    let many = findings(FindingLimit.printed + 234)
    for format in [OutputFormat.text, .markdown] {
      let text = OutputRenderer(format: format).render(.findings(many))
      let lines = text.split(separator: "\n")
      #expect(lines.filter { $0.contains("[subtotal]") }.count == FindingLimit.printed)
      #expect(lines.contains("… 234 more findings not shown"))
      // The summary still counts them all.
      #expect(lines.last == "check: 617 errors, 617 warnings, 0 info")
    }
    // Programs get every finding.
    #expect(OutputRenderer(format: .json).render(.findings(many)).split(separator: "\n").count == many.count)
    #expect(OutputRenderer(format: .csv).render(.findings(many)).split(separator: "\r\n").count == many.count + 1)  // RFC 4180 line ends
    // At the limit, no "more" line.
    let exact = OutputRenderer(format: .text).render(.findings(findings(FindingLimit.printed)))
    #expect(!exact.contains("more findings"))
  }

  // MARK: Nothing runs that the user did not ask for

  /// The statements fsq has. The switch is exhaustive: a new kind of statement (one that
  /// could write or run something) fails to compile here until this proof is revisited.
  func effect(of statement: Statement) -> String {
    switch statement.kind {
    case .expression, .letBinding, .definition, .assertion, .table, .explain, .check, .use, .invalid: "none"
    case .screen: "reads the library's companies"
    case .load: "reads the one path given"
    case .chart(_, let file, _): file == nil ? "none" : "writes the one path given after 'to'"
    }
  }

  @Test func theGrammarHasNoStatementThatWritesOrRuns() throws {
    // The keywords, and the statement alternatives of the authoritative grammar.
    #expect(
      Set(TokenKind.keywords.keys) == [
        "let", "def", "assert", "table", "for", "explain", "check", "use", "load", "and", "or", "not", "true", "false",
      ])
    let grammar = try String(
      contentsOf: TestSupport.packageRoot.appendingPathComponent("Grammar/fsq.ebnf"), encoding: .utf8)
    let start = try #require(grammar.range(of: "\nstatement = "))
    let end = try #require(grammar[start.upperBound...].range(of: ";"))
    let alternatives = grammar[start.upperBound..<end.lowerBound].split(separator: "|").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(
      alternatives == [
        "let_statement", "def_statement", "assert_statement", "table_statement", "explain_statement", "check_statement",
        "use_statement", "load_statement", "chart_statement", "screen_statement", "expression_statement",
      ])
    // What would run or write something is not a statement, nor a function.
    let session = Session(model: reliabilityModel)
    var reads: [String] = []
    session.readFile = { path in
      reads.append(path)
      return .failure(FileError(reason: "not in this test"))
    }
    for attempt in [
      "system(\"touch /tmp/fsq-pwned\")", "shell \"ls\"", "run \"ls\"", "exec(\"ls\")", "!ls", "`ls`", "$(ls)",
      "write \"out.txt\"", "save \"out.txt\"", "open(\"x\")", "import \"x\"", "include \"x\"", "source \"x\"",
    ] {
      let result = session.run(attempt, origin: .commandLine)
      #expect(result.status == .syntax || result.status == .evaluation, "\(attempt)")
      for statement in Parser.parse(SourceFile(name: "x", text: attempt)).statements {
        #expect(effect(of: statement) == "none", "\(attempt)")
      }
    }
    #expect(reads.isEmpty, "\(reads)")
    #expect(!FileManager.default.fileExists(atPath: "/tmp/fsq-pwned"))
  }

  @Test func loadReadsOnlyThePathGiven() {
    let session = Session(model: reliabilityModel)
    var reads: [String] = []
    let release = Array(ReleaseImporter.bundledReleases[0].text.utf8)
    session.readFile = { path in
      reads.append(path)
      return .success(release)
    }
    // A release that names other files (links, images) does not make fsq read them.
    _ = session.run("load \"releases/q3.md\"", origin: .commandLine)
    #expect(reads == ["releases/q3.md"])
    // Paths are taken as written: no ~ or $VAR expansion, no search path; a pattern that
    // matches no file is read as its own name.
    reads = []
    for path in ["*.htm", "~/q3.htm", "$HOME/q3.htm", "../../etc/passwd", "a b.txt"] {
      _ = session.run("load \"\(path)\"", origin: .commandLine)
    }
    #expect(reads == ["*.htm", "~/q3.htm", "$HOME/q3.htm", "../../etc/passwd", "a b.txt"])
    // Nothing else reads: a failing script, check, explain and use read no file.
    reads = []
    _ = session.run(
      "check\nexplain margin(q3 2009)\nuse fsnn\ntable revenue for q3 2009\nassert 1 == 2", origin: .commandLine)
    #expect(reads.isEmpty)
  }
}
