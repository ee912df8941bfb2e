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
      for (index, row) in table.rows.enumerated() where row.kind == .money {
        guard let item = row.item else { continue }
        for column in CheckSupport.periodColumns(table) {
          let cell = Cell(table: table, row: index, column: column)
          guard let value = cell.value else { continue }
          if let other = CheckSupport.cell(company, item: item, like: cell, kinds: incomeStatement),
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
