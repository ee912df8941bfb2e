// MARK: - HTML (SEC EX-99 exhibits)

/// Reads HTML in one pass over the bytes: tables become grids of cells (with column spans and
/// borders), everything else paragraphs split at block-level tags. A table inside a cell is read
/// as a table of its own: EX-99 exhibits often wrap each statement in an outer layout table,
/// and the figures are in the innermost one. Unclosed tags and stray `<` are tolerated.
enum HTMLReader {
  static func read(_ bytes: [UInt8]) -> [DocumentBlock] {
    var reader = State(bytes: bytes)
    reader.run()
    return reader.blocks
  }

  /// One to three rows with no figures whose cells after the first all name periods ("Three
  /// Months Ended September 30,"), at least two of them.
  static func onlyPeriodHeadings(_ rows: [GridRow]) -> Bool {
    guard (1...3).contains(rows.count) else { return false }
    var headings = 0
    for row in rows {
      for cell in row.cells.dropFirst() where !cell.text.isEmpty {
        if GridLayout.isFigureLike(cell.text) { return false }
        let words = TextTools.splitOnSpaces(TextTools.normalize(cell.text)).map(String.init)
        guard words.count <= 12, PeriodHeaders.length(words) != nil || PeriodHeaders.monthDay(words) != nil else {
          return false
        }
        headings += 1
      }
    }
    return headings >= 2
  }

  /// The heading rows over the table's rows, each heading widened over the columns it heads:
  /// n headings over rows of (at most) 1 + n × k cells head k columns each. Nil when the
  /// widths do not divide.
  static func underHeadings(_ header: [GridRow], _ rows: [GridRow]) -> [GridRow]? {
    let width = (rows.map { row in row.cells.reduce(0) { $0 + max(1, min($1.span, 1000)) } }.max() ?? 0) - 1
    guard width >= 2 else { return nil }
    var widened: [GridRow] = []
    for row in header {
      let headings = row.cells.count - 1
      guard headings >= 1, width % headings == 0, row.cells.allSatisfy({ $0.span <= 1 }) else { return nil }
      var copy = row
      for k in copy.cells.indices.dropFirst() { copy.cells[k].span = width / headings }
      widened.append(copy)
    }
    return widened + rows
  }

  struct State {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var blocks: [DocumentBlock] = []

    // Prose outside tables.
    var paragraph: [UInt8] = []
    var paragraphLine = 0
    var paragraphMarks: [(offset: Int, line: Int)] = []

    // The table being read.
    var tableDepth = 0
    var rows: [GridRow] = []
    var tableLine = 0
    var rowCells: [GridCell]? = nil
    var rowLine = 0
    var cellText: [UInt8]? = nil
    var cellLine = 0
    var cellSpan = 1
    var cellRowSpan = 1
    /// Tables whose cell holds the table being read: they resume when it closes.
    var outerTables: [Saved] = []
    var innerLine = 0

    /// What a table being read holds, kept while a table nested in one of its cells is read.
    struct Saved {
      var rows: [GridRow]
      var tableLine: Int
      var rowCells: [GridCell]?
      var rowLine: Int
      var cellText: [UInt8]?
      var cellLine: Int
      var cellSpan: Int
      var cellRowSpan: Int
      var cellRuleBelow: RuleKind?
      var cellRuleAbove: Bool
      var rowRuleBelow: RuleKind?
      var rowRuleAbove: Bool
    }

    func saved() -> Saved {
      Saved(
        rows: rows, tableLine: tableLine, rowCells: rowCells, rowLine: rowLine, cellText: cellText, cellLine: cellLine,
        cellSpan: cellSpan, cellRowSpan: cellRowSpan, cellRuleBelow: cellRuleBelow, cellRuleAbove: cellRuleAbove,
        rowRuleBelow: rowRuleBelow, rowRuleAbove: rowRuleAbove)
    }

    mutating func restore(_ state: Saved) {
      rows = state.rows
      tableLine = state.tableLine
      rowCells = state.rowCells
      rowLine = state.rowLine
      cellText = state.cellText
      cellLine = state.cellLine
      cellSpan = state.cellSpan
      cellRowSpan = state.cellRowSpan
      cellRuleBelow = state.cellRuleBelow
      cellRuleAbove = state.cellRuleAbove
      rowRuleBelow = state.rowRuleBelow
      rowRuleAbove = state.rowRuleAbove
    }
    var cellRuleBelow: RuleKind? = nil
    var cellRuleAbove = false
    var rowRuleBelow: RuleKind? = nil
    var rowRuleAbove = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func run() {
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "<") {
          readTag()
          continue
        }
        if byte == UInt8(ascii: "&"), let (decoded, length) = HTMLEntities.decode(bytes, at: index) {
          for b in decoded { append(b) }
          index += length
          continue
        }
        if byte == 0x0A {
          line += 1
          append(0x20)
        } else if byte == 0x0D || byte == 0x09 {
          append(0x20)
        } else {
          append(byte)
        }
        index += 1
      }
      finishTable(force: true)
      // Tables left open at the end (a cut-off file): what each held is still read.
      while let outer = outerTables.popLast() {
        restore(outer)
        finishTable(force: true)
      }
      flushParagraph()
      emitPendingHeader()
    }

    mutating func append(_ byte: UInt8) {
      if tableDepth > 0 {
        if cellText == nil && rowCells != nil { return }  // text between cells
        if cellText != nil {
          if cellText!.isEmpty && byte != 0x20 { cellLine = line }
          cellText!.append(byte)
        }
        return
      }
      if paragraph.isEmpty {
        if byte == 0x20 { return }
        paragraphLine = line
      } else if byte != 0x20, paragraphMarks.last?.line ?? paragraphLine != line {
        paragraphMarks.append((paragraph.count, line))
      }
      paragraph.append(byte)
    }

    mutating func flushParagraph() {
      if !paragraph.isEmpty {
        emitPendingHeader()
        let raw = String(decoding: paragraph, as: UTF8.self)
        let text = TextTools.collapseSpaces(Substring(raw))
        if !text.isEmpty {
          // Offsets shift when spaces collapse; keep marks approximate by scaling.
          var block = TextBlock(text: text, line: paragraphLine)
          let ratio = raw.utf8.count > 0 ? Double(text.utf8.count) / Double(raw.utf8.count) : 1
          block.lineMarks = paragraphMarks.map { (Int(Double($0.offset) * ratio), $0.line) }
          blocks.append(.text(block))
        }
      }
      paragraph.removeAll(keepingCapacity: true)
      paragraphMarks.removeAll()
    }

    /// Reads one tag (or comment) starting at `<`.
    mutating func readTag() {
      let count = bytes.count
      let start = index
      if start + 3 < count, bytes[start + 1] == UInt8(ascii: "!"), bytes[start + 2] == UInt8(ascii: "-"),
        bytes[start + 3] == UInt8(ascii: "-")
      {
        var j = start + 4
        while j + 2 < count,
          !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">"))
        {
          if bytes[j] == 0x0A { line += 1 }
          j += 1
        }
        index = min(count, j + 3)
        return
      }
      var j = start + 1
      var closing = false
      if j < count, bytes[j] == UInt8(ascii: "/") {
        closing = true
        j += 1
      }
      let nameStart = j
      while j < count, isNameByte(bytes[j]) { j += 1 }
      if j == nameStart && !(j < count && bytes[j] == UInt8(ascii: "!")) {
        // A stray `<`: plain text.
        append(UInt8(ascii: "<"))
        index += 1
        return
      }
      let name = String(decoding: bytes[nameStart..<j].map { $0 | 0x20 }, as: UTF8.self)
      let attributesStart = j
      var quote: UInt8 = 0
      while j < count {
        let b = bytes[j]
        if b == 0x0A { line += 1 }
        if quote != 0 {
          if b == quote { quote = 0 }
        } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
          quote = b
        } else if b == UInt8(ascii: ">") {
          break
        }
        j += 1
      }
      let attributes = bytes[attributesStart..<min(j, count)]
      index = min(count, j + 1)
      if !closing && (name == "script" || name == "style") {
        skipUntilClosing(name)
        return
      }
      handle(name: name, closing: closing, attributes: attributes)
    }

    func isNameByte(_ b: UInt8) -> Bool {
      (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    mutating func skipUntilClosing(_ name: String) {
      let needle = Array(("</" + name).utf8)
      let count = bytes.count
      while index < count {
        if bytes[index] == 0x0A { line += 1 }
        if bytes[index] == UInt8(ascii: "<"), index + needle.count <= count {
          var matches = true
          for k in 0..<needle.count where (bytes[index + k] | 0x20) != (needle[k] | 0x20) {
            matches = false
            break
          }
          if matches { break }
        }
        index += 1
      }
    }

    mutating func handle(name: String, closing: Bool, attributes: ArraySlice<UInt8>) {
      switch name {
      case "table":
        if closing {
          guard tableDepth > 0 else { return }
          finishRow()
          guard let outer = outerTables.popLast() else {
            finishTable(force: false)
            tableDepth = 0
            return
          }
          let inner = rows
          rows.removeAll()
          restore(outer)
          // Statements have several rows of figures; a one-row table in a cell is layout
          // ("Cost of revenue" beside a "(1)" footnote mark).
          if let table = GridLayout.table(from: inner, line: innerLine),
            table.rows.lazy.filter({ $0.values.contains { !$0.isEmpty } }).prefix(2).count == 2
          {
            // A table of figures in a cell (an EX-99 statement in a layout table): what the
            // outer table held so far stands before it, and the outer one goes on afresh.
            finishRow()
            if !rows.isEmpty { blocks.append(contentsOf: GridLayout.blocks(from: rows, line: tableLine)) }
            blocks.append(.table(table))
            rows.removeAll()
            tableLine = line
            rowCells = []
            rowLine = line
            cellText = []
            cellLine = line
          } else if cellText != nil {
            // A layout table in a cell (a label beside its footnote mark): its text is the cell's.
            for row in inner {
              for cell in row.cells where !cell.text.isEmpty {
                if cellText!.isEmpty { cellLine = cell.line } else { cellText!.append(0x20) }
                cellText!.append(contentsOf: Array(cell.text.utf8))
              }
            }
          }
        } else {
          if tableDepth > 0 {
            // A table in a cell: read it on its own, then decide what it was.
            outerTables.append(saved())
            rows.removeAll()
            rowCells = nil
            cellText = nil
            innerLine = line
          } else {
            flushParagraph()
            rows.removeAll()
            rowCells = nil
            cellText = nil
            tableLine = line
            tableDepth = 1
          }
        }
      case "tr" where tableDepth == 1:
        finishRow()
        if !closing {
          rowCells = []
          rowLine = line
          rowRuleBelow = nil
          rowRuleAbove = false
          let style = TextTools.lowercasedASCII(String(decoding: attributes, as: UTF8.self))
          (rowRuleBelow, rowRuleAbove) = borders(style)
        }
      case "td", "th":
        guard tableDepth == 1 else {
          if cellText != nil { cellText!.append(0x20) }
          return
        }
        finishCell()
        if !closing {
          if rowCells == nil {
            rowCells = []
            rowLine = line
          }
          cellText = []
          cellLine = line
          let attributeText = TextTools.lowercasedASCII(String(decoding: attributes, as: UTF8.self))
          cellSpan = spanValue(attributeText, "colspan")
          cellRowSpan = spanValue(attributeText, "rowspan")
          (cellRuleBelow, cellRuleAbove) = borders(attributeText)
        }
      case "br":
        if tableDepth > 0 {
          if cellText != nil && cellText!.last != UInt8(ascii: "-") { cellText!.append(0x20) }
        } else {
          flushParagraph()
        }
      case "pre" where !closing && outerTables.isEmpty:
        // Fixed-width text in HTML (a 1990s release, an EDGAR exhibit): read by columns. In a
        // layout table's cell, what the table held so far stands before it, and the table goes
        // on afresh after it.
        if tableDepth == 0 {
          flushParagraph()
          readPreformatted()
        } else {
          finishRow()
          if !rows.isEmpty { blocks.append(contentsOf: GridLayout.blocks(from: rows, line: tableLine)) }
          rows.removeAll()
          readPreformatted()
          tableLine = line
          rowCells = []
          rowLine = line
          cellText = []
          cellLine = line
        }
      case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "hr", "center", "pre", "body",
        "title", "blockquote", "dt", "dd":
        if tableDepth == 0 {
          flushParagraph()
        } else if cellText != nil {
          if name == "hr" { cellRuleBelow = .single }
          cellText!.append(0x20)
        }
      default:
        break
      }
    }

    /// The text of a `<pre>` block up to `</pre>`, tags dropped and entities decoded, read as
    /// fixed-width text; its blocks keep the lines of the HTML file.
    mutating func readPreformatted() {
      emitPendingHeader()
      let count = bytes.count
      let firstLine = line
      var text: [UInt8] = []
      while index < count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "<") {
          if index + 5 < count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] | 0x20 == UInt8(ascii: "p"),
            bytes[index + 3] | 0x20 == UInt8(ascii: "r"), bytes[index + 4] | 0x20 == UInt8(ascii: "e"),
            bytes[index + 5] == UInt8(ascii: ">")
          {
            index += 6
            break
          }
          // Another tag inside the block (<B>, <A HREF>): dropped, its line breaks kept. An
          // opening tag after a space, before a word, stands for a space: the text was aligned
          // with its tags in it, and "shares outstanding <B>11,832,000" sets the figure apart
          // from its label as "sales    <B>31,889,000" does (each first figure moves by one).
          if index + 1 < count, bytes[index + 1] != UInt8(ascii: "/"), text.last == 0x20 {
            text.append(0x20)
          }
          var j = index + 1
          while j < count, bytes[j] != UInt8(ascii: ">") {
            if bytes[j] == 0x0A {
              line += 1
              text.append(0x0A)
            }
            j += 1
          }
          index = min(count, j + 1)
          continue
        }
        if byte == UInt8(ascii: "&"), let (decoded, length) = HTMLEntities.decode(bytes, at: index) {
          text += decoded
          index += length
          continue
        }
        if byte == 0x0A { line += 1 }
        text.append(byte)
        index += 1
      }
      if text.last != 0x0A { text.append(0x0A) }
      let shift = firstLine - 1
      for block in PlainTextReader.read(SGMLMarkup.blankTags(text)) {
        switch block {
        case .text(var paragraph):
          paragraph.line += shift
          paragraph.lineMarks = paragraph.lineMarks.map { ($0.offset, $0.line + shift) }
          blocks.append(.text(paragraph))
        case .table(var table):
          table.line += shift
          for k in table.rows.indices { table.rows[k].line += shift }
          for k in table.textAbove.indices { table.textAbove[k].line += shift }
          blocks.append(.table(table))
        }
      }
    }

    func spanValue(_ attributes: String, _ name: String) -> Int {
      guard let range = TextTools.firstRange(of: name, in: attributes) else { return 1 }
      var value = 0
      var seenDigit = false
      for byte in attributes[range.upperBound...].utf8 {
        if byte >= 0x30 && byte <= 0x39 {
          value = value * 10 + Int(byte - 0x30)
          seenDigit = true
          if value > 1000 { break }
        } else if seenDigit
          || !(byte == UInt8(ascii: "=") || byte == 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
        {
          break
        }
      }
      return max(1, min(value, 1000))
    }

    /// Borders in a style attribute: `border-bottom: 1px solid`, `border-bottom: 3px double`.
    func borders(_ attributes: String) -> (RuleKind?, Bool) {
      var below: RuleKind? = nil
      var above = false
      if let range = TextTools.firstRange(of: "border-bottom", in: attributes) {
        let rest = attributes[range.upperBound...].prefix(40)
        let value = rest.prefix { $0 != ";" && $0 != "\"" }
        if value.has("double") {
          below = .double
        } else if !value.has("none") && !value.has(": 0") && !value.has(":0") {
          below = .single
        }
      }
      if let range = TextTools.firstRange(of: "border-top", in: attributes) {
        let value = attributes[range.upperBound...].prefix(40).prefix { $0 != ";" && $0 != "\"" }
        if !value.has("none") && !value.has(": 0") && !value.has(":0") { above = true }
      }
      return (below, above)
    }

    mutating func finishCell() {
      guard let text = cellText else { return }
      var cell = GridCell(
        text: TextTools.collapseSpaces(Substring(String(decoding: text, as: UTF8.self))), span: cellSpan,
        line: cellLine)
      cell.rowSpan = cellRowSpan
      cell.ruleBelow = cellRuleBelow ?? rowRuleBelow
      cell.ruleAbove = cellRuleAbove || rowRuleAbove
      if rowCells == nil { rowCells = [] }
      rowCells!.append(cell)
      cellText = nil
    }

    mutating func finishRow() {
      finishCell()
      if let cells = rowCells, !cells.isEmpty {
        let line = cells.first { !$0.text.isEmpty }?.line ?? rowLine
        rows.append(GridRow(cells: cells, line: line))
      }
      rowCells = nil
    }

    mutating func finishTable(force: Bool) {
      guard tableDepth > 0 || force else { return }
      finishRow()
      if !rows.isEmpty {
        if let header = pendingHeader, blocks.count == header.blocksBefore,
          let merged = HTMLReader.underHeadings(header.rows, rows)
        {
          // Headings printed in a table of their own just above ("Three Months Ended /
          // September 30," over a table that starts with the years).
          pendingHeader = nil
          blocks.append(contentsOf: GridLayout.blocks(from: merged, line: header.line))
        } else {
          emitPendingHeader()
          if HTMLReader.onlyPeriodHeadings(rows) {
            pendingHeader = (rows, tableLine, blocks.count)
          } else {
            blocks.append(contentsOf: GridLayout.blocks(from: rows, line: tableLine))
          }
        }
      }
      rows.removeAll()
    }

    /// A table of period headings alone, kept until the table after it is read.
    var pendingHeader: (rows: [GridRow], line: Int, blocksBefore: Int)? = nil

    mutating func emitPendingHeader() {
      guard let header = pendingHeader else { return }
      pendingHeader = nil
      blocks.append(contentsOf: GridLayout.blocks(from: header.rows, line: header.line))
    }
  }
}
