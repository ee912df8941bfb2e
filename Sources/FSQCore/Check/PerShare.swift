// MARK: - Per-share figures against net income and share counts

/// Per-share lines must be plausible per-share amounts, and earnings per share must equal the
/// matching income line divided by the weighted average share count, at the printed precision.
enum PerShareRule {
  static let rule = "per-share"

  static func findings(_ company: Company) -> [Finding] {
    var findings: [Finding] = []
    for table in company.statements {
      let columns = CheckSupport.periodColumns(table)
      for (index, row) in table.rows.enumerated() where row.kind == .perShare {
        var misses: [Finding] = []
        var ties = 0
        for column in columns {
          let cell = Cell(table: table, row: index, column: column)
          guard let value = cell.value else { continue }
          if holdsDollarTotal(table, row: index, column: column), repeatsDollarFigure(table, cell, value) {
            findings.append(dollarTotal(company, cell, value))
          } else if let outcome = earningsPerShare(company, cell, value) {
            if let finding = outcome { misses.append(finding) } else { ties += 1 }
          }
        }
        // The income line and share count this line was paired with are its own only if some
        // column bears the pairing out (and no more columns miss than tie); else it is a guess.
        if ties > 0 && ties >= misses.count { findings += misses }
      }
    }
    return findings
  }

  /// Whether a per-share line holds a dollar amount: the figure times the share count would
  /// be far beyond any amount in the statement, or it repeats a dollar figure of the column.
  static func holdsDollarTotal(_ table: StatementTable, row: Int, column: Int? = nil) -> Bool {
    guard table.rows[row].kind == .perShare else { return false }
    for c in column.map({ [$0] }) ?? CheckSupport.periodColumns(table) {
      // A per-share amount of a thousand or more: a dollar figure, when its product with the
      // share count dwarfs the statement's amounts (book value per share in a table without
      // the equity line does not).
      guard let value = table.rows[row].values[c], value.magnitude >= Decimal(1000) else { continue }
      let money = table.rows.filter { $0.kind == .money }.compactMap { $0.values[c]?.magnitude }
      let largest = money.max() ?? .zero
      if let shares = shareRow(table, for: row)?.values[c], !shares.isZero,
        value.magnitude.times(shares) > largest.times(Decimal(10)), !largest.isZero
      {
        return true
      }
      if value.magnitude >= Decimal(1000), money.contains(value.magnitude) { return true }
    }
    return false
  }

  /// The weighted average share row that goes with a per-share row: diluted for diluted,
  /// basic for basic, else the first share count.
  static func shareRow(_ table: StatementTable, for row: Int) -> StatementRow? {
    let shares = table.rows.filter { $0.kind == .shares }
    let words = Set(CheckSupport.words(table.rows[row].label + " " + (table.rows[row].section ?? "")))
    func mentions(_ r: StatementRow, _ word: String) -> Bool {
      CheckSupport.words(r.label + " " + (r.section ?? "")).contains(word)
    }
    if words.contains("diluted") && !words.contains("basic") {
      // Diluted EPS divides the diluted count ("common and dilutive shares"); paired with the
      // basic count it would differ by the dilution, not by an error.
      return shares.first { mentions($0, "diluted") || mentions($0, "dilutive") || mentions($0, "dilution") }
    }
    if words.contains("basic") && !words.contains("diluted"), let match = shares.first(where: { mentions($0, "basic") })
    {
      return match
    }
    return shares.first
  }

  /// The dollar line a per-share line divides: the same words without "per share", "basic",
  /// "diluted"; for a bare "Basic"/"Diluted" line, the heading it sits under.
  static func incomeRow(_ table: StatementTable, for row: Int) -> Int? {
    let ignored: Set<String> = ["per", "share", "basic", "diluted", "and", "common", "amounts", "amount"]
    func key(_ text: String) -> [String] { CheckSupport.words(text).filter { !ignored.contains($0) } }
    var wanted = key(table.rows[row].label)
    if wanted.isEmpty { wanted = key(table.rows[row].section ?? "") }
    guard !wanted.isEmpty else { return nil }
    return table.rows.indices.first { table.rows[$0].kind == .money && key(table.rows[$0].label) == wanted }
  }

  /// Whether a per-share line's figure is a dollar line's figure of the same column: the
  /// release printed an amount under the per-share heading. (Without that, a large figure
  /// under a per-share heading is more likely a share count fsq read as an amount per share.)
  static func repeatsDollarFigure(_ table: StatementTable, _ cell: Cell, _ value: Decimal) -> Bool {
    table.rows.contains { $0.kind == .money && $0.values[cell.column]?.magnitude == value.magnitude }
  }

  static func dollarTotal(_ company: Company, _ cell: Cell, _ value: Decimal) -> Finding {
    let table = cell.table
    var figures = [cell.figure(company)]
    var message =
      "\"\(cell.statementRow.label)\" (\(table.columns[cell.column].header)) under a per-share heading holds a dollar amount, not an amount per share"
    var difference: Quantity?
    let repeated = table.rows.indices.first { r in
      table.rows[r].kind == .money && table.rows[r].values[cell.column]?.magnitude == value.magnitude
    }
    if let repeated {
      let source = Cell(table: table, row: repeated, column: cell.column)
      figures.append(source.figure(company))
      message += "; it repeats \"\(table.rows[repeated].label)\" on line \(table.rows[repeated].line)"
    }
    if let shareRow = shareRow(table, for: cell.row), let shares = shareRow.values[cell.column],
      let perShare = value.over(shares)
    {
      let rounded = perShare.rounded(places: 2)
      figures.append(
        Finding.Figure(
          description:
            "\(CheckSupport.text(value, .currency(company.currency))) ÷ \(CheckSupport.text(shares, .shares)) (\"\(shareRow.label)\", line \(shareRow.line)), the amount per share",
          value: Quantity(rounded, .perShare(company.currency)), source: nil))
      difference = Quantity(value.minus(rounded), .perShare(company.currency))
    }
    return Finding(
      severity: .error, rule: rule, company: company.id, document: table.document, message: message,
      figures: figures, difference: difference)
  }

  /// EPS against the income line over the share count, allowing for the rounding of all three:
  /// nil when there is nothing to pair it with, `.some(nil)` when it ties.
  static func earningsPerShare(_ company: Company, _ cell: Cell, _ value: Decimal) -> Finding?? {
    let table = cell.table
    guard let incomeIndex = incomeRow(table, for: cell.row), let shareRow = shareRow(table, for: cell.row),
      let income = table.rows[incomeIndex].values[cell.column], let shares = shareRow.values[cell.column],
      let computed = income.over(shares)
    else { return nil }
    let perShareUnit = CheckSupport.printedUnit(table, kind: .perShare)
    let moneyUnit = CheckSupport.printedUnit(table, kind: .money)
    let shareUnit = CheckSupport.printedUnit(table, kind: .shares)
    var tolerance = perShareUnit.times(.half)
    if !income.isZero, let relative = moneyUnit.times(.half).over(income.magnitude) {
      tolerance = tolerance.plus(computed.magnitude.times(relative))
    }
    if let relative = shareUnit.times(.half).over(shares.magnitude) {
      tolerance = tolerance.plus(computed.magnitude.times(relative))
    }
    let difference = value.minus(computed)
    guard difference.magnitude > tolerance else { return .some(nil) }
    let incomeCell = Cell(table: table, row: incomeIndex, column: cell.column)
    let unit = Unit.perShare(company.currency)
    return Finding(
      severity: difference.magnitude <= tolerance.times(Decimal(2)) ? .warning : .error, rule: rule,
      company: company.id,
      document: table.document,
      message:
        "\"\(cell.statementRow.label)\" per share (\(table.columns[cell.column].header)) does not equal \"\(table.rows[incomeIndex].label)\" divided by \"\(shareRow.label)\" at the printed precision",
      figures: [
        cell.figure(company),
        Finding.Figure(
          description:
            "\(CheckSupport.text(income, .currency(company.currency))) ÷ \(CheckSupport.text(shares, .shares)) (lines \(incomeCell.statementRow.line), \(shareRow.line))",
          value: Quantity(computed, unit), source: incomeCell.source),
      ],
      difference: Quantity(difference, unit))
  }
}
