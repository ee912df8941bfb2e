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

  /// Reads one table through the stages of `TableStages.swift`: identity, header model,
  /// placement, rows; then checks its columns and keeps its statement and facts.
  mutating func add(_ table: LogicalTable) throws(ImportError) {
    let identity = TableIdentity(table)
    for text in identity.above where StatementBuilder.isCompanyCaption(text) { companyCaptions.append(text) }
    var header = HeaderModel(table, identity: identity)
    let periodCount = header.periodCount
    let placement = place(table, identity: identity, header: &header)
    var reportTable = ImportReport.Table(line: table.line, title: identity.title ?? identity.above.last)
    reportTable.columns = header.columns.map {
      ImportReport.Column(header: $0.header, kind: $0.kind, period: $0.period)
    }
    if placement.statementIndex == nil && periodCount == 0 {
      // A table with no periods: not a statement.
      let headers = table.columnHeaders.map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
      reportTable.skipped =
        headers.isEmpty
        ? "no column has a header, and it continues no statement"
        : "no column header names a period (\(headers.prefix(4).map { "\"\($0)\"" }.joined(separator: ", ")))"
      report.append(reportTable)
      return
    }
    let index = placement.statementIndex
    var scale = header.scale
    if let index, scale.caption == nil { scale = scales[index] }
    if let index { adoptContinuationCaption(index, scale, line: table.line) }
    let kind =
      index.map { statements[$0].kind } ?? identity.kind
      ?? StatementBuilder.inferKind(rows: table.rows, columns: header.columns)
    let title =
      index.map { statements[$0].title } ?? identity.title ?? identity.heading ?? StatementBuilder.defaultTitle(kind)
    if index == nil, kind == .incomeStatement || kind == .cashFlow { StatementBuilder.lengthenBareDates(&header) }

    var reader = RowReader(
      columns: header.columns, columnMap: placement.columnMap,
      statementWidth: index.map { statements[$0].columns.count } ?? header.columns.count, scale: scale,
      statementKind: kind, statementTitle: title, documentName: documentName, truncatedLine: truncatedLine,
      used: index.map { usedItems[$0] } ?? [], section: index.flatMap { lastSections[$0] })
    reader.percentOfSales = identity.statesPercentOfSales
    // (Room for the items of this table at once, not grown row by row.)
    reader.used.reserveCapacity(reader.used.count + table.rows.count)
    for row in StatementBuilder.joinWrappedLabels(table.rows) { try reader.read(row) }
    reportTable.unread = reader.unread
    for row in table.leftOut {
      reportTable.unread.append(
        ImportReport.UnreadCell(
          line: table.line, label: row.label.isEmpty ? "(a row of a flattened table)" : row.label,
          text: row.figures + ", not one figure per column,"))
    }

    StatementBuilder.preferAttributableNetIncome(rows: &reader.rows, facts: &reader.facts, used: &reader.used)
    // Two columns headed with the same period that print different figures: the headers do not
    // line up with the cells, so no figure of the table can be placed with confidence.
    var conflicting = false
    if let clash = StatementBuilder.conflictingColumns(
      columns: header.columns, rows: reader.rows, columnMap: placement.columnMap)
    {
      conflicting = true
      reader.facts.removeAll()
      withheld.append(
        "\(title) (line \(table.line)): columns \(clash.0 + 1) and \(clash.1 + 1) are both headed \"\(header.columns[clash.0].header)\" but print different figures"
      )
    }
    reportTable.statement = kind
    reportTable.title = title
    reportTable.continues = index != nil
    reportTable.caption = scale.caption
    reportTable.moneyScale = scale.money
    reportTable.sharesScale = scale.shares
    reportTable.rows = reader.rows.count
    report.append(reportTable)

    if let index {
      statements[index].rows += reader.rows
      statements[index].withheld = statements[index].withheld || conflicting
      usedItems[index] = reader.used
      lastSections[index] = reader.section
    } else {
      var statement = StatementTable(
        title: title, kind: kind, document: documentName,
        columns: header.columns.map { StatementColumn(header: $0.header, kind: $0.kind, period: $0.period) },
        rows: reader.rows, scaleCaption: scale.caption, line: table.line)
      statement.withheld = conflicting
      statements.append(statement)
      usedItems.append(reader.used)
      titled.append(identity.kind != nil)
      consolidated.append(
        ([title] + identity.above.suffix(3) + table.headerContext).contains {
          TextTools.hasASCIICaseInsensitive($0, "consolidated")
        })
      scales.append(scale)
      lastSections.append(reader.section)
    }
    facts += reader.facts
    factStatements += Array(repeating: index ?? statements.count - 1, count: reader.facts.count)
  }

  /// Stage 3: a statement split across tables continues the one before when it has no title of
  /// its own (nor a heading of its own over lines that repeat it) and either no periods (an
  /// empty header row) or the same periods; "(continued)" with another layout maps its columns
  /// onto the statement's.
  mutating func place(_ table: LogicalTable, identity: TableIdentity, header: inout HeaderModel) -> Placement {
    var placement = Placement(statementIndex: nil, columnMap: Array(header.columns.indices))
    let periodCount = header.periodCount
    // A heading of its own starts a new table when it repeats the lines of the one before:
    // segments repeat "Net income", the second half of a balance sheet under "LIABILITIES"
    // does not.
    func repeatsLines(of previous: Int) -> Bool {
      let earlier = Set(statements[previous].rows.filter { !$0.isHeading }.map { TextTools.normalize($0.label) })
      return table.rows.contains { !$0.label.isEmpty && earlier.contains(TextTools.normalize($0.label)) }
    }
    let ownPeriodHeader = table.columnHeaders.contains { !$0.isEmpty }
    guard let previous = statements.indices.last,
      (identity.title == nil && !(identity.ownHeading && (ownPeriodHeader || repeatsLines(of: previous))))
        || identity.continued
    else { return placement }
    if statements[previous].columns.count == header.columns.count {
      let samePeriods = zip(statements[previous].columns, header.columns).allSatisfy { $0.period == $1.period }
      // A table without periods continues the one before only if it prints no headings of
      // its own ("Q2 FY2009" over a supplemental table is not a continuation).
      if (periodCount == 0 && (!ownPeriodHeader || identity.continued)) || (periodCount > 0 && samePeriods)
        || identity.continued
      {
        placement.statementIndex = previous
        if periodCount == 0 {
          header.columns = statements[previous].columns.map {
            ColumnReading(header: $0.header, kind: $0.kind, period: $0.period)
          }
        }
      }
    } else if identity.continued && periodCount > 0 {
      // "(continued)" with another layout (a "% Change" column became "Increase (Decrease)"):
      // periods go to the same periods; other columns to one of their kind, else a new column.
      placement.statementIndex = previous
      placement.columnMap = StatementBuilder.mapColumns(header.columns, onto: &statements[previous])
    }
    return placement
  }

  /// Items that are results over a period, never balances at a date.
  static func isFlow(_ item: String) -> Bool {
    if let statement = ItemCatalog.statement(named: item) {
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
    // A label whose last byte is neither ends in neither Character: nothing to drop.
    guard let last = label.utf8.last, last == UInt8(ascii: ":") || last == UInt8(ascii: " ") else { return label }
    // An ASCII label: its bytes are its Characters (CR LF aside, which is neither).
    let ascii = label.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var end = bytes.count
      for byte in bytes where byte >= 0x80 { return nil }
      while end > 0, bytes[end - 1] == UInt8(ascii: ":") || bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
    }
    if let ascii, let ascii { return ascii }
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
    if let ascii = text.utf8.withContiguousStorageIfAvailable(asciiHeadingWords), let ascii { return ascii }
    let words = text.split(separator: " ").filter { $0.unicodeScalars.first?.properties.isAlphabetic ?? false }
    guard words.count >= 2 else { return false }
    return words.allSatisfy {
      headingSmallWords.contains($0) || ($0.unicodeScalars.first?.properties.isUppercase ?? false)
    }
  }

  /// The word test of `isHeading` on the bytes of an ASCII text (split on spaces, where every
  /// byte is a Character and a letter's scalar properties are its case): two words or more
  /// that start with a letter, each capitalised or a small word. Nil for other text.
  static func asciiHeadingWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var words = 0
    var capitalised = true
    var start = 0
    while start <= bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x20 {
        if bytes[end] >= 0x80 { return nil }
        end += 1
      }
      if end > start {
        let first = bytes[start]
        let upper = first >= 0x41 && first <= 0x5A
        if upper || (first >= 0x61 && first <= 0x7A) {
          words += 1
          if !upper && !isSmallWord(UnsafeBufferPointer(rebasing: bytes[start..<end])) { capitalised = false }
        }
      }
      start = end + 1
    }
    return words >= 2 && capitalised
  }

  /// Whether the bytes are one of `headingSmallWords`.
  static func isSmallWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    headingSmallWordBytes.contains { $0.elementsEqual(word) }
  }

  static let headingSmallWordBytes: [[UInt8]] = headingSmallWords.map { Array($0.utf8) }

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
    // Captions are set in capitals: "ACME CORP. AND SUBSIDIARIES". (Counted first: most texts
    // are not, and that takes no words.)
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
    let words = TextTools.splitOnSpaces(TextTools.normalize(text))
    guard words.count >= 2, words.count <= 12, words.contains(where: { companySuffixes.contains($0) }) else {
      return false
    }
    return statementKind(title: text) == nil
  }

  static func inferKind(rows: [LogicalRow], columns: [ColumnReading]) -> StatementKind {
    let periods = columns.compactMap(\.period)
    if !periods.isEmpty && periods.allSatisfy(\.isInstant) { return .balanceSheet }
    var counts: [StatementKind: Int] = [:]
    for row in rows {
      if let statement = ItemCatalog.statement(forLabel: row.label) { counts[statement, default: 0] += 1 }
    }
    return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key
      ?? .other
  }

  /// A label naming a ratio, a return or a rate rather than an amount: "Efficiency ratio",
  /// "Return on average assets (%)", "Net interest margin", "Effective tax rate", "Average
  /// equity to average assets".
  static func namesRatio(_ normalized: String) -> Bool {
    // Every word below starts with "rat", "per", "ret", "to" or "mar": most labels have none
    // of them, and one pass over the bytes says so before any word is split.
    var possible = false
    var wordStart = true
    var first: UInt8 = 0
    for byte in normalized.utf8 {
      if byte == 0x20 {
        wordStart = true
        continue
      }
      if wordStart {
        first = byte
        wordStart = false
      } else if first != 0 {
        switch (first, byte) {
        case (UInt8(ascii: "r"), UInt8(ascii: "a")), (UInt8(ascii: "p"), UInt8(ascii: "e")),
          (UInt8(ascii: "r"), UInt8(ascii: "e")), (UInt8(ascii: "t"), UInt8(ascii: "o")),
          (UInt8(ascii: "m"), UInt8(ascii: "a")):
          possible = true
        default: break
        }
        if possible { break }
        first = 0
      }
    }
    guard possible else { return false }
    if let ascii = normalized.utf8.withContiguousStorageIfAvailable(asciiNamesRatio), let ascii { return ascii }
    let words = TextTools.splitOnSpaces(normalized)
    for (k, word) in words.enumerated() {
      switch word {
      case "ratio", "ratios", "percent", "percentage": return true
      // "Return on average assets", not "Expected return on plan assets".
      case "return":
        if k + 1 < words.count, words[k + 1] == "on", k == 0 || words[k - 1] != "expected" { return true }
      case "rate":
        if k > 0, words[k - 1] == "tax" || words[k - 1] == "effective" { return true }
      // "Average equity to average assets", "Allowance for loan losses to total loans".
      case "to":
        if k > 0, k + 1 < words.count, words[k + 1] == "average" || words[k + 1] == "total" { return true }
      // "Net interest margin", "Operating margin"; not "Gross margin" (often dollars), nor
      // margin loans.
      case "margin":
        let before = k > 0 ? words[k - 1] : ""
        let after = k + 1 < words.count ? words[k + 1] : ""
        if before != "gross" && before != "contribution"
          && !["loan", "loans", "lending", "debt", "deposit", "deposits"].contains(after)
        {
          return true
        }
      default: continue
      }
    }
    return false
  }

  /// The word test of `namesRatio` on the bytes of an ASCII text: its words (split on spaces)
  /// compared as bytes, not as Substrings against String literals. Nil for other text.
  static func asciiNamesRatio(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var words: [Range<Int>] = []
    var start = -1
    for (offset, byte) in bytes.enumerated() {
      if byte >= 0x80 { return nil }
      if byte == 0x20 {
        if start >= 0 { words.append(start..<offset) }
        start = -1
      } else if start < 0 {
        start = offset
      }
    }
    if start >= 0 { words.append(start..<bytes.count) }
    func word(_ k: Int, is text: StaticString) -> Bool {
      let range = words[k]
      guard range.count == text.utf8CodeUnitCount else { return false }
      for offset in 0..<range.count where bytes[range.lowerBound + offset] != text.utf8Start[offset] { return false }
      return true
    }
    for k in words.indices {
      if word(k, is: "ratio") || word(k, is: "ratios") || word(k, is: "percent") || word(k, is: "percentage") {
        return true
      }
      // "Return on average assets", not "Expected return on plan assets".
      if word(k, is: "return") {
        if k + 1 < words.count, word(k + 1, is: "on"), k == 0 || !word(k - 1, is: "expected") { return true }
      } else if word(k, is: "rate") {
        if k > 0, word(k - 1, is: "tax") || word(k - 1, is: "effective") { return true }
      } else if word(k, is: "to") {
        // "Average equity to average assets", "Allowance for loan losses to total loans".
        if k > 0, k + 1 < words.count, word(k + 1, is: "average") || word(k + 1, is: "total") { return true }
      } else if word(k, is: "margin") {
        // "Net interest margin", "Operating margin"; not "Gross margin", nor margin loans.
        let gross = k > 0 && (word(k - 1, is: "gross") || word(k - 1, is: "contribution"))
        let loans =
          k + 1 < words.count
          && (word(k + 1, is: "loan") || word(k + 1, is: "loans") || word(k + 1, is: "lending")
            || word(k + 1, is: "debt") || word(k + 1, is: "deposit") || word(k + 1, is: "deposits"))
        if !gross && !loans { return true }
      }
    }
    return false
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
