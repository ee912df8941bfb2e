// MARK: - One figure, printed twice, printed the same

/// A release prints its headline figures more than once: a summary or a trend table on the
/// first page, the statements behind it. The same item for the same period in two tables of one
/// document must be the same figure, up to the rounding of the coarser table: a net income of
/// 448 in the summary and 458 in the statement means one of them is wrong. Only the company's
/// own headline lines are compared (not segments or averages; of a reconciliation or a
/// non-GAAP table only the lines it labels GAAP), and not in columns that say they are
/// restated, adjusted or pro forma.
enum RepeatedFigureRule {
  static let rule = "repeated-figure"

  struct Key: Hashable {
    var item: String
    var period: ResolvedPeriod
  }

  static func findings(_ company: Company) -> [Finding] {
    // Each table's headline figures by item and period.
    var tables: [(table: StatementTable, cells: [Key: Cell], units: [RowKind: Decimal])] = []
    for table in company.statements where compared(table) {
      let title = TextTools.lowercasedASCII(table.title)
      guard !title.has("average"), !title.has("segment") else { continue }
      // A table on a taxable-equivalent basis is another measure of the same lines.
      guard
        !table.rows.contains(where: { row in
          // (A dollar line: a margin "on a taxable-equivalent basis" is only a ratio so stated.)
          guard row.kind == .money else { return false }
          let label = TextTools.normalize(row.label)
          return label.has("taxable equivalent") || label.has("tax equivalent") || label.hasSuffix(" fte")
        })
      else { continue }
      let columns = CheckSupport.periodColumns(table).filter { c in
        table.columns[c].period != nil && !qualifiedColumn(table.columns[c].header)
      }
      // A reconciliation, or a table of another measure (pro forma, non-GAAP), is held to it
      // only on the lines it labels GAAP ("Net income (GAAP)"): the rest are its own measure.
      let otherMeasure =
        table.kind == .reconciliation
        || ["pro forma", "non-gaap", "non gaap", "adjusted", "excluding", "underlying"].contains { title.has($0) }
      var cells: [Key: Cell] = [:]
      for (r, row) in table.rows.enumerated() {
        let words = TextTools.normalize(row.label)
        guard let item = row.item, row.kind == .money || row.kind == .perShare,
          headline.contains(ItemCatalog.baseName(item)),
          !otherMeasure || (TextTools.splitOnSpaces(words).contains("gaap") && !words.has("non gaap")),
          !TextTools.lowercasedASCII(row.section ?? "").has("average")
        else { continue }
        for c in columns where row.values[c] != nil {
          let key = Key(item: item, period: table.columns[c].period!)
          if cells[key] == nil { cells[key] = Cell(table: table, row: r, column: c) }
        }
      }
      if !cells.isEmpty {
        // The printed unit of each kind of line, found once per table (not at every figure).
        let units = Dictionary(
          uniqueKeysWithValues: [RowKind.money, .perShare].map {
            ($0, CheckSupport.printedUnit(table, kind: $0))
          })
        tables.append((table, cells, units))
      }
    }
    var findings: [Finding] = []
    for (i, first) in tables.enumerated() {
      for second in tables[(i + 1)...] where comparable(first.table, second.table) {
        // Two tables print the company's same figures when they agree on at least two and on
        // more than they differ: a business line's page of the same lines agrees on none.
        var agree = 0
        var differ: [(Key, Cell, Cell, Decimal)] = []
        for (key, a) in first.cells.sorted(by: {
          ($0.value.statementRow.line, $0.value.column) < ($1.value.statementRow.line, $1.value.column)
        }) {
          guard let b = second.cells[key], let x = a.value, let y = b.value else { continue }
          // Statements keep printed signs: a cost in parentheses in one table is the same cost.
          let difference = y.magnitude.minus(x.magnitude)
          let kind = a.statementRow.kind
          let unit = max(first.units[kind] ?? .one, second.units[kind] ?? .one)
          // Within half the coarser table's printed unit: the same figure, rounded.
          if difference.magnitude <= unit.times(.half) { agree += 1 } else { differ.append((key, a, b, difference)) }
        }
        guard agree >= 2, differ.count < agree else { continue }
        for (key, a, b, difference) in differ {
          findings.append(
            Finding(
              severity: .error, rule: rule, company: company.id, document: b.table.document,
              message:
                "\(key.item) (\(b.table.columns[b.column].header)) is printed as two figures: \"\(a.table.title)\" and \"\(b.table.title)\" agree on \(agree) other figures",
              figures: [b.figure(company), a.figure(company)],
              difference: Quantity(difference, b.unit(company)),
              lines: [b.statementRow.line, a.statementRow.line]))
        }
      }
    }
    return findings
  }

  /// Two columns of one table headed with the same period (a quarter in a trend and again
  /// beside the year before) print the same figures; where they agree on most lines and differ
  /// on a few, those lines are the release's own inconsistency, not columns read out of line.
  /// (The importer withholds such a table: its figures are not answered, and this says why.)
  static func columnFindings(_ company: Company, tables: [StatementTable]) -> [Finding] {
    var findings: [Finding] = []
    for table in tables {
      let columns = CheckSupport.periodColumns(table).filter { table.columns[$0].period != nil }
      for (n, a) in columns.enumerated() {
        // Headed alike, not only for the same period ("External customers" and "Net sales"
        // of one quarter are two measures).
        for b in columns[(n + 1)...]
        where table.columns[a].period == table.columns[b].period
          && TextTools.normalize(table.columns[a].header) == TextTools.normalize(table.columns[b].header)
        {
          var agree = 0
          var differ: [(Int, Decimal)] = []
          for (r, row) in table.rows.enumerated() where row.kind == .money || row.kind == .perShare {
            guard let x = row.values[a], let y = row.values[b] else { continue }
            // (Lines printed "—" in both agree on nothing.)
            if x == y {
              if !x.isZero { agree += 1 }
            } else {
              differ.append((r, y.minus(x)))
            }
          }
          guard agree >= 2, differ.count < agree else { continue }
          for (r, difference) in differ {
            let first = Cell(table: table, row: r, column: a)
            let second = Cell(table: table, row: r, column: b)
            findings.append(
              Finding(
                severity: .error, rule: rule, company: company.id, document: table.document,
                message:
                  "\(first.figure(company).description) is printed as two figures under \"\(table.columns[a].header)\" in columns \(a + 1) and \(b + 1) of \"\(table.title)\", which agree on \(agree) other lines",
                figures: [first.figure(company), second.figure(company)],
                difference: Quantity(difference, first.unit(company)),
                lines: [table.rows[r].line]))
          }
        }
      }
    }
    return findings
  }

  /// The lines a summary repeats from the statements. Not the lines whose meaning moves
  /// between tables ("Other" under two headings, "Depreciation" in a cash flow statement).
  static let headline: Set<String> = [
    "revenue", "cost_of_revenue", "gross_profit", "operating_expenses", "operating_income", "interest_income",
    "interest_expense", "income_before_taxes", "income_taxes", "net_income", "net_income_to_common", "eps",
    "weighted_average_shares", "total_assets", "total_liabilities", "stockholders_equity",
    "total_liabilities_and_equity", "total_current_assets", "total_current_liabilities", "cash", "sga",
    "research_development",
  ]

  /// Two tables that print the same lines: statements of one kind, or a summary beside a
  /// statement. (A cash flow statement's "Income taxes" are those paid, its "Net income" the
  /// consolidated one: other figures than the income statement's.)
  static func comparable(_ a: StatementTable, _ b: StatementTable) -> Bool {
    // (A reconciliation starts from the statement's own lines: net income, its taxes.)
    func summary(_ kind: StatementKind) -> Bool { kind == .other || kind == .reconciliation }
    return a.kind == b.kind || (summary(a.kind) && b.kind != .cashFlow) || (summary(b.kind) && a.kind != .cashFlow)
  }

  /// The company's statements and summaries; not segments or reconciliations, whose lines
  /// are a part of the company or another measure of it.
  static func compared(_ table: StatementTable) -> Bool {
    switch table.kind {
    case .incomeStatement, .balanceSheet, .cashFlow, .other, .reconciliation: return true
    default: return false
    }
  }

  /// A column that says its figures are another version of the period's.
  static func qualifiedColumn(_ header: String) -> Bool {
    let text = TextTools.lowercasedASCII(header)
    return ["restat", "adjust", "reported", "pro forma", "proforma", "recast", "excluding", "non-gaap", "constant"]
      .contains { text.has($0) }
  }
}
