// MARK: - One structure for every column of a table
typealias SubtotalEntry = SubtotalRule.Entry
typealias SubtotalReading = SubtotalRule.Reading

/// A table prints one set of lines for all its columns: what a total sums is the same in
/// every period. So a total is checked against the single reading of the lines above it that
/// accounts for it in the most columns, never a different reading per column (which would
/// let a wrong figure pass as "another way of adding up"). That reading is the table's
/// structure when the columns bear it out (it ties at least as many columns as it misses) or
/// when the lines' meaning says so (EBITDA from net income, interest, taxes, depreciation
/// and amortization). When neither holds, fsq cannot tell what the total sums: it is left
/// unverified rather than reported against a guess.
extension SubtotalRule.Walker {
  /// How one reading accounts for the row: the columns it ties exactly, within rounding, or
  /// misses.
  struct Fit {
    var reading: SubtotalRule.Reading
    var exact: Int
    var rounded: Int
    var missed: Int

    var tying: Int { exact + rounded }
    /// The columns bear the reading out: it ties one exactly and misses no more than it
    /// ties, or it ties every column within the printed rounding.
    var isBorneOut: Bool { (exact > 0 && tying >= missed) || (missed == 0 && rounded > 0) }
  }

  /// "Product costs / Service costs / Cost of revenues": a line that is exactly the sum of
  /// the two or more lines just above it (since the group's last total), in every column and
  /// in two or more columns with figures, is their subtotal however it is labelled; it
  /// stands for them in the totals below. It ties by construction, so nothing is reported.
  mutating func closeImpliedSubtotal(_ index: Int) -> Bool {
    let row = table.rows[index]
    let g = groups.count - 1
    let entries = groups[g].entries
    var start = entries.count
    while start > 0, !entries[start - 1].isTotal, entries[start - 1].sign == 1 { start -= 1 }
    let since = Array(entries[start...])
    guard since.count >= 2, since.allSatisfy({ table.rows[$0.row].kind == row.kind }) else { return false }
    // "Gross sales / Less freight and discounts / Net sales": lines whose labels say they are
    // taken off ("Less …") are subtracted, printed positive or not.
    func taken(_ entry: SubtotalRule.Entry) -> Bool {
      CheckSupport.words(table.rows[entry.row].label).first == "less"
    }
    var figures = 0
    for column in columns {
      guard let printed = row.values[column] else { continue }
      let sum = since.reduce(Decimal.zero) { total, entry in
        let value = table.rows[entry.row].values[column] ?? .zero
        return taken(entry) ? total.minus(value.magnitude) : total.plus(value)
      }
      guard sum == printed else { return false }
      if !printed.isZero { figures += 1 }
    }
    guard figures >= 2 else { return false }
    groups[g].entries = Array(entries[..<start]) + [SubtotalRule.Entry(row: index, sign: 1, isTotal: true)]
    return true
  }

  /// The shortest run of two or more last lines whose sum (as printed, or with its cost
  /// lines subtracted) the columns bear out as the row, with the lines before it.
  func lastLinesReading(_ index: Int, _ all: [SubtotalEntry]) -> (prefix: [SubtotalEntry], run: [SubtotalReading])? {
    guard all.count > 2 else { return nil }
    // Only lines printed at the table's precision: a line of rates read as amounts would tie
    // by chance.
    let captioned = CheckSupport.scaleExponent(table.scaleCaption)
    let unit = captioned > 0 ? Decimal.power10(captioned) : units[table.rows[index].kind] ?? .one
    func printedAtUnit(_ row: Int) -> Bool {
      columns.allSatisfy { c in
        guard let value = table.rows[row].values[c], let ratio = value.over(unit) else { return true }
        return ratio.isInteger
      }
    }
    guard printedAtUnit(index) else { return nil }
    for count in 2..<all.count {
      let run = Array(all.suffix(count))
      guard run.allSatisfy({ printedAtUnit($0.row) }) else { return nil }
      let options = readings(
        run, allowCostReading: true, kind: table.rows[index].kind, target: index,
        firstLessRest: false)
      if ties(index, options, withinRounding: true) { return (Array(all.dropLast(count)), options) }
    }
    return nil
  }

  /// Whether the lines are items of another statement than the total's ("Total assets"
  /// under sales and net income in a table of selected data): a list, not a sum.
  func fromAnotherStatement(_ index: Int, _ lines: [SubtotalEntry]) -> Bool {
    func statement(_ row: Int) -> StatementKind? {
      guard let item = table.rows[row].item, let kind = ItemCatalog.entry(named: item)?.statement,
        kind == .incomeStatement || kind == .balanceSheet || kind == .cashFlow
      else { return nil }
      return kind
    }
    // A statement's own lines may be named like another's items (a cash flow statement's
    // changes in receivables): only a total outside its own statement is held to this.
    guard let mine = statement(index), table.kind != mine else { return false }
    return lines.contains { statement($0.row).map { $0 != mine } ?? false }
  }

  func fit(_ index: Int, _ reading: SubtotalRule.Reading) -> Fit {
    let row = table.rows[index]
    var fit = Fit(reading: reading, exact: 0, rounded: 0, missed: 0)
    for (c, column) in columns.enumerated() {
      guard let printed = row.values[column], isComplete(reading, column) else { continue }
      let difference = printed.minus(reading.values[c]).magnitude
      // A column where at most one line has a figure shows an equality, not a sum: it is no
      // evidence of what the row totals (basic and diluted EPS are often the same).
      let parts = reading.rows.filter { !(table.rows[$0].values[column]?.isZero ?? true) }.count
      // (An amount equal to the one figure among two or more lines, the rest printed "—",
      // is evidence: Dogwood's loss from operations with no revenue is its expenses.)
      // (Not the first line carried down: "Net income" less a discontinued line printed "—".)
      let singleAmongLines =
        table.kind != .reconciliation && reading.rows.count >= 2 && row.kind == .money && difference.isZero
        && !printed.isZero
        && (table.rows[reading.rows[0]].values[column]?.isZero ?? true)
      if parts < 2 && difference <= tolerance(reading, column: column) && !singleAmongLines { continue }
      // A line printed "—" that lines cancelling to nothing "tie" is no evidence either
      // ("Sublease income —" under "Loss from operations" and the costs it repeats).
      if printed.isZero && difference.isZero { continue }
      if difference.isZero {
        fit.exact += 1
      } else if difference <= tolerance(reading, column: column) {
        fit.rounded += 1
      } else {
        fit.missed += 1
      }
    }
    return fit
  }

  /// Whether every line of the reading prints a figure in the column: a blank cell where the
  /// total has one is a line read out of its column (or a figure glued to its label), so the
  /// column shows nothing either way.
  func isComplete(_ reading: SubtotalRule.Reading, _ column: Int) -> Bool {
    reading.rows.allSatisfy { table.rows[$0].values[column] != nil }
  }

  /// The reading that accounts for the row in the most columns (exact ties first, then the
  /// order the readings were made in: as printed before costs subtracted).
  func structure(_ index: Int, _ options: [SubtotalRule.Reading]) -> Fit? {
    var best: Fit?
    for reading in options {
      let candidate = fit(index, reading)
      guard let current = best else {
        best = candidate
        continue
      }
      if candidate.tying > current.tying || (candidate.tying == current.tying && candidate.exact > current.exact) {
        best = candidate
      }
    }
    return best
  }

  /// A total whose lines its own label defines: EBITDA is earnings before interest, taxes,
  /// depreciation and amortization, so net income (or a loss from continuing operations)
  /// with interest, taxes and D&A lines added back is what it must equal, whatever the
  /// columns say.
  func isEstablishedByMeaning(_ index: Int, _ reading: SubtotalRule.Reading) -> Bool {
    if isRevenueLessCosts(index, reading) { return true }
    guard table.rows[index].item == "ebitda", let first = reading.rows.first,
      let start = table.rows[first].item, Self.earningsItems.contains(start), reading.rows.count > 1
    else { return false }
    return reading.rows.dropFirst().allSatisfy { row in
      table.rows[row].item.map { Self.ebitdaAddBacks.contains($0) } ?? false
    }
  }

  /// Operating income or gross profit read as the revenue line less cost lines (catalog costs,
  /// or the total of a group of costs): what the labels say it is, whatever the columns show.
  /// Republic Group's operating profit is its net sales less the total of its costs, though
  /// one column of the release itself does not tie.
  func isRevenueLessCosts(_ index: Int, _ reading: SubtotalRule.Reading) -> Bool {
    guard ["operating_income", "gross_profit"].contains(table.rows[index].item ?? ""), reading.rows.count >= 2,
      table.rows[reading.rows[0]].item == "revenue"
    else { return false }
    let costs = reading.rows.dropFirst()
    guard
      costs.allSatisfy({ row in
        let line = table.rows[row]
        let isCost = line.item.flatMap { ItemCatalog.entry(named: $0)?.isCost } ?? false
        return isCost || line.label.isEmpty || Totals.isTotal(line.label)
      })
    else { return false }
    // The reading subtracts them: revenue less every cost line, in each column with figures.
    return columns.enumerated().allSatisfy { c, column in
      guard let revenue = table.rows[reading.rows[0]].values[column] else { return true }
      var expected = revenue
      for row in costs {
        guard let cost = table.rows[row].values[column] else { return true }
        expected = expected.minus(cost.magnitude)
      }
      return expected == reading.values[c]
    }
  }

  static let earningsItems: Set<String> = [
    "net_income", "income_continuing_operations", "operating_income",
  ]
  static let ebitdaAddBacks: Set<String> = [
    "interest_net", "interest_expense", "interest_income", "income_taxes", "depreciation_amortization",
    "depreciation", "amortization",
  ]
}
