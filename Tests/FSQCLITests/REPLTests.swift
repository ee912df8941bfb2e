import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// A line reader that plays a script and records prompts and history.
struct ScriptedReader: LineReader {
  var script: [LineReadResult]
  var prompts: [String] = []
  var history: [String] = []

  init(_ script: [LineReadResult]) { self.script = script }

  mutating func readLine(prompt: String) -> LineReadResult {
    prompts.append(prompt)
    return script.isEmpty ? .endOfInput : script.removeFirst()
  }

  mutating func addHistory(_ entry: String) { history.append(entry) }
}

/// Collects what the REPL writes.
final class Transcript {
  var output = ""
  var errors = ""
}

func acme() -> Model {
  let q3 = ResolvedPeriod(
    start: CivilDate(year: 2009, month: 7, day: 1)!, end: CivilDate(year: 2009, month: 9, day: 30)!)
  let q3Before = ResolvedPeriod(
    start: CivilDate(year: 2008, month: 7, day: 1)!, end: CivilDate(year: 2008, month: 9, day: 30)!)
  let source = SourceReference(
    document: "acme.md", statement: "income statement", label: "Revenues", column: "Q3", line: 1)
  let facts = [
    Fact(
      item: "revenue", label: "Revenues", statement: .incomeStatement, period: q3, value: Decimal(1000), unit: .usd,
      source: source),
    Fact(
      item: "revenue", label: "Revenues", statement: .incomeStatement, period: q3Before, value: Decimal(800),
      unit: .usd, source: source),
    Fact(
      item: "cost_of_revenue", label: "Cost of Revenues", statement: .incomeStatement, period: q3, value: Decimal(600),
      unit: .usd, source: source),
  ]
  return Model(companies: [Company(id: "acme", name: "Acme Corp", facts: facts)])
}

func makeREPL(_ model: Model = Model()) -> (REPL, Transcript) {
  let transcript = Transcript()
  let repl = REPL(
    session: Session(model: model), renderer: OutputRenderer(format: .text), diagnostics: DiagnosticRenderer()
  ) {
    text, stream in
    if stream == .output { transcript.output += text } else { transcript.errors += text }
  }
  return (repl, transcript)
}

func play(_ lines: [LineReadResult], model: Model = Model()) -> (ScriptedReader, Transcript, FSQCore.ExitStatus, REPL) {
  let (repl, transcript) = makeREPL(model)
  var reader = ScriptedReader(lines)
  let status = repl.run(reader: &reader)
  return (reader, transcript, status, repl)
}

@Suite struct REPLLogicTests {
  @Test func ctrlDAtTheContinuationPromptDropsTheEntry() {
    // Issue 14, item 14: Ctrl-D at ...> left the session; it drops the unfinished entry.
    let (reader, transcript, status, _) = play([.line("1 + (2"), .endOfInput, .line("1 + 1"), .endOfInput])
    #expect(reader.prompts == ["fsq> ", "...> ", "fsq> ", "fsq> "])
    #expect(transcript.errors.contains("(entry dropped)"))
    #expect(transcript.output == "2\n")
    #expect(status == .success)
  }

  @Test func reportShowsWhatALoadRead() {
    let path = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus/documents/standardmotor_q1_2020.htm").path
    let (_, transcript, _, _) = play([.line(":load \(path)"), .line(":report"), .line(":report nosuch.txt")])
    #expect(transcript.output.contains("import report: standardmotor_q1_2020.htm (html)"))
    #expect(transcript.output.contains("income statement"))
    #expect(transcript.output.contains("note: line"))  // share counts read as whole shares
    #expect(transcript.errors.contains("no document named 'nosuch.txt' is loaded"))
  }

  @Test func reportOnTheBundledModelIsMadeOnRequest() {
    let (_, transcript, _, _) = play([.line(":report")], model: ReleaseImporter.bundledModel())
    #expect(transcript.output.contains("import report: 000_025e3925ba55d56f.txt"))
  }

  @Test func evaluatesAnExpression() {
    let (reader, transcript, status, _) = play([.line("1 + 2")])
    #expect(transcript.output == "3\n")
    #expect(status == .success)
    #expect(reader.history == ["1 + 2"])
    #expect(reader.prompts == ["fsq> ", "fsq> "])
  }

  @Test func promptShowsTheCurrentCompany() {
    let (reader, _, _, _) = play([.line("1")], model: acme())
    #expect(reader.prompts.first == "acme> ")
  }

  @Test func multiLineEntryIsOneHistoryEntry() {
    let (reader, transcript, _, _) = play([.line("(1 +"), .line("2)")])
    #expect(transcript.output == "3\n")
    #expect(reader.history == ["(1 +\n2)"])
    #expect(reader.prompts == ["fsq> ", "...> ", "fsq> "])
  }

  @Test func ctrlCAbandonsPartialInputAndKeepsTheSession() {
    let (reader, transcript, status, _) = play([.line("let x = 5"), .line("(x +"), .interrupted, .line("x * 2")])
    #expect(transcript.output == "10\n")
    #expect(transcript.errors == "")
    #expect(reader.history == ["let x = 5", "x * 2"])
    #expect(reader.prompts == ["fsq> ", "fsq> ", "...> ", "fsq> ", "fsq> "])
    #expect(status == .success)
  }

  @Test func ctrlDAndQuitEndTheLoop() {
    let (reader, _, status, _) = play([.line(":quit"), .line("1")])
    #expect(status == .success)
    #expect(reader.script == [.line("1")])
    let (reader2, _, _, _) = play([.line(":q"), .line("1")])
    #expect(reader2.script == [.line("1")])
  }

  @Test func errorsGoToTheErrorStream() {
    let (_, transcript, _, _) = play([.line("1 + nosuchname")])
    #expect(transcript.output == "")
    #expect(transcript.errors.contains("<repl>:1:"))
  }

  @Test func unknownMetaCommandSuggests() {
    let (_, transcript, _, _) = play([.line(":hepl")])
    #expect(transcript.errors.contains("unknown command ':hepl'"))
    #expect(transcript.errors.contains("did you mean ':help'?"))
  }

  @Test func helpPages() {
    let (repl, transcript) = makeREPL()
    repl.handle(":help")
    #expect(transcript.output.contains(":load FILE"))
    #expect(transcript.output.contains("growth"))
    transcript.output = ""
    repl.handle(":help growth")
    #expect(transcript.output.hasPrefix("growth(item, period)\n"))
    #expect(transcript.output.contains("Year-over-year"))
    transcript.output = ""
    repl.handle(":help gross_margin")
    #expect(transcript.output.contains("gross profit as a percentage of revenue"))
    #expect(transcript.output.contains("formula: gross_profit(p) / revenue(p)"))
    transcript.output = ""
    repl.handle(":help units")
    #expect(transcript.output.contains("percentage"))
    transcript.output = ""
    repl.handle(":help grwoth")
    #expect(transcript.output.contains("did you mean 'growth'?"))
    // Issue 14, item 10: ":help periods" is the topic (":help :periods" the command), and the
    // statements have help of their own.
    transcript.output = ""
    repl.handle(":help periods")
    #expect(transcript.output.hasPrefix("Periods: q3 2009"))
    transcript.output = ""
    repl.handle(":help :periods")
    #expect(transcript.output.hasPrefix(":periods"))
    for statement in ["table", "let", "assert", "def", "explain", "check", "use", "load"] {
      transcript.output = ""
      repl.handle(":help \(statement)")
      #expect(transcript.output.hasPrefix(statement), "\(statement): \(transcript.output)")
    }
    // Help is wrapped to the width, at spaces: no line longer, no word cut.
    repl.helpWidth = 40
    transcript.output = ""
    repl.handle(":help statements")
    let lines = transcript.output.split(separator: "\n")
    #expect(lines.count > 3)
    #expect(lines.allSatisfy { $0.count <= 40 })
    let words = { (text: String) in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) }
    #expect(words(transcript.output) == words(REPL.topics["statements"]!))
  }

  @Test func modelCommands() {
    let (repl, transcript) = makeREPL(acme())
    repl.handle(":companies")
    #expect(transcript.output == "* acme  Acme Corp\n")
    transcript.output = ""
    repl.handle(":items")
    #expect(transcript.output.contains("cost_of_revenue  Cost of Revenues\n"))
    #expect(transcript.output.contains("revenue"))
    transcript.output = ""
    // Issue 14, item 13: `:items WORD` filters by name or printed label.
    transcript.output = ""
    repl.handle(":items cost")
    #expect(transcript.output == "cost_of_revenue  Cost of Revenues\n")
    transcript.output = ""
    repl.handle(":items zzz")
    #expect(transcript.output == "no item of Acme Corp matches 'zzz'\n")
    // Issue 14, item 11: the labels one types, then the dates.
    transcript.output = ""
    repl.handle(":periods")
    #expect(
      transcript.output
        == "q3 2008  2008-07-01..2008-09-30 (3 months)\nq3 2009  2009-07-01..2009-09-30 (3 months)\n")
    transcript.output = ""
    repl.handle(":use nosuch")
    #expect(!transcript.errors.isEmpty)
  }

  @Test func formatVarsAndExplain() {
    let (repl, transcript) = makeREPL()
    repl.handle(":format json")
    #expect(repl.renderer.format == .json)
    repl.handle(":format yaml")
    #expect(transcript.errors.contains("unknown format 'yaml'"))
    repl.handle(":format text")
    transcript.output = ""
    repl.handle("let x = 4")
    repl.handle("def twice(n) = n * 2")
    repl.handle(":vars")
    #expect(transcript.output == "let x = 4\ndef twice(n) = n * 2\n")
    transcript.output = ""
    repl.handle(":explain twice(x)")
    #expect(transcript.output.contains("8"))
  }

  @Test func completions() {
    let (repl, _) = makeREPL(acme())
    #expect(repl.completions(for: ":he", cursor: 3) == [":help"])
    #expect(repl.completions(for: ":c", cursor: 2) == [":check", ":companies"])
    #expect(repl.completions(for: "gro", cursor: 3) == ["gross_margin", "gross_profit", "growth"])
    #expect(repl.completions(for: "growth(rev", cursor: 10) == ["revenue"])
    #expect(repl.completions(for: "1 + cost_", cursor: 9) == ["cost_of_revenue"])
    #expect(repl.completions(for: ":use a", cursor: 6) == ["acme"])
    #expect(repl.completions(for: ":format j", cursor: 9) == ["json"])
    #expect(repl.completions(for: ":help gross_m", cursor: 13) == ["gross_margin"])
    // Only the text before the cursor counts.
    #expect(repl.completions(for: "grox", cursor: 3) == ["gross_margin", "gross_profit", "growth"])
    // Issue 14, item 13: after a company's name and a dot, its items and the metrics.
    #expect(repl.completions(for: "acme.rev", cursor: 8) == ["acme.revenue"])
    #expect(repl.completions(for: "1 + acme.cost", cursor: 13) == ["acme.cost_of_revenue"])
    #expect(repl.completions(for: "nosuch.rev", cursor: 10).isEmpty)
  }

  /// Issue 18: a label printed in two sections is completed and listed with its section
  /// (Microsoft Q4 FY2024 prints "Product" under "Revenue:" and "Cost of revenue:").
  @Test func sectionQualifiedLabels() throws {
    let url = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus/documents/microsoft_q4_fy2024.md")
    var model = Model()
    try model.importRelease(bytes: Array(try Data(contentsOf: url)), documentName: "microsoft_q4_fy2024.md")
    let (repl, transcript) = makeREPL(model)
    // Inside a quote: printed labels and sections; after "Section". only that section's labels.
    #expect(repl.completions(for: "\"Cost of rev", cursor: 12).contains("revenue"))
    let line = "\"Cost of revenue\".\"Pro"
    #expect(repl.completions(for: line, cursor: line.utf8.count) == ["Product"])
    let after = "growth(\"Cost of revenue\".\"Ser"
    #expect(repl.completions(for: after, cursor: after.utf8.count) == ["Service and other"])
    repl.handle(":items product")
    #expect(transcript.output.contains("product_cost_of_revenue"))
    #expect(transcript.output.contains("\"Cost of revenue\".\"Product\""))
    #expect(transcript.output.contains("\"Revenue\".\"Product\""))
  }

  @Test func pathCompletionAfterLoad() {
    let (repl, _) = makeREPL()
    repl.listDirectory = { path in
      path == "."
        ? [("data", true), ("notes.md", false), (".hidden", false)]
        : path == "data/" ? [("acme.htm", false), ("acme.md", false)] : []
    }
    #expect(repl.completions(for: ":load ", cursor: 6) == ["data/", "notes.md"])
    #expect(repl.completions(for: ":load da", cursor: 8) == ["data/"])
    #expect(repl.completions(for: ":load data/acme.", cursor: 16) == ["data/acme.htm", "data/acme.md"])
  }

  @Test func realDirectoryListing() {
    let entries = REPL.directoryEntries("/")
    #expect(entries.contains { $0.name == "tmp" && $0.isDirectory })
  }
}

/// Issue 13: the REPL completes the words of series, lists and reports, and has help pages.
@Suite struct REPLSeriesTests {
  @Test func completesTheNewWords() {
    let session = Session(model: ReleaseImporter.bundledModel())
    let repl = REPL(session: session, renderer: OutputRenderer(format: .text), diagnostics: DiagnosticRenderer()) {
      _, _ in
    }
    #expect(repl.completions(for: "cha", cursor: 3).contains("chart"))
    #expect(
      repl.completions(for: "table revenue for fy 2009 with ", cursor: 31) == ["change", "pct_change", "sparkline"])
    #expect(repl.completions(for: "table revenue for fy 2009 with sp", cursor: 33) == ["sparkline"])
    #expect(repl.completions(for: "revenue(q3 2009) in mi", cursor: 22) == ["millions"])
    #expect(repl.completions(for: "items(inc", cursor: 9) == ["income_statement"])
    #expect(repl.completions(for: "cag", cursor: 3) == ["cagr"])
    let (helper, transcript) = makeREPL(ReleaseImporter.bundledModel())
    for word in [
      "series", "ranges", "lists", "chart", "scale", "table", "sum", "avg", "min", "max", "count", "first",
      "last", "cagr", "stdev", "pct_change", "items",
    ] {
      transcript.output = ""
      helper.handle(":help \(word)")
      #expect(!transcript.output.isEmpty && !transcript.output.hasPrefix("no help"), "\(word)")
    }
  }
}
