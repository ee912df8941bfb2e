// MARK: - Items the statement's structure names when the label does not

/// Some lines are known by where they stand rather than by what they are called: the one line
/// under a "Revenues:" heading is the revenue however it is labelled ("Finance income"), and so
/// is a first line from which "Total expenses" leaves the line after it in every column; the
/// total that closes the assets of a balance sheet is total assets even when it is printed with
/// no label — it equals total liabilities and equity — and so is a line labelled just "Assets".
extension StatementBuilder {
  mutating func inferStructuralItems() {
    for index in statements.indices {
      switch statements[index].kind {
      case .balanceSheet:
        inferUnlabeledTotalAssets(index)
        inferAssetsLine(index)
      case .incomeStatement:
        inferSingleRevenueLine(index)
        inferTopLineRevenue(index)
        inferRevenueAboveGrossProfit(index)
        inferTopLineNamedRevenue(index)
        inferNetIncomeFromEPS(index)
      default: break
      }
      qualifySegmentLines(index)
    }
  }

  /// In a table of segments ("SEGMENT EBITDA", "Segment Information"), a catalog line printed
  /// under several segment headings ("Completion Services: … EBITDA", "Drilling Services: …
  /// EBITDA") is each segment's figure, the first one too: none is the company's. The first
  /// took the bare name only because it came first; it gets its segment's name like the rest.
  mutating func qualifySegmentLines(_ index: Int) {
    let table = statements[index]
    guard table.kind == .segment || TextTools.lowercasedASCII(table.title).has("segment") else { return }
    let items = Set(table.rows.compactMap(\.item))
    for (r, row) in table.rows.enumerated() {
      guard let item = row.item, let section = row.section, ItemCatalog.entry(named: item) != nil else { continue }
      let qualified = table.rows.contains { other in
        guard let otherItem = other.item, let otherSection = other.section, otherSection != section else {
          return false
        }
        return otherItem == item + "_" + TextTools.slug(otherSection, limit: 48)
      }
      let name = item + "_" + TextTools.slug(section, limit: 48)
      if qualified, !items.contains(name) {
        rename(row: r, of: index, to: name, rule: "a line of one segment of the table")
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
    // No label, or a bare "Total" closing the assets section.
    let unlabeled = table.rows.indices.filter { k in
      (table.rows[k].label.isEmpty || TextTools.normalize(table.rows[k].label) == "total") && full(table.rows[k])
    }
    var first: Int?
    var rule = "the total that equals total liabilities and equity"
    if let closingIndex = table.rows.firstIndex(where: { $0.item == "total_liabilities_and_equity" }),
      full(table.rows[closingIndex])
    {
      // The one such line above the closing total that equals it (blank subtotals of
      // current assets and the like do not).
      let equal = unlabeled.filter { $0 < closingIndex && same(table.rows[$0], table.rows[closingIndex]) }
      if equal.count == 1 { first = equal[0] }
    } else if unlabeled.count >= 2, same(table.rows[unlabeled[0]], table.rows[unlabeled[1]]) {
      first = unlabeled[0]
    }
    // Else by its place: the last total printed under a rule before the liabilities begin,
    // when the liabilities are closed by a total of their own. Whether it ties is then for
    // `check` to say: a changed total assets must not lose its name.
    if first == nil, let liabilities = table.rows.firstIndex(where: StatementBuilder.opensLiabilities),
      table.rows[liabilities...].contains(where: {
        $0.item == "total_liabilities" || $0.item == "total_current_liabilities"
      }),
      let last = unlabeled.last(where: { $0 < liabilities && table.rows[$0].ruleAbove }),
      table.rows[..<last].contains(where: { $0.kind == .money && !$0.label.isEmpty && !$0.isHeading })
    {
      first = last
      rule = "the total that closes the assets, above the liabilities"
    }
    guard let first, !(table.rows[first].values[periodColumns[0]]?.isZero ?? true) else { return }
    statements[index].rows[first].item = "total_assets"
    let row = statements[index].rows[first]
    for c in periodColumns {
      guard let value = row.values[c], let period = table.columns[c].period else { continue }
      var source = SourceReference(
        document: documentName, statement: table.title, label: "(total assets, printed without a label)",
        column: table.columns[c].header, line: row.line)
      source.namedBy = rule
      facts.append(
        Fact(
          item: "total_assets", label: "(total assets, printed without a label)", statement: .balanceSheet,
          period: ResolvedPeriod(start: nil, end: period.end), value: value, unit: .usd, source: source))
      factStatements.append(index)
    }
  }

  /// A row that begins the liabilities: a heading, or a line under a section, named for them.
  static func opensLiabilities(_ row: StatementRow) -> Bool {
    let section = TextTools.normalize(row.section ?? "")
    let label = TextTools.normalize(row.label)
    return section.hasPrefix("liabilit") || section.hasPrefix("current liabilit")
      || (row.isHeading && (label.hasPrefix("liabilit") || label.hasPrefix("current liabilit")))
  }

  /// A balance sheet's line labelled just "Assets" that carries figures at dates (a summary's
  /// "BALANCE SHEET DATA: Assets 554,212") is total assets; not under a heading of averages.
  mutating func inferAssetsLine(_ index: Int) {
    let table = statements[index]
    guard !table.rows.contains(where: { $0.item == "total_assets" }) else { return }
    let dated = CheckSupport.periodColumns(table).filter { table.columns[$0].period?.isInstant == true }
    guard !dated.isEmpty else { return }
    let candidates = table.rows.indices.filter { k in
      let row = table.rows[k]
      return row.kind == .money && TextTools.normalize(row.label) == "assets"
        && !TextTools.lowercasedASCII(row.section ?? "").has("average")
        && dated.allSatisfy { row.values[$0] != nil }
    }
    guard candidates.count == 1 else { return }
    rename(row: candidates[0], of: index, to: "total_assets", rule: "a balance sheet's line labelled \"Assets\"")
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
    guard members.count == 1 else { return }
    rename(row: members[0], of: index, to: "revenue", rule: "the one line under the \"Revenues\" heading")
  }

  /// The first line of an income statement that prints "Total expenses" under it is the
  /// revenue when the arithmetic says so: first line − total expenses = the line after the
  /// total, in every period column ("Interest revenue 19,959,000 … Total expenses 4,656,000 …
  /// Income before provision for income taxes 15,303,000").
  mutating func inferTopLineRevenue(_ index: Int) {
    let rows = statements[index].rows
    guard !rows.contains(where: { $0.item == "revenue" }), let periodColumns = datedColumns(index) else { return }
    func full(_ k: Int) -> Bool { StatementBuilder.isFullLine(rows[k], periodColumns) }
    guard let top = rows.indices.first(where: full), !rows[..<top].contains(where: { !$0.isHeading }),
      let total = rows.indices.first(where: { k in
        let words = TextTools.normalize(rows[k].label)
        return k > top && words.hasPrefix("total") && (words.contains("expense") || words.contains("costs"))
      }),
      full(total),
      let after = rows.indices.first(where: { $0 > total && full($0) })
    else { return }
    let ties = periodColumns.allSatisfy { c in
      guard let r = rows[top].values[c], let t = rows[total].values[c], let n = rows[after].values[c] else {
        return false
      }
      return !r.isZero && (try? r.subtracting(t)) == n
    }
    guard ties else { return }
    rename(
      row: top, of: index, to: "revenue", rule: "the first line: it less the total of expenses is the line after that")
  }

  /// Gives a statement row, and the facts read from it, another item.
  /// The line that, less the cost of revenue, is the gross profit in every period column is
  /// the revenue, whatever it is called ("Voyage revenues", "Contract drilling").
  mutating func inferRevenueAboveGrossProfit(_ index: Int) {
    let table = statements[index]
    let rows = table.rows
    guard !rows.contains(where: { $0.item == "revenue" }),
      let cost = rows.firstIndex(where: { $0.item == "cost_of_revenue" }),
      let gross = rows.firstIndex(where: { $0.item == "gross_profit" && $0.kind == .money }), gross > cost
    else { return }
    let periodColumns = CheckSupport.periodColumns(table).filter { table.columns[$0].period != nil }
    guard !periodColumns.isEmpty else { return }
    let candidates = rows.indices.filter { k in
      k < cost && rows[k].kind == .money && !rows[k].label.isEmpty
        && periodColumns.allSatisfy { c in
          guard let r = rows[k].values[c], let t = rows[cost].values[c], let g = rows[gross].values[c], !r.isZero
          else { return false }
          return (try? r.subtracting(t)) == g
        }
    }
    guard candidates.count == 1 else { return }
    rename(
      row: candidates[0], of: index, to: "revenue",
      rule: "the line that less the cost of revenue is the gross profit")
  }

  /// An income statement's first line, when its label ends in "revenues" or "sales" and the
  /// line after it is a cost or an expense ("Voyage revenues", then "Voyage expenses"): the
  /// revenue, when the statement names none.
  mutating func inferTopLineNamedRevenue(_ index: Int) {
    let rows = statements[index].rows
    guard !rows.contains(where: { $0.item == "revenue" }), let periodColumns = datedColumns(index) else { return }
    func full(_ k: Int) -> Bool { StatementBuilder.isFullLine(rows[k], periodColumns) }
    func namesRevenue(_ k: Int) -> Bool {
      let last = ItemCatalog.looseForm(TextTools.normalize(rows[k].label)).split(separator: " ").last
      return last == "revenue" || last == "sale"
    }
    // Not "Interest revenue" over "Interest expense": a lender's interest is not its revenue
    // by position alone (the arithmetic rule above may still show it is).
    guard let top = rows.indices.first(where: full), !rows[..<top].contains(where: { !$0.isHeading }),
      namesRevenue(top), !TextTools.normalize(rows[top].label).hasPrefix("total"),
      !TextTools.normalize(rows[top].label).has("interest")
    else { return }
    // The next line must be a cost or an expense ("Voyage expenses"): after "Product sales", a
    // "Services" line would be the rest of the revenue.
    guard
      let next = rows.indices.first(where: {
        $0 > top && rows[$0].kind == .money && !rows[$0].label.isEmpty && !rows[$0].isHeading
      }),
      !namesRevenue(next)
    else { return }
    let nextLabel = TextTools.normalize(rows[next].label)
    let isCost = rows[next].item.flatMap { ItemCatalog.entry(named: $0)?.isCost } ?? false
    guard isCost || nextLabel.has("cost") || nextLabel.has("expense") else { return }
    rename(row: top, of: index, to: "revenue", rule: "the income statement's first line, a revenue line")
  }

  /// The statement's columns that have a period; nil when none has.
  func datedColumns(_ index: Int) -> [Int]? {
    let table = statements[index]
    let columns = CheckSupport.periodColumns(table).filter { table.columns[$0].period != nil }
    return columns.isEmpty ? nil : columns
  }

  /// A labelled line of money with a figure in every one of `columns`.
  static func isFullLine(_ row: StatementRow, _ columns: [Int]) -> Bool {
    row.kind == .money && !row.label.isEmpty && columns.allSatisfy { row.values[$0] != nil }
  }

  /// Gives a statement row, and the facts read from it, another item; `rule` says why, for
  /// `explain` (nil when a label gave it).
  mutating func rename(row: Int, of index: Int, to item: String, rule: String? = nil) {
    let old = statements[index].rows[row].item
    let line = statements[index].rows[row].line
    statements[index].rows[row].item = item
    for f in facts.indices where factStatements[f] == index && facts[f].item == old && facts[f].source.line == line {
      facts[f].item = item
      if let rule { facts[f].source.namedBy = rule }
    }
  }
}
