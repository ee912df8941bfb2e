// MARK: - A release read into text blocks and tables, whatever its format

/// The three layouts releases arrive in.
enum ReleaseFormat: String {
  case markdown, html, plainText = "plain text"

  /// Decides from content, not the file name: HTML if it has `<html>`/`<body>`, or a `<table>`
  /// with `<tr>`/`<td>` cells; Markdown if at least two lines start with a pipe; otherwise
  /// fixed-width text (old EDGAR text marks its tables with `<TABLE>`, `<S>` and `<C>` but lays
  /// them out by position).
  static func detect(_ bytes: [UInt8]) -> ReleaseFormat {
    // On the buffer: the array's bounds checks were most of this pass over the whole file.
    bytes.withUnsafeBufferPointer(detect(buffer:))
  }

  /// Two passes that jump with `memchr` (a loop testing every byte for `<`, a pipe, a line
  /// break and a space was a pass over the whole file at several instructions a byte): HTML
  /// tags from one `<` to the next, then the first byte of each line. Any tag that makes the
  /// document HTML does so wherever it stands, so the order of the passes does not matter.
  private static func detect(buffer bytes: UnsafeBufferPointer<UInt8>) -> ReleaseFormat {
    var sawTable = false
    var sawCell = false
    let count = bytes.count
    var from = 0
    while let index = TextTools.index(of: UInt8(ascii: "<"), in: bytes, from: from) {
      from = index + 1
      guard index + 3 < count else { continue }
      let a = bytes[index + 1] | 0x20
      let b = bytes[index + 2] | 0x20
      let c = bytes[index + 3] | 0x20
      if index + 5 < count {
        let d = bytes[index + 4] | 0x20
        let e = bytes[index + 5] | 0x20
        if (a, b, c, d, e) == (0x74, 0x61, 0x62, 0x6C, 0x65) { sawTable = true }  // table
        if (a, b, c, d) == (0x68, 0x74, 0x6D, 0x6C) { return .html }  // html
        if (a, b, c, d) == (0x62, 0x6F, 0x64, 0x79) { return .html }  // body
      }
      // <tr and <td (followed by `>` or a space)
      if a == 0x74, b == 0x72 || b == 0x64, c == UInt8(ascii: ">") | 0x20 || c == 0x20 || c == 0x3E {
        sawCell = true
      }
      if sawTable && sawCell { return .html }
    }
    // Lines whose first byte after spaces and tabs is a pipe.
    var pipeLines = 0
    var lineStart = 0
    while lineStart < count {
      var k = lineStart
      while k < count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
      if k < count, bytes[k] == UInt8(ascii: "|") { pipeLines += 1 }
      guard let end = TextTools.index(of: 0x0A, in: bytes, from: k) else { break }
      lineStart = end + 1
    }
    return pipeLines >= 2 ? .markdown : .plainText
  }
}

/// A paragraph or short line of prose, with the line each part of it came from.
struct TextBlock {
  var text: String
  /// One-based line of the first character.
  var line: Int
  /// UTF-8 offsets into `text` where a later source line starts, with that line.
  var lineMarks: [(offset: Int, line: Int)] = []

  /// The source line holding the UTF-8 offset `offset` of `text`.
  func line(atOffset offset: Int) -> Int {
    var result = line
    for mark in lineMarks {
      if mark.offset > offset { break }
      result = mark.line
    }
    return result
  }
}

/// One row of a table after its layout is read: a label and one text per value column.
struct LogicalRow {
  var label: String
  var values: [String]
  var line: Int
  var ruleAbove = false
  var doubleRuleBelow = false
  var indent = 0
}

/// A table after its layout is read: header texts per value column, then labelled rows.
struct LogicalTable {
  var line: Int
  /// For each value column, the header texts printed above it, top to bottom.
  var columnHeaders: [[String]]
  /// Header text that belongs to no one column: the label column of header rows, titles and
  /// captions printed inside the table.
  var headerContext: [String]
  var rows: [LogicalRow]
  /// Short lines of text printed just above the table (titles, captions), nearest last.
  var textAbove: [TextBlock] = []
  /// Read back from a newswire line that had lost its line breaks.
  var flattened = false
  /// Rows of a flattened table left out because their figures did not fill the columns:
  /// label and figures as printed, for the import report.
  var leftOut: [(label: String, figures: String)] = []
}

enum DocumentBlock {
  case text(TextBlock)
  case table(LogicalTable)
}

/// The release as blocks in document order.
struct ReleaseDocument {
  var format: ReleaseFormat
  var blocks: [DocumentBlock]

  var tables: [LogicalTable] {
    blocks.compactMap {
      if case .table(let table) = $0 { return table }
      return nil
    }
  }
  var paragraphs: [TextBlock] {
    blocks.compactMap {
      if case .text(let block) = $0 { return block }
      return nil
    }
  }

  /// What the document was: "HTML", "plain text", "EDGAR submission: HTML".
  var formatDescription: String = ""
  /// For a container, what was read and skipped of each part.
  var parts: [String] = []
  /// The filer's Central Index Key from an EDGAR submission's header, without leading zeros.
  var cik: String?

  /// Reads the bytes in the detected format. Never fails: what is not a table is text. An EDGAR
  /// container is opened first and only its release (the EX-99 exhibit) is read.
  static func read(bytes: [UInt8]) -> ReleaseDocument {
    if let parts = EDGARContainer.parts(bytes) {
      let (chosen, notes) = EDGARContainer.select(parts)
      var blocks: [DocumentBlock] = []
      var formats: [String] = []
      for part in chosen {
        let partBytes = Array(part.text)
        let format = ReleaseFormat.detect(partBytes)
        formats.append(format.rawValue)
        blocks += readBlocks(partBytes, format: format).map { $0.shifted(by: part.firstLine - 1) }
      }
      var document = attachCaptions(ReleaseDocument(format: chosen.isEmpty ? .plainText : .html, blocks: blocks))
      let kind = parts.count > 1 ? "EDGAR submission" : "EDGAR document"
      document.formatDescription = "\(kind): \(Set(formats).sorted().joined(separator: ", "))"
      document.parts = notes
      document.cik = EDGARContainer.filerCIK(bytes)
      return document
    }
    let format = ReleaseFormat.detect(bytes)
    var document = attachCaptions(ReleaseDocument(format: format, blocks: readBlocks(bytes, format: format)))
    document.formatDescription = format.rawValue
    return document
  }

  static func readBlocks(_ bytes: [UInt8], format: ReleaseFormat) -> [DocumentBlock] {
    switch format {
    case .markdown: return MarkdownReader.read(bytes)
    case .html: return HTMLReader.read(bytes)
    case .plainText: return PlainTextReader.read(SGMLMarkup.blankTags(bytes))
    }
  }

  /// Attaches the short text lines just above each table (titles, captions).
  static func attachCaptions(_ document: ReleaseDocument) -> ReleaseDocument {
    var blocks = document.blocks
    // Attach the short text lines just above each table (titles, captions).
    var recent: [TextBlock] = []
    for index in blocks.indices {
      switch blocks[index] {
      case .text(let block):
        if block.text.utf8.count <= 160 {
          recent.append(block)
          if recent.count > 5 { recent.removeFirst() }
        } else {
          recent.removeAll()
        }
      case .table(var table):
        table.textAbove = recent
        blocks[index] = .table(table)
        recent.removeAll()
      }
    }
    return ReleaseDocument(format: document.format, blocks: blocks)
  }
}

// MARK: - Lines

enum SourceLines {
  /// Splits bytes into lines (LF or CRLF), decoding each leniently: invalid UTF-8 becomes U+FFFD.
  static func split(_ bytes: [UInt8]) -> [Substring] {
    var text = String(decoding: bytes, as: UTF8.self)
    // Newline offsets from the contiguous UTF-8 (invalid input was repaired by the decoding,
    // so offsets come from the decoded text, not the raw bytes).
    // (Found with memchr; the end of the text is the last break.)
    var breaks: [Int] = []
    text.withUTF8 { buffer in
      var from = 0
      while let offset = TextTools.index(of: 0x0A, in: buffer, from: from) {
        breaks.append(offset)
        from = offset + 1
      }
      breaks.append(buffer.count)
    }
    var lines: [Substring] = []
    lines.reserveCapacity(breaks.count + 1)
    let utf8 = text.utf8
    var start = 0
    let count = utf8.count
    var startIndex = utf8.startIndex
    for offset in breaks {
      guard offset > start || offset < count else { break }
      var lineEnd = offset
      let endIndex = utf8.index(startIndex, offsetBy: offset - start)
      var contentEnd = endIndex
      if lineEnd > start, utf8[utf8.index(before: endIndex)] == 0x0D {
        lineEnd -= 1
        contentEnd = utf8.index(before: endIndex)
      }
      if offset < count || start < count { lines.append(text[startIndex..<contentEnd]) }
      if offset < count { startIndex = utf8.index(after: endIndex) }
      start = offset + 1
    }
    return lines
  }

  static func isBlank(_ line: Substring) -> Bool {
    line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }
}

// MARK: - Grid tables (Markdown and HTML) before their layout is read

struct GridCell {
  var text: String
  var span: Int = 1
  var line: Int
  /// Rows the cell covers (`rowspan`), this one included.
  var rowSpan: Int = 1
  /// A border printed under / over the cell.
  var ruleBelow: RuleKind? = nil
  var ruleAbove = false
}

struct GridRow {
  var cells: [GridCell]
  var line: Int
}

// MARK: - Markdown

enum MarkdownReader {
  static func read(_ bytes: [UInt8]) -> [DocumentBlock] {
    let lines = SourceLines.split(bytes)
    // Each table's lines, split into cells and laid out once all lines are read: tables apart
    // from each other, on two threads (`TwoThreads`), and put back in document order.
    var parts: [Part] = []
    var paragraph: TextBlock? = nil
    var tableLines: [(text: Substring, line: Int)] = []

    func flushParagraph() {
      if let block = paragraph, !block.text.isEmpty { parts.append(.text(block)) }
      paragraph = nil
    }
    func flushTable() {
      if !tableLines.isEmpty { parts.append(.table(tableLines)) }
      tableLines.removeAll()
    }

    // Each line of prose cleaned of inline markup first, a run of lines at a time on either
    // thread (`TwoThreads`).
    let parallel = bytes.count >= TwoThreads.minimumBytes
    let cleaned = TwoThreads.Results<String>(count: lines.count)
    let run = 64
    TwoThreads.run(parallel: parallel, first: {}, chunks: (lines.count + run - 1) / run) { chunk in
      for index in chunk * run..<min(lines.count, (chunk + 1) * run) {
        let trimmed = lines[index].drop { $0 == " " || $0 == "\t" }
        guard trimmed.utf8.first != UInt8(ascii: "|"), !SourceLines.isBlank(lines[index]) else { continue }
        var content = trimmed
        while content.utf8.first == UInt8(ascii: "#") { content = content.dropFirst() }
        cleaned[index] = TextTools.cleanInline(content)
      }
    }
    for (offset, line) in lines.enumerated() {
      let number = offset + 1
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.utf8.first == UInt8(ascii: "|") {
        flushParagraph()
        tableLines.append((trimmed, number))
        continue
      }
      flushTable()
      if SourceLines.isBlank(line) {
        flushParagraph()
        continue
      }
      let text = cleaned[offset] ?? ""
      if text.isEmpty { continue }
      // Headings and lines ending in two spaces (a Markdown hard break) stand alone.
      let isHeading = trimmed.utf8.first == UInt8(ascii: "#")
      let hardBreak = line.utf8.count >= 2 && line.hasSuffix("  ")
      if isHeading { flushParagraph() }
      if var block = paragraph {
        block.lineMarks.append((block.text.utf8.count + 1, number))
        block.text += " " + text
        paragraph = block
      } else {
        paragraph = TextBlock(text: text, line: number)
      }
      if isHeading || hardBreak { flushParagraph() }
    }
    flushParagraph()
    flushTable()
    return layOut(parts, parallel: parallel)
  }

  /// A paragraph, or the lines of a table before their cells are read.
  enum Part {
    case text(TextBlock)
    case table([(text: Substring, line: Int)])
  }

  /// A table's blocks from its lines: rows of cells (the separator row dropped), laid out. The
  /// table starts at its first row.
  static func layOut(table lines: [(text: Substring, line: Int)]) -> [DocumentBlock] {
    var rows: [GridRow] = []
    var first = 0
    for line in lines {
      guard let row = row(line.text, line: line.line) else { continue }
      if rows.isEmpty { first = line.line }
      rows.append(row)
    }
    return rows.isEmpty ? [] : GridLayout.blocks(from: rows, line: first)
  }

  /// The blocks of `parts` in order, each table's layout read on either thread.
  static func layOut(_ parts: [Part], parallel: Bool) -> [DocumentBlock] {
    let tables = parts.indices.filter {
      if case .table = parts[$0] { return true }
      return false
    }
    let laidOut = TwoThreads.Results<[DocumentBlock]>(count: tables.count)
    TwoThreads.run(parallel: parallel && tables.count > 1, first: {}, chunks: tables.count) { k in
      if case .table(let lines) = parts[tables[k]] { laidOut[k] = layOut(table: lines) }
    }
    var blocks: [DocumentBlock] = []
    var table = 0
    for part in parts {
      switch part {
      case .text(let block): blocks.append(.text(block))
      case .table:
        blocks += laidOut[table] ?? []
        table += 1
      }
    }
    return blocks
  }

  /// Splits `| a | b |` into cells; drops the `|---|:--:|` separator row.
  static func row(_ line: Substring, line number: Int) -> GridRow? {
    var line = line
    return line.withUTF8 { row(bytes: $0, line: number) }
  }

  /// `row` on the line's contiguous bytes (no copy of them).
  static func row(bytes: UnsafeBufferPointer<UInt8>, line number: Int) -> GridRow? {
    var cells: [GridCell] = []
    // At most one cell per pipe: one allocation, not one per doubling.
    cells.reserveCapacity(bytes.reduce(0) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 })
    var start = 1
    var index = 1
    while index <= bytes.count {
      let atEnd = index == bytes.count
      if atEnd || (bytes[index] == UInt8(ascii: "|") && bytes[index - 1] != UInt8(ascii: "\\")) {
        // The cell's bytes go to cleanInline as they are (no String of the raw cell).
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if !(atEnd && raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })) {
          let text = TextTools.cleanInline(bytes: raw)
          cells.append(GridCell(text: TextTools.stripEmphasis(text), line: number))
        }
        start = index + 1
      }
      index += 1
    }
    if cells.isEmpty { return nil }
    let isSeparator = cells.allSatisfy { cell in
      !cell.text.isEmpty
        && cell.text.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 }
    }
    if isSeparator { return nil }
    return GridRow(cells: cells, line: number)
  }
}
