// MARK: - The stages of reading one table

// A table goes through these stages, each with its own type (`StatementBuilder.add` runs them
// in order):
//
// 1. `TableIdentity` — what the text around the table says it is: title, statement kind,
//    "(continued)", a heading of its own.
// 2. `HeaderModel` — what each column is (a period, a change, a percentage) and the scale of
//    dollars and share counts.
// 3. `Placement` — a statement of its own, or the continuation of the one before, and which
//    statement column each of its columns fills.
// 4. `RowReader` — cells to figures, rows to items (sections, per-share and share rows,
//    ratios), figures to facts in base units.

/// Stage 1: the title, kind and standing a table's surroundings give it.
struct TableIdentity {
  /// Short text blocks just above the table, nearest last.
  var above: [String]
  /// Texts that may title the table: above it (nearest first), then its own header rows.
  var candidates: [String]
  /// The first candidate that names a statement ("Consolidated Balance Sheets").
  var title: String?
  var kind: StatementKind?
  /// "(continued)" somewhere above or in the header.
  var continued: Bool
  /// Headings and captions (not sentences) the column headers are read against.
  var periodContext: [String]
  /// A heading of its own over the table ("COMMERCIAL LINES"): segments are not continuations.
  var ownHeading: Bool

  /// A caption or heading that states the table in percent of sales or revenue: "As a
  /// percentage of net sales", "(percent of revenues)", "% of net sales".
  var statesPercentOfSales: Bool {
    periodContext.contains { text in
      let lower = TextTools.lowercasedASCII(text)
      guard lower.has("sales") || lower.has("revenue") else { return false }
      return lower.has("as a percent") || lower.has("percent of") || lower.has("percentage of")
        || lower.has("% of")
    }
  }

  init(_ table: LogicalTable) {
    above = table.textAbove.map(\.text)
    candidates = above.reversed() + table.headerContext
    for text in candidates {
      if let k = StatementBuilder.statementKind(title: text) {
        title = TextTools.collapseSpaces(Substring(text))
        kind = k
        break
      }
    }
    continued = candidates.contains { TextTools.hasASCIICaseInsensitive($0, "continued") }
    // Period lengths and dates come from headings and captions, not from sentences above the
    // table ("Our fiscal year ends on the Saturday closest to January 31.").
    periodContext = (candidates + (title.map { [$0] } ?? [])).filter { !StatementBuilder.isProse($0) }
    ownHeading = (above + table.headerContext).contains { text in
      guard StatementBuilder.isHeading(text) else { return false }
      let lower = TextTools.lowercasedASCII(text)
      // The second half of a balance sheet under its own heading continues it.
      let continuing = ["liabilities", "equity", "assets", "stockholders", "shareholders", "continued", "unaudited"]
      guard !continuing.contains(where: lower.has) else { return false }
      let words = TextTools.splitOnSpaces(TextTools.normalize(text)).map(String.init)
      return ScaleCaption.read(text) == nil && !StatementBuilder.isCompanyCaption(text)
        && PeriodHeaders.monthDay(words) == nil && PeriodHeaders.length(words) == nil
    }
  }

  /// Every text scale and period captions are read from: the candidates and the title.
  var context: [String] { candidates + (title.map { [$0] } ?? []) }

  /// The nearest heading above that is not a caption, a company name or "(unaudited)": a
  /// title for a table whose surroundings name no statement.
  var heading: String? {
    above.last { text in
      StatementBuilder.isHeading(text) && PeriodHeaders.scale(in: [text]).caption == nil
        && !StatementBuilder.isCompanyCaption(text)
        && !TextTools.hasASCIICaseInsensitive(text, "unaudited")
    }.map { TextTools.collapseSpaces(Substring($0)) }
  }
}

/// Stage 2: each column's reading (period, change, percentage) and the table's scale.
struct HeaderModel {
  var columns: [ColumnReading]
  /// The caption over the table, in its header rows, or printed over a column.
  var scale: PeriodHeaders.Scale

  init(_ table: LogicalTable, identity: TableIdentity) {
    // (The context read once, not once per column.)
    var context = PeriodHeaders.Context(identity.periodContext)
    columns = []
    columns.reserveCapacity(table.columnHeaders.count)
    for headers in table.columnHeaders {
      columns.append(PeriodHeaders.read(headers: headers, context: &context, statement: identity.kind ?? .other))
    }
    scale = PeriodHeaders.scale(in: identity.context + table.columnHeaders.flatMap { $0 })
    consolidatedColumn(identity: identity)
  }

  /// A consolidating statement: one column per segment and a "Consolidated" column, the period
  /// named once above them ("CONSOLIDATING INCOME STATEMENTS / Three Months Ended March 31,
  /// 2020"). The consolidated column is the company's figure for that period; the segments'
  /// columns are not read.
  mutating func consolidatedColumn(identity: TableIdentity) {
    guard periodCount == 0 else { return }
    let consolidated = columns.indices.filter { k in
      ["consolidated", "consolidated total", "total consolidated"].contains(TextTools.normalize(columns[k].header))
    }
    guard consolidated.count == 1 else { return }
    for text in identity.periodContext {
      let reading = PeriodHeaders.read(headers: [text], context: [], statement: identity.kind ?? .other)
      guard reading.kind == .period, let period = reading.period, !period.isInstant else { continue }
      columns[consolidated[0]] = ColumnReading(
        header: columns[consolidated[0]].header + " " + reading.header, kind: .period, period: period)
      return
    }
  }

  var periodCount: Int { columns.filter { $0.kind == .period }.count }
}

/// Stage 3: where a table's figures go.
struct Placement {
  /// The statement this table continues, or nil for a statement of its own.
  var statementIndex: Int?
  /// For each column of the table, the statement column its figures go to.
  var columnMap: [Int]
}

/// Stage 4: the rows of one table, read into statement rows and facts.
struct RowReader {
  let columns: [ColumnReading]
  let columnMap: [Int]
  let statementWidth: Int
  let scale: PeriodHeaders.Scale
  let statementKind: StatementKind
  let statementTitle: String
  let documentName: String
  let truncatedLine: Int?
  /// The table is captioned "as a percentage of net sales": its plain figures are percents.
  var percentOfSales = false

  /// Items already given in the statement (a repeated label gets a suffix).
  var used: Set<String>
  var nextSuffix: [String: Int] = [:]
  /// The heading the rows are under ("Operating expenses:"), and how it ends.
  var section: String?
  var sectionIndent = 0
  var sectionCountsShares: Bool
  var rowsInSection = 0
  var sawIndentedChild = false

  var rows: [StatementRow] = []
  var facts: [Fact] = []
  var unread: [ImportReport.UnreadCell] = []

  /// The period columns, in order.
  let periodColumns: [Int]
  /// What the current section's text says, read once per section rather than once per row.
  private var sectionReading: SectionReading? = nil

  init(
    columns: [ColumnReading], columnMap: [Int], statementWidth: Int, scale: PeriodHeaders.Scale,
    statementKind: StatementKind, statementTitle: String, documentName: String, truncatedLine: Int?,
    used: Set<String>, section: String?
  ) {
    self.columns = columns
    self.columnMap = columnMap
    self.statementWidth = statementWidth
    self.scale = scale
    self.statementKind = statementKind
    self.statementTitle = statementTitle
    self.documentName = documentName
    self.truncatedLine = truncatedLine
    self.used = used
    self.section = section
    periodColumns = columns.indices.filter { columns[$0].kind == .period }
    sectionCountsShares = section.map { ItemCatalog.rowKind(label: "", section: $0) != .money } ?? false
  }

  mutating func read(_ logical: LogicalRow) throws(ImportError) {
    guard let read = cells(logical) else { return }
    let label = logical.label
    let hasNumbers = read.contains { if case .number = $0 { return true } else { return false } }
    if !hasNumbers {
      if label.isEmpty { return }
      if read.allSatisfy({ $0 == .empty }) {
        openSection(logical)
        return
      }
    }
    guard !label.isEmpty else {
      unlabeledTotal(logical, read, hasNumbers: hasNumbers)
      return
    }
    // A caption printed in the label column ("($ in millions, except earnings per share)")
    // labels no figures.
    if label.hasPrefix("("), ScaleCaption.read(label) != nil { return }
    let normalizedLabel = TextTools.normalize(label)
    closeSection(before: logical, normalizedLabel: normalizedLabel)
    let current = currentSection()
    let rowKind = measure(label: label, normalizedLabel: normalizedLabel, section: current, read)
    let item = name(label: label, normalizedLabel: normalizedLabel, section: current.normalized, rowKind: rowKind)
    let values = try baseUnits(logical, read, rowKind: rowKind, section: current)
    emit(logical, item: item, rowKind: rowKind, values: values)
    // A total closes the group above it; a double rule closes everything.
    // Markdown and HTML often print no rules: a total closes its section by its label alone.
    // (Not a per-share heading: "Per Common Share" goes on past "Total basic earnings" to
    // the diluted lines, and ends at the first line that is not about shares.)
    if logical.doubleRuleBelow || (normalizedLabel.hasPrefix("total") && !sectionCountsShares) { section = nil }
  }

  /// The row's cells as figures; nil for a row cut off by the end of a truncated document.
  mutating func cells(_ logical: LogicalRow) -> [CellValue]? {
    var read: [CellValue] = []
    read.reserveCapacity(logical.values.count)
    for text in logical.values {
      let value = CellReader.read(text)
      if value == .invalid {
        if logical.line == truncatedLine { return nil }
        // Not a figure ("($70) to ($61)", "12,3x4"): left out and said, never a reason to
        // refuse the rest of the release.
        unread.append(ImportReport.UnreadCell(line: logical.line, label: logical.label, text: text))
        read.append(.notMeaningful)
        continue
      }
      read.append(value)
    }
    return read
  }

  /// What a section's text says about the rows under it: each is what the row's reading
  /// would work out from the section alone (`TextTools.normalize(section)`, the section's part
  /// of `ItemCatalog.rowKind`, `StatementBuilder.statesPhysicalUnit`, `ownScale` and
  /// `statesCurrencyAsPrinted`).
  struct SectionReading {
    var text: String?
    var normalized: String
    var kind: RowKind?
    var physicalUnit: Bool
    var ownScale: Decimal?
    var currencyAsPrinted: Bool

    init(_ text: String?) {
      self.text = text
      normalized = text.map { TextTools.normalize($0) } ?? ""
      kind = ItemCatalog.sectionRowKind(normalized)
      physicalUnit = StatementBuilder.statesPhysicalUnit(text)
      ownScale = text.flatMap(StatementBuilder.ownScale)
      currencyAsPrinted = StatementBuilder.statesCurrencyAsPrinted(in: text ?? "")
    }
  }

  /// The reading of the current section, made again only when the section changed.
  mutating func currentSection() -> SectionReading {
    if let reading = sectionReading, reading.text == section { return reading }
    let reading = SectionReading(section)
    sectionReading = reading
    return reading
  }

  /// A label with no figures: the heading of the rows under it.
  mutating func openSection(_ logical: LogicalRow) {
    section = StatementBuilder.sectionName(logical.label)
    // (`ItemCatalog.rowKind(label: "", section:)`: an empty label says nothing of its own.)
    sectionCountsShares = (currentSection().kind ?? .money) != .money
    sectionIndent = logical.indent
    sawIndentedChild = false
    rowsInSection = 0
    rows.append(
      StatementRow(
        label: logical.label, item: nil, section: nil, kind: .money,
        values: [Decimal?](repeating: nil, count: statementWidth), line: logical.line,
        ruleAbove: logical.ruleAbove, doubleRuleBelow: logical.doubleRuleBelow, indent: logical.indent))
  }

  /// A total printed without a label ("$ 1,552,132 | $ 1,433,448" closing the assets) is kept,
  /// without an item, for `inferUnlabeledTotalAssets` to place by what it equals, and in an
  /// income or cash flow statement for `check` to read the structure by (Oil States' total
  /// revenues and total costs): it names no item and makes no fact.
  mutating func unlabeledTotal(_ logical: LogicalRow, _ read: [CellValue], hasNumbers: Bool) {
    // (In an income or cash flow statement only after a line of dollars: a blank line under
    // per-share figures is no dollar total.)
    guard
      statementKind == .balanceSheet
        || (statementKind == .incomeStatement || statementKind == .cashFlow) && rows.last?.kind == .money,
      hasNumbers
    else { return }
    var placed = [Decimal?](repeating: nil, count: statementWidth)
    // (At the scale of the section it closes: "(U.S. dollars)" per ounce, not the caption's.)
    let money =
      section.flatMap(StatementBuilder.ownScale) ?? StatementBuilder.statesCurrencyAsPrinted("", section)
      ?? scale.money
    for (k, target) in columnMap.enumerated() where k < read.count && target < statementWidth {
      if case .number(let printed, false) = read[k], columns[k].kind == .period {
        placed[target] = printed.times(money)
      }
    }
    rows.append(
      StatementRow(
        label: "", item: nil, section: nil, kind: .money, values: placed, line: logical.line,
        ruleAbove: logical.ruleAbove, doubleRuleBelow: logical.doubleRuleBelow, indent: logical.indent))
  }

  /// Ends the section before a row that is no longer under it.
  mutating func closeSection(before logical: LogicalRow, normalizedLabel: String) {
    // Fixed-width text shows the end of a section by indentation.
    if section != nil, logical.indent > sectionIndent { sawIndentedChild = true }
    if section != nil, sawIndentedChild, logical.indent <= sectionIndent { section = nil }
    // A subtotal under a rule right after a one-row section sums more than that section
    // ("Discontinued Operations:" / "Loss from discontinued operations" / rule / "Net Loss").
    // A rule right under the heading (a border under "AVERAGE COMMON SHARES") underlines it.
    if section != nil, logical.ruleAbove, rowsInSection == 1, !normalizedLabel.hasPrefix("total") { section = nil }
    rowsInSection += 1
    // A per-share or share-count heading covers its Basic / Diluted lines only: a row
    // labelled otherwise ("Gross margin %") is back at the statement's level.
    if section != nil, sectionCountsShares,
      !normalizedLabel.has("basic") && !normalizedLabel.has("diluted") && !normalizedLabel.has("share")
        // "Primary" and "Fully diluted" (before SFAS 128).
        && !normalizedLabel.has("primary")
        && !normalizedLabel.has("continuing") && !normalizedLabel.has("discontinued")
        && !normalizedLabel.has("net income")
        && !normalizedLabel.has("net loss")
        // "Loss before extraordinary item $ (0.38)", "Extraordinary item, net of tax": the
        // parts of EPS under "Net income (loss) per share - basic".
        && !normalizedLabel.has("extraordinary") && !normalizedLabel.has("before")
        && !normalizedLabel.has("accounting change")
    {
      section = nil
    }
  }

  /// What the row's figures measure: dollars, per-share amounts, share counts, percentages or
  /// plain numbers.
  func measure(label: String, normalizedLabel: String, section: SectionReading, _ read: [CellValue]) -> RowKind {
    // (`ItemCatalog.rowKind(normalizedLabel:normalizedSection:)`, the section's part read once.)
    var rowKind = ItemCatalog.labelRowKind(normalizedLabel) ?? section.kind ?? .money
    // The figures of the period columns: how many, whether all or any carry a % sign, whether
    // all without one are fractions under 100, whether any is not whole (one pass, no arrays).
    var count = 0
    var allPercent = true
    var anyPercent = false
    var allPercentOrSmallFraction = true
    var anyFraction = false
    let hundred = Decimal(100)
    for k in periodColumns {
      guard case .number(let value, let isPercent) = read[k] else { continue }
      count += 1
      if isPercent { anyPercent = true } else { allPercent = false }
      if !value.isInteger { anyFraction = true }
      if !isPercent && !(!value.isInteger && value.magnitude < hundred) { allPercentOrSmallFraction = false }
    }
    // One figure with its % sign makes the row's figures percents: Wells Fargo prints
    // "CET1  11.4 %  11.6" with the sign once, and 11.6 is no $11.6 billion.
    // (Only when the figures without it look like it, with decimals and under 100: dollars
    // beside a column of changes in percent stay dollars.)
    if count > 0 && (allPercent || rowKind == .money && anyPercent && allPercentOrSmallFraction) {
      rowKind = .percent
    }
    if percentOfSales && rowKind == .money { rowKind = .percent }
    // "Efficiency ratio 61", "Return on equity 12.8" in a table of dollars in millions: a
    // ratio printed without its % sign is a plain number, never dollars at the caption's scale.
    if rowKind == .money, StatementBuilder.namesRatio(normalizedLabel) {
      rowKind = label.has("%") || normalizedLabel.has("percent") ? .percent : .count
    }
    // "Gold Production (ounces)": a quantity of things, never money at the caption's scale.
    if rowKind == .money, StatementBuilder.statesPhysicalUnit(label) || section.physicalUnit {
      rowKind = .count
    }
    if rowKind == .money,
      normalizedLabel == "basic" || normalizedLabel == "diluted" || normalizedLabel == "basic and diluted"
    {
      rowKind = anyFraction ? .perShare : .shares
    }
    return rowKind
  }

  /// The row's item, unique in the statement.
  mutating func name(label: String, normalizedLabel: String, section normalizedSection: String, rowKind: RowKind)
    -> String
  {
    var item = ItemCatalog.item(
      forLabel: label, normalized: normalizedLabel, sectionText: normalizedSection, statement: statementKind,
      rowKind: rowKind)
    // (One hash of the item when it is new, as most are: the insert says whether it was used.)
    if !used.insert(item).inserted {
      var candidate = section.map { item + "_" + TextTools.slug($0, limit: 48) } ?? item + "_2"
      // Numbered on from the last number this table gave the item (not from 2 each time: a
      // table repeating one label thousands of times would be quadratic).
      var n = nextSuffix[item] ?? 2
      while used.contains(candidate) && n < 1000 {
        n += 1
        candidate = item + "_\(n)"
      }
      nextSuffix[item] = n
      item = candidate
      used.insert(item)
    }
    return item
  }

  /// The row's figures in base units; "Average shares outstanding (in thousands):" scales its
  /// own rows.
  func baseUnits(_ logical: LogicalRow, _ read: [CellValue], rowKind: RowKind, section: SectionReading)
    throws(ImportError) -> [Decimal?]
  {
    // (`statesCurrencyAsPrinted(label, section)`, the section's part read once.)
    let rowScale =
      StatementBuilder.ownScale(logical.label) ?? section.ownScale
      ?? (StatementBuilder.statesCurrencyAsPrinted(in: logical.label) || section.currencyAsPrinted ? .one : nil)
    var values: [Decimal?] = []
    values.reserveCapacity(read.count)
    for (k, cell) in read.enumerated() {
      guard case .number(let printed, let isPercent) = cell else {
        values.append(nil)
        continue
      }
      var value = printed
      do {
        if isPercent || rowKind == .percent || columns[k].kind == .percentChange || columns[k].kind == .percentOfTotal {
          value = try printed.dividing(by: .hundred)
        } else if columns[k].kind == .period || columns[k].kind == .change {
          switch rowKind {
          case .money: value = try printed.multiplying(by: rowScale ?? scale.money)
          case .shares: value = try printed.multiplying(by: rowScale ?? scale.shares)
          default: break
          }
        }
      } catch {
        throw ImportError(message: "the figure '\(logical.values[k])' is out of range", line: logical.line)
      }
      values.append(value)
    }
    return values
  }

  /// The statement row and a fact for each period column.
  mutating func emit(_ logical: LogicalRow, item: String, rowKind: RowKind, values: [Decimal?]) {
    let unit: Unit =
      switch rowKind {
      case .money: .usd
      case .perShare: .perShare("USD")
      case .shares: .shares
      case .percent: .percent
      case .count: .none
      }
    var placed = [Decimal?](repeating: nil, count: statementWidth)
    for (k, target) in columnMap.enumerated() where k < values.count && target < statementWidth {
      placed[target] = values[k]
    }
    rows.append(
      StatementRow(
        label: logical.label, item: item, section: section, kind: rowKind, values: placed, line: logical.line,
        ruleAbove: logical.ruleAbove, doubleRuleBelow: logical.doubleRuleBelow, indent: logical.indent))
    // A balance ("Total assets" in selected annual data) is a figure at the period's end.
    let isBalance = ItemCatalog.statement(named: item) == .balanceSheet
    var isFlow: Bool? = nil
    for k in periodColumns {
      let column = columns[k]
      guard var period = column.period, k < values.count, let value = values[k] else { continue }
      if isBalance && !period.isInstant { period = ResolvedPeriod(start: nil, end: period.end) }
      // A result over a period (revenue, net income, EPS) under a bare date: how long a
      // period it covers is not printed, so it is not a fact.
      if period.isInstant {
        let flow = isFlow ?? StatementBuilder.isFlow(item)
        isFlow = flow
        if flow { continue }
      }
      let source = SourceReference(
        document: documentName, statement: statementTitle, label: logical.label, column: column.header,
        line: logical.line)
      facts.append(
        Fact(
          item: item, label: logical.label, statement: statementKind, section: section, period: period, value: value,
          unit: unit, source: source))
    }
  }
}

extension StatementBuilder {
  /// A label printed over two rows of a grid: a row of words with no figures, ending in a word
  /// that goes on ("Minority interests in income of", "Weighted average number of common
  /// shares"), over a row whose label starts in lower case ("consolidated subsidiaries", "and
  /// equivalents outstanding"). Read apart, the first was a heading and the second an item of
  /// its own; they are one label. (Fixed-width text joins its wrapped labels as it reads them.)
  static func joinWrappedLabels(_ rows: [LogicalRow]) -> [LogicalRow] {
    guard rows.count > 1 else { return rows }
    var result: [LogicalRow] = []
    result.reserveCapacity(rows.count)
    var k = 0
    while k < rows.count {
      let row = rows[k]
      if k + 1 < rows.count, !row.label.isEmpty, row.values.allSatisfy(\.isEmpty), !row.label.hasSuffix(":"),
        let first = rows[k + 1].label.unicodeScalars.first, first.properties.isLowercase
      {
        var joined = rows[k + 1]
        joined.label = row.label + " " + joined.label
        joined.line = row.line
        joined.ruleAbove = joined.ruleAbove || row.ruleAbove
        result.append(joined)
        k += 2
        continue
      }
      result.append(row)
      k += 1
    }
    return result
  }
}

extension StatementBuilder {
  /// A heading or label that names its currency in parentheses with no scale ("Average Cost
  /// Per Ounce of Gold Sold (U.S. dollars)"): its figures are as printed (scale 1), not in
  /// the thousands of the table's caption.
  static func statesCurrencyAsPrinted(_ label: String, _ section: String?) -> Decimal? {
    statesCurrencyAsPrinted(in: label) || statesCurrencyAsPrinted(in: section ?? "") ? .one : nil
  }

  /// Whether one text names its currency in parentheses with no scale.
  static func statesCurrencyAsPrinted(in text: String) -> Bool {
    guard text.has("(") else { return false }
    for group in ScaleCaption.parenthesised(text)
    where StatedCurrency.code(in: group) != nil && ScaleCaption.read(group) == nil {
      return true
    }
    return false
  }

  /// Units of things stated in parentheses: "(ounces)", "(tons)", "(barrels per day)".
  static let physicalUnits: Set<String> = [
    "ounce", "ounces", "oz", "ton", "tons", "tonne", "tonnes", "barrel", "barrels", "bbl", "boe", "mcf", "units",
    "employees", "customers", "subscribers", "stores", "vessels", "rigs", "carats", "lbs", "kilograms", "kg",
    "acres", "megawatts", "mw", "gigawatt", "hours", "miles", "feet", "square feet",
  ]

  static func statesPhysicalUnit(_ text: String?) -> Bool {
    guard let text, text.has("(") else { return false }
    return ScaleCaption.parenthesised(text).contains { group in
      let words = TextTools.splitOnSpaces(TextTools.normalize(String(group))).map(String.init)
      return words.first.map { physicalUnits.contains($0) } ?? false
        || (words.count >= 2 && physicalUnits.contains(words[words.count - 1]) && words[0] == "in")
    }
  }
}
