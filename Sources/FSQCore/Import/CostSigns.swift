// MARK: - One sign for costs

/// fsq keeps a cost positive: `interest_expense(q3 2009)` is $112,893 whether the release
/// prints it as "112,893" under "Costs and expenses" or as "(112,893)" under "Other income
/// (expense)", where the parentheses say it is deducted, not that it is negative. The catalog's
/// costs (`money-`: cost of revenue, SG&A, interest expense, income taxes, capital
/// expenditures…) are turned to that sign here; every other item, and every statement's
/// printed lines (which `check` reads), stay as printed. `gross_profit(p) = revenue(p) -
/// cost_of_revenue(p)` and `ebitda(p) = operating_income(p) + depreciation_amortization(p)`
/// rely on it.
///
/// Which printed sign means a deduction is read from the statement itself:
/// - income taxes between a pre-tax line and the result under it: by the arithmetic (pre-tax
///   less the printed figure, or plus it, gives the result in every column);
/// - otherwise, a cost printed negative in every column is a deduction, unless the other costs
///   of its section are printed positive (then it is a true negative, a reversal);
/// - a cost printed with both signs follows the other costs of its section (or, with none
///   there, of its statement): negated where they are printed negative, as printed otherwise.
/// Reconciliations and balance sheets keep their printed signs (an add-back is the cost).
extension StatementBuilder {
  enum CostConvention {
    case positive, negative
  }

  mutating func keepCostsPositive() {
    for index in statements.indices {
      let table = statements[index]
      guard table.kind == .incomeStatement || table.kind == .cashFlow || table.kind == .segment || table.kind == .other
      else { continue }
      let columns = CheckSupport.periodColumns(table)
      guard !columns.isEmpty else { continue }
      // How each row counts toward its section's convention, worked out once per table (each
      // cost row asks about all the others: per call, the label tests were quadratic).
      let printed = Self.costPrinting(table, columns: columns)
      for (r, row) in table.rows.enumerated() {
        guard row.kind == .money, let item = row.item, ItemCatalog.entry(named: item)?.isCost == true else { continue }
        let values = columns.compactMap { row.values[$0] }.filter { !$0.isZero }
        guard !values.isEmpty else { continue }
        let flip: Bool
        let reason: String
        if item == "income_taxes", let added = Self.taxIsAdded(table, row: r, columns: columns) {
          flip = added
          reason = "printed as its effect on income (the line above it plus this one gives the line below)"
        } else {
          let negative = values.allSatisfy(\.isNegative)
          let positive = values.allSatisfy { !$0.isNegative }
          let section = Self.costConvention(table, printed, excluding: r, section: row.section)
          if negative {
            flip = section != .positive
          } else if positive {
            flip = false
          } else {
            flip =
              (section ?? Self.costConvention(table, printed, excluding: r, section: nil, anySection: true))
              == .negative
          }
          reason = "printed in parentheses as a deduction"
        }
        guard flip else { continue }
        for f in facts.indices
        where factStatements[f] == index && facts[f].item == item && facts[f].source.line == row.line {
          let printed = facts[f].value
          facts[f].value = printed.negated()
          facts[f].source.signNote = "\(reason); fsq keeps costs positive, so its sign is turned"
        }
      }
    }
  }

  /// How the other costs of a section (or of the whole statement) are printed: all negative,
  /// all positive, or nil when they are mixed or there are none. `printed` is `costPrinting`
  /// of the table.
  static func costConvention(
    _ table: StatementTable, _ printed: [CostConvention?], excluding row: Int, section: String?,
    anySection: Bool = false
  ) -> CostConvention? {
    var negatives = 0
    var positives = 0
    for (k, other) in table.rows.enumerated() where k != row {
      guard let convention = printed[k], anySection || other.section == section else { continue }
      switch convention {
      case .negative: negatives += 1
      case .positive: positives += 1
      }
    }
    if negatives > 0 && positives == 0 { return .negative }
    if positives > 0 && negatives == 0 { return .positive }
    return nil
  }

  /// For each row of a table, how it counts toward `costConvention`: a cost (or a line labelled
  /// like an expense) printed negative or positive in every period column; nil for every other
  /// row (not money, not a cost, income taxes, which follow the arithmetic rather than the
  /// section's habit, no figures, or mixed signs).
  static func costPrinting(_ table: StatementTable, columns: [Int]) -> [CostConvention?] {
    table.rows.map { other -> CostConvention? in
      guard other.kind == .money else { return nil }
      let isCost = other.item.flatMap { ItemCatalog.entry(named: $0)?.isCost } ?? false
      guard isCost || (CheckSupport.isExpenseLike(other.label) && !CheckSupport.isResultLike(other.label)) else {
        return nil
      }
      // Taxes follow the arithmetic, not the section's habit.
      if other.item == "income_taxes" { return nil }
      let values = columns.compactMap { other.values[$0] }.filter { !$0.isZero }
      guard !values.isEmpty else { return nil }
      if values.allSatisfy(\.isNegative) { return .negative }
      if values.allSatisfy({ !$0.isNegative }) { return .positive }
      return nil
    }
  }

  /// Whether an income-tax line is added to the pre-tax line just above it to give the result
  /// just below (true), or subtracted (false); nil when the lines around it do not tell, or
  /// the columns disagree.
  static func taxIsAdded(_ table: StatementTable, row: Int, columns: [Int]) -> Bool? {
    guard row > 0, row + 1 < table.rows.count else { return nil }
    let above = table.rows[row - 1]
    let below = table.rows[row + 1]
    guard above.kind == .money, below.kind == .money else { return nil }
    let aboveLabel = TextTools.lowercasedASCII(above.label)
    guard above.item == "income_before_taxes" || aboveLabel.has("before income tax") || aboveLabel.has("before tax")
    else { return nil }
    var added = 0
    var subtracted = 0
    for c in columns {
      guard let pre = above.values[c], let tax = table.rows[row].values[c], let after = below.values[c], !tax.isZero
      else { continue }
      let plus = (try? pre.adding(tax)) == after
      let minus = (try? pre.subtracting(tax)) == after
      if plus && !minus { added += 1 }
      if minus && !plus { subtracted += 1 }
      if plus == minus { return nil }
    }
    if added > 0 && subtracted == 0 { return true }
    if subtracted > 0 && added == 0 { return false }
    return nil
  }
}
