// MARK: - Tables → statements and facts

/// Turns the tables of one release into statements (titles, kinds, periods, sections, items)
/// and facts in base units.
struct StatementBuilder {
  let documentName: String
  var statements: [StatementTable] = []
  var facts: [Fact] = []
  /// For each fact, the statement it was read from.
  var factStatements: [Int] = []
  /// Cross-checks at import that failed, and statements withheld because of them.
  var findings: [ImportReport.Finding] = []
  var withheld: [String] = []
  /// Captions naming the company above tables ("ACME CORP. AND SUBSIDIARIES").
  var companyCaptions: [String] = []
  /// Per statement: items already used, scale, the section the last table ended in.
  private var usedItems: [Set<String>] = []
  var scales: [PeriodHeaders.Scale] = []
  /// Per statement: its title names the statement ("Consolidated Balance Sheets"), rather than
  /// its kind being guessed from its rows.
  var titled: [Bool] = []
  /// Per statement: its title or the headings just above it call it consolidated
  /// ("Consolidated Financial Summary"), the company's own figures rather than a segment's.
  var consolidated: [Bool] = []
  private var lastSections: [String?] = []

  /// What became of each table, for the import report.
  var report: [ImportReport.Table] = []

  /// The last line of a document cut off mid-line: a figure there that cannot be read is the
  /// cut, not a misprint, and its row is left out.
  var truncatedLine: Int? = nil

  init(documentName: String) { self.documentName = documentName }

  mutating func add(_ table: LogicalTable) throws(ImportError) {
    let above = table.textAbove.map(\.text)
    let candidates = above.reversed() + table.headerContext
    var title: String? = nil
    var kind: StatementKind? = nil
    for text in candidates {
      if let k = StatementBuilder.statementKind(title: text) {
        title = TextTools.collapseSpaces(Substring(text))
        kind = k
        break
      }
    }
    for text in above where StatementBuilder.isCompanyCaption(text) { companyCaptions.append(text) }
    let continued = candidates.contains { TextTools.lowercasedASCII($0).has("continued") }

    // Columns.
    let context = candidates + (title.map { [$0] } ?? [])
    // Period lengths and dates come from headings and captions, not from sentences above the
    // table ("Our fiscal year ends on the Saturday closest to January 31.").
    let periodContext = context.filter { !StatementBuilder.isProse($0) }
    var columns = table.columnHeaders.map { headers in
      PeriodHeaders.read(headers: headers, context: periodContext, statement: kind ?? .other)
    }
    let periodCount = columns.filter { $0.kind == .period }.count

    // A statement split across tables: no title of its own, and either no periods (an empty
    // header row) or the same periods as the statement before.
    var statementIndex: Int? = nil
    // For each column of this table, the statement column its figures go to.
    var columnMap = Array(columns.indices)
    // A heading of its own over a table ("COMMERCIAL LINES") starts a new table even when the
    // periods are the same as the statement before: segments are not continuations.
    let ownHeading = (above + table.headerContext).contains { text in
      guard StatementBuilder.isHeading(text) else { return false }
      let lower = TextTools.lowercasedASCII(text)
      // The second half of a balance sheet under its own heading continues it.
      let continuing = ["liabilities", "equity", "assets", "stockholders", "shareholders", "continued", "unaudited"]
      guard !continuing.contains(where: lower.has) else { return false }
      let words = TextTools.splitOnSpaces(TextTools.normalize(text)).map(String.init)
      return ScaleCaption.read(text) == nil && !StatementBuilder.isCompanyCaption(text)
        && PeriodHeaders.monthDay(words) == nil && PeriodHeaders.length(words) == nil
    }
    // …when it repeats the lines of that statement: segments repeat "Net income", the second
    // half of a balance sheet under "LIABILITIES" does not.
    func repeatsLines(of previous: Int) -> Bool {
      let earlier = Set(statements[previous].rows.filter { !$0.isHeading }.map { TextTools.normalize($0.label) })
      let repeated = table.rows.filter { !$0.label.isEmpty && earlier.contains(TextTools.normalize($0.label)) }
      return repeated.count >= 1
    }
    let ownPeriodHeader = table.columnHeaders.contains { !$0.isEmpty }
    if let previous = statements.indices.last,
      (title == nil && !(ownHeading && (ownPeriodHeader || repeatsLines(of: previous)))) || continued
    {
      if statements[previous].columns.count == columns.count {
        let samePeriods = zip(statements[previous].columns, columns).allSatisfy { $0.period == $1.period }
        // A table without periods continues the one before only if it prints no headings of
        // its own ("Q2 FY2009" over a supplemental table is not a continuation).
        let ownHeadings = table.columnHeaders.contains { !$0.isEmpty }
        if (periodCount == 0 && (!ownHeadings || continued)) || (periodCount > 0 && samePeriods) || continued {
          statementIndex = previous
          if periodCount == 0 {
            columns = statements[previous].columns.map {
              ColumnReading(header: $0.header, kind: $0.kind, period: $0.period)
            }
          }
        }
      } else if continued && periodCount > 0 {
        // "(continued)" with another layout (a "% Change" column became "Increase (Decrease)"):
        // periods go to the same periods; other columns to one of their kind, else a new column.
        statementIndex = previous
        columnMap = StatementBuilder.mapColumns(columns, onto: &statements[previous])
      }
    }
    var reportTable = ImportReport.Table(line: table.line, title: title ?? above.last)
    reportTable.columns = columns.map { ImportReport.Column(header: $0.header, kind: $0.kind, period: $0.period) }
    if statementIndex == nil && periodCount == 0 {
      // A table with no periods: not a statement.
      let headers = table.columnHeaders.map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
      reportTable.skipped =
        headers.isEmpty
        ? "no column has a header, and it continues no statement"
        : "no column header names a period (\(headers.prefix(4).map { "\"\($0)\"" }.joined(separator: ", ")))"
      report.append(reportTable)
      return
    }

    // A caption above the table, in its header rows, or printed over a column.
    var scale = PeriodHeaders.scale(in: context + table.columnHeaders.flatMap { $0 })
    if let index = statementIndex, scale.caption == nil { scale = scales[index] }

    // Rows.
    let statementKindGuess: StatementKind
    if let index = statementIndex {
      statementKindGuess = statements[index].kind
    } else {
      statementKindGuess = kind ?? StatementBuilder.inferKind(rows: table.rows, columns: columns)
    }
    func heading() -> String? {
      above.last { text in
        StatementBuilder.isHeading(text) && PeriodHeaders.scale(in: [text]).caption == nil
          && !StatementBuilder.isCompanyCaption(text)
          && !TextTools.lowercasedASCII(text).has("unaudited")
      }.map { TextTools.collapseSpaces(Substring($0)) }
    }
    let statementTitle =
      statementIndex.map { statements[$0].title } ?? title ?? heading()
      ?? StatementBuilder.defaultTitle(statementKindGuess)
    var used = statementIndex.map { usedItems[$0] } ?? []
    var section: String? = statementIndex.flatMap { lastSections[$0] }
    var sectionIndent = 0
    var sectionCountsShares = section.map { ItemCatalog.rowKind(label: "", section: $0) != .money } ?? false
    var rowsInSection = 0
    var sawIndentedChild = false
    var rows: [StatementRow] = []
    var newFacts: [Fact] = []
    let statementWidth = statementIndex.map { statements[$0].columns.count } ?? columns.count

    var nextSuffix: [String: Int] = [:]
    rows: for logical in table.rows {
      let label = logical.label
      var read: [CellValue] = []
      read.reserveCapacity(logical.values.count)
      for text in logical.values {
        let value = CellReader.read(text)
        if value == .invalid {
          if logical.line == truncatedLine { continue rows }
          // Not a figure ("($70) to ($61)", "12,3x4"): left out and said, never a reason to
          // refuse the rest of the release.
          reportTable.unread.append(ImportReport.UnreadCell(line: logical.line, label: label, text: text))
          read.append(.notMeaningful)
          continue
        }
        read.append(value)
      }
      let hasNumbers = read.contains { if case .number = $0 { return true } else { return false } }
      if !hasNumbers {
        if label.isEmpty { continue }
        if read.allSatisfy({ $0 == .empty }) {
          section = StatementBuilder.sectionName(label)
          sectionCountsShares = ItemCatalog.rowKind(label: "", section: section) != .money
          sectionIndent = logical.indent
          sawIndentedChild = false
          rowsInSection = 0
          rows.append(
            StatementRow(
              label: label, item: nil, section: nil, kind: .money,
              values: [Decimal?](repeating: nil, count: statementWidth), line: logical.line,
              ruleAbove: logical.ruleAbove, doubleRuleBelow: logical.doubleRuleBelow, indent: logical.indent))
          continue
        }
      }
      guard !label.isEmpty else {
        // A total printed without a label ("$ 1,552,132 | $ 1,433,448" closing the assets) is
        // kept, without an item, for `inferUnlabeledTotalAssets` to place by what it equals.
        if statementKindGuess == .balanceSheet, hasNumbers {
          var placed = [Decimal?](repeating: nil, count: statementWidth)
          for (k, target) in columnMap.enumerated() where k < read.count && target < statementWidth {
            if case .number(let printed, false) = read[k], columns[k].kind == .period {
              placed[target] = printed.times(scale.money)
            }
          }
          rows.append(
            StatementRow(
              label: "", item: nil, section: nil, kind: .money, values: placed, line: logical.line,
              ruleAbove: logical.ruleAbove, doubleRuleBelow: logical.doubleRuleBelow, indent: logical.indent))
        }
        continue
      }
      // A caption printed in the label column ("($ in millions, except earnings per share)")
      // labels no figures.
      if label.hasPrefix("("), ScaleCaption.read(label) != nil { continue }
      // Fixed-width text shows the end of a section by indentation.
      if section != nil, logical.indent > sectionIndent { sawIndentedChild = true }
      if section != nil, sawIndentedChild, logical.indent <= sectionIndent { section = nil }
      // A subtotal under a rule right after a one-row section sums more than that section
      // ("Discontinued Operations:" / "Loss from discontinued operations" / rule / "Net Loss").
      // A rule right under the heading (a border under "AVERAGE COMMON SHARES") underlines it.
      let normalizedLabel = TextTools.normalize(label)
      if section != nil, logical.ruleAbove, rowsInSection == 1, !normalizedLabel.hasPrefix("total") { section = nil }
      rowsInSection += 1
      // A per-share or share-count heading covers its Basic / Diluted lines only: a row
      // labelled otherwise ("Gross margin %") is back at the statement's level.
      if section != nil, sectionCountsShares,
        !normalizedLabel.has("basic") && !normalizedLabel.has("diluted") && !normalizedLabel.has("share")
          && !normalizedLabel.has("continuing") && !normalizedLabel.has("discontinued")
          && !normalizedLabel.has("net income")
          && !normalizedLabel.has("net loss")
      {
        section = nil
      }
      // What the row measures.
      let normalizedSection = section.map { TextTools.normalize($0) } ?? ""
      var rowKind = ItemCatalog.rowKind(normalizedLabel: normalizedLabel, normalizedSection: normalizedSection)
      let periodCells = columns.indices.filter { columns[$0].kind == .period }.map { read[$0] }
      let numbers = periodCells.compactMap { cell -> (Decimal, Bool)? in
        if case .number(let v, let p) = cell { return (v, p) }
        return nil
      }
      if !numbers.isEmpty && numbers.allSatisfy({ $0.1 }) { rowKind = .percent }
      // "Efficiency ratio 61", "Return on equity 12.8" in a table of dollars in millions: a
      // ratio printed without its % sign is a plain number, never dollars at the caption's scale.
      if rowKind == .money, StatementBuilder.namesRatio(normalizedLabel) {
        rowKind = label.has("%") || normalizedLabel.has("percent") ? .percent : .count
      }
      if rowKind == .money, ["basic", "diluted", "basic and diluted"].contains(normalizedLabel) {
        rowKind = numbers.contains { !$0.0.isInteger } ? .perShare : .shares
      }
      var item = ItemCatalog.item(
        forLabel: label, normalized: normalizedLabel, sectionText: normalizedSection, statement: statementKindGuess,
        rowKind: rowKind)
      if used.contains(item) {
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
      }
      used.insert(item)

      // Values in base units; "Average shares outstanding (in thousands):" scales its own rows.
      let rowScale = StatementBuilder.ownScale(label) ?? section.flatMap(StatementBuilder.ownScale)
      var values: [Decimal?] = []
      for (k, cell) in read.enumerated() {
        guard case .number(let printed, let isPercent) = cell else {
          values.append(nil)
          continue
        }
        var value = printed
        do {
          if isPercent || rowKind == .percent || columns[k].kind == .percentChange || columns[k].kind == .percentOfTotal
          {
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
      let unit: Unit =
        switch rowKind {
        case .money: .usd
        case .perShare: .perShare("USD")
        case .shares: .shares
        case .percent: .percent
        case .count: .none
        }
      let rowSection = section
      var placed = [Decimal?](repeating: nil, count: statementWidth)
      for (k, target) in columnMap.enumerated() where k < values.count && target < statementWidth {
        placed[target] = values[k]
      }
      rows.append(
        StatementRow(
          label: label, item: item, section: rowSection, kind: rowKind, values: placed, line: logical.line,
          ruleAbove: logical.ruleAbove, doubleRuleBelow: logical.doubleRuleBelow, indent: logical.indent))
      // A balance ("Total assets" in selected annual data) is a figure at the period's end.
      let isBalance = ItemCatalog.entry(named: item)?.statement == .balanceSheet
      for (k, column) in columns.enumerated() where column.kind == .period {
        guard var period = column.period, k < values.count, let value = values[k] else { continue }
        if isBalance && !period.isInstant { period = ResolvedPeriod(start: nil, end: period.end) }
        // A result over a period (revenue, net income, EPS) under a bare date: how long a
        // period it covers is not printed, so it is not a fact.
        if period.isInstant && StatementBuilder.isFlow(item) { continue }
        let source = SourceReference(
          document: documentName, statement: statementTitle, label: label, column: column.header, line: logical.line)
        newFacts.append(
          Fact(
            item: item, label: label, statement: statementKindGuess, section: rowSection, period: period, value: value,
            unit: unit, source: source))
      }
      // A total closes the group above it; a double rule closes everything.
      // Markdown and HTML often print no rules: a total closes its section by its label alone.
      // (Not a per-share heading: "Per Common Share" goes on past "Total basic earnings" to
      // the diluted lines, and ends at the first line that is not about shares.)
      if logical.doubleRuleBelow || (normalizedLabel.hasPrefix("total") && !sectionCountsShares) { section = nil }
    }

    StatementBuilder.preferAttributableNetIncome(rows: &rows, facts: &newFacts, used: &used)
    // Two columns headed with the same period that print different figures: the headers do not
    // line up with the cells, so no figure of the table can be placed with confidence.
    if let clash = StatementBuilder.conflictingColumns(columns: columns, rows: rows, columnMap: columnMap) {
      newFacts.removeAll()
      let where_ = "\(statementTitle) (line \(table.line))"
      withheld.append(
        "\(where_): columns \(clash.0 + 1) and \(clash.1 + 1) are both headed \"\(columns[clash.0].header)\" but print different figures"
      )
    }
    reportTable.statement = statementKindGuess
    reportTable.title = statementTitle
    reportTable.continues = statementIndex != nil
    reportTable.caption = scale.caption
    reportTable.moneyScale = scale.money
    reportTable.sharesScale = scale.shares
    reportTable.rows = rows.count
    report.append(reportTable)

    let statementColumns = columns.map { StatementColumn(header: $0.header, kind: $0.kind, period: $0.period) }
    if let index = statementIndex {
      statements[index].rows += rows
      usedItems[index] = used
      lastSections[index] = section
    } else {
      statements.append(
        StatementTable(
          title: statementTitle, kind: statementKindGuess, document: documentName, columns: statementColumns,
          rows: rows, scaleCaption: scale.caption, line: table.line))
      usedItems.append(used)
      titled.append(kind != nil)
      consolidated.append(
        ([statementTitle] + above.suffix(3) + table.headerContext).contains {
          TextTools.lowercasedASCII($0).has("consolidated")
        })
      scales.append(scale)
      lastSections.append(section)
    }
    facts += newFacts
    factStatements += Array(repeating: statementIndex ?? statements.count - 1, count: newFacts.count)
  }

  /// Items that are results over a period, never balances at a date.
  static func isFlow(_ item: String) -> Bool {
    if let statement = ItemCatalog.entry(named: item)?.statement {
      return statement == .incomeStatement || statement == .cashFlow
    }
    return ["net_income", "net_income_consolidated", "eps", "income_taxes", "income_continuing_operations"].contains(
      item)
      || Metrics.reportedAliases.values.contains { $0.contains(item) }
  }

  /// The first pair of period columns with the same period whose figures differ in some row.
  static func conflictingColumns(columns: [ColumnReading], rows: [StatementRow], columnMap: [Int]) -> (Int, Int)? {
    let periodColumns = columns.indices.filter { columns[$0].kind == .period && columns[$0].period != nil }
    for (n, a) in periodColumns.enumerated() {
      for b in periodColumns[(n + 1)...] where columns[a].period == columns[b].period {
        let ta = columnMap[a]
        let tb = columnMap[b]
        for row in rows where ta < row.values.count && tb < row.values.count {
          if let x = row.values[ta], let y = row.values[tb], x != y { return (a, b) }
        }
      }
    }
    return nil
  }

  /// "Net income attributable to Acme Corp." is the net income EPS divides: it becomes
  /// `net_income`, and the consolidated line above it (before noncontrolling interests)
  /// `net_income_consolidated`.
  static func preferAttributableNetIncome(rows: inout [StatementRow], facts: inout [Fact], used: inout Set<String>) {
    guard
      let attributable = rows.firstIndex(where: { row in
        row.kind == .money && row.item != nil && row.item != "net_income"
          && (row.label.has("ttributable") || row.label.has("TTRIBUTABLE") || row.label.has("pplicable")
            || row.label.has("PPLICABLE"))
          && isAttributableToCompany(TextTools.normalize(row.label))
      }), let oldItem = rows[attributable].item
    else { return }
    var renames: [String: String] = [oldItem: "net_income"]
    if rows.contains(where: { $0.item == "net_income" }) { renames["net_income"] = "net_income_consolidated" }
    for k in rows.indices {
      if let item = rows[k].item, let renamed = renames[item] { rows[k].item = renamed }
    }
    for k in facts.indices {
      if let renamed = renames[facts[k].item] { facts[k].item = renamed }
    }
    used.insert("net_income_consolidated")
  }

  /// "net income loss attributable to acme corp", "net earnings attributable to the company",
  /// "net income applicable to morgan stanley";
  /// not to noncontrolling interests, nor to common or preferred holders after dividends.
  static func isAttributableToCompany(_ normalized: String) -> Bool {
    let starts = ["net income", "net loss", "net earnings", "net profit"]
    guard starts.contains(where: { normalized.hasPrefix($0) }),
      normalized.has("attributable to") || normalized.has("applicable to")
    else { return false }
    let others = [
      "noncontrolling", "non controlling", "minority", "common", "preferred", "participating", "redeemable",
      "per share", "unitholders", "partners",
    ]
    return !others.contains { normalized.has($0) }
  }

  /// Places the columns of a continuation table on its statement's columns: a period on the
  /// same period, another column on an unused one of the same kind; what matches nothing is
  /// added as a new column (earlier rows have no figure there).
  static func mapColumns(_ columns: [ColumnReading], onto statement: inout StatementTable) -> [Int] {
    var used = Set<Int>()
    var map: [Int] = []
    for column in columns {
      let existing = statement.columns.indices.first { index in
        guard !used.contains(index) else { return false }
        let candidate = statement.columns[index]
        if let period = column.period { return candidate.period == period }
        return candidate.period == nil && candidate.kind == column.kind
      }
      if let existing {
        used.insert(existing)
        map.append(existing)
        continue
      }
      statement.columns.append(StatementColumn(header: column.header, kind: column.kind, period: column.period))
      for row in statement.rows.indices { statement.rows[row].values.append(nil) }
      used.insert(statement.columns.count - 1)
      map.append(statement.columns.count - 1)
    }
    return map
  }

  /// "Net Loss Per Common Share: Basic and Diluted:" → "Net Loss Per Common Share: Basic and Diluted".
  static func sectionName(_ label: String) -> String {
    var text = Substring(label)
    while let last = text.last, last == ":" || last == " " { text = text.dropLast() }
    return String(text)
  }

  /// A scale printed in a row's label or section heading: "(in thousands)", "(in millions)".
  /// Read by `ScaleCaption` inside the parentheses, like any caption: a share count's own scale
  /// when it states one ("Weighted average shares (in thousands)"), else the dollars'.
  static func ownScale(_ text: String) -> Decimal? {
    guard text.has("(") else { return nil }
    for group in ScaleCaption.parenthesised(text) {
      if let scale = ScaleCaption.read(group) { return scale.sharesStated ? scale.shares : scale.money }
    }
    return nil
  }

  /// A table heading: a few capitalised words, no sentence, link or markup ("SELECTED
  /// FINANCIAL DATA", "Supplemental Information").
  static func isHeading(_ text: String) -> Bool {
    guard text.utf8.count <= 80, !isProse(text), let first = text.unicodeScalars.first, first.properties.isUppercase,
      !text.utf8.contains(where: {
        $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@")
      })
    else { return false }
    let words = text.split(separator: " ").filter { $0.unicodeScalars.first?.properties.isAlphabetic ?? false }
    guard words.count >= 2 else { return false }
    return words.allSatisfy {
      headingSmallWords.contains($0) || ($0.unicodeScalars.first?.properties.isUppercase ?? false)
    }
  }

  /// A sentence rather than a heading: several words and a full stop inside or at the end.
  static func isProse(_ text: String) -> Bool {
    var words = 0
    var previousSpace = true
    for byte in text.utf8 {
      if byte == 0x20 {
        previousSpace = true
      } else if previousSpace {
        words += 1
        previousSpace = false
      }
    }
    return words > 6 && (text.hasSuffix(".") || text.has(". "))
  }

  static func statementKind(title: String) -> StatementKind? {
    let lower = TextTools.lowercasedASCII(title)
    guard lower.utf8.count <= 160 else { return nil }
    if lower.has("reconciliation") || lower.has("ebitda") || lower.has("non-gaap") || lower.has("non gaap")
      || lower.has("pro forma") || lower.has("proforma")
    {
      return .reconciliation
    }
    if lower.has("segment") { return .segment }
    if lower.has("cash flow") { return .cashFlow }
    if lower.has("balance sheet") || lower.has("financial position") || lower.has("financial condition") {
      return .balanceSheet
    }
    if lower.has("consolidated results") || lower.has("summary of results") || lower.has("operating results")
      || lower.has("income statement") || lower.has("statements of earnings")
    {
      return .incomeStatement
    }
    if lower.has("statement") || lower.has("results of operations") {
      if lower.has("operations") || lower.has("income") || lower.has("earnings") || lower.has("loss") {
        return .incomeStatement
      }
    }
    return nil
  }

  static let headingSmallWords: Set<Substring> = ["and", "of", "the", "to", "for", "in", "on", "by", "a", "an"]

  static let companySuffixes: Set<Substring> = [
    "inc", "corp", "corporation", "ltd", "llc", "plc", "company", "co", "holdings", "incorporated", "limited",
  ]

  static func isCompanyCaption(_ text: String) -> Bool {
    let words = TextTools.splitOnSpaces(TextTools.normalize(text))
    guard words.count >= 2, words.count <= 12, words.contains(where: { companySuffixes.contains($0) }) else {
      return false
    }
    // Captions are set in capitals: "ACME CORP. AND SUBSIDIARIES".
    var letters = 0
    var upper = 0
    var ascii = true
    for byte in text.utf8 {
      if byte >= 0x80 {
        ascii = false
        break
      }
      if byte >= 0x41 && byte <= 0x5A {
        letters += 1
        upper += 1
      } else if byte >= 0x61 && byte <= 0x7A {
        letters += 1
      }
    }
    if !ascii {
      let scalars = text.unicodeScalars.filter { $0.properties.isAlphabetic }
      letters = scalars.count
      upper = scalars.filter { $0.properties.isUppercase }.count
    }
    guard upper * 10 >= letters * 6 else { return false }
    return statementKind(title: text) == nil
  }

  static func inferKind(rows: [LogicalRow], columns: [ColumnReading]) -> StatementKind {
    let periods = columns.compactMap(\.period)
    if !periods.isEmpty && periods.allSatisfy(\.isInstant) { return .balanceSheet }
    var counts: [StatementKind: Int] = [:]
    for row in rows {
      if let statement = ItemCatalog.entry(forLabel: row.label)?.statement { counts[statement, default: 0] += 1 }
    }
    return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key
      ?? .other
  }

  /// A label naming a ratio, a return or a rate rather than an amount: "Efficiency ratio",
  /// "Return on average assets (%)", "Net interest margin", "Effective tax rate", "Average
  /// equity to average assets".
  static func namesRatio(_ normalized: String) -> Bool {
    let words = TextTools.splitOnSpaces(normalized)
    if words.contains(where: { $0 == "ratio" || $0 == "ratios" || $0 == "percent" || $0 == "percentage" }) {
      return true
    }
    if (normalized.has("return on") && !normalized.has("expected return")) || normalized.has("tax rate")
      || normalized.has("effective rate")
    {
      return true
    }
    // "Average equity to average assets", "Allowance for loan losses to total loans".
    if normalized.has(" to average ") || normalized.has(" to total ") { return true }
    // "Net interest margin", "Operating margin"; not "Gross margin" (often dollars), nor
    // margin loans.
    return words.contains("margin")
      && !["gross margin", "contribution margin", "margin loan", "margin lending", "margin debt", "margin deposit"]
        .contains(where: normalized.has)
  }

  static func defaultTitle(_ kind: StatementKind) -> String {
    switch kind {
    case .incomeStatement: "Statement of Operations"
    case .balanceSheet: "Balance Sheet"
    case .cashFlow: "Statement of Cash Flows"
    case .reconciliation: "Reconciliation"
    case .segment: "Segment Information"
    case .other, .text: "Table"
    }
  }
}
