// MARK: - Cross-checks of scale at import: refuse rather than guess

/// A caption read wrong (or not printed) makes every figure of a statement wrong by a power of
/// a thousand while the statement still ties with itself. Two things the release prints tie
/// scales together whatever the captions say:
///
/// - earnings per share × weighted average shares = the net income EPS divides (EPS is printed
///   in dollars, never scaled): a mismatch by 1,000 or 1,000,000 shows that dollars and share
///   counts were not read at the same scale;
/// - the same item and period printed in two statements (net income in the income statement
///   and at the top of a reconciliation): a statement with no caption takes the scale at
///   which its figures equal the captioned statement's.
///
/// What can be repaired by one reading that the arithmetic proves (share counts printed as
/// whole shares beside dollars in thousands) is repaired and said; what cannot is withheld: its
/// figures leave the model and an error finding names the caption used.
extension StatementBuilder {
  mutating func crossCheckScales() {
    inferStructuralItems()
    adoptScalesByAgreement()
    for index in statements.indices { checkEarningsPerShare(index) }
    keepCostsPositive()
    resolveConflicts()
    separateRestatedLines()
  }

  /// A reconciliation line that the catalog names as an income-statement item but that prints
  /// another figure for it ("Forgiveness of debt (25,000)" adding back what the income
  /// statement shows as "Gain on Settlements of Debt 25,000") is its own line, not a second
  /// figure of that item: it keeps an item named by its label, so one item and period has one
  /// figure and the printed line is still reachable by its label.
  mutating func separateRestatedLines() {
    struct Key: Hashable {
      var item: String
      var period: ResolvedPeriod
    }
    // Only items a reconciliation prints can be restated by one.
    // (The loops over facts read them in place by index: a `for fact in facts` copies each
    // fact, with its ten strings, to look at two fields.)
    var reconciled = Set<String>()
    for k in facts.indices where facts[k].statement == .reconciliation { reconciled.insert(facts[k].item) }
    guard !reconciled.isEmpty else { return }
    var home: [Key: Decimal] = [:]
    for k in facts.indices where facts[k].statement != .reconciliation && reconciled.contains(facts[k].item) {
      guard facts[k].statement == Self.homeStatement(facts[k].item) else { continue }
      home[Key(item: facts[k].item, period: facts[k].period)] = facts[k].value
    }
    guard !home.isEmpty else { return }
    // Rows (statement, line) whose figures differ from the item's home statement.
    struct Row: Hashable {
      var statement: Int
      var line: Int
    }
    var differing = Set<Row>()
    for k in facts.indices where facts[k].statement == .reconciliation {
      if let value = home[Key(item: facts[k].item, period: facts[k].period)], value != facts[k].value {
        differing.insert(Row(statement: factStatements[k], line: facts[k].source.line))
      }
    }
    guard !differing.isEmpty else { return }
    for row in differing {
      guard let r = statements[row.statement].rows.firstIndex(where: { $0.line == row.line && $0.item != nil }) else {
        continue
      }
      let slug = TextTools.slug(statements[row.statement].rows[r].label)
      guard !slug.isEmpty, slug != statements[row.statement].rows[r].item else { continue }
      rename(row: r, of: row.statement, to: slug)
    }
  }

  // MARK: The same item and period printed differently

  /// An item printed for one period with different figures in several tables of the same
  /// standing (a company-wide table and one per segment, all titled alike) cannot be answered
  /// by picking the first. A statement whose title names it ("Consolidated Statements of
  /// Income") is the company's figure; without one, none is used, and the report says so.
  mutating func resolveConflicts() {
    struct Key: Hashable {
      var item: String
      var period: ResolvedPeriod
    }
    var groups: [Key: [Int]] = [:]
    groups.reserveCapacity(facts.count)
    for k in facts.indices where facts[k].unit == .usd || facts[k].unit == .shares || facts[k].unit == .perShare("USD")
    {
      groups[Key(item: facts[k].item, period: facts[k].period), default: []].append(k)
    }
    var drop = Set<Int>()
    // In the order the facts were read, so the report reads the same on every run.
    let repeated = groups.filter { $0.value.count > 1 }.sorted { $0.value[0] < $1.value[0] }
    for (key, members) in repeated {
      let top = members.map { facts[$0].statement.lookupPriority }.max() ?? 0
      let best = members.filter { facts[$0].statement.lookupPriority == top }
      guard Set(best.map { facts[$0].value }).count > 1 else { continue }
      // A highlights table's "$4.0 billion" and the statement's 4,009 million are one figure
      // at two precisions: the precise one is kept.
      if let precise = Self.samePrintedFigure(best.map { facts[$0].value }) {
        drop.formUnion(best.filter { facts[$0].value != precise })
        continue
      }
      // The item's own statement (net income: the income statement; a balance: the balance
      // sheet), titled as such, first; then any titled statement.
      let home = Self.homeStatement(key.item)
      let inHome = best.filter { titled[factStatements[$0]] && facts[$0].statement == home }
      let titledMembers = inHome.isEmpty ? best.filter { titled[factStatements[$0]] } : inHome
      if !titledMembers.isEmpty, Set(titledMembers.map { facts[$0].value }).count == 1 {
        drop.formUnion(best.filter { !titledMembers.contains($0) })
        continue
      }
      // Several statements of the item's kind disagree (a bank prints a "Condensed Income
      // Statement" for each line of business): the one titled or headed as consolidated
      // speaks for the company, when it is one figure.
      let company = best.filter { consolidated[factStatements[$0]] && facts[$0].statement == home }
      if !company.isEmpty, Set(company.map { facts[$0].value }).count == 1 {
        let value = facts[company[0]].value
        drop.formUnion(best.filter { facts[$0].value != value })
        continue
      }
      drop.formUnion(best)
      let lines = best.map { String(facts[$0].source.line) }.joined(separator: ", ")
      withheld.append(
        "\(key.item) for \(ImportReport.describe(key.period)): printed with different figures in \(best.count) tables (lines \(lines)); none is used"
      )
    }
    guard !drop.isEmpty else { return }
    // A withheld diluted EPS must not be answered by the basic one: its stand-ins for the
    // same period go too.
    // (Only the stand-ins after it in the order of preference: a dropped basic EPS leaves the
    // diluted one.)
    for k in Array(drop) {
      guard let family = Metrics.reportedAliases.values.first(where: { $0.contains(facts[k].item) }),
        let rank = family.firstIndex(of: facts[k].item)
      else { continue }
      for fallback in family[(rank + 1)...] {
        drop.formUnion(groups[Key(item: fallback, period: facts[k].period)] ?? [])
      }
    }
    var keep: [Fact] = []
    var keepStatements: [Int] = []
    for (k, fact) in facts.enumerated() where !drop.contains(k) {
      keep.append(fact)
      keepStatements.append(factStatements[k])
    }
    facts = keep
    factStatements = keepStatements
  }

  /// The most precise of several figures when every other one is it rounded (to its own last
  /// printed digit, and within 2.5%), else nil.
  static func samePrintedFigure(_ values: [Decimal]) -> Decimal? {
    func unit(_ value: Decimal) -> Double {
      var u = 1.0
      let v = abs(value.roughDouble)
      guard v >= 1 else { return 0 }
      while u < 1e15, (v / (u * 10)).rounded() * (u * 10) == v { u *= 10 }
      return u
    }
    guard let precise = values.min(by: { unit($0) < unit($1) }) else { return nil }
    let p = precise.roughDouble
    for value in values where value != precise {
      let v = value.roughDouble
      guard abs(v - p) <= unit(value) / 2, p != 0, abs(v - p) / abs(p) <= 0.025 else { return nil }
    }
    return precise
  }

  /// The statement an item belongs to: its catalog statement, the income statement for
  /// results printed in several (net income, taxes, EPS).
  static func homeStatement(_ item: String) -> StatementKind {
    if let statement = ItemCatalog.entry(named: item)?.statement { return statement }
    return item.hasPrefix("change_in_") ? .cashFlow : .incomeStatement
  }

  // MARK: Statements without a caption

  /// Money items compared across statements.
  static let anchorItems: Set<String> = [
    "revenue", "net_income", "operating_income", "gross_profit", "cost_of_revenue", "total_assets",
    "income_before_taxes", "net_income_to_common", "net_income_consolidated", "operating_expenses", "cash",
    "total_current_assets", "total_liabilities", "stockholders_equity", "income_taxes",
  ]

  mutating func adoptScalesByAgreement() {
    let captioned = statements.indices.filter { scales[$0].caption != nil }
    guard captioned.count < statements.count, !captioned.isEmpty else { return }
    // The captioned statements' anchor figures, by item and period (built once, not per fact).
    struct Key: Hashable {
      var item: String
      var period: ResolvedPeriod
    }
    var printed: [Key: [Int]] = [:]
    // (The caption and unit first: only those facts have their item hashed.)
    for j in facts.indices
    where scales[factStatements[j]].caption != nil && facts[j].unit == .usd && Self.anchorItems.contains(facts[j].item)
    {
      printed[Key(item: facts[j].item, period: facts[j].period), default: []].append(j)
    }
    for index in statements.indices where scales[index].caption == nil {
      // Each factor that makes a figure here equal the same figure in a captioned statement,
      // with the caption of that statement and the lines that prove it.
      var votes: [Decimal: (caption: String, why: String)] = [:]
      // (Read in place by index: `for (k, fact) in facts.enumerated()` copied every fact, with
      // its ten strings, for each statement without a caption.)
      for k in facts.indices where factStatements[k] == index && facts[k].unit == .usd {
        guard !facts[k].value.isZero, Self.anchorItems.contains(facts[k].item) else { continue }
        let fact = facts[k]
        for j in printed[Key(item: fact.item, period: fact.period)] ?? [] {
          for factor in [Decimal.one, Decimal(1000), Decimal(1_000_000), Decimal(1_000_000_000)]
          where fact.value.times(factor) == facts[j].value {
            votes[factor] = (
              scales[factStatements[j]].caption ?? "",
              "\(fact.item) at line \(fact.source.line) then equals line \(facts[j].source.line)"
            )
          }
        }
      }
      // One factor, agreed by every comparison. With no figure to compare, a primary
      // statement takes the scale every caption of the document states (a caption printed
      // once for the page).
      if votes.isEmpty,
        titled[index] || statements[index].kind == .balanceSheet
          || statements[index].kind == .incomeStatement || statements[index].kind == .cashFlow
      {
        let captionScales = Set(captioned.map { scales[$0].money })
        if captionScales.count == 1, let factor = captionScales.first, factor != .one {
          votes[factor] = (
            scales[captioned[0]].caption ?? "",
            "every caption in the document says so, as at line \(statements[captioned[0]].line)"
          )
        }
      }
      guard votes.count == 1, let (factor, vote) = votes.first, factor != .one else { continue }
      rescale(statement: index, money: factor, shares: nil)
      // The statement keeps the caption it was read with (what `check` reads its precision
      // from); the report says it was not printed over this table, and why it applies.
      scales[index].money = factor
      scales[index].moneyByAgreement = true
      scales[index].caption = vote.caption
      statements[index].scaleCaption = vote.caption
      updateReport(statement: index)
      for k in report.indices where report[k].line == statements[index].line && report[k].statement != nil {
        report[k].scaleNote =
          "no caption is printed over this table; × \(factor.formatted(places: 0)) because \(vote.why)"
      }
    }
  }

  /// A statement whose first part printed no caption takes the money scale its continuation
  /// states ("(in thousands)" printed over the second page only): the earlier figures were
  /// read as dollars, and Surmodics's operating loss of $156 thousand came out as $156.
  mutating func adoptContinuationCaption(_ index: Int, _ scale: PeriodHeaders.Scale, line: Int) {
    guard let caption = scale.caption, scales[index].caption == nil, scales[index].money == .one,
      scale.money != .one
    else { return }
    rescale(statement: index, money: scale.money, shares: nil)
    scales[index].money = scale.money
    scales[index].caption = caption
    statements[index].scaleCaption = caption
    updateReport(statement: index)
    for k in report.indices where report[k].line == statements[index].line && report[k].statement != nil {
      report[k].scaleNote =
        "no caption is printed over this table; × \(scale.money.formatted(places: 0)) because its continuation at line \(line) states \"\(caption)\""
    }
  }

  /// In a statement of results, a column headed by a bare date ("Dec 31, 2021") beside
  /// columns headed "Quarter ended …" covers a quarter too: the heading spanned only the
  /// columns after it, and Wells Fargo's fourth-quarter net income came out as a figure at a
  /// date. It takes the length of the nearest period column to its right (else to its left).
  static func lengthenBareDates(_ header: inout HeaderModel) {
    let dated = header.columns.indices.filter { header.columns[$0].period != nil }
    for k in dated {
      guard let period = header.columns[k].period, period.isInstant else { continue }
      let words = TextTools.lowercasedASCII(header.columns[k].header)
      guard !words.has("as of"), !words.has("balance"), !words.hasPrefix("at ") else { continue }
      let right = dated.first { $0 > k && header.columns[$0].period?.isInstant == false }
      let left = dated.last { $0 < k && header.columns[$0].period?.isInstant == false }
      guard let near = right ?? left, let length = header.columns[near].period?.months, (1...12).contains(length)
      else { continue }
      header.columns[k].period = ResolvedPeriod(
        start: period.end.adding(months: -length).adding(days: 1), end: period.end)
    }
  }

  // MARK: EPS × shares = net income

  mutating func checkEarningsPerShare(_ index: Int) {
    let table = statements[index]
    func row(_ items: [String]) -> Int? {
      for item in items {
        if let r = table.rows.firstIndex(where: { $0.item == item }) { return r }
      }
      return nil
    }
    guard let income = row(["net_income_to_common", "net_income", "net_income_consolidated"]) else { return }
    let pairs: [([String], [String])] = [
      (["eps_diluted", "eps"], ["weighted_average_shares_diluted", "weighted_average_shares"]),
      (["eps_basic", "eps"], ["weighted_average_shares_basic", "weighted_average_shares"]),
    ]
    var powers: [Int] = []
    for (epsItems, shareItems) in pairs {
      guard let eps = row(epsItems), let shares = row(shareItems) else { continue }
      for column in table.columns.indices where table.columns[column].kind == .period {
        guard let ni = table.rows[income].values[column], let e = table.rows[eps].values[column],
          let sh = table.rows[shares].values[column], let power = Self.scalePower(netIncome: ni, eps: e, shares: sh)
        else { continue }
        powers.append(power)
      }
      if !powers.isEmpty { break }
    }
    guard !powers.isEmpty else { return }
    // Any column that ties settles it; otherwise every column must be off by the same power.
    if powers.contains(0) { return }
    guard let power = powers.first, powers.allSatisfy({ $0 == power }) else { return }
    let scale = scales[index]
    let caption = scale.caption.map { "\"\($0)\"" } ?? "no caption (figures as printed)"
    let factor = Decimal.power10(3 * abs(power))
    // Share counts printed as whole shares under a caption that scales only the dollars
    // ("in thousands, except per share data") are repaired; a caption that states the scale
    // of share counts itself is never overruled (dollars may be the wrong half).
    if power < 0, scale.shares >= factor, !scale.sharesStated,
      printedShareCounts(index).allSatisfy({ $0 >= Decimal(1_000_000) })
    {
      // EPS × shares is too large: share counts were printed as whole shares.
      let newShares = scale.shares.over(factor) ?? .one
      rescale(statement: index, money: nil, shares: newShares.over(scale.shares))
      scales[index].shares = newShares
      findings.append(
        ImportReport.Finding(
          message:
            "\(table.title): share counts read at the scale of \(caption) make EPS × shares \(factor.formatted(places: 0))× net income; they are printed as \(newShares == .one ? "whole shares" : "shares × \(newShares.formatted(places: 0))") and were read so",
          line: table.line, repaired: true))
      updateReport(statement: index)
      return
    }
    // Dollars whose scale another statement proved, share counts read as printed and too
    // small for EPS ("Weighted average shares … 38,671" in a reconciliation with no caption of
    // its own, beside net income in thousands): the share counts are in the same thousands.
    if power > 0, scale.moneyByAgreement, !scale.sharesStated, scale.shares == .one,
      printedShareCounts(index).allSatisfy({ $0 < Decimal(1_000_000) })
    {
      rescale(statement: index, money: nil, shares: factor)
      scales[index].shares = factor
      findings.append(
        ImportReport.Finding(
          message:
            "\(table.title): share counts read as printed make EPS × shares 1/\(factor.formatted(places: 0)) of net income, whose scale \(caption) is proven by another statement; they are shares × \(factor.formatted(places: 0)) and were read so",
          line: table.line, repaired: true))
      updateReport(statement: index)
      return
    }
    // Which of dollars and share counts is wrong cannot be told: withhold both.
    findings.append(
      ImportReport.Finding(
        message:
          "\(table.title): net income is \(power > 0 ? "" : "1/")\(factor.formatted(places: 0))× EPS × shares when read with \(caption); the scale of dollars or of share counts is wrong, so the statement's figures were withheld",
        line: table.line))
    withhold(statement: index)
  }

  /// The share counts of a statement as printed (before any scale).
  func printedShareCounts(_ index: Int) -> [Decimal] {
    let scale = scales[index].shares
    // The basic and diluted counts EPS divides by (the unqualified count only when neither is
    // printed: "Common stock equivalents" under the same heading is no count of shares).
    let variants: Set<String> = ["weighted_average_shares_basic", "weighted_average_shares_diluted"]
    let rows = statements[index].rows.filter { $0.kind == .shares }
    let counts: Set<String> =
      rows.contains { variants.contains($0.item ?? "") } ? variants : ["weighted_average_shares"]
    let periodColumns = CheckSupport.periodColumns(statements[index])
    return rows.filter { counts.contains($0.item ?? "") }.flatMap { row in
      periodColumns.compactMap { c in
        c < row.values.count ? row.values[c].flatMap { abs($0.roughDouble) > 0 ? $0.over(scale) : nil } : nil
      }
    }.map { Decimal(Int(abs($0.roughDouble))) }
  }

  /// Net income over EPS × shares as a power of a thousand (0 when they agree), or nil when the
  /// figures are too small to tell.
  static func scalePower(netIncome: Decimal, eps: Decimal, shares: Decimal) -> Int? {
    guard !netIncome.isZero, !shares.isZero, abs(eps.roughDouble) >= 0.02 else { return nil }
    let product = eps.times(shares)
    guard !product.isZero else { return nil }
    let ratio = netIncome.roughDouble / product.roughDouble
    guard ratio > 0 else { return nil }
    var target = 1e-9
    for power in -3...3 {
      defer { target *= 1000 }
      // Preferred dividends, discontinued operations and rounding move the ratio a little;
      // a scale error moves it by a thousand.
      if ratio >= target * 0.4 && ratio <= target * 2.5 { return power }
    }
    return nil
  }

  // MARK: Changing a statement's figures

  /// Multiplies a statement's money rows (and facts) by `money` and its share-count rows by
  /// `shares`. Rows that print their own scale are left alone.
  mutating func rescale(statement index: Int, money: Decimal?, shares: Decimal?) {
    func factor(_ kind: RowKind) -> Decimal? {
      switch kind {
      case .money: money
      case .shares: shares
      default: nil
      }
    }
    for r in statements[index].rows.indices {
      let row = statements[index].rows[r]
      guard let f = factor(row.kind), StatementBuilder.ownScale(row.label) == nil,
        row.section.flatMap(StatementBuilder.ownScale) == nil
      else { continue }
      let columns = statements[index].columns
      for c in row.values.indices where c < columns.count {
        guard let value = row.values[c], columns[c].kind == .period || columns[c].kind == .change else { continue }
        statements[index].rows[r].values[c] = value.times(f)
      }
    }
    for k in facts.indices where factStatements[k] == index {
      let kind: RowKind = facts[k].unit == .usd ? .money : (facts[k].unit == .shares ? .shares : .percent)
      guard let f = factor(kind), StatementBuilder.ownScale(facts[k].label) == nil,
        facts[k].section.flatMap(StatementBuilder.ownScale) == nil
      else { continue }
      facts[k].value = facts[k].value.times(f)
    }
  }

  /// Takes a statement's money and share figures out of the model: they are not answered.
  mutating func withhold(statement index: Int) {
    var keep: [Fact] = []
    var keepStatements: [Int] = []
    for (k, fact) in facts.enumerated() {
      if factStatements[k] == index && (fact.unit == .usd || fact.unit == .shares) { continue }
      keep.append(fact)
      keepStatements.append(factStatements[k])
    }
    facts = keep
    factStatements = keepStatements
    withheld.append("\(statements[index].title) (line \(statements[index].line)): dollar amounts and share counts")
  }

  mutating func updateReport(statement index: Int) {
    let line = statements[index].line
    for k in report.indices where report[k].line == line && report[k].statement != nil {
      report[k].caption = scales[index].caption
      report[k].moneyScale = scales[index].money
      report[k].sharesScale = scales[index].shares
    }
  }
}
