#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - The REPL loop, behind a line reader

/// What one attempt to read a line produced.
public enum LineReadResult: Equatable, Sendable {
  case line(String)
  /// Ctrl-C at the prompt: abandon the current (partial) entry.
  case interrupted
  /// Ctrl-D (or the end of the input): leave the REPL.
  case endOfInput
}

/// Where the REPL gets its lines: libedit in the executable, a script in tests.
public protocol LineReader {
  mutating func readLine(prompt: String) -> LineReadResult
  mutating func addHistory(_ entry: String)
}

/// Which stream a piece of REPL output belongs on.
public enum REPLStream: Sendable, Equatable {
  case output, error
}

/// The interactive loop: reads entries (several lines while the entry is incomplete), runs
/// them in the session or as `:` meta-commands, and writes what they produce. Never touches
/// the terminal itself.
public final class REPL {
  public let session: Session
  public var renderer: OutputRenderer
  public var diagnostics: DiagnosticRenderer
  let write: (String, REPLStream) -> Void
  /// Lists a directory for `:load` completion: names with whether each is a directory.
  public var listDirectory: (String) -> [(name: String, isDirectory: Bool)] = REPL.directoryEntries

  public static let continuationPrompt = "...> "
  /// Characters that end a word for TAB completion; the line editor must use the same set.
  public static let wordBreakCharacters = " \t\n\"'(),+*=<>!;"

  public init(
    session: Session, renderer: OutputRenderer, diagnostics: DiagnosticRenderer,
    write: @escaping (String, REPLStream) -> Void
  ) {
    self.session = session
    self.renderer = renderer
    self.diagnostics = diagnostics
    // Results and listings carry release text (labels, names): no control characters reach the
    // terminal. Errors are diagnostics, escaped by their renderer (and maybe coloured).
    self.write = { text, stream in write(stream == .output ? TerminalText.escape(text) : text, stream) }
  }

  /// The primary prompt: the current company's id, or `fsq` with none.
  public var prompt: String { "\(session.currentCompanyID ?? "fsq")> " }

  /// Runs until Ctrl-D or `:quit`.
  public func run<Reader: LineReader>(reader: inout Reader) -> ExitStatus {
    var lines: [String] = []
    while true {
      let result = reader.readLine(prompt: lines.isEmpty ? prompt : REPL.continuationPrompt)
      switch result {
      case .endOfInput:
        // Ctrl-D at the ...> prompt drops the unfinished entry; at the first prompt it leaves.
        if !lines.isEmpty {
          lines = []
          write("(entry dropped)\n", .error)
          continue
        }
        return .success
      case .interrupted:
        lines = []
        Interrupt.clear()
      case .line(let line):
        if lines.isEmpty && isBlank(line) { continue }
        lines.append(line)
        let entry = lines.joined(separator: "\n")
        if isMetaCommand(entry) {
          lines = []
          reader.addHistory(entry)
          if !meta(trimmed(entry)) { return .success }
          continue
        }
        // One parse decides both: an incomplete entry runs nothing and asks for more.
        let result = session.run(entry, origin: .repl)
        if result.isIncomplete { continue }
        lines = []
        reader.addHistory(entry)
        report(result)
      }
    }
  }

  /// A script's text in runs of statements and the `:` commands between them, each with the
  /// line it starts on: scripts and standard input accept the REPL's commands too
  /// (`echo ':items' | fsq`). Nil when the text has no command line (the usual case).
  public static func scriptParts(_ text: String) -> [(isCommand: Bool, text: String, line: Int)]? {
    // One pass over the bytes first: a ':' that opens a line (after blanks). Scripts without
    // one, nearly all, are not split into lines here.
    var lineStart = true
    var found = false
    for byte in text.utf8 {
      if byte == 0x0A {
        lineStart = true
      } else if lineStart && byte == UInt8(ascii: ":") {
        found = true
        break
      } else if byte != 0x20 && byte != 0x09 {
        lineStart = false
      }
    }
    guard found else { return nil }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func isCommand(_ line: Substring) -> Bool {
      let body = line.drop { $0 == " " || $0 == "\t" }
      guard body.first == ":", let next = body.dropFirst().first else { return false }
      return next.isLetter || next == "?"
    }
    guard lines.contains(where: isCommand) else { return nil }
    var parts: [(isCommand: Bool, text: String, line: Int)] = []
    var run: [Substring] = []
    var runStart = 1
    for (k, line) in lines.enumerated() {
      if isCommand(line) {
        if !run.isEmpty { parts.append((false, run.joined(separator: "\n"), runStart)) }
        run = []
        parts.append((true, String(line.drop { $0 == " " || $0 == "\t" }), k + 1))
        runStart = k + 2
      } else {
        run.append(line)
      }
    }
    if !run.isEmpty { parts.append((false, run.joined(separator: "\n"), runStart)) }
    return parts
  }

  /// Runs a `:` command from a script; false when it asks to quit.
  public func command(_ entry: String) -> Bool { meta(trimmed(entry)) }

  /// Runs one complete entry; false when the entry asks to quit.
  @discardableResult
  public func handle(_ entry: String) -> Bool {
    if isMetaCommand(entry) { return meta(trimmed(entry)) }
    report(session.run(entry, origin: .repl))
    return true
  }

  func report(_ result: RunResult) {
    for item in result.items {
      if case .message(let message) = item, renderer.format != .text && renderer.format != .markdown {
        write(message + "\n", .error)
        continue
      }
      write(renderer.render(item), .output)
    }
    if !result.diagnostics.isEmpty { write(diagnostics.render(result.diagnostics), .error) }
  }

  func isMetaCommand(_ entry: String) -> Bool { trimmed(entry).hasPrefix(":") }
  func isBlank(_ text: String) -> Bool { text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } }
  func trimmed(_ text: String) -> String {
    var s = Substring(text)
    while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeFirst() }
    while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeLast() }
    return String(s)
  }

  // MARK: Meta-commands

  /// The meta-commands with a one-line description each.
  public static let metaCommands: [(name: String, usage: String, summary: String)] = [
    (":help", ":help [TOPIC|FUNCTION]", "Show help: an overview, a topic, or one function or metric."),
    (":quit", ":quit, :q", "Leave fsq (Ctrl-D does the same)."),
    (":load", ":load FILE|DIR|GLOB", "Import releases, SEC company facts or XBRL instances into the model."),
    (":use", ":use NAME", "Make a company current, by id, ticker or name."),
    (":items", ":items", "List the items the current company reports."),
    (":periods", ":periods", "List the periods the current company reports."),
    (":companies", ":companies", "List the companies in the model."),
    (":format", ":format text|csv|json|markdown", "Show or set the output format."),
    (":explain", ":explain EXPR", "Show how EXPR is computed and where its figures were printed."),
    (
      ":check", ":check [COMPANY] [verbose]",
      "Check that the loaded releases tie (verbose: list what could not be verified)."
    ),
    (
      ":report", ":report [DOCUMENT]",
      "Show what importing each document read: tables, periods, scales, cells not read, cross-checks."
    ),
    (":vars", ":vars", "List your variables and functions."),
  ]
  static let metaNames = metaCommands.map(\.name) + [":q", ":exit"]

  func meta(_ entry: String) -> Bool {
    var command = entry
    var argument = ""
    if let space = entry.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      command = String(entry[..<space])
      argument = trimmed(String(entry[space...]))
    }
    switch command {
    case ":quit", ":q", ":exit":
      return false
    case ":help", ":h", ":?":
      write(help(argument), .output)
    case ":load":
      if argument.isEmpty { return usage(":load FILE") }
      var path = argument
      if path.count >= 2, path.first == "\"", path.last == "\"" { path = String(path.dropFirst().dropLast()) }
      report(session.load(path: expandHome(path)))
    case ":use":
      if argument.isEmpty { return usage(":use NAME") }
      if let problem = session.use(company: argument) {
        write(diagnostics.render(problem), .error)
      } else if let index = session.evaluator.currentCompany {
        write(TerminalText.escape("using \(session.model.companies[index].name)\n"), .error)
      }
    case ":items":
      listItems(matching: argument)
    case ":periods":
      listPeriods()
    case ":companies":
      listCompanies()
    case ":format":
      if argument.isEmpty {
        write("format: \(renderer.format.rawValue)\n", .output)
      } else if let format = OutputFormat(rawValue: argument.lowercased()) {
        renderer.format = format
        write("format: \(format.rawValue)\n", .error)
      } else {
        write("fsq: unknown format '\(argument)'; use text, csv, json or markdown\n", .error)
      }
    case ":explain":
      if argument.isEmpty { return usage(":explain EXPR") }
      report(session.run("explain " + argument, origin: .repl))
    case ":check":
      // ":check verbose" (or ":check NAME verbose") lists what could not be verified too.
      var words = argument.split(separator: " ").map(String.init)
      let verbose = words.last == "verbose" || words.last == "-v"
      if verbose { words.removeLast() }
      let name = words.joined(separator: " ")
      renderer.verbose = verbose
      report(name.isEmpty ? session.checkAll() : session.run("check \"\(name)\"", origin: .repl))
      renderer.verbose = false
    case ":report":
      let reports = session.importReports(document: argument.isEmpty ? nil : argument)
      if reports.isEmpty {
        write(
          argument.isEmpty
            ? "no document has been imported in this session\n" : "no document named '\(argument)' is loaded\n", .error)
      } else {
        write(reports.map { $0.render() }.joined(separator: "\n"), .output)
      }
    case ":vars":
      listVariables()
    default:
      var message = "fsq: unknown command '\(command)'"
      if let suggestion = Suggest.closest(to: command, in: REPL.metaNames) {
        message += "; did you mean '\(suggestion)'?"
      }
      write(message + " (:help lists the commands)\n", .error)
    }
    return true
  }

  func usage(_ text: String) -> Bool {
    write("usage: \(text)\n", .error)
    return true
  }

  func expandHome(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
    return String(cString: home) + path.dropFirst()
  }

  var currentCompany: Company? {
    session.evaluator.currentCompany.map { session.model.companies[$0] }
  }

  /// `:items`, or `:items WORD`: the items whose name or printed label contains the word.
  func listItems(matching filter: String = "") {
    guard let company = currentCompany else { return noCompany() }
    var labels: [String: String] = [:]
    var itemsByLabel: [String: Set<String>] = [:]
    for fact in company.facts { itemsByLabel[ModelIndex.normalize(fact.label), default: []].insert(fact.item) }
    for fact in company.facts where labels[fact.item] == nil {
      // A label printed for several items is shown with its section, as it is written in a
      // query: "Cost of revenue"."Product".
      let shared = (itemsByLabel[ModelIndex.normalize(fact.label)]?.count ?? 0) > 1
      if shared, let section = fact.section, !section.isEmpty {
        labels[fact.item] = Callee.quoted(fact.label, section: section)
      } else {
        labels[fact.item] = fact.label
      }
    }
    let wanted = filter.lowercased()
    if !wanted.isEmpty {
      labels = labels.filter { $0.key.lowercased().contains(wanted) || $0.value.lowercased().contains(wanted) }
    }
    let width = labels.keys.map(\.count).max() ?? 0
    var text = ""
    for name in labels.keys.sorted() {
      text += name + String(repeating: " ", count: width - name.count + 2) + labels[name]! + "\n"
    }
    let none =
      wanted.isEmpty ? "\(company.name) reports no items\n" : "no item of \(company.name) matches '\(filter)'\n"
    write(text.isEmpty ? none : text, .output)
  }

  func listPeriods() {
    guard let company = currentCompany else { return noCompany() }
    var seen = Set<ResolvedPeriod>()
    for fact in company.facts { seen.insert(fact.period) }
    let sorted = seen.sorted {
      ($0.end.dayNumber, $0.start?.dayNumber ?? Int.max) < ($1.end.dayNumber, $1.start?.dayNumber ?? Int.max)
    }
    // The label one types (q3 2009, fy 2008, 9m 2009, a date), then the dates it covers.
    let labels = sorted.map { PeriodLabel.describe($0, fiscalYearEnd: company.fiscalYearEnd) }
    let width = labels.map(\.count).max() ?? 0
    var text = ""
    for (period, label) in zip(sorted, labels) {
      let pad = String(repeating: " ", count: width - label.count + 2)
      text += label + pad + (period.isInstant ? "balance date" : "\(period) (\(period.months) months)") + "\n"
    }
    write(text.isEmpty ? "\(company.name) reports no periods\n" : text, .output)
  }

  func listCompanies() {
    let companies = session.model.companies
    let library = (session.libraryCompanies?() ?? []).filter { id in !companies.contains { $0.id == id } }
    if companies.isEmpty && library.isEmpty { return write("no companies loaded; use :load FILE\n", .output) }
    var text = ""
    for (index, company) in companies.enumerated() {
      let marker = index == session.evaluator.currentCompany ? "* " : "  "
      let tickers = company.listings.map(\.ticker)
      text +=
        marker + company.id + "  " + company.name + (tickers.isEmpty ? "" : " (\(tickers.joined(separator: ", ")))")
        + "\n"
    }
    if !library.isEmpty {
      let shown = library.prefix(40).joined(separator: ", ") + (library.count > 40 ? ", …" : "")
      text += "in the library (read when named, as use NAME or NAME.revenue(…)): \(shown)\n"
    }
    write(text, .output)
  }

  func listVariables() {
    let globals = session.evaluator.globals
    let functions = session.evaluator.functions
    if globals.isEmpty && functions.isEmpty {
      return write("no variables or functions yet; define them with let and def\n", .output)
    }
    var text = ""
    for name in globals.keys.sorted() { text += "let \(name) = \(ValueFormatter.text(globals[name]!))\n" }
    for name in functions.keys.sorted() {
      let function = functions[name]!
      text += "def \(name)(\(function.parameters.joined(separator: ", "))) = \(function.bodyText)\n"
    }
    write(text, .output)
  }

  func noCompany() {
    write("no current company; use :companies and :use NAME, or :load FILE\n", .error)
  }

  // MARK: Help

  /// The width help text is wrapped to: the terminal's, less a margin (80 columns when not known).
  public var helpWidth = 78

  /// Text reflowed to `width` columns at spaces (paragraphs kept), never breaking a word.
  static func wrap(_ text: String, width: Int) -> String {
    // Paragraphs are parted by an empty line.
    var paragraphs: [[Substring]] = [[]]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.isEmpty { paragraphs.append([]) } else { paragraphs[paragraphs.count - 1].append(line) }
    }
    return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.map { paragraph in
      var lines: [String] = []
      var line = ""
      for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        if !line.isEmpty, line.count + 1 + word.count > width {
          lines.append(line)
          line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
      }
      if !line.isEmpty { lines.append(line) }
      return lines.joined(separator: "\n")
    }.joined(separator: "\n\n")
  }

  /// The help topics, by name: these and the language version 2 topics (`series`, `lists`,
  /// `chart`, …).
  public static let topics = baseTopics.merging(reportTopics) { first, _ in first }

  static let baseTopics: [String: String] = [
    "units": """
    Units: figures carry their unit. Money is in the company's currency (USD), shares are
    counts, ratios of money are percentages and differences of percentages are percentage
    points (pp). Write amounts with a suffix: 2.5m, 300k, 1.2bn; percentages as 12%; points
    as 3pp; multiples as 1.5x. Adding money to a percentage is an error. Money or shares over
    1k, 1M or 1bn is the same amount shown in thousands, millions or billions: revenue(q3 2009)
    / 1M is $11.85M. Costs (cost_of_revenue, sga, interest_expense, income_taxes…) are
    positive however the release prints them; explain says when a printed sign was turned.
    """,
    "periods": """
    Periods: q3 2009 (a fiscal quarter), fy 2009 (a fiscal year), 9m 2009 (nine months to
    date), or a balance date such as 2009-09-30. Items take a period: revenue(q3 2009).
    A quarter that is not printed is derived from year-to-date figures and marked derived.
    :periods lists the periods the current company reports.
    """,
    "labels": """
    Labels: every printed line is reachable by the label the company printed:
    "Cost of Revenues"(q3 2009). A label printed in two sections is named with its section:
    "Cost of revenue"."Product"(fy 2024). A label goes wherever an item goes:
    growth("Net income", fy 2024), table "Net income" for fy 2024. :items lists items and
    labels; TAB inside a quote completes labels.
    """,
    "formats": """
    Formats: text (the default), csv, json (JSON Lines) and markdown. Change the format with
    :format NAME, or start fsq with --format NAME.
    """,
    "statements": """
    Statements: let NAME = EXPR binds a variable; def NAME(p) = EXPR defines a function;
    assert EXPR checks a comparison; table ROWS for COLUMNS prints a report (:help table);
    chart SERIES draws one (:help chart); explain EXPR shows the computation; check [COMPANY]
    checks that releases tie; use NAME and load "FILE" change the company and the model.
    """,
    "let": """
    let NAME = EXPR binds a variable for the rest of the session or script: let base = revenue(q3
    2008). A name can be bound once; :vars lists the bindings.
    """,
    "def": """
    def NAME(PARAMETERS) = EXPR defines a function: def gm(p) = gross_profit(p) / revenue(p). It
    is called like any other, gm(q3 2009); :vars lists your functions.
    """,
    "assert": """
    assert EXPR checks a comparison and stops a script with exit code 1 when it is false: assert
    revenue(q3 2009) > $11M. The message shows both sides.
    """,
    "table": """
    table ROWS for COLUMNS [OPTIONS] prints a report: table revenue, gross_profit, margin for
    q3 2009, q3 2008. Rows are items, metrics, printed labels, lists (items(income_statement)
    is one row per line), series, or any expression of the columns' period when the columns
    name it: table growth(revenue, q), margin for q in q1 2008..q3 2009. Columns are periods,
    ranges or lists of periods. Options, in any order: with change, pct_change, sparkline
    (extra columns); in thousands|millions|billions; decimals N; where CONDITION; order by EXPR
    [asc|desc]; limit N. In where and order by, row is the row: where row(fy2009) > $1M order
    by row(fy2009) desc. Two columns and no 'with' add a change column. The figures of one row
    in one unit show as many decimals as the most precise of them. --format csv, json and
    markdown print the table whole.
    """,
    "explain": """
    explain EXPR shows the value and where every figure in it came from: the document, line,
    statement, printed label and column. explain margin(q3 2009).
    """,
    "check": """
    check checks that the current company's releases tie (subtotals, balance sheet, reconciliations,
    a consolidating statement's columns, a figure printed in two tables, figures stated in the
    text, the importer's scale cross-checks); check "NAME" checks another.
    Errors and warnings are listed; what could not be verified is counted (:check verbose, or
    fsq --check --verbose, lists it with the reason). Percent changes are over |base|.
    """,
    "use": """
    use "NAME" makes a company current, by id, ticker or name; a name before a dot asks another
    company without switching: acmw.margin(q3 2011).
    """,
    "load": """
    load "FILE" imports an earnings release (Markdown, HTML, fixed-width text, an EDGAR submission),
    SEC company facts (JSON) or an XBRL instance, and makes its company current; :report shows what was read. load "q1.htm", "q2.htm" loads
    several; a directory loads every file in it and "releases/acme-*.htm" every file matching.
    Releases of one company (same CIK, ticker, id or name) merge into one history: a figure two
    releases print differently is taken from the newer release by its own date, explain shows
    the earlier one, and check lists it as a restatement.
    """,
    "keys": """
    Keys: TAB completes names, items, companies, commands and (after :load) file paths.
    Up and Down recall history. Ctrl-C abandons the current entry or the running evaluation;
    Ctrl-D leaves fsq, or at the ...> prompt drops the unfinished entry. An unfinished entry
    (an open parenthesis, a trailing operator) continues on the next line at the ...> prompt.
    """,
  ]

  func help(_ topic: String) -> String {
    var name = topic
    // A topic before a command of the same name (":help periods" is the periods topic;
    // ":help :periods" the command).
    if !name.hasPrefix(":"), let text = REPL.topics[name.lowercased()] {
      return REPL.wrap(text, width: helpWidth) + "\n"
    }
    if name.hasPrefix(":") || REPL.metaNames.contains(":" + name) {
      let command = name.hasPrefix(":") ? name : ":" + name
      if let entry = REPL.metaCommands.first(where: { $0.name == command || ($0.name == ":quit" && command == ":q") }) {
        return "\(entry.usage)\n  \(entry.summary)\n"
      }
    }
    if name.hasSuffix("()") { name = String(name.dropLast(2)) }
    if name.isEmpty { return overview() }
    if let builtin = Builtins.table[name] { return "\(builtin.signature)\n  \(builtin.summary)\n" }
    if let metric = session.evaluator.metrics[name] {
      let signature = "\(name)(\(metric.parameters.joined(separator: ", ")))"
      var text = signature + "\n"
      if let help = metric.help, let colon = help.firstIndex(of: ":") {
        text += "  " + trimmed(String(help[help.index(after: colon)...])) + "\n"
      }
      return text + "  formula: \(metric.bodyText)\n  metric; a figure the company reports under this name wins\n"
    }
    if let function = session.evaluator.functions[name] {
      return "def \(name)(\(function.parameters.joined(separator: ", "))) = \(function.bodyText)\n  your function\n"
    }
    if let company = currentCompany, let fact = company.facts.first(where: { $0.item == name }) {
      return "\(name)(period)\n  item reported by \(company.name) as \"\(fact.label)\" (\(fact.statement.rawValue))\n"
    }
    var message = "no help for '\(topic)'"
    if let suggestion = Suggest.closest(to: name, in: helpNames) { message += "; did you mean '\(suggestion)'?" }
    return message + "\n"
  }

  var helpNames: [String] {
    Array(REPL.topics.keys) + Array(Builtins.table.keys) + Array(session.evaluator.metrics.keys)
      + Array(session.evaluator.functions.keys) + REPL.metaNames.map { String($0.dropFirst()) }
  }

  func overview() -> String {
    var text = "Type an expression such as revenue(q3 2009) or growth(revenue, q3 2009).\n\nCommands:\n"
    let width = REPL.metaCommands.map(\.usage.count).max()!
    for entry in REPL.metaCommands {
      text += "  " + entry.usage + String(repeating: " ", count: width - entry.usage.count + 2) + entry.summary + "\n"
    }
    text += "\nTopics: " + REPL.topics.keys.sorted().joined(separator: ", ") + "\n"
    text += "Functions: " + Builtins.table.keys.sorted().joined(separator: ", ") + "\n"
    text += "Metrics: " + session.evaluator.metrics.keys.sorted().joined(separator: ", ") + "\n"
    text += ":help NAME shows one of them.\n"
    return text
  }

}
