// MARK: - Reconciliations against the statements they start from

/// A reconciliation (net income → EBITDA → Adjusted EBITDA) adds up by the subtotal rule
/// (reported under the rule name `reconciliation`). Here its lines are held against the
/// income statement: a line naming an item the income statement prints must carry the same
/// amount (add-backs carry it with the opposite sign), and a net interest line must equal
/// interest expense less interest income.
enum ReconciliationRule {
  static let rule = "reconciliation"
  static let incomeStatement: Set<StatementKind> = [.incomeStatement]

  static func findings(_ company: Company) -> [Finding] {
    var findings: [Finding] = []
    for table in company.statements where table.kind == .reconciliation {
      let start = startingLine(table)
      let reconcilesToEBITDA = table.rows.contains { $0.item == "ebitda" || $0.item == "adjusted_ebitda" }
      for (index, row) in table.rows.enumerated() where row.kind == .money {
        guard let item = row.item else { continue }
        for column in CheckSupport.periodColumns(table) {
          let cell = Cell(table: table, row: index, column: column)
          guard let value = cell.value else { continue }
          if index == start || (reconcilesToEBITDA && fullAddBacks.contains(item)), hasOneColumn(table, column),
            let other = CheckSupport.cells(company, item: item, kinds: incomeStatement).first(where: {
              $0.table.columns[$0.column].period == table.columns[column].period && hasOneColumn($0.table, $0.column)
            }),
            let printed = other.value
          {
            if value.magnitude != printed.magnitude {
              findings.append(sameItem(company, cell, other))
            }
          } else if item == "interest_net", let finding = netInterest(company, cell, value) {
            findings.append(finding)
          }
        }
      }
    }
    return findings
  }

  /// EBITDA adds back the whole of interest and taxes, so on the way to EBITDA those lines are
  /// the income statement's own (depreciation may be split across cost lines, and the
  /// adjustments after EBITDA are the company's choice).
  static let fullAddBacks: Set<String> = ["interest_expense", "interest_net", "income_taxes"]

  /// The line a reconciliation starts from: its first line of money, or the first labelled
  /// as the GAAP or reported figure. Only that line is the statement's own figure; the lines
  /// after it are adjustments (often a part of a statement line: the amortization of acquired
  /// intangibles, net of tax) and the totals are the company's own measures.
  static func startingLine(_ table: StatementTable) -> Int? {
    let money = table.rows.indices.filter { table.rows[$0].kind == .money && !table.rows[$0].isHeading }
    let reported = money.first { k in
      let words = CheckSupport.words(table.rows[k].label)
      return words.first == "gaap" || words.first == "reported" || words.starts(with: ["as", "reported"])
    }
    return reported ?? money.first
  }

  /// Whether the column is the table's only one for its period: a reconciliation printing
  /// GAAP, adjustments and non-GAAP side by side under one date says in its header row, not
  /// its period, which column is which.
  static func hasOneColumn(_ table: StatementTable, _ column: Int) -> Bool {
    guard let period = table.columns[column].period else { return false }
    return CheckSupport.periodColumns(table).filter { table.columns[$0].period == period }.count == 1
  }

  static func sameItem(_ company: Company, _ cell: Cell, _ other: Cell) -> Finding {
    let value = cell.value!.magnitude
    let printed = other.value!.magnitude
    let unit = cell.unit(company)
    let tolerance = CheckSupport.printedUnit(cell.table, kind: .money)
    return Finding(
      severity: value.minus(printed).magnitude <= tolerance ? .warning : .error, rule: rule, company: company.id,
      document: cell.table.document,
      message:
        "\"\(cell.statementRow.label)\" in the reconciliation (\(cell.table.columns[cell.column].header)) differs from \"\(other.statementRow.label)\" in the \(other.table.kind.rawValue)",
      figures: [cell.figure(company), other.figure(company)], difference: Quantity(value.minus(printed), unit))
  }

  /// A net interest line against interest expense less interest income, as the income
  /// statement prints them.
  static func netInterest(_ company: Company, _ cell: Cell, _ value: Decimal) -> Finding? {
    guard let expense = CheckSupport.cell(company, item: "interest_expense", like: cell, kinds: incomeStatement),
      let expenseValue = expense.value
    else { return nil }
    let income = CheckSupport.cell(company, item: "interest_income", like: cell, kinds: incomeStatement)
    let net = expenseValue.magnitude.minus(income?.value?.magnitude ?? .zero)
    let difference = value.magnitude.minus(net.magnitude)
    guard !difference.isZero else { return nil }
    let unit = cell.unit(company)
    var message =
      "\"\(cell.statementRow.label)\" in the reconciliation (\(cell.table.columns[cell.column].header)) is not interest expense less interest income"
    // Say which printed figure the amount is, when it is another line's.
    for (r, row) in expense.table.rows.enumerated() where row.kind == .money && r != expense.row {
      if row.values[expense.column]?.magnitude == value.magnitude {
        message += "; its amount is \"\(row.label)\" (line \(row.line))"
        break
      }
    }
    var lines = "line \(expense.statementRow.line)"
    if let income { lines = "lines \(expense.statementRow.line), \(income.statementRow.line)" }
    let description =
      "\"\(expense.statementRow.label)\"" + (income.map { " − \"\($0.statementRow.label)\"" } ?? "") + " (\(lines))"
    return Finding(
      severity: difference.magnitude
        <= CheckSupport.roundingTolerance(count: 2, unit: CheckSupport.printedUnit(cell.table, kind: .money))
        ? .warning : .error,
      rule: rule, company: company.id, document: cell.table.document, message: message,
      figures: [
        cell.figure(company),
        Finding.Figure(description: description, value: Quantity(net, unit), source: expense.source),
      ],
      difference: Quantity(difference, unit))
  }
}
