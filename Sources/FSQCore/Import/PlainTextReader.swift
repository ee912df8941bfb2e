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
    PlainTextReader.unmarkLabelNumbers(&kinds)

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
          // A label of a balance sheet's equity wraps further in a narrow column ("Common stock, /
          // $1.00 par / value; / 30,000,000 / shares / authorized; …"): a run of very short lines.
          while !nearData, ahead < min(lines.count, j + 16), case .text = kinds[ahead],
            ahead < j + 5 ? lines[ahead].utf8.count <= 80 : PlainTextReader.isWrappedLabelWord(lines[ahead])
          {
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
    // Figures are the run of figure-like words at the end (at most 40 columns). A telephone
    // number ends the run: its area code "(408)" is not a negative figure, nor "435-0800" one.
    let telephone = telephoneTokens(words)
    var split = words.count
    while split > 0, words.count - split < 40, !telephone.contains(split - 1), isFigureToken(words[split - 1].text) {
      split -= 1
    }
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
    // A caption alone on its line ("(000's)", "($000)") is a caption, not a figure.
    if words.isEmpty, merged.count == 1, ScaleCaption.read(merged[0].text) != nil { return .text }
    let allYears = merged.allSatisfy { CellReader.isYearHeading($0.text) }
    var label = words.map(\.text).joined(separator: " ")
    // Dotted leaders: "Net sales ........" or "Net sales. . . ."
    // A dot after a space is a leader too ("net ."), never the end of a sentence.
    let tail = label.reversed().prefix { $0 == "." || $0 == " " }
    if tail.filter({ $0 == "." }).count >= 2 || tail.contains(" ") { label.removeLast(tail.count) }
    let labelStart = words.first?.start ?? merged[0].start
    return .figures(FigureLine(label: label, labelStart: labelStart, figures: merged, allYears: allYears))
  }

  /// The words of a line that print a telephone number ("(408) 435-0800", "408-435-0800",
  /// "408.435.0800", "1-800-555-0199", "(408) 435 0800"), as a page footer or a contact line
  /// does: never figures. A figure has no hyphen between its digits, and no two dots.
  static func telephoneTokens(_ words: [Token]) -> Set<Int> {
    let hyphen = UInt8(ascii: "-")
    let dot = UInt8(ascii: ".")
    /// Runs of digits of the given lengths, joined by one `separator` each.
    func groups(_ text: ArraySlice<UInt8>, _ sizes: [Int], _ separator: UInt8) -> Bool {
      let parts = text.split(separator: separator, omittingEmptySubsequences: false)
      return parts.count == sizes.count
        && zip(parts, sizes).allSatisfy { part, size in part.count == size && part.allSatisfy(isDigit) }
    }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    /// "(408)": an area code in parentheses.
    func areaCode(_ u: ArraySlice<UInt8>) -> Bool {
      u.count == 5 && u.first == UInt8(ascii: "(") && u.last == UInt8(ascii: ")")
        && u.dropFirst().prefix(3).allSatisfy(isDigit)
    }
    func digits(_ text: String, _ count: Int) -> Bool { text.utf8.count == count && text.utf8.allSatisfy(isDigit) }
    var marked = Set<Int>()
    for (k, word) in words.enumerated() {
      // Only a word with a separator or a parenthesis can be (part of) a number.
      guard word.text.utf8.contains(where: { $0 == hyphen || $0 == dot || $0 == UInt8(ascii: "(") }) else { continue }
      let u = Array(word.text.utf8)[...]
      var body = u
      if body.first == UInt8(ascii: "+") { body = body.dropFirst() }
      // A whole number in one word: "408-435-0800", "1-800-555-0199", "(408)435-0800".
      let whole =
        [hyphen, dot].contains { groups(body, [3, 3, 4], $0) || groups(body, [1, 3, 3, 4], $0) }
        || (body.count > 5 && areaCode(body.prefix(5)) && groups(body.dropFirst(5), [3, 4], hyphen))
      if whole {
        marked.insert(k)
        continue
      }
      // A local number "435-0800", and the area code one space before it.
      if groups(body, [3, 4], hyphen) {
        marked.insert(k)
        if k > 0, word.start - words[k - 1].end == 1, areaCode(Array(words[k - 1].text.utf8)[...]) {
          marked.insert(k - 1)
        }
        continue
      }
      // "(408) 435 0800": an area code, then three and four digits, one space apart.
      if areaCode(u), k + 2 < words.count, digits(words[k + 1].text, 3), digits(words[k + 2].text, 4),
        words[k + 1].start - word.end == 1, words[k + 2].start - words[k + 1].end == 1
      {
        marked.formUnion([k, k + 1, k + 2])
      }
    }
    return marked
  }

  /// A number alone on a line, left of where the labelled lines around it print their figures,
  /// is a word of a wrapped label ("Serial preferred stock, $1.00 par value; / 10,000,000 /
  /// shares authorized"), not a row: read as a figure it made a column of the label area, and
  /// every label line above it a column header.
  static func unmarkLabelNumbers(_ kinds: inout [LineKind]) {
    // Where each labelled line of figures prints its first figure.
    let starts: [Int?] = kinds.map { kind in
      guard case .figures(let f) = kind, !f.label.isEmpty, !f.allYears else { return nil }
      return f.figures.first?.start
    }
    func isText(_ k: Int) -> Bool {
      if case .text = kinds[k] { return true }
      return false
    }
    for n in kinds.indices.dropFirst().dropLast() {
      // Indented, between two lines of words (cells stacked one a line start in column 0).
      guard case .figures(let f) = kinds[n], f.label.isEmpty, !f.allYears, let last = f.figures.last,
        f.labelStart > 0, isText(n - 1), isText(n + 1)
      else { continue }
      var nearest = Int.max
      if let k = stride(from: n - 1, through: max(0, n - 40), by: -1).first(where: { starts[$0] != nil }) {
        nearest = starts[k]!
      }
      if let k = (n + 1..<min(kinds.count, n + 41)).first(where: { starts[$0] != nil }) {
        nearest = min(nearest, starts[k]!)
      }
      if nearest != Int.max, last.end + 2 < nearest { kinds[n] = .text }
    }
  }

  /// A few words indented in a narrow label column: a piece of a label wrapped over many lines.
  static func isWrappedLabelWord(_ line: Substring) -> Bool {
    line.utf8.prefix(2).allSatisfy { $0 == 0x20 } && TextTools.collapseSpaces(line).utf8.count <= 24
  }
}
