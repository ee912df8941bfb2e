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
        guard row.kind == .money, let item = row.item, ItemCatalog.isCost(named: item) == true else { continue }
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
      let isCost = other.item.flatMap { ItemCatalog.isCost(named: $0) } ?? false
      guard isCost || expenseNotResult(other.label) else {
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

  /// `CheckSupport.isExpenseLike(label) && !CheckSupport.isResultLike(label)`, read on the bytes
  /// of an ASCII label without a String or a Set per word: each word (a run of letters, lower
  /// case) sets the flags of the word lists it is in.
  static func expenseNotResult(_ label: String) -> Bool {
    guard let flags = label.utf8.withContiguousStorageIfAvailable(expenseWordFlags), let flags else {
      return CheckSupport.isExpenseLike(label) && !CheckSupport.isResultLike(label)
    }
    let tax = flags & ExpenseWord.tax != 0
    let income = flags & ExpenseWord.income != 0
    // isExpenseLike: tax, taxes, provision, cost, costs; else, without income, revenue(s) or
    // gain, any expense word.
    let expense =
      tax || flags & ExpenseWord.cost != 0
      || (!income && flags & ExpenseWord.gain == 0 && flags & ExpenseWord.expense != 0)
    guard expense else { return false }
    // isResultLike: a result word, unless a tax word without before, after, net or of.
    let result =
      (income || flags & ExpenseWord.result != 0) && !(tax && flags & ExpenseWord.qualifier == 0)
    return !result
  }

  /// The word lists of `CheckSupport.isExpenseLike` and `isResultLike`, as bits.
  enum ExpenseWord {
    static let tax: UInt8 = 1  // tax, taxes
    static let cost: UInt8 = 2  // provision, cost, costs
    static let income: UInt8 = 4  // income
    static let gain: UInt8 = 8  // revenue, revenues, gain
    static let expense: UInt8 = 16  // expense(s), charge(s), depreciation, amortization, impairment
    static let result: UInt8 = 32  // loss, losses, earnings, profit, ebitda, deficit
    static let qualifier: UInt8 = 64  // before, after, net, of

    static let words: [(String, UInt8)] = [
      ("tax", tax), ("taxes", tax), ("provision", cost), ("cost", cost), ("costs", cost), ("income", income),
      ("revenue", gain), ("revenues", gain), ("gain", gain), ("expense", expense), ("expenses", expense),
      ("charge", expense), ("charges", expense), ("depreciation", expense), ("amortization", expense),
      ("impairment", expense), ("loss", result), ("losses", result), ("earnings", result), ("profit", result),
      ("ebitda", result), ("deficit", result), ("before", qualifier), ("after", qualifier), ("net", qualifier),
      ("of", qualifier),
    ]

    /// Each listed word packed into two integers (lower-case letters, at most 16), with its flag.
    static let packed: [(UInt64, UInt64, UInt8)] = words.map { word, flag in
      var low: UInt64 = 0
      var high: UInt64 = 0
      for (k, byte) in word.utf8.enumerated() {
        if k < 8 { low |= UInt64(byte) << (8 * UInt64(k)) } else { high |= UInt64(byte) << (8 * UInt64(k - 8)) }
      }
      return (low, high, flag)
    }
  }

  /// The flags of the words of an ASCII label (`CheckSupport.asciiWords`: runs of letters, lower
  /// case); nil when a byte is not ASCII.
  static func expenseWordFlags(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
    var flags: UInt8 = 0
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length = 0
    func endWord() {
      if length > 0 && length <= 16 {
        for (l, h, flag) in ExpenseWord.packed where l == low && h == high { flags |= flag }
      }
      low = 0
      high = 0
      length = 0
    }
    for byte in bytes {
      if byte >= 0x80 { return nil }
      if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) {
        let lower = UInt64(byte | 0x20)
        if length < 8 {
          low |= lower << (8 * UInt64(length))
        } else if length < 16 {
          high |= lower << (8 * UInt64(length - 8))
        }
        length += 1
      } else if length > 0 {
        endWord()
      }
    }
    endWord()
    return flags
  }
}
