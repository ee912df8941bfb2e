// MARK: - From a grid of cells to labelled rows and value columns

/// Reads the layout of a Markdown or HTML table: which grid columns hold figures, which cells
/// are `$`, `)` or `%` printed apart from their figure, which rows are headers and which rules.
enum GridLayout {
  /// The table, or its text as paragraphs when it holds no figures (a layout table).
  static func blocks(from rows: [GridRow], line: Int) -> [DocumentBlock] {
    let parts = sections(rows)
    if parts.count > 1 {
      return parts.flatMap { part in blocks(whole: part, line: part.first.map(\.line) ?? line) }
    }
    return blocks(whole: rows, line: line)
  }

  static func blocks(whole rows: [GridRow], line: Int) -> [DocumentBlock] {
    if let table = table(from: rows, line: line) { return [.table(table)] }
    var blocks: [DocumentBlock] = []
    for row in rows {
      let text = row.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
      if !text.isEmpty { blocks.append(.text(TextBlock(text: text, line: row.line))) }
    }
    return blocks
  }

  /// One grid may hold several tables, one under the other, each with its own headings (a
  /// balance sheet, then capital ratios, then average VaR with five columns): a row that names
  /// periods in its headings after rows of figures starts a new table, together with the title
  /// and caption rows just above it. Each is then read alone, so one table's headings never
  /// head another's columns.
  static func sections(_ rows: [GridRow]) -> [[GridRow]] {
    guard rows.count >= 4 else { return [rows] }
    func figures(_ row: GridRow) -> Bool {
      row.cells.dropFirst().contains { cell in
        !cell.text.isEmpty && isFigureLike(cell.text) && !isPeriodHeading(cell.text)
          && CellReader.ruleKind(cell.text) == nil
      }
    }
    func namesPeriods(_ row: GridRow) -> Bool {
      row.cells.dropFirst().contains { cell in
        guard !cell.text.isEmpty, !isFigureLike(cell.text) else { return false }
        let words = TextTools.splitOnSpaces(TextTools.normalize(cell.text)).map(String.init)
        return words.count <= 12 && (PeriodHeaders.monthDay(words) != nil || PeriodHeaders.length(words) != nil)
      }
    }
    func labelOnly(_ row: GridRow) -> Bool { row.cells.dropFirst().allSatisfy { $0.text.isEmpty } }
    // Each row's cells tested once (rows above a new start were tested again).
    let hasFigures = rows.map(figures)
    var starts = [0]
    var seenFigures = false
    for r in rows.indices {
      if hasFigures[r] {
        seenFigures = true
        continue
      }
      guard seenFigures, namesPeriods(rows[r]) else { continue }
      var start = r
      while start - 1 > starts[starts.count - 1], labelOnly(rows[start - 1]), !hasFigures[start - 1] { start -= 1 }
      starts.append(start)
      seenFigures = false
    }
    guard starts.count > 1 else { return [rows] }
    return starts.indices.map { k in Array(rows[starts[k]..<(k + 1 < starts.count ? starts[k + 1] : rows.count)]) }
  }

  /// One expanded grid position: the text of the cell that covers it and whether the cell
  /// starts here.
  struct Slot {
    var text: String
    var isOrigin: Bool
    var cellIndex: Int
  }

  /// The largest grid laid out: no release prints a table near it (the corpus's largest is a
  /// few thousand positions), and every stage after the layout costs at least its size
  /// (spans of 1,000 rows stepping right made a 0.7 MB page cubic; a row of 300,000 cells
  /// took 17 s). A larger table is not read.
  static let maximumColumns = 1_000
  static let maximumPositions = 250_000

  static func table(from input: [GridRow], line: Int) -> LogicalTable? {
    guard !input.isEmpty, input.count <= 100_000 else { return nil }
    guard input.allSatisfy({ $0.cells.count <= maximumColumns }) else { return nil }
    let rows = fitHeaderSpans(input)
    // Expand column and row spans into a rectangular grid. A position covered by a cell from a
    // row above (`rowspan`) is empty and belongs to no cell of this row, so the cells after it
    // move right, as a browser lays them out.
    var grid: [[Slot]] = []
    grid.reserveCapacity(rows.count)
    var coveredRows: [Int] = []  // per grid column: rows still covered by a rowspan from above
    var width = 0
    for row in rows {
      var slots: [Slot] = []
      slots.reserveCapacity(max(width, row.cells.count))
      var cellIndex = 0
      // Walk the positions of this row: covered ones stay empty, the others take the next cell.
      while cellIndex < row.cells.count || (slots.count < coveredRows.count && coveredRows[slots.count] > 0) {
        let column = slots.count
        if column < coveredRows.count, coveredRows[column] > 0 {
          coveredRows[column] -= 1
          slots.append(Slot(text: "", isOrigin: false, cellIndex: -1000 - column))
          continue
        }
        let cell = row.cells[cellIndex]
        let span = max(1, min(cell.span, 1000))
        if column + span > maximumColumns { return nil }
        for k in 0..<span {
          slots.append(Slot(text: cell.text, isOrigin: k == 0, cellIndex: cellIndex))
          if cell.rowSpan > 1 {
            while coveredRows.count <= column + k { coveredRows.append(0) }
            coveredRows[column + k] = max(coveredRows[column + k], min(cell.rowSpan, 1000) - 1)
          }
        }
        cellIndex += 1
      }
      for c in slots.count..<max(slots.count, coveredRows.count) where coveredRows[c] > 0 { coveredRows[c] -= 1 }
      width = max(width, slots.count)
      guard width <= maximumColumns, width * (grid.count + 1) <= maximumPositions else { return nil }
      grid.append(slots)
    }
    guard width >= 2 else { return nil }
    for r in grid.indices {
      while grid[r].count < width { grid[r].append(Slot(text: "", isOrigin: true, cellIndex: -1)) }
    }
    alignShiftedRows(&grid)

    // A row is a rule row when every non-empty cell is a rule (each row read once: the
    // passes below ask again).
    let rules = grid.map { row -> RuleKind? in
      var kind: RuleKind? = nil
      for slot in row where slot.isOrigin && !slot.text.isEmpty {
        guard let rule = CellReader.ruleKind(slot.text) else { return nil }
        if rule == .double || kind == nil { kind = rule }
      }
      return kind
    }
    func ruleOf(_ r: Int) -> RuleKind? { rules[r] }

    // Rows holding figures (not just years) in some column after the first.
    var isData = [Bool](repeating: false, count: rows.count)
    var valueColumn = [Bool](repeating: false, count: width)
    for r in rows.indices where ruleOf(r) == nil {
      var numbers: [Int] = []
      var yearsOnly = true
      for c in 1..<width {
        let slot = grid[r][c]
        guard slot.isOrigin, !slot.text.isEmpty else { continue }
        // Only a figure, or a short text that reads as not meaningful, counts: the cell is not
        // read when it can be neither.
        let figureLike = isFigureLike(slot.text)
        if !figureLike && slot.text.utf8.count > 4 { continue }
        // A figure-like text with no letter and no "/" (most figure cells) always reads as a
        // number or as invalid (it has a digit; only letters make `CellReader.read` call a
        // text with digits not meaningful): the reading is not needed.
        if figureLike && !slot.text.anyUTF8({ ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == UInt8(ascii: "/") }) {
          numbers.append(c)
          if !isPeriodHeading(slot.text) { yearsOnly = false }
          continue
        }
        switch CellReader.read(slot.text) {
        case .number(_, _), .invalid:
          if !figureLike { continue }
          numbers.append(c)
          if !isPeriodHeading(slot.text) { yearsOnly = false }
        case .notMeaningful where slot.text.utf8.count <= 4:
          numbers.append(c)
          yearsOnly = false
        default: continue
        }
      }
      if !numbers.isEmpty && !(yearsOnly && grid[r][0].text.isEmpty) && !(yearsOnly && !seenData(isData)) {
        isData[r] = true
        for c in numbers { valueColumn[c] = true }
      }
    }
    let valueColumns = (0..<width).filter { valueColumn[$0] }
    guard !valueColumns.isEmpty else { return nil }
    // Grid column → its place among the value columns (-1 for the others).
    var valuePlace = [Int](repeating: -1, count: width)
    for (k, c) in valueColumns.enumerated() { valuePlace[c] = k }
    let firstData = isData.firstIndex(of: true) ?? rows.count

    // Header rows: above the first row of figures, until a label-only row (a section heading).
    var headerEnd = 0
    var columnHeaders = [[String]](repeating: [], count: valueColumns.count)
    var context: [String] = []
    for r in 0..<firstData {
      if ruleOf(r) != nil {
        headerEnd = r + 1
        continue
      }
      let label = grid[r][0].text
      let others = (1..<width).contains { !grid[r][$0].text.isEmpty && grid[r][$0].cellIndex != grid[r][0].cellIndex }
      if !others && !label.isEmpty && !looksLikeCaption(label)
        && !(grid[r][width - 1].cellIndex == grid[r][0].cellIndex)
      {
        // A title printed in the table's first rows ("Alkermes plc and Subsidiaries") comes
        // before any column heading; a label-only row after them is a section heading.
        let headed = columnHeaders.contains { !$0.isEmpty }
        let laterHeading = (r + 1..<firstData).contains { row in
          valueColumns.contains { c in
            !grid[row][c].text.isEmpty && grid[row][c].cellIndex != grid[row][0].cellIndex
          }
        }
        if headed || !laterHeading { break }
        headerEnd = r + 1
        context.append(label)
        continue
      }
      headerEnd = r + 1
      if !label.isEmpty { context.append(label) }
      // Texts over each value column; a duration or date heading with empty cells to its right
      // covers them (Markdown has no column spans).
      var texts = valueColumns.map { c in grid[r][c].cellIndex == grid[r][0].cellIndex ? "" : grid[r][c].text }
      if texts.contains(where: \.isEmpty) {
        var carried = ""
        for k in texts.indices {
          if texts[k].isEmpty {
            texts[k] = carried
          } else {
            carried = spreadsRight(texts[k]) ? texts[k] : ""
          }
        }
      }
      // Text in non-value columns (a spanning header that missed the value column).
      for c in 1..<width
      where !valueColumn[c] && grid[r][c].isOrigin && !grid[r][c].text.isEmpty
        && grid[r][c].cellIndex != grid[r][0].cellIndex && CellReader.ruleKind(grid[r][c].text) == nil
      {
        // Give it to the nearest value column to the right when that one has no text.
        if let k = valueColumns.firstIndex(where: { $0 > c }), texts[k].isEmpty,
          grid[r][c].text.utf8.count > 1
        {
          texts[k] = grid[r][c].text
        }
      }
      for k in texts.indices where !texts[k].isEmpty && CellReader.ruleKind(texts[k]) == nil {
        columnHeaders[k].append(texts[k])
      }
    }

    // Body rows.
    var logicalRows: [LogicalRow] = []
    var pendingRule = false
    for r in headerEnd..<rows.count {
      if let rule = ruleOf(r) {
        if rule == .double, !logicalRows.isEmpty {
          logicalRows[logicalRows.count - 1].doubleRuleBelow = true
        } else {
          pendingRule = true
        }
        continue
      }
      var label = grid[r][0].text
      var values = [String](repeating: "", count: valueColumns.count)
      var prefix = ""
      var current = -1
      for c in 1..<width {
        let slot = grid[r][c]
        guard slot.isOrigin else { continue }
        let text = slot.text
        if valuePlace[c] >= 0 {
          let k = valuePlace[c]
          values[k] = prefix + text
          prefix = ""
          current = k
          continue
        }
        if text.isEmpty { continue }
        if isSuffix(text), current >= 0 {
          values[current] += text
        } else if isPrefix(text) {
          prefix += text
        } else if label.isEmpty {
          label = text
        }
      }
      let rowRuleAbove = rows[r].cells.contains { $0.ruleAbove }
      if label.isEmpty && values.allSatisfy(\.isEmpty) { continue }
      var row = LogicalRow(label: label, values: values, line: rows[r].line)
      row.ruleAbove = pendingRule || rowRuleAbove
      pendingRule = false
      // HTML borders under the figures.
      var below: RuleKind? = nil
      for cell in rows[r].cells.dropFirst() where cell.ruleBelow != nil {
        if cell.ruleBelow == .double || below == nil { below = cell.ruleBelow }
      }
      if below == .double { row.doubleRuleBelow = true }
      if below == .single { pendingRule = true }
      logicalRows.append(row)
    }
    mergeSplitColumns(&columnHeaders, &logicalRows)
    return LogicalTable(line: line, columnHeaders: columnHeaders, headerContext: context, rows: logicalRows)
  }

  /// Some converters drop the empty first cell of a few rows (a bold "TOTAL ASSETS" whose label
  /// spanned two cells), so that row's label and figures sit one position left of every other
  /// row's: read as printed, its figures fall under no heading or under the next column's
  /// (total assets at 2024 read as 2023's figure). A row whose label is in the first position
  /// while most rows' labels are in the second is moved one position right when that puts each
  /// of its figures exactly where the other rows print theirs, and where it is does not.
  static func alignShiftedRows(_ grid: inout [[Slot]]) {
    struct Shape {
      var row: Int
      var label: Int
      var figures: [Int]
    }
    var shapes: [Shape] = []
    for r in grid.indices {
      var label: Int? = nil
      var figures: [Int] = []
      for (c, slot) in grid[r].enumerated() where slot.isOrigin && !slot.text.isEmpty {
        if isPrefix(slot.text) || isSuffix(slot.text) || CellReader.ruleKind(slot.text) != nil { continue }
        if isFigureLike(slot.text) {
          figures.append(c)
        } else if label == nil && figures.isEmpty {
          label = c
        }
      }
      if let label, label <= 1, !figures.isEmpty { shapes.append(Shape(row: r, label: label, figures: figures)) }
    }
    let inner = shapes.filter { $0.label == 1 }
    let outer = shapes.filter { $0.label == 0 }
    guard inner.count >= 2, !outer.isEmpty, inner.count > outer.count else { return }
    let innerFigures = Set(inner.flatMap(\.figures))
    for shape in outer {
      let row = grid[shape.row]
      guard row.last?.text.isEmpty == true, row.last?.isOrigin == true,
        shape.figures.allSatisfy({ innerFigures.contains($0 + 1) }),
        !shape.figures.allSatisfy(innerFigures.contains)
      else { continue }
      grid[shape.row] = [Slot(text: "", isOrigin: true, cellIndex: -1)] + row.dropLast()
    }
  }

  /// Some generators give heading rows more columns than the rows of figures (spans adding up to
  /// 36 over rows of 24), which a browser lays out stretched; read literally, the headings
  /// drift off their figures. A heading row wider than every row of figures has its spans
  /// scaled to the figures' width, so each heading sits over the figures it was drawn over.
  static func fitHeaderSpans(_ rows: [GridRow]) -> [GridRow] {
    func width(_ row: GridRow) -> Int { row.cells.reduce(0) { $0 + max(1, min($1.span, 1000)) } }
    func hasFigures(_ row: GridRow) -> Bool {
      row.cells.dropFirst().contains { cell in
        guard isFigureLike(cell.text), case .number = CellReader.read(cell.text) else { return false }
        return !isPeriodHeading(cell.text)
      }
    }
    // Rows all of one width (most tables) have nothing to fit.
    guard let firstWidth = rows.first.map(width), rows.contains(where: { width($0) != firstWidth }),
      rows.allSatisfy({ $0.cells.allSatisfy { $0.rowSpan <= 1 } }),
      let firstData = rows.firstIndex(where: hasFigures)
    else { return rows }
    let dataWidths = rows[firstData...].filter(hasFigures).map(width)
    guard let dataWidth = dataWidths.max(), dataWidths.allSatisfy({ $0 == dataWidth }), dataWidth > 1 else {
      return rows
    }
    var fitted = rows
    for r in 0..<firstData {
      let total = width(rows[r])
      guard total > dataWidth, rows[r].cells.count > 1 else { continue }
      var used = 0
      for c in fitted[r].cells.indices {
        let span = max(1, min(fitted[r].cells[c].span, 1000))
        var scaled = max(1, Int((Double(span) * Double(dataWidth) / Double(total)).rounded()))
        if c == fitted[r].cells.count - 1 { scaled = max(1, dataWidth - used) }
        fitted[r].cells[c].span = scaled
        used += scaled
      }
    }
    return fitted
  }

  /// Two neighbouring value columns under the same heading (or one with none) that never both
  /// hold a figure in one row are one column printed in two grid cells (a generator that gives
  /// some rows `$` and figure separate cells and others one). They are read as one.
  static func mergeSplitColumns(_ headers: inout [[String]], _ rows: inout [LogicalRow]) {
    // A `$` or `)` alone is punctuation of the figure beside it, not a figure.
    func figure(_ text: String) -> Bool { !text.isEmpty && !isPrefix(text) && !isSuffix(text) }
    var k = 0
    while k + 1 < headers.count {
      let sameHeading = headers[k] == headers[k + 1] || headers[k].isEmpty || headers[k + 1].isEmpty
      let used = rows.filter { figure($0.values[k]) || figure($0.values[k + 1]) }
      let disjoint = rows.allSatisfy { !figure($0.values[k]) || !figure($0.values[k + 1]) }
      let both = rows.contains { figure($0.values[k]) } && rows.contains { figure($0.values[k + 1]) }
      guard sameHeading, disjoint, both, !used.isEmpty else {
        k += 1
        continue
      }
      if headers[k].isEmpty { headers[k] = headers[k + 1] }
      headers.remove(at: k + 1)
      for r in rows.indices {
        rows[r].values[k] += rows[r].values[k + 1]
        rows[r].values.remove(at: k + 1)
      }
    }
  }

  private static func seenData(_ flags: [Bool]) -> Bool { flags.contains(true) }

  /// A column heading that names a period in figures: "2021", "3/31/2022", "4Q21".
  static func isPeriodHeading(_ text: String) -> Bool {
    if CellReader.isYearHeading(text) { return true }
    // (The length first: a longer text is not lower-cased for nothing. A date has a "/" or
    // "-", a quarter code a "q": without any, neither is asked.)
    guard text.utf8.count <= 12,
      text.anyUTF8({ $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 | 0x20 == UInt8(ascii: "q") })
    else { return false }
    let lower = TextTools.lowercasedASCII(text)
    return PeriodHeaders.numericDate(lower) != nil || PeriodHeaders.quarterCode(lower) != nil
  }

  /// Text that looks like a figure rather than words: mostly digits and separators.
  static func isFigureLike(_ text: String) -> Bool {
    // On the contiguous bytes (iterating a small string's UTF8View cost tens of instructions a
    // byte; this runs on every cell several times).
    func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      var digits = 0
      var letters = 0
      for byte in bytes {
        if byte >= 0x30 && byte <= 0x39 { digits += 1 }
        if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) { letters += 1 }
      }
      return digits > 0 && letters <= 2
    }
    if let result = text.utf8.withContiguousStorageIfAvailable(count) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(count)
  }

  static func isSuffix(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "%") || $0 == 0x20 || $0 == UInt8(ascii: "*") }
  }

  static func isPrefix(_ text: String) -> Bool {
    guard text.utf8.count <= 4 else { return false }
    var ascii = true
    for byte in text.utf8 {
      if byte >= 0x80 {
        ascii = false
      } else if byte != UInt8(ascii: "$") && byte != UInt8(ascii: "(") && byte != 0x20 {
        return false
      }
    }
    // An em or en dash alone is a zero of its own column, never a sign: Hartford's "—" in
    // the narrow column before "Consolidated 29" made it −29. (Only `$`, `(` and spaces, with
    // no hyphen, are never a dash zero: not asked.)
    return ascii || !PlainTextReader.isDashZero(text)
  }

  /// Header words that span the columns to their right when printed in one Markdown cell.
  static func spreadsRight(_ text: String) -> Bool {
    if CellReader.isYearHeading(text) { return false }
    let lower = TextTools.lowercasedASCII(text)
    // String.contains(String) compares Characters and was a third of this file's time; a byte
    // search answers the same when it finds nothing, or when the text is ASCII.
    let ascii = lower.utf8.allSatisfy { $0 < 0x80 }
    for word in [
      "ended", "ending", "months", "weeks", "quarter", "year", "january", "february", "march", "april",
      "may", "june", "july", "august", "september", "october", "november", "december",
    ]
    where lower.has(word) && (ascii || lower.contains(word)) {
      return true
    }
    return false
  }

  /// "(in thousands)", "(unaudited)", a statement title: label-only rows that belong to the header.
  static func looksLikeCaption(_ text: String) -> Bool {
    let lower = TextTools.lowercasedASCII(text)
    return ScaleCaption.read(text) != nil || lower.has("unaudited") || lower.has("statement")
      || lower.has("balance sheet") || lower.has("ended")
  }
}
