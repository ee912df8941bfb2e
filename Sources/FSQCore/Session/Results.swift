// MARK: - What a run produces

/// One node of `explain`: a computation with its formula, value and, at leaves, the printed
/// figure it rests on.
public struct Explanation: Sendable, Equatable {
  /// What was computed, as fsq would write it: `margin(q3 2009)`.
  public var expression: String
  /// The formula applied at this node (`gross_profit / revenue`), if any.
  public var formula: String?
  public var value: Value
  /// Where a leaf figure was printed.
  public var source: SourceReference?
  /// Remarks such as "derived: fy 2009 minus 9m 2009" or "year inferred from …".
  public var remarks: [String]
  public var children: [Explanation]

  public init(
    expression: String, formula: String? = nil, value: Value, source: SourceReference? = nil,
    remarks: [String] = [], children: [Explanation] = []
  ) {
    self.expression = expression
    self.formula = formula
    self.value = value
    self.source = source
    self.remarks = remarks
    self.children = children
  }
}

/// A place where a release does not tie, found by `check`.
public struct Finding: Sendable, Equatable {
  /// A figure involved in a finding, with where it came from.
  public struct Figure: Sendable, Equatable {
    public var description: String
    public var value: Quantity
    public var source: SourceReference?
    public init(description: String, value: Quantity, source: SourceReference?) {
      self.description = description
      self.value = value
      self.source = source
    }
  }
  public var severity: Severity
  /// The rule's stable name: `subtotal`, `balance`, `reconciliation`, `per-share`,
  /// `reported-metric`, `repeated-figure`, `cross-foot`, `text-claim`, `restatement`.
  public var rule: String
  public var company: String
  public var document: String
  public var message: String
  /// The figure as printed first, then the figure fsq computed or found elsewhere.
  public var figures: [Figure]
  public var difference: Quantity?
  /// Every printed line the finding rests on: its figures' and the lines a computed figure
  /// was summed from (a wrong line item shows up in its total's finding).
  public var lines: [Int] = []

  /// Whether the finding points at the figure printed on `line` in the column headed
  /// `column`: one of its figures, or a line a figure in that column was computed from.
  public func points(at line: Int, column: String) -> Bool {
    let sources = figures.compactMap(\.source)
    if sources.contains(where: { $0.line == line && ($0.column == column || $0.column.isEmpty) }) { return true }
    return lines.contains(line) && sources.first?.column == column
  }

  public init(
    severity: Severity, rule: String, company: String, document: String, message: String,
    figures: [Figure], difference: Quantity?, lines: [Int] = []
  ) {
    self.lines = lines
    self.severity = severity
    self.rule = rule
    self.company = company
    self.document = document
    self.message = message
    self.figures = figures
    self.difference = difference
  }
}

/// One result of a run, in order.
public enum ResultItem: Sendable, Equatable {
  /// The value of a bare expression (or a table).
  case value(Value)
  case explanation(Explanation)
  case findings([Finding])
  /// An informational line, such as "loaded acme.htm: 1 company, 212 facts".
  case message(String)
  /// `chart …`: drawn in the terminal, or as SVG with `--chart FILE` or `to "FILE"`.
  case chart(ChartData)
}

/// Everything one `Session.run` produced. Sessions never print; front ends render this.
public struct RunResult: Sendable {
  public var items: [ResultItem]
  public var diagnostics: [Diagnostic]
  /// The worst outcome of the run.
  public var status: ExitStatus
  /// True when the source ended in the middle of a statement (open paren, trailing
  /// operator): the REPL asks for another line instead of reporting an error.
  public var isIncomplete: Bool

  public init(
    items: [ResultItem] = [], diagnostics: [Diagnostic] = [], status: ExitStatus = .success, isIncomplete: Bool = false
  ) {
    self.items = items
    self.diagnostics = diagnostics
    self.status = status
    self.isIncomplete = isIncomplete
  }
}

/// How results are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text, csv, json, markdown
}

/// Where a source came from; decides its name in diagnostics.
public enum Origin: Sendable, Equatable {
  case commandLine
  case stdin
  case file(String)
  case repl

  public var sourceName: String {
    switch self {
    case .commandLine: "<command line>"
    case .stdin: "<stdin>"
    case .file(let path): path
    case .repl: "<repl>"
    }
  }
}
