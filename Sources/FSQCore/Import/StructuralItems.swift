// MARK: - Items the statement's structure names when the label does not

/// Some lines are known by where they stand rather than by what they are called: the one line
/// under a "Revenues:" heading is the revenue however it is labelled ("Finance income"); the
/// total that closes the assets of a balance sheet is total assets even when it is printed with
/// no label — it equals total liabilities and equity.
extension StatementBuilder {
  mutating func inferStructuralItems() {
    for index in statements.indices {
      switch statements[index].kind {
      case .balanceSheet: inferUnlabeledTotalAssets(index)
      case .incomeStatement: inferSingleRevenueLine(index)
      default: break
      }
    }
  }

  /// An unlabeled total equal, in every period column, to total liabilities and equity (or,
  /// when that is unlabeled too, to the unlabeled total after it) is total assets.
  mutating func inferUnlabeledTotalAssets(_ index: Int) {
    let table = statements[index]
    guard !table.rows.contains(where: { $0.item == "total_assets" }) else { return }
    let periodColumns = CheckSupport.periodColumns(table).filter { table.columns[$0].period != nil }
    guard !periodColumns.isEmpty else { return }
    func full(_ row: StatementRow) -> Bool { periodColumns.allSatisfy { row.values[$0] != nil } }
    func same(_ a: StatementRow, _ b: StatementRow) -> Bool {
      periodColumns.allSatisfy { a.values[$0] == b.values[$0] }
    }
    let unlabeled = table.rows.indices.filter { table.rows[$0].label.isEmpty && full(table.rows[$0]) }
    guard let first = unlabeled.first else { return }
    let closing: StatementRow?
    if let total = table.rows.first(where: { $0.item == "total_liabilities_and_equity" }), full(total) {
      closing = total
    } else {
      closing = unlabeled.dropFirst().first.map { table.rows[$0] }
    }
    guard let closing, same(table.rows[first], closing), !(table.rows[first].values[periodColumns[0]]?.isZero ?? true)
    else { return }
    statements[index].rows[first].item = "total_assets"
    let row = statements[index].rows[first]
    for c in periodColumns {
      guard let value = row.values[c], let period = table.columns[c].period else { continue }
      let source = SourceReference(
        document: documentName, statement: table.title, label: "(total assets, printed without a label)",
        column: table.columns[c].header, line: row.line)
      facts.append(
        Fact(
          item: "total_assets", label: "(total assets, printed without a label)", statement: .balanceSheet,
          period: ResolvedPeriod(start: nil, end: period.end), value: value, unit: .usd, source: source))
      factStatements.append(index)
    }
  }

  /// The one line of figures under a "Revenues:" heading, when the statement names no revenue.
  mutating func inferSingleRevenueLine(_ index: Int) {
    let rows = statements[index].rows
    guard !rows.contains(where: { $0.item == "revenue" }),
      let heading = rows.firstIndex(where: { row in
        row.isHeading
          && ["revenue", "revenues", "net revenue", "net revenues", "sales", "net sales"]
            .contains(TextTools.normalize(row.label))
      })
    else { return }
    var members: [Int] = []
    var k = heading + 1
    while k < rows.count, !rows[k].isHeading {
      if rows[k].kind == .money && !rows[k].label.isEmpty { members.append(k) }
      k += 1
      // The section ends at its first total or at a rule that closes it.
      if members.count >= 1, k < rows.count, rows[k].ruleAbove || rows[k].isHeading { break }
    }
    guard members.count == 1, let old = rows[members[0]].item else { return }
    statements[index].rows[members[0]].item = "revenue"
    for f in facts.indices
    where factStatements[f] == index && facts[f].item == old && facts[f].source.line == rows[members[0]].line {
      facts[f].item = "revenue"
    }
  }
}
