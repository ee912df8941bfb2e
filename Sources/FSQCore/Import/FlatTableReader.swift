// MARK: - Tables flattened onto one line (newswire copies)

/// Newswire copies of releases often lose a table's line breaks: a whole statement arrives as
/// one line, "For the Three Months Ended September 30, … 2024 2023 Revenue $ 4,686,312 $
/// 5,348,469 Cost of revenue 1,402,920 1,362,555 …", with a figure sometimes glued to the next
/// label ("6,042,986Marketable securities"). Such a line is read back into rows and columns
/// only where the layout leaves no doubt: a run of year headings (or dates) fixes the number of
/// columns N, and every row is a label followed by exactly N figures. A row whose figures do
/// not fill the columns is left out (said in the import report), never placed by guess.
enum FlatTableReader {
  /// A word of the flattened line; `gapBefore` is the number of spaces printed before it.
  struct Word {
    var text: String
    var gapBefore: Int
    /// The source line the word was printed on.
    var line: Int = 0
  }

  /// Whether a line may be a flattened table: long, with many grouped figures.
  static func mayBeFlattened(_ line: Substring) -> Bool {
    guard line.utf8.count >= 160 else { return false }
    var groups = 0
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in line.utf8 {
      // ",ddd" after a digit: a thousands group.
      if byte >= 0x30 && byte <= 0x39 && previous == UInt8(ascii: ",") && beforePrevious >= 0x30
        && beforePrevious <= 0x39
      {
        groups += 1
        if groups >= 8 { return true }
      }
      beforePrevious = previous
      previous = byte
    }
    return false
  }

  /// The tables in one line, in order, and the text between them. Nil when the line holds no
  /// table that reads without doubt (it stays text).
  static func read(_ line: Substring, lineNumber: Int) -> [DocumentBlock]? {
    var words = split(line)
    for k in words.indices { words[k].line = lineNumber }
    return read(words: words, stacked: false)
  }

  /// The same reading for a table printed one cell a line (a web page copied as text): the
  /// lines are read as one stream of cells.
  static func read(stackedLines lines: [(text: Substring, line: Int)]) -> [DocumentBlock]? {
    var words: [Word] = []
    for (text, number) in lines {
      var lineWords = split(text)
      for k in lineWords.indices {
        lineWords[k].line = number
        if k == 0 { lineWords[k].gapBefore = 2 }
      }
      words += lineWords
    }
    return read(words: words, stacked: true)
  }

  /// Whether lines look like cells printed one a line: many lines hold a single figure and
  /// nothing else, and two lines in a row are years (the column headings).
  static func looksStacked(_ lines: ArraySlice<Substring>) -> Bool {
    guard lines.count >= 15 else { return false }
    // A cheap count on the bytes first: lines of one token holding a digit (fixed-width text,
    // whose lines are short too, has few).
    var candidates = 0
    for line in lines {
      var digit = false
      var words = 0
      var inWord = false
      for byte in line.utf8 {
        // "$ 1,234" is one cell: `$` counts as a space.
        let space = byte == 0x20 || byte == 0x09 || byte == 0xC2 || byte == 0xA0 || byte == 0x24
        if !space && !inWord { words += 1 }
        inWord = !space
        if byte >= 0x30 && byte <= 0x39 { digit = true }
      }
      if words == 1 && digit { candidates += 1 }
    }
    guard candidates * 100 >= lines.count * 35 else { return false }
    var single = 0
    var yearPair = false
    var previousYear = false
    for line in lines {
      let words = split(line)
      let isYearLine = words.count == 1 && isYear(words[0].text)
      if isYearLine && previousYear { yearPair = true }
      previousYear = isYearLine
      if words.count == 1, isFigure(words[0].text) { single += 1 }
    }
    return yearPair && single * 100 >= lines.count * 35
  }

  static func read(words: [Word], stacked: Bool) -> [DocumentBlock]? {
    guard words.count >= 6 else { return nil }
    var blocks: [DocumentBlock] = []
    var index = 0
    var textStart = 0
    var found = false
    func emitText(_ range: Range<Int>) {
      guard !range.isEmpty else { return }
      if stacked {
        // One text block a source line, so titles just above a table stay short lines.
        var k = range.lowerBound
        while k < range.upperBound {
          let line = words[k].line
          var end = k
          while end < range.upperBound, words[end].line == line { end += 1 }
          blocks.append(.text(TextBlock(text: words[k..<end].map(\.text).joined(separator: " "), line: line)))
          k = end
        }
      } else {
        let text = words[range].map(\.text).joined(separator: " ")
        if !text.isEmpty { blocks.append(.text(TextBlock(text: text, line: words[range.lowerBound].line))) }
      }
    }
    while index < words.count {
      guard let (header, length) = headerRun(words, at: index) else {
        index += 1
        continue
      }
      guard let (table, end) = table(words, headerAt: index, header: header, length: length, textStart: textStart)
      else {
        index += length
        continue
      }
      // The words before the header (a title, a period heading) are the table's context.
      if stacked { emitText(textStart..<max(textStart, index - 30)) }
      found = true
      blocks.append(.table(table))
      index = end
      textStart = end
    }
    guard found else { return nil }
    emitText(textStart..<words.count)
    return blocks
  }

  /// A run of column headings at `index`: two or more years ("2024 2023 2024 2023") or dates
  /// ("31-Dec-24 31-Dec-23"), with the end dates they name when they are dates.
  static func headerRun(_ words: [Word], at index: Int) -> (headers: [String], length: Int)? {
    var run: [String] = []
    var k = index
    // "June 30, 2024 June 30, 2023": dates printed in full.
    while k + 2 < words.count, run.count < 16,
      PeriodHeaders.monthNumber(TextTools.lowercasedASCII(words[k].text).filter { $0.isLetter }) != nil,
      let day = Int(words[k + 1].text.filter(\.isNumber)), (1...31).contains(day), words[k + 1].text.utf8.count <= 3,
      isYear(words[k + 2].text)
    {
      run.append("\(words[k].text) \(words[k + 1].text) \(words[k + 2].text)")
      k += 3
    }
    if run.count >= 2, k < words.count, !isFigure(words[k].text) { return (run, k - index) }
    run.removeAll()
    k = index
    while k < words.count, run.count < 16 {
      let text = words[k].text
      // "2024 to 2023" heads a change column, not a period.
      let ranged =
        k + 1 < words.count && rangeWords.contains(words[k + 1].text.lowercased())
      if text.utf8.count == 4, let year = Int(text), (1900...2099).contains(year), !ranged {
        run.append(text)
      } else if let date = dayMonthYear(text) {
        run.append(date)
      } else {
        break
      }
      k += 1
    }
    // A run must be followed by something that is not a figure (a label or a heading).
    let rangeFollows =
      k + 1 < words.count && rangeWords.contains(words[k + 1].text.lowercased())
    guard run.count >= 2, k < words.count, !isFigure(words[k].text) || rangeFollows else { return nil }
    if index > 0, isFigure(words[index - 1].text), !isYear(words[index - 1].text), !endsMonthDay(words, at: index - 1) {
      return nil
    }
    return (run, run.count)
  }

  /// "As of June, 30" before the years: the figure before them is the day of a month.
  static func endsMonthDay(_ words: [Word], at index: Int) -> Bool {
    guard index > 0, let day = Int(words[index].text), (1...31).contains(day) else { return false }
    let month = TextTools.lowercasedASCII(words[index - 1].text).filter { $0.isLetter }
    return PeriodHeaders.monthNumber(month) != nil
  }

  /// Words that make a year the start of a range ("2024 to 2023"): a change column's heading.
  static let rangeWords: Set<String> = ["to", "vs", "vs.", "versus", "over"]

  static func isYear(_ text: String) -> Bool {
    text.utf8.count == 4 && Int(text).map { (1900...2099).contains($0) } == true
  }

  /// "31-Dec-24" → "December 31, 2024".
  static func dayMonthYear(_ text: String) -> String? {
    guard text.utf8.count <= 11, text.utf8.contains(UInt8(ascii: "-")) else { return nil }
    let parts = text.split(separator: "-")
    guard parts.count == 3, let day = Int(parts[0]), (1...31).contains(day),
      let month = PeriodHeaders.monthNumber(TextTools.lowercasedASCII(String(parts[1]))), let yy = Int(parts[2])
    else { return nil }
    let year = parts[2].utf8.count == 2 ? (yy < 70 ? 2000 + yy : 1900 + yy) : yy
    guard (1900...2099).contains(year) else { return nil }
    return "\(CivilDate.monthNames[month - 1]) \(day), \(year)"
  }

  /// A figure cell: `$4,686,312`, `(0.01)`, `-`, `—`, `12.5%`; not a year.
  static func isFigure(_ text: String) -> Bool {
    if text.hasSuffix(",") { return false }
    if text == "-" || text == "—" || text == "–" || text == "$—" || text == "$-" { return true }
    guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    if case .number = CellReader.read(text) {
      return text.utf8.allSatisfy {
        ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".")
          || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "$")
          || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "%")
      }
    }
    return false
  }

  /// A figure that is an amount (grouped thousands or decimals), not a word-like number or a
  /// dash (which may be punctuation in a label: "per share - basic").
  static func isAmount(_ text: String) -> Bool {
    isFigure(text) && (text.has(",") || text.has(".") || text.has("(") || text.has("$"))
      && text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
  }

  /// Reads the table whose header run starts at `start`; returns it and the index after it.
  static func table(_ words: [Word], headerAt start: Int, header: [String], length: Int, textStart: Int)
    -> (LogicalTable, Int)?
  {
    let line = words[start].line
    let n = header.count
    // Period phrases before the header: "For the Three Months Ended September 30," twice.
    // Only the words just before the header can head the columns or title the table.
    let before = Array(words[max(textStart, start - 30)..<start])
    let phrases = periodPhrases(before.map(\.text))
    var columnHeaders = [[String]](repeating: [], count: n)
    if !phrases.isEmpty, n % phrases.count == 0 {
      let span = n / phrases.count
      for k in 0..<n { columnHeaders[k].append(phrases[k / span]) }
    }
    for k in 0..<n { columnHeaders[k].append(header[k]) }
    let titleWords = phrases.isEmpty ? before : Array(before.prefix(phraseStart(before.map(\.text)) ?? before.count))
    let context = [titleWords.map(\.text).joined(separator: " ")].filter { !$0.isEmpty }

    // Change columns headed after the years ("2024 to 2023 … % Change % Change"): counted up
    // to the first figure.
    var changeColumns = 0
    var probe = start + length
    while probe < words.count, !isAmount(words[probe].text) {
      if words[probe].text.lowercased() == "change" { changeColumns += 1 }
      probe += 1
    }
    // Rows: label words, then exactly n figures.
    var rows: [LogicalRow] = []
    var label: [Word] = []
    var index = start + length
    var goodRows = 0
    var badRuns = 0
    var leftOut: [(label: String, figures: String)] = []
    while index < words.count {
      if headerRun(words, at: index) != nil, goodRows > 0 { break }
      guard isFigure(words[index].text) else {
        label.append(words[index])
        index += 1
        continue
      }
      var figures: [String] = []
      var k = index
      while k < words.count, isFigure(words[k].text) {
        // "$" printed apart was folded into the figure by `split`.
        figures.append(words[k].text)
        k += 1
      }
      if figures.count == n + changeColumns, changeColumns > 0 {
        // The change columns after the periods ("% Change" headings): their figures are not
        // periods' and are left out.
        rows += labelledRows(label, figures: Array(figures.prefix(n)), line: label.first?.line ?? words[index].line)
        goodRows += 1
        label.removeAll()
      } else if figures.count == n, isYear(figures[0]), label.count >= 2,
        label[label.count - 1].text.hasSuffix(","),
        endsMonthDay(
          [label[label.count - 2], Word(text: String(label[label.count - 1].text.dropLast()), gapBefore: 0)], at: 1)
      {
        // "… as of December 31, 2023  -" with one figure lost: the year ends the label's date,
        // and the row's figures are not all there. Left out rather than read with the year.
        badRuns += 1
        leftOut.append((label.map(\.text).joined(separator: " "), figures.joined(separator: " ")))
        label.removeAll()
        if badRuns > goodRows + 2 { break }
      } else if figures.count == n {
        rows += labelledRows(label, figures: figures, line: label.first?.line ?? words[index].line)
        goodRows += 1
        label.removeAll()
      } else if figures.count > n, figures.prefix(figures.count - n).allSatisfy({ !isAmount($0) }) {
        // Numbers that belong to the label ("Notes due 2025 1,234 5,678").
        label += words[index..<(k - n)]
        rows += labelledRows(label, figures: Array(figures.suffix(n)), line: label.first?.line ?? words[index].line)
        goodRows += 1
        label.removeAll()
      } else if figures.allSatisfy({ !isAmount($0) }) {
        // Plain numbers inside a label ("0 issued and outstanding").
        label += words[index..<k]
      } else {
        // Amounts that do not fill the columns: which columns they belong to is not known.
        // The row is left out rather than guessed, and so is its label.
        badRuns += 1
        leftOut.append((label.map(\.text).joined(separator: " "), figures.joined(separator: " ")))
        label.removeAll()
        if badRuns > goodRows + 2 { break }
      }
      index = k
    }
    guard goodRows >= 3, goodRows > badRuns * 2 else { return nil }
    // Trailing label words after the last row are text, not part of the table.
    let end = index - label.count
    var table = LogicalTable(line: line, columnHeaders: columnHeaders, headerContext: context, rows: rows)
    table.flattened = true
    table.leftOut = leftOut
    return (table, end)
  }

  /// Splits a label run at wide gaps and colons: the last part labels the figures, the parts
  /// before it are headings ("Costs and Expenses:  Cost of revenue").
  static func labelledRows(_ words: [Word], figures: [String], line: Int) -> [LogicalRow] {
    var parts: [[String]] = [[]]
    for (k, word) in words.enumerated() {
      if k > 0, word.gapBefore >= 2 || words[k - 1].text.hasSuffix(":"), !parts[parts.count - 1].isEmpty {
        parts.append([])
      }
      parts[parts.count - 1].append(word.text)
    }
    var rows: [LogicalRow] = []
    let texts = parts.map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
    for heading in texts.dropLast() where heading.utf8.contains(where: { $0 >= 0x41 }) {
      rows.append(LogicalRow(label: heading, values: [String](repeating: "", count: figures.count), line: line))
    }
    rows.append(LogicalRow(label: texts.last ?? "", values: figures, line: line))
    return rows
  }

  /// "For the Three Months Ended September 30," … : the phrases that end in a month and day.
  /// A phrase starts at a period word ("Three", "Quarter", "Year", "As") or the month itself,
  /// and is at most eight words long: prose before the table is never a column heading.
  static func periodPhrases(_ words: [String]) -> [String] {
    var phrases: [String] = []
    var current: [String] = []
    for (k, word) in words.enumerated() {
      let lower = TextTools.lowercasedASCII(word).filter { $0.isLetter }
      if current.isEmpty {
        guard phraseStarters.contains(lower) || PeriodHeaders.monthNumber(lower) != nil else { continue }
      }
      current.append(word)
      if current.count > 8 {
        current.removeAll()
        continue
      }
      let isDay = Int(word.filter(\.isNumber)).map { (1...31).contains($0) } == true && word.utf8.count <= 3
      if isDay, k > 0, PeriodHeaders.monthNumber(TextTools.lowercasedASCII(words[k - 1]).filter { $0.isLetter }) != nil
      {
        phrases.append(current.joined(separator: " "))
        current.removeAll()
      }
    }
    return phrases
  }

  static let phraseStarters: Set<String> = [
    "three", "six", "nine", "twelve", "thirteen", "twentysix", "thirtynine", "fiftytwo", "quarter", "year", "years",
    "months", "weeks", "as", "fiscal",
  ]

  /// Where the first period phrase starts among the words before a header.
  static func phraseStart(_ words: [String]) -> Int? {
    words.firstIndex { word in
      let lower = TextTools.lowercasedASCII(word).filter { $0.isLetter }
      return phraseStarters.contains(lower) || PeriodHeaders.monthNumber(lower) != nil
    }
  }

  /// Words of the line, split at spaces (no-break spaces too) and where a figure is glued to a
  /// label ("6,042,986Marketable", "Revenue$", "assets95,207,871", "(5,076,366 )").
  static func split(_ line: Substring) -> [Word] {
    var words: [Word] = []
    var current = ""
    var gap = 0
    func flush() {
      if !current.isEmpty { words.append(Word(text: current, gapBefore: gap)) }
      current = ""
      gap = 0
    }
    for scalar in line.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{2009}" || scalar == "\u{202F}" {
        flush()
        gap += 1
        continue
      }
      if let last = current.unicodeScalars.last {
        let isLetter = scalar.properties.isAlphabetic
        let lastIsFigureEnd = ("0"..."9").contains(last) || last == ")" || last == "%"
        // A figure followed by a letter ("6,042,986Marketable", ")Interest"), and anything
        // followed by "$" ("Revenue$", ")$").
        if (lastIsFigureEnd && (isLetter || scalar == "(") && (current == ")" || isFigure(current)))
          || scalar == "$"
        {
          flush()
        } else if current == "-" || current == "—" || current == "–", scalar.properties.isUppercase,
          let previous = words.last, isFigure(previous.text)
        {
          // A dash for zero glued to the next label ("2023  -  -Common Stock"), after a figure.
          flush()
        }
      }
      current.unicodeScalars.append(scalar)
    }
    flush()
    // Second pass: "assets95,207,871" → "assets", "95,207,871"; "$" alone joins the next
    // figure; a lone ")" joins the figure before it.
    var result: [Word] = []
    for word in words {
      for (k, piece) in splitGlued(word.text).enumerated() {
        result.append(Word(text: piece, gapBefore: k == 0 ? word.gapBefore : 0, line: word.line))
      }
    }
    // A lone ")" or "%" joins the figure before it: "(5,076,366 )".
    var closed: [Word] = []
    for word in result {
      if word.text == ")" || word.text == "%", let last = closed.last,
        last.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
      {
        closed[closed.count - 1].text += word.text
        continue
      }
      closed.append(word)
    }
    // "$" printed apart joins the figure after it.
    var merged: [Word] = []
    var k = 0
    while k < closed.count {
      var word = closed[k]
      if word.text == "$", k + 1 < closed.count, isFigure(closed[k + 1].text) {
        word = Word(text: "$" + closed[k + 1].text, gapBefore: word.gapBefore, line: word.line)
        k += 1
      }
      merged.append(word)
      k += 1
    }
    return merged
  }

  /// "assets95,207,871" → ["assets", "95,207,871"]: letters then a grouped figure.
  static func splitGlued(_ text: String) -> [String] {
    // "31,2024": a day and a year that lost the space between them.
    let bytes = Array(text.utf8)
    if let comma = bytes.firstIndex(of: UInt8(ascii: ",")), (1...2).contains(comma), bytes.count == comma + 5,
      bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ",") }), isYear(String(text.suffix(4)))
    {
      return [String(text.prefix(comma + 1)), String(text.suffix(4))]
    }
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.firstIndex(where: { ("0"..."9").contains($0) }), first > 0,
      scalars[first - 1].properties.isAlphabetic
    else { return [text] }
    let tail = String(String.UnicodeScalarView(scalars[first...]))
    guard tail.has(","), isFigure(tail) else { return [text] }
    return [String(String.UnicodeScalarView(scalars[..<first])), tail]
  }
}
