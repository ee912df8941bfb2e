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
          pendingLabel = (PlainTextReader.join(pending.text, text), pending.line, pending.indent)
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
        // A figure one space from its label ("Cash flow from operations 5,701    8,550"): the
        // label's last word is a figure standing in the first column, which is otherwise empty.
        if values[0].isEmpty, let glued = tokens(line).last(where: { $0.end <= (f.figures.first?.start ?? 0) }),
          glued.end > columns[0].start, PlainTextReader.isFigureToken(glued.text),
          CellReader.isYearHeading(glued.text) == false, label.hasSuffix(glued.text), label.count > glued.text.count,
          glued.text.contains(")") == glued.text.contains("(")
        {
          values[0] = glued.text
          label = String(label.dropLast(glued.text.count).reversed().drop { $0 == " " }.reversed())
        }
        var lineNumber = n + 1
        var indent = f.labelStart
        if let pending = pendingLabel {
          // "Earnings per share" over "   Basic  0.06" and "   Fully diluted  0.06": when the
          // next row of figures starts at this row's indent, the line above heads them both.
          let heads =
            f.labelStart > pending.indent && !label.isEmpty
            && PlainTextReader.nextFigureLineStarts(at: f.labelStart, after: n, lines: lines, kinds: kinds, end: end)
          let continues =
            !heads
            && PlainTextReader.continues(
              pending.text, pendingIndent: pending.indent, next: label, nextIndent: f.labelStart)
          if continues && !pending.text.hasSuffix(":") {
            label = label.isEmpty ? pending.text : PlainTextReader.join(pending.text, label)
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
    // A heading in capitals ("ASSETS", "LIABILITIES") over an indented line in mixed case
    // ("   Cash and cash equivalents") heads it; it is not the first half of its label.
    if isCapitals(pending), next.unicodeScalars.contains(where: { $0.properties.isLowercase }) { return false }
    if next.unicodeScalars.first.map({ $0.properties.isLowercase }) ?? false { return true }
    if pending.hasSuffix(",") || pending.hasSuffix(";") || pending.hasSuffix(" and") || pending.hasSuffix(" of")
      || pending.hasSuffix(" or")
      || pending.hasSuffix(" in") || pending.hasSuffix(" for") || pending.hasSuffix(" from")
    {
      return true
    }
    return nextIndent > pendingIndent
  }

  /// Whether the next line of figures with a label, before `end` (blank lines aside, and no
  /// text line between), starts its label at `indent`: a sibling of the row at `line`.
  static func nextFigureLineStarts(at indent: Int, after line: Int, lines: [Substring], kinds: [LineKind], end: Int)
    -> Bool
  {
    var k = line + 1
    while k <= end {
      switch kinds[k] {
      case .blank: k += 1
      case .figures(let f): return !f.label.isEmpty && f.labelStart == indent
      // A sibling whose label wraps ("  Royalties and" / "  severance taxes   12").
      case .text: return lines[k].utf8.prefix { $0 == 0x20 }.count == indent
      default: return false
      }
    }
    return false
  }

  /// Letters, all of them capitals ("STOCKHOLDERS' EQUITY").
  static func isCapitals(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isUppercase }
      && !text.unicodeScalars.contains { $0.properties.isLowercase }
  }

  /// Two lines of one label: a word broken with a hyphen at the end of the first ("liabili-" /
  /// "ties", "stock-" / "holders' equity") is joined without the space.
  static func join(_ first: String, _ second: String) -> String {
    let u = Array(first.utf8)
    if u.count >= 2, u[u.count - 1] == UInt8(ascii: "-"), (u[u.count - 2] | 0x20) >= 0x61,
      (u[u.count - 2] | 0x20) <= 0x7A,
      let next = second.utf8.first, next >= 0x61, next <= 0x7A
    {
      return first + second
    }
    return first + " " + second
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
    var members: [[Token]] = []  // the words of each group, so no group reads the line again
    for token in tokens(line) {
      if let last = groups.last, token.start - last.end < 2 {
        groups[groups.count - 1] = Token(start: last.start, end: token.end, text: last.text + " " + token.text)
        members[members.count - 1].append(token)
      } else {
        groups.append(token)
        members.append([token])
      }
    }
    // "Jun 30, Mar 31, Jun 30," set one space apart: one date a column, not one heading.
    groups = zip(groups, members).flatMap { splitDates($0, words: $1) }
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
  static func splitDates(_ group: Token, words: [Token]) -> [Token] {
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
