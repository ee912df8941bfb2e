// MARK: - Fixed-width plain text (wire copy, older EDGAR text)

/// Finds tables in fixed-width text from the alignment of their figures: a run of lines ending
/// in figures set apart by two or more spaces or a dotted leader. Columns are the character
/// ranges those figures occupy; header words above are given to the columns they sit over.
enum PlainTextReader {
  /// A whitespace-separated word of a line, with its character columns.
  struct Token {
    var start: Int
    var end: Int
    var text: String
  }

  /// A line whose tail holds figures.
  struct FigureLine {
    var label: String
    var labelStart: Int
    var figures: [Token]
    var allYears: Bool
  }

  enum LineKind {
    case blank, rule(RuleKind), figures(FigureLine), text
    /// A table that lost its line breaks, read back by `FlatTableReader`.
    case flattened([DocumentBlock])
  }

  static func read(_ bytes: [UInt8]) -> [DocumentBlock] {
    let lines = SourceLines.split(bytes)
    var kinds: [LineKind] = []
    kinds.reserveCapacity(lines.count)
    var n = 0
    // Lines before this one were already tried as a run of stacked cells (each run once:
    // trying every suffix of a long run again would be quadratic).
    var triedUntil = 0
    while n < lines.count {
      // Cells printed one a line (a web page copied as text): a run of short lines.
      if n >= triedUntil, !SourceLines.isBlank(lines[n]) {
        // Short lines, with at most two blank lines between cells (some copies put every cell
        // in a paragraph of its own).
        var end = n
        var blanks = 0
        while end < lines.count, lines[end].utf8.count <= 100, blanks <= 2 {
          blanks = SourceLines.isBlank(lines[end]) ? blanks + 1 : 0
          end += 1
        }
        while end > n, SourceLines.isBlank(lines[end - 1]) { end -= 1 }
        triedUntil = max(end, n + 1)
        let cells = (n..<end).filter { !SourceLines.isBlank(lines[$0]) }
        if !SourceLines.isBlank(lines[n]), cells.count >= 15,
          FlatTableReader.looksStacked(cells.map { lines[$0] }[...]),
          let blocks = FlatTableReader.read(stackedLines: cells.map { (lines[$0], $0 + 1) })
        {
          kinds.append(.flattened(blocks))
          kinds += Array(repeating: .flattened([]), count: end - n - 1)
          n = end
          continue
        }
      }
      let line = lines[n]
      if FlatTableReader.mayBeFlattened(line), let blocks = FlatTableReader.read(line, lineNumber: n + 1) {
        kinds.append(.flattened(blocks))
      } else {
        kinds.append(classify(line))
      }
      n += 1
    }

    func isData(_ i: Int) -> Bool {
      if case .figures(let f) = kinds[i], !f.allYears { return true }
      return false
    }
    func isBlank(_ i: Int) -> Bool {
      if case .blank = kinds[i] { return true }
      return false
    }

    var blocks: [DocumentBlock] = []
    var paragraph: TextBlock? = nil
    func flush() {
      if let p = paragraph { blocks.append(.text(p)) }
      paragraph = nil
    }
    func addText(_ i: Int) {
      if case .flattened(let tables) = kinds[i] {
        flush()
        blocks += tables
        return
      }
      let trimmed = TextTools.collapseSpaces(lines[i])
      if trimmed.isEmpty {
        flush()
        return
      }
      let indent = lines[i].utf8.prefix { $0 == 0x20 }.count
      let short = trimmed.utf8.count < 65
      if short && (paragraph == nil || indent >= 8) {
        flush()
        blocks.append(.text(TextBlock(text: trimmed, line: i + 1)))
        return
      }
      if var p = paragraph {
        p.lineMarks.append((p.text.utf8.count + 1, i + 1))
        p.text += " " + trimmed
        paragraph = p
      } else {
        paragraph = TextBlock(text: trimmed, line: i + 1)
      }
      if short { flush() }
    }

    /// A line that heads periods: years, a rule, or words such as "Three Months Ended", "June 30,".
    func periodHeading(_ n: Int) -> Bool {
      switch kinds[n] {
      case .rule: return true
      case .figures(let f): return f.allYears
      case .text:
        let words = TextTools.splitOnSpaces(TextTools.normalize(String(lines[n]))).map(String.init)
        guard words.count <= 12 else { return false }
        return PeriodHeaders.length(words) != nil || PeriodHeaders.monthDay(words) != nil
          || words.contains { $0 == "ended" || $0 == "ending" || CellReader.isYearHeading($0) }
          // "9/28/97   9/29/96"
          || TextTools.splitOnSpaces(String(lines[n])).contains {
            $0.contains("/") && GridLayout.isPeriodHeading(String($0))
          }
      default: return false
      }
    }

    /// "(Restated)", "(unaudited)", "As adjusted": a word or three, no figures.
    func shortNote(_ n: Int) -> Bool {
      guard case .text = kinds[n] else { return false }
      let text = TextTools.collapseSpaces(lines[n])
      return text.split(separator: " ").count <= 3 && text.utf8.count <= 30
        && !text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
    }

    /// A section heading ("ASSETS", "Current assets:") set off by blank lines between the
    /// period headings and the first row: above it, only blanks, other such headings, notes
    /// and rules lead up to a line that names periods.
    func sectionUnderHeadings(_ n: Int) -> Bool {
      var k = n
      var seen = 0
      var blanks = 0
      while k >= 0, seen < 8 {
        blanks = isBlank(k) ? blanks + 1 : 0
        // Two blank lines part paragraphs, not the lines of one header.
        if blanks > 1 { return false }
        switch kinds[k] {
        case .blank, .rule: break
        case .figures(let f):
          return f.allYears
        case .text:
          if k != n, periodHeading(k), !TextTools.collapseSpaces(lines[k]).hasSuffix(".") { return true }
          let text = TextTools.collapseSpaces(lines[k])
          // Digits only in footnote marks ("(unaudited)   (1)").
          let digits = text.split(separator: " ").contains { word in
            word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
              && !(word.count == 3 && word.hasPrefix("(") && word.hasSuffix(")"))
          }
          guard !digits, text.utf8.count <= 40 else { return false }
        case .flattened: return false
        }
        k -= 1
        seen += 1
      }
      return false
    }

    /// A line set out in columns (two or more gaps of three spaces), as headings are and prose is not.
    func spread(_ n: Int) -> Bool {
      var gaps = 0
      var run = 0
      var started = false
      for byte in lines[n].utf8 {
        if byte == 0x20 {
          run += 1
        } else {
          if started, run >= 3 { gaps += 1 }
          started = true
          run = 0
        }
      }
      return gaps >= 2
    }

    var lastEmitted = 0
    var i = 0
    while i < lines.count {
      guard isData(i) else {
        i += 1
        continue
      }
      // A table body: from this row on while rows, rules, short labels and single blanks go on.
      var end = i
      var j = i + 1
      var blanks = 0
      while j < lines.count {
        switch kinds[j] {
        case .figures, .rule:
          end = j
          blanks = 0
        case .blank:
          blanks += 1
          if blanks > 1 { break }
        case .flattened:
          j = lines.count
          continue
        case .text:
          let text = lines[j]
          // A row within two lines, or at the end of a label wrapped over a few short lines
          // ("Weighted average shares / of common stock and common / stock equivalents /
          // outstanding  25,055").
          var nearData = (j + 1 < lines.count && isData(j + 1)) || (j + 2 < lines.count && isData(j + 2))
          var ahead = j + 1
          while !nearData, ahead < min(lines.count, j + 5), case .text = kinds[ahead], lines[ahead].utf8.count <= 80 {
            ahead += 1
            if ahead < lines.count, isData(ahead) { nearData = true }
          }
          if text.utf8.count <= 80 && nearData {
            blanks = 0
          } else {
            j = lines.count
            continue
          }
        }
        if blanks > 1 { break }
        j += 1
      }
      // Header lines just above the first row (no blank in between), and label lines there.
      // A header is a few short lines: a line of prose, or more than ten lines, ends it. Blank
      // lines inside it (the `<S> <C>` line of EDGAR text, a gap under the years) are passed
      // over when the line above them is a heading of periods, years or a rule.
      var headerStart = i
      while headerStart > 0, i - headerStart < 14 {
        switch kinds[headerStart - 1] {
        case .blank:
          var above = headerStart - 1
          while above > 0, isBlank(above), headerStart - 1 - above < 2 { above -= 1 }
          // A note such as "(Restated)" or "(unaudited)" under the headings belongs to them too.
          let note = !isBlank(above) && above > 0 && shortNote(above) && periodHeading(above - 1)
          if !isBlank(above), periodHeading(above) || note || sectionUnderHeadings(above) {
            headerStart = above
            continue
          }
        case .flattened: break
        case .figures(let f) where !f.allYears: break
        case .text where TextTools.collapseSpaces(lines[headerStart - 1]).utf8.count > 100 && !spread(headerStart - 1):
          break
        default:
          headerStart -= 1
          continue
        }
        break
      }
      // Text emitted before the table: everything up to the header.
      var k = lastEmitted
      while k < headerStart {
        if isBlank(k) { flush() } else { addText(k) }
        k += 1
      }
      flush()
      if let table = table(lines: lines, kinds: kinds, headerStart: headerStart, bodyStart: i, end: end) {
        blocks.append(.table(table))
      } else {
        for n in headerStart...end where !isBlank(n) { addText(n) }
        flush()
      }
      lastEmitted = end + 1
      i = end + 1
    }
    var k = lastEmitted
    while k < lines.count {
      if isBlank(k) { flush() } else { addText(k) }
      k += 1
    }
    flush()
    return blocks
  }

  /// Splits a line into tokens with character (not byte) columns.
  static func tokens(_ line: Substring) -> [Token] {
    var tokens: [Token] = []
    var column = 0
    var start = -1
    var bytes: [UInt8] = []
    for byte in line.utf8 {
      let isContinuation = byte & 0xC0 == 0x80
      if byte == 0x20 || byte == 0x09 {
        if start >= 0 {
          tokens.append(Token(start: start, end: column, text: String(decoding: bytes, as: UTF8.self)))
          start = -1
          bytes.removeAll(keepingCapacity: true)
        }
      } else {
        if start < 0 { start = column }
        bytes.append(byte)
      }
      if !isContinuation { column += byte == 0x09 ? 8 - column % 8 : 1 }
    }
    if start >= 0 { tokens.append(Token(start: start, end: column, text: String(decoding: bytes, as: UTF8.self))) }
    return tokens
  }

  static func isFigureToken(_ text: String) -> Bool {
    if text == "$" { return true }
    // "-", "--", "—" where a figure stands is a zero (a rule under figures is longer, and a line
    // of nothing but rules is a rule line).
    if isDashZero(text) { return true }
    // Dates ("02/10/2004") and fractions are not figures.
    if text.utf8.contains(UInt8(ascii: "/")), text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
    switch CellReader.read(text) {
    case .number(_, _): return GridLayout.isFigureLike(text) || CellReader.ruleKind(text) == nil && !text.isEmpty
    case .notMeaningful: return ["nm", "n/m", "n/a", "na", "nmf"].contains(TextTools.lowercasedASCII(text))
    case .invalid: return GridLayout.isFigureLike(text)
    case .empty: return false
    }
  }

  /// One to three dashes (hyphen, en or em dash), optionally after `$`: a zero in a figure column.
  static func isDashZero(_ text: String) -> Bool {
    var body = Substring(text)
    if body.hasPrefix("$") { body = body.dropFirst() }
    return (1...3).contains(body.count) && body.allSatisfy { $0 == "-" || $0 == "—" || $0 == "–" }
  }

  static func classify(_ line: Substring) -> LineKind {
    if SourceLines.isBlank(line) { return .blank }
    let text = String(line)
    if let rule = CellReader.ruleKind(text) {
      return .rule(rule)
    }
    var words = tokens(line)
    // A rule under figures with words: `-------  -------` counts as a rule.
    if words.allSatisfy({ CellReader.ruleKind($0.text) != nil }) { return .rule(.single) }
    // Figures are the run of figure-like words at the end (at most 40 columns).
    var split = words.count
    while split > 0, words.count - split < 40, isFigureToken(words[split - 1].text) { split -= 1 }
    // The label must be set apart from the first figure by two spaces or a leader.
    while split < words.count, split > 0 {
      let labelEnd = words[split - 1]
      let gap = words[split].start - labelEnd.end
      let leader = labelEnd.text.hasSuffix("..") || labelEnd.text.allSatisfy { $0 == "." }
      if gap >= 2 || leader { break }
      split += 1
    }
    let figures = Array(words[split...])
    words.removeLast(words.count - split)
    // `$` glued to the next figure.
    var merged: [Token] = []
    for token in figures {
      if let last = merged.last, last.text == "$" {
        merged[merged.count - 1] = Token(start: last.start, end: token.end, text: "$" + token.text)
      } else {
        merged.append(token)
      }
    }
    merged.removeAll { $0.text == "$" }
    guard !merged.isEmpty else { return .text }
    // Footnote marks under headings: "(unaudited)      (1)" is a note, not a row of -1.
    let footnoteMarks = merged.allSatisfy { token in
      let u = Array(token.text.utf8)
      return u.count == 3 && u[0] == UInt8(ascii: "(") && u[2] == UInt8(ascii: ")") && u[1] >= 0x30 && u[1] <= 0x39
    }
    if footnoteMarks,
      words.isEmpty || (words.first?.text.hasPrefix("(") == true && words.last?.text.hasSuffix(")") == true)
    {
      return .text
    }
    let allYears = merged.allSatisfy { CellReader.isYearHeading($0.text) }
    var label = words.map(\.text).joined(separator: " ")
    // Dotted leaders: "Net sales ........" or "Net sales. . . ."
    // A dot after a space is a leader too ("net ."), never the end of a sentence.
    let tail = label.reversed().prefix { $0 == "." || $0 == " " }
    if tail.filter({ $0 == "." }).count >= 2 || tail.contains(" ") { label.removeLast(tail.count) }
    let labelStart = words.first?.start ?? merged[0].start
    return .figures(FigureLine(label: label, labelStart: labelStart, figures: merged, allYears: allYears))
  }
}

// MARK: - Columns and rows of one fixed-width table

extension PlainTextReader {
  static func table(lines: [Substring], kinds: [LineKind], headerStart: Int, bodyStart: Int, end: Int)
    -> LogicalTable?
  {
    // Columns: character ranges covered by the figures of the body rows, merged where they overlap.
    var intervals: [(Int, Int)] = []
    for n in bodyStart...end {
      if case .figures(let f) = kinds[n], !f.allYears {
        for token in f.figures { intervals.append((token.start, token.end)) }
      }
    }
    intervals.sort { $0.0 < $1.0 }
    var columns: [(start: Int, end: Int)] = []
    for interval in intervals {
      if let last = columns.last, interval.0 < last.end {
        columns[columns.count - 1].end = max(last.end, interval.1)
      } else {
        columns.append((interval.0, interval.1))
      }
    }
    guard !columns.isEmpty, columns.count <= 40 else { return nil }
    // Zones: each column owns the space halfway to its neighbours.
    var zones: [(start: Int, end: Int)] = []
    for (k, column) in columns.enumerated() {
      let start = k == 0 ? column.start - 3 : (columns[k - 1].end + column.start) / 2
      let end = k == columns.count - 1 ? Int.max / 2 : (column.end + columns[k + 1].start) / 2
      zones.append((start, end))
    }
    func zoneIndex(_ token: Token) -> Int? {
      var best: Int? = nil
      var bestOverlap = 0
      for (k, zone) in zones.enumerated() {
        let overlap = min(token.end, zone.end) - max(token.start, zone.start)
        if overlap > bestOverlap {
          bestOverlap = overlap
          best = k
        }
      }
      return best
    }

    var columnHeaders = [[String]](repeating: [], count: columns.count)
    var context: [String] = []
    var rows: [LogicalRow] = []
    var pendingLabel: (text: String, line: Int, indent: Int)? = nil
    var pendingRule = false
    var spreading: [Token] = []

    func flushPendingLabel() {
      if let label = pendingLabel {
        rows.append(
          LogicalRow(
            label: label.text, values: [String](repeating: "", count: columns.count), line: label.line,
            indent: label.indent))
        rows[rows.count - 1].ruleAbove = pendingRule
        pendingRule = false
      }
      pendingLabel = nil
    }

    for n in headerStart...end {
      let line = lines[n]
      switch kinds[n] {
      case .blank, .flattened:
        continue
      case .rule(let rule):
        if n < bodyStart { continue }
        flushPendingLabel()
        if rule == .double, !rows.isEmpty {
          rows[rows.count - 1].doubleRuleBelow = true
        } else {
          pendingRule = true
        }
      case .figures(let f) where n < bodyStart || (f.allYears && rows.isEmpty):
        // A header row of years. Words among the years ("2007  Change  2007  Change  2006")
        // go to the columns they sit over, as on any header line.
        if n < bodyStart, f.label.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
          headerGroups(
            line, zones: zones, columns: columns, headers: &columnHeaders, context: &context, spreading: &spreading)
          continue
        }
        if !f.label.isEmpty { context.append(f.label) }
        for token in f.figures {
          if let k = zoneIndex(token) { columnHeaders[k].append(token.text) }
        }
      case .text where n < bodyStart:
        let indent = line.utf8.prefix { $0 == 0x20 }.count
        // A caption ("(In thousands)") over the table, wherever it is centred.
        let collapsed = TextTools.collapseSpaces(line)
        let lineTokens = tokens(line)
        let oneGroup = zip(lineTokens, lineTokens.dropFirst()).allSatisfy { $1.start - $0.end < 2 }
        if oneGroup, ScaleCaption.read(collapsed) != nil {
          context.append(collapsed)
          continue
        }
        if indent < zones[0].start - 2 && !headerLikeText(line, zones: zones) {
          pendingLabel = (TextTools.collapseSpaces(line), n + 1, indent)
          continue
        }
        // A rule printed under a heading ("13 Weeks Ended" over "------------") shows how
        // far the heading reaches.
        var below = n + 1
        while below < bodyStart, case .blank = kinds[below] { below += 1 }
        var segments: [Token] = []
        if below < bodyStart, case .rule = kinds[below] { segments = tokens(lines[below]) }
        headerGroups(
          line, zones: zones, columns: columns, segments: segments, headers: &columnHeaders, context: &context,
          spreading: &spreading)
      case .text:
        let text = TextTools.collapseSpaces(line)
        let indent = line.utf8.prefix { $0 == 0x20 }.count
        // A heading wrapped over lines ("Weighted average shares" / "  outstanding:").
        if let pending = pendingLabel, !pending.text.hasSuffix(":"),
          PlainTextReader.continues(pending.text, pendingIndent: pending.indent, next: text, nextIndent: indent)
        {
          pendingLabel = (pending.text + " " + text, pending.line, pending.indent)
        } else {
          flushPendingLabel()
          pendingLabel = (text, n + 1, indent)
        }
        if text.hasSuffix(":") { flushPendingLabel() }
      case .figures(let f):
        var values = [String](repeating: "", count: columns.count)
        for token in f.figures {
          if let k = zoneIndex(token) {
            values[k] = values[k].isEmpty ? token.text : values[k] + token.text
          }
        }
        var label = f.label
        var lineNumber = n + 1
        var indent = f.labelStart
        if let pending = pendingLabel {
          let continues = PlainTextReader.continues(
            pending.text, pendingIndent: pending.indent, next: label, nextIndent: f.labelStart)
          if continues && !pending.text.hasSuffix(":") {
            label = pending.text + (label.isEmpty ? "" : " " + label)
            lineNumber = pending.line
            indent = pending.indent
            pendingLabel = nil
          } else {
            flushPendingLabel()
          }
        }
        var row = LogicalRow(label: label, values: values, line: lineNumber, indent: indent)
        row.ruleAbove = pendingRule
        pendingRule = false
        rows.append(row)
      }
    }
    flushPendingLabel()
    spreadHeadings(spreading, columns: columns, headers: &columnHeaders)
    guard rows.contains(where: { $0.values.contains { !$0.isEmpty } }) else { return nil }
    return LogicalTable(line: headerStart + 1, columnHeaders: columnHeaders, headerContext: context, rows: rows)
  }

  /// Whether a line of label text goes on from the one above: it is empty, starts in lower
  /// case, is indented further, or the line above ends in a comma or a joining word.
  static func continues(_ pending: String, pendingIndent: Int, next: String, nextIndent: Int) -> Bool {
    if next.isEmpty { return true }
    if next.unicodeScalars.first.map({ $0.properties.isLowercase }) ?? false { return true }
    if pending.hasSuffix(",") || pending.hasSuffix(" and") || pending.hasSuffix(" of") || pending.hasSuffix(" or")
      || pending.hasSuffix(" in") || pending.hasSuffix(" for") || pending.hasSuffix(" from")
    {
      return true
    }
    return nextIndent > pendingIndent
  }

  /// A header line has words over the value columns.
  static func headerLikeText(_ line: Substring, zones: [(start: Int, end: Int)]) -> Bool {
    tokens(line).contains { $0.end > zones[0].start + 1 }
  }

  /// Gives each group of words (split at two or more spaces) to the columns it sits over.
  static func headerGroups(
    _ line: Substring, zones: [(start: Int, end: Int)], columns: [(start: Int, end: Int)], segments: [Token] = [],
    headers: inout [[String]], context: inout [String], spreading: inout [Token]
  ) {
    var groups: [Token] = []
    for token in tokens(line) {
      if let last = groups.last, token.start - last.end < 2 {
        groups[groups.count - 1] = Token(start: last.start, end: token.end, text: last.text + " " + token.text)
      } else {
        groups.append(token)
      }
    }
    // "Jun 30, Mar 31, Jun 30," set one space apart: one date a column, not one heading.
    groups = groups.flatMap { splitDates($0, line: line) }
    for var group in groups {
      if group.start >= zones[0].start - 1, group.text.has(" ") {
        // A rule across the whole table (labels too) underlines no heading in particular.
        for segment in segments
        where min(segment.end, group.end) > max(segment.start, group.start) && segment.start >= zones[0].start - 3 {
          group.start = min(group.start, segment.start)
          group.end = max(group.end, segment.end)
        }
      }
      if group.start < zones[0].start - 1 {
        context.append(group.text)
        continue
      }
      let length = group.end - group.start
      let spanning = group.text.has(" ")
      // A centred heading over several columns ("13 Weeks Ended") covers each column whose
      // figures' centre sits under it; only a heading that covers no centre goes by overlap.
      func covers(_ k: Int) -> Bool {
        let center = (columns[k].start + columns[k].end) / 2
        return spanning && center >= group.start - 2 && center <= group.end + 2
      }
      let coversAny = zones.indices.contains(where: covers)
      for (k, zone) in zones.enumerated() {
        let overlap = min(group.end, zone.end) - max(group.start, zone.start)
        let zoneLength = min(zone.end, group.end + 40) - zone.start
        if coversAny ? covers(k) : (overlap > 0 && overlap * 2 >= min(length, zoneLength)) {
          headers[k].append(group.text)
        }
      }
      if spanning && GridLayout.spreadsRight(group.text) { spreading.append(group) }
    }
  }

  /// A centred period heading ("Year Ended December 31,") over three years reaches the column
  /// just past its end too: a column whose headings name no period length takes the period
  /// heading beside it (decided once all header lines are read).
  static func spreadHeadings(_ spreading: [Token], columns: [(start: Int, end: Int)], headers: inout [[String]]) {
    // "June 30," centred over its two years sits over one of them: a column with a year but no
    // month and day takes them from its neighbour under the same period heading.
    func words(_ texts: [String]) -> [String] {
      TextTools.splitOnSpaces(TextTools.normalize(texts.joined(separator: " "))).map(String.init)
    }
    let original = headers
    // A column headed by its year alone, beside one headed "Three Months Ended / June 30, /
    // 2004": the centred headings over the pair sit over one of them. It takes the headings of
    // the neighbour under the period heading nearest to it.
    for k in columns.indices where !original[k].isEmpty && original[k].allSatisfy({ CellReader.isYearHeading($0) }) {
      guard let nearest = spreading.min(by: { gap($0, columns[k]) < gap($1, columns[k]) }),
        gap(nearest, columns[k]) <= 8
      else { continue }
      for n in [k - 1, k + 1] where n >= 0 && n < columns.count && original[n].contains(nearest.text) {
        headers[k] = original[n].filter { !CellReader.isYearHeading($0) } + original[k]
        break
      }
    }
    for k in columns.indices where PeriodHeaders.monthDay(words(headers[k])) == nil {
      guard headers[k].contains(where: { CellReader.year(in: $0) != nil }) else { continue }
      for n in [k - 1, k + 1] where n >= 0 && n < columns.count {
        guard let dated = original[n].first(where: { PeriodHeaders.monthDay(words([$0])) != nil }),
          PeriodHeaders.length(words(original[n])) == PeriodHeaders.length(words(headers[k]))
        else { continue }
        // Before the year, so "June 30, 2005" reads in order.
        let yearAt = headers[k].firstIndex { CellReader.year(in: $0) != nil } ?? headers[k].count
        headers[k].insert(dated, at: yearAt)
        break
      }
    }
    for k in columns.indices {
      let words = TextTools.splitOnSpaces(TextTools.normalize(headers[k].joined(separator: " "))).map(String.init)
      guard PeriodHeaders.length(words) == nil else { continue }
      let nearest = spreading.min { a, b in gap(a, columns[k]) < gap(b, columns[k]) }
      if let nearest, gap(nearest, columns[k]) <= 4 { headers[k].insert(nearest.text, at: 0) }
    }
  }

  /// A group of two or more "Month Day," units split into one token per unit, with its columns.
  static func splitDates(_ group: Token, line: Substring) -> [Token] {
    let words = tokens(line).filter { $0.start >= group.start && $0.end <= group.end }
    var units: [Token] = []
    var k = 0
    while k < words.count {
      let lower = TextTools.lowercasedASCII(words[k].text).filter { $0.isLetter }
      guard k + 1 < words.count, PeriodHeaders.monthNumber(lower) != nil,
        let day = Int(words[k + 1].text.filter(\.isNumber)), (1...31).contains(day)
      else { return [group] }
      var end = k + 2
      // A year may follow: "Jun 30, 2003".
      if end < words.count, CellReader.isYearHeading(words[end].text) { end += 1 }
      units.append(
        Token(
          start: words[k].start, end: words[end - 1].end,
          text: words[k..<end].map(\.text).joined(separator: " ")))
      k = end
    }
    return units.count >= 2 ? units : [group]
  }

  static func gap(_ group: Token, _ column: (start: Int, end: Int)) -> Int {
    max(0, max(group.start - column.end, column.start - group.end))
  }
}
