// MARK: - check: where a release does not tie

/// General accounting rules run over a company's statements as printed and the claims its
/// text makes. Nothing here knows about any one company: every rule works from the tables'
/// structure (printed order, headings, rules, "Total …" labels), canonical items and the
/// precision each figure was printed at.
///
/// Severity: `error` for a real mismatch, `warning` for a difference the printed rounding
/// explains (or a metric computed under a different documented definition), `info` for a
/// claim the tables cannot verify. What ties produces no finding.
public enum Checker {
  public static func check(_ full: Company) -> [Finding] {
    // Tables whose figures the importer withheld are its misreading, not the release's.
    var company = full
    company.statements = full.statements.filter { !$0.withheld }
    var findings: [Finding] = []
    findings += ImportScaleRule.findings(company)
    findings += SubtotalRule.findings(company)
    findings += BalanceRule.findings(company)
    findings += ReconciliationRule.findings(company)
    findings += PerShareRule.findings(company)
    findings += ReportedMetricRule.findings(company)
    findings += RepeatedFigureRule.findings(company)
    findings += CrossFootRule.findings(company)
    findings += RepeatedFigureRule.columnFindings(company, tables: full.statements)
    findings += TextClaimRule.findings(company)
    findings += RestatementRule.findings(full)
    findings += FilingCrossCheckRule.findings(full)
    return findings
  }
}

// MARK: - Shared support for the rules

/// Exact arithmetic that cannot fail on reported figures (they are far below the limits).
extension Decimal {
  func plus(_ other: Decimal) -> Decimal { (try? adding(other)) ?? self }
  func minus(_ other: Decimal) -> Decimal { (try? subtracting(other)) ?? self }
  func times(_ other: Decimal) -> Decimal { (try? multiplying(by: other)) ?? self }
  func over(_ other: Decimal) -> Decimal? { other.isZero ? nil : try? dividing(by: other) }
  static func power10(_ n: Int) -> Decimal { (try? Decimal(significand: 1, exponent: n)) ?? .one }
  static let half = Decimal(5).times(power10(-1))
}

/// One cell of a statement: the table, the row and the column it sits in.
struct Cell {
  var table: StatementTable
  var row: Int
  var column: Int

  var statementRow: StatementRow { table.rows[row] }
  var value: Decimal? { table.rows[row].values[column] }

  var source: SourceReference {
    SourceReference(
      document: table.document, statement: table.title, label: statementRow.label,
      column: table.columns[column].header, line: statementRow.line)
  }

  func unit(_ company: Company) -> Unit { CheckSupport.unit(statementRow.kind, company) }

  func figure(_ company: Company, description: String? = nil) -> Finding.Figure {
    Finding.Figure(
      description: description
        ?? (statementRow.label.isEmpty ? "the total printed without a label" : "\"\(statementRow.label)\""),
      value: Quantity(value ?? .zero, unit(company)),
      source: source)
  }
}

enum CheckSupport {
  static func unit(_ kind: RowKind, _ company: Company) -> Unit {
    switch kind {
    case .money: .currency(company.currency)
    case .perShare: .perShare(company.currency)
    case .shares: .shares
    case .percent: .percent
    case .count: .none
    }
  }

  /// Columns holding figures for a period (not changes or percentages of a total, nor a
  /// column of rates printed beside the amounts: "Percent", "Average Yield/Rate").
  static func periodColumns(_ table: StatementTable) -> [Int] {
    table.columns.indices.filter { table.columns[$0].kind == .period && !holdsRates(table.columns[$0].header) }
  }

  static func holdsRates(_ header: String) -> Bool {
    // ASCII headers (nearly all): the sign found on the bytes, without Character iteration.
    let percentSign =
      header.utf8.allSatisfy { $0 < 0x80 } ? header.utf8.contains(UInt8(ascii: "%")) : header.contains("%")
    if percentSign { return true }
    let words = Set(words(header))
    return !words.isDisjoint(with: ["percent", "yield", "rate", "rates", "ratio", "margin"])
  }

  /// The unit figures of a kind were printed to in a table: the largest power of ten that
  /// divides every non-zero figure of that kind ("in millions" with one decimal → 100,000).
  static func printedUnit(_ table: StatementTable, kind: RowKind) -> Decimal {
    var lowest = Int.max
    for row in table.rows where row.kind == kind {
      for column in periodColumns(table) {
        if let value = row.values[column], !value.isZero { lowest = min(lowest, value.exponent) }
      }
    }
    if lowest == Int.max { lowest = 0 }
    switch kind {
    case .perShare: lowest = min(lowest, -2)
    case .percent: lowest = min(lowest, -3)
    default: lowest = min(lowest, scaleExponent(table.scaleCaption))
    }
    return Decimal.power10(lowest)
  }

  /// The scale a caption states ("in thousands" → 3), which bounds the printed unit: round
  /// made-up figures must not pass for coarser rounding than the table claims.
  static func scaleExponent(_ caption: String?) -> Int {
    // The importer's reading of the caption (`ScaleCaption`): one set of scale words for both.
    guard let caption, let money = ScaleCaption.read(caption)?.money else { return 0 }
    var exponent = 0
    var unit = Decimal.one
    while unit < money, exponent < 12 {
      unit = unit.times(Decimal(10))
      exponent += 1
    }
    return exponent
  }

  /// The most a sum of `count` rounded figures and its rounded total can differ by.
  static func roundingTolerance(count: Int, unit: Decimal) -> Decimal {
    Decimal(count + 1).times(unit).times(.half)
  }

  /// Lower-case words of a label, without punctuation, possessives or footnote marks.
  static func words(_ label: String) -> [String] {
    if let ascii = asciiWords(label) { return ascii }
    var words: [String] = []
    var current = ""
    for character in label.lowercased() {
      if character.isLetter {
        current.append(character)
      } else {
        if !current.isEmpty { words.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.filter { $0 != "s" }
  }

  /// `words` of an ASCII label, read on its bytes (lower-casing and `Character.isLetter` on
  /// every label showed in import profiles); nil when the label has other characters.
  static func asciiWords(_ label: String) -> [String]? {
    var words: [String] = []
    var current: [UInt8] = []
    for byte in label.utf8 {
      if byte >= 0x80 { return nil }
      if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) {
        current.append(byte | 0x20)
      } else if !current.isEmpty {
        if !(current.count == 1 && current[0] == UInt8(ascii: "s")) {
          words.append(String(decoding: current, as: UTF8.self))
        }
        current.removeAll(keepingCapacity: true)
      }
    }
    if !current.isEmpty, !(current.count == 1 && current[0] == UInt8(ascii: "s")) {
      words.append(String(decoding: current, as: UTF8.self))
    }
    return words
  }

  static let resultWords: Set<String> = ["income", "loss", "losses", "earnings", "profit", "ebitda", "deficit"]
  static let expenseWords: Set<String> = [
    "cost", "costs", "expense", "expenses", "charge", "charges", "tax", "taxes", "provision", "depreciation",
    "amortization", "impairment",
  ]

  /// A label naming a cost, printed positive and subtracted ("Cost of sales", "Income taxes").
  static func isExpenseLike(_ label: String) -> Bool {
    let set = Set(words(label))
    if !set.isDisjoint(with: ["tax", "taxes", "provision", "cost", "costs"]) { return true }
    if set.contains("income") || set.contains("revenue") || set.contains("revenues") || set.contains("gain") {
      return false
    }
    return !set.isDisjoint(with: expenseWords)
  }

  /// A label naming a result ("Operating Loss", "Net income", "EBITDA").
  static func isResultLike(_ label: String) -> Bool {
    let set = Set(words(label))
    guard !set.isDisjoint(with: resultWords) else { return false }
    // "Income tax provision (benefit)", "Income taxes": a tax line, not a result; "Income
    // before income taxes" and "Net income after taxes" are results.
    if !set.isDisjoint(with: ["tax", "taxes"]), set.isDisjoint(with: ["before", "after", "net", "of"]) {
      return false
    }
    return true
  }

  /// Formats a figure for a message the way the text output shows it.
  static func text(_ value: Decimal, _ unit: Unit) -> String {
    ValueFormatter.text(Quantity(value, unit))
  }

  /// The finding for a printed figure against the figure computed from others.
  static func mismatch(
    rule: String, company: Company, printed: Cell, computed: Decimal, computedDescription: String,
    computedSource: SourceReference? = nil, computedLines: [Int] = [], tolerance: Decimal, message: String
  ) -> Finding? {
    guard let value = printed.value else { return nil }
    let difference = value.minus(computed)
    if difference.isZero { return nil }
    let unit = printed.unit(company)
    let severity: Severity = difference.magnitude <= tolerance ? .warning : .error
    return Finding(
      severity: severity, rule: rule, company: company.id, document: printed.table.document,
      message: message + (severity == .warning ? " (a difference the printed rounding explains)" : ""),
      figures: [
        printed.figure(company),
        Finding.Figure(description: computedDescription, value: Quantity(computed, unit), source: computedSource),
      ],
      difference: Quantity(difference, unit), lines: [printed.statementRow.line] + computedLines)
  }

  /// Every cell of a canonical item in a company's statements, period columns only.
  static func cells(_ company: Company, item: String, kinds: Set<StatementKind>? = nil) -> [Cell] {
    var result: [Cell] = []
    for table in company.statements where kinds?.contains(table.kind) ?? true {
      for (r, row) in table.rows.enumerated() where row.item == item {
        for column in periodColumns(table) where row.values[column] != nil {
          result.append(Cell(table: table, row: r, column: column))
        }
      }
    }
    return result
  }

  /// The cell of `item` for the same period as `cell`, preferring the same table.
  static func cell(_ company: Company, item: String, like cell: Cell, kinds: Set<StatementKind>? = nil) -> Cell? {
    guard let period = cell.table.columns[cell.column].period else { return nil }
    let candidates = cells(company, item: item, kinds: kinds).filter { $0.table.columns[$0.column].period == period }
    return candidates.first { $0.table == cell.table } ?? candidates.first
  }
}
