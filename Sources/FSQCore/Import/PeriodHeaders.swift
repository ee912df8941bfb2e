// MARK: - Column headers → periods

/// A column's header read as a period, or as a change / percent-of-total column.
struct ColumnReading {
  var header: String
  var kind: ColumnKind
  var period: ResolvedPeriod?
}

/// A period length as printed: "Three Months", "13 Weeks", "Year".
enum PeriodLength: Equatable {
  case months(Int)
  case weeks(Int)

  /// The period ending on `end`: 3 months to 2009-09-30 starts 2009-07-01; 13 weeks to
  /// 2004-07-03 start 2004-04-04.
  func period(ending end: CivilDate) -> ResolvedPeriod {
    switch self {
    case .months(let n): ResolvedPeriod(start: end.adding(months: -n).adding(days: 1), end: end)
    case .weeks(let n): ResolvedPeriod(start: end.adding(days: -(7 * n - 1)), end: end)
    }
  }
}

enum PeriodHeaders {
  static let numberWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "sixteen": 16, "twenty": 20,
    "twentysix": 26, "twenty six": 26, "thirtynine": 39, "thirty nine": 39, "fiftytwo": 52, "fifty two": 52,
    "fiftythree": 53, "fifty three": 53, "fourteenweeks": 14,
  ]

  static func read(headers: [String], context: [String], statement: StatementKind) -> ColumnReading {
    var context = Context(context)
    return read(headers: headers, context: &context, statement: statement)
  }

  /// What the table's context says, read once for all of its columns, and only when a column
  /// asks: its words, and the period length, full dates and first month and day in them.
  struct Context {
    let texts: [String]
    private var readWords: [String]? = nil
    private var readLength: PeriodLength?? = nil
    private var readFullDates: [(year: Int, month: Int, day: Int)]? = nil
    private var readMonthDay: (Int, Int)?? = nil

    init(_ texts: [String]) { self.texts = texts }

    mutating func words() -> [String] {
      if let readWords { return readWords }
      let words = TextTools.splitOnSpaces(TextTools.normalize(texts.joined(separator: " "))).map(String.init)
      readWords = words
      return words
    }

    mutating func length() -> PeriodLength? {
      if let readLength { return readLength }
      let length = PeriodHeaders.length(words())
      readLength = .some(length)
      return length
    }

    mutating func fullDates() -> [(year: Int, month: Int, day: Int)] {
      if let readFullDates { return readFullDates }
      let dates = PeriodHeaders.fullDates(words())
      readFullDates = dates
      return dates
    }

    mutating func monthDay() -> (Int, Int)? {
      if let readMonthDay { return readMonthDay }
      let monthDay = PeriodHeaders.monthDay(words())
      readMonthDay = .some(monthDay)
      return monthDay
    }
  }

  static func read(headers: [String], context: inout Context, statement: StatementKind) -> ColumnReading {
    let header = TextTools.collapseSpaces(Substring(headers.filter { !isNoise($0) }.joined(separator: " ")))
    let lower = TextTools.lowercasedASCII(header)
    let words = TextTools.splitOnSpaces(TextTools.normalize(header)).map(String.init)
    // Not periods: change and percent-of-total columns.
    let isPercent = lower.has("%") || words.has("percent") || words.has("pct")
    if lower.has("% of") || lower.has("percent of")
      || (isPercent && (words.has("revenues") || words.has("sales"))) && !words.has("change")
    {
      return ColumnReading(header: header, kind: .percentOfTotal, period: nil)
    }
    if words.has("change") || words.has("increase") || words.has("decrease") || words.has("variance")
      || words.has("inc") || words.has("chg") || words.has("growth")
    {
      return ColumnReading(header: header, kind: isPercent ? .percentChange : .change, period: nil)
    }
    // A column of figures as they were before a restatement: superseded, not the period's figure.
    if lower.has("previously reported") || lower.has("originally reported") || lower.has("as previously") {
      return ColumnReading(header: header, kind: .other, period: nil)
    }
    if header == "%" || (isPercent && words.count <= 1) {
      return ColumnReading(header: header, kind: .percentOfTotal, period: nil)
    }
    // "As of June 30, 2003" and balance-sheet columns are instants, whatever the context says.
    let asOf = zip(words, words.dropFirst()).contains { $0 == "as" && ($1 == "of" || $1 == "at") }
    let length = asOf || statement == .balanceSheet ? nil : self.length(words) ?? context.length()
    // A quarter code ("4Q21", "Q3 2009"): a quarter of the year, placed on the calendar here
    // and checked against the fiscal year once it is known (`assumesCalendar`).
    if let (quarter, year) = quarterCode(lower), !isPercent {
      let endMonth = quarter * 3
      let end = CivilDate(year: year, month: endMonth, day: CivilDate.daysIn(month: endMonth, year: year))!
      return ColumnReading(header: header, kind: .period, period: PeriodLength.months(3).period(ending: end))
    }
    let date = self.date(words, context: &context, length: length) ?? numericDate(lower)
    guard let end = date else {
      return ColumnReading(header: header, kind: .other, period: nil)
    }
    if let length {
      return ColumnReading(header: header, kind: .period, period: length.period(ending: end))
    }
    return ColumnReading(header: header, kind: .period, period: ResolvedPeriod(start: nil, end: end))
  }

  /// A heading placed on the calendar by assumption: a quarter code ("4Q21") or a year with no
  /// month ("Full Year 2021", "Year Ended 2021") read as ending December 31. Right only for a
  /// company whose year ends in December; the importer withholds such columns otherwise.
  static func assumesCalendar(_ header: String) -> Bool {
    let lower = TextTools.lowercasedASCII(header)
    if quarterCode(lower) != nil { return true }
    let words = TextTools.splitOnSpaces(TextTools.normalize(header)).map(String.init)
    return length(words) == .months(12) && monthDay(words) == nil && numericDate(lower) == nil
      && words.contains { CellReader.isYearHeading($0) }
  }

  /// "4q21", "4q 2021", "q4 2021", "q4'21", "q4 fy21" → (4, 2021); nil for anything else.
  static func quarterCode(_ lower: String) -> (Int, Int)? {
    // Cheap test first: a "q" next to a digit 1–4.
    var previous: UInt8 = 0
    var found = false
    for byte in lower.utf8 {
      if (byte == UInt8(ascii: "q") && previous >= 0x31 && previous <= 0x34)
        || (previous == UInt8(ascii: "q") && byte >= 0x31 && byte <= 0x34)
      {
        found = true
        break
      }
      previous = byte
    }
    guard found else { return nil }
    let words = TextTools.splitOnSpaces(String(lower.map { $0 == "'" ? " " : $0 }))
    guard words.count <= 3 else { return nil }
    func year(_ text: Substring) -> Int? {
      var digits = text
      if digits.hasPrefix("fy") { digits = digits.dropFirst(2) }
      guard digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
      if digits.count == 2 { return 2000 + value }
      return digits.count == 4 && (1990...2099).contains(value) ? value : nil
    }
    for (k, word) in words.enumerated() {
      let bytes = Array(word.utf8)
      // "4q21", "4q"
      if bytes.count >= 2, (0x31...0x34).contains(bytes[0]), bytes[1] == UInt8(ascii: "q") {
        let rest = word.dropFirst(2)
        if let y = rest.isEmpty ? (k + 1 < words.count ? year(words[k + 1]) : nil) : year(rest) {
          return (Int(bytes[0]) - 0x30, y)
        }
      }
      // "q4", "q4 2021", "q42021"
      if bytes.count >= 2, bytes[0] == UInt8(ascii: "q"), (0x31...0x34).contains(bytes[1]) {
        let rest = word.dropFirst(2)
        if let y = rest.isEmpty ? (k + 1 < words.count ? year(words[k + 1]) : nil) : year(rest) {
          return (Int(bytes[1]) - 0x30, y)
        }
      }
    }
    return nil
  }

  /// "3/31/2022", "12/31/21", "03-31-2022" in a header.
  static func numericDate(_ lower: String) -> CivilDate? {
    guard lower.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") }) else { return nil }
    for word in TextTools.splitOnSpaces(lower) {
      let parts = word.split(whereSeparator: { $0 == "/" || $0 == "-" })
      guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) && !$0.isEmpty }),
        let month = Int(parts[0]), let day = Int(parts[1]), var year = Int(parts[2]),
        parts[2].count == 2 || parts[2].count == 4
      else { continue }
      // "9/28/97" is 1997, "3/31/22" 2022: two-digit years from 50 on are the 1900s.
      if parts[2].count == 2 { year += year >= 50 ? 1900 : 2000 }
      if let date = CivilDate(year: year, month: month, day: day) { return date }
    }
    return nil
  }

  static func isNoise(_ text: String) -> Bool {
    let lower = TextTools.lowercasedASCII(text)
    return lower.has("unaudited") || lower.has("audited") || CellReader.ruleKind(text) != nil
  }

  /// "three months ended", "13 weeks ended", "year ended", "quarter ended", "twelve months".
  static func length(_ words: [String]) -> PeriodLength? {
    for (index, word) in words.enumerated() {
      let unit = word.hasPrefix("month") ? 1 : (word.hasPrefix("week") ? 2 : 0)
      if unit != 0 && index > 0 {
        var count = Int(words[index - 1]) ?? numberWords[words[index - 1]]
        if count == nil && index > 1 { count = numberWords[words[index - 2] + " " + words[index - 1]] }
        if let count, count > 0, count <= 60 {
          return unit == 1 ? .months(count) : .weeks(count)
        }
      }
      if word == "quarter" || word == "quarters" { return .months(3) }
      // "Full Year 2021", "Full-Year"
      if word == "full", index + 1 < words.count, words[index + 1] == "year" { return .months(12) }
      if word == "year" || word == "years" || word == "fiscal" || word == "annual" {
        if index + 1 < words.count, words[index + 1] == "ended" || words[index + 1] == "ending" { return .months(12) }
        if word == "fiscal" && index + 1 < words.count && words[index + 1] == "year" { return .months(12) }
      }
    }
    return nil
  }

  /// The column's end date: month and day from the header (or the table's context), year from
  /// the header.
  static func date(_ words: [String], context: inout Context, length: PeriodLength?) -> CivilDate? {
    var year: Int? = nil
    for word in words {
      if word.utf8.count == 4, let value = Int(word), (1900...2099).contains(value) { year = value }
    }
    guard let year else { return nil }
    // "Three Months Ended July 3, 2004 and June 28, 2003" over columns 2004 and 2003: each
    // column takes the full date of its own year.
    if let (month, day) = (fullDates(words) + context.fullDates()).first(where: { $0.year == year })
      .map({ ($0.month, $0.day) }) ?? monthDay(words) ?? context.monthDay()
    {
      return CivilDate(year: year, month: month, day: min(day, CivilDate.daysIn(month: month, year: year)))
    }
    if length == .months(12) { return CivilDate(year: year, month: 12, day: 31) }
    return nil
  }

  /// Every "July 3, 2004" in the words, in order.
  static func fullDates(_ words: [String]) -> [(year: Int, month: Int, day: Int)] {
    var dates: [(year: Int, month: Int, day: Int)] = []
    var index = 0
    while index + 2 < words.count {
      if words[index].utf8.count >= 3, let month = monthNumber(words[index]), let day = Int(words[index + 1]),
        (1...31).contains(day), words[index + 2].utf8.count == 4, let year = Int(words[index + 2]),
        (1900...2099).contains(year)
      {
        dates.append((year, month, day))
        index += 3
      } else {
        index += 1
      }
    }
    return dates
  }

  /// The first "September 30" in the words.
  static func monthDay(_ words: [String]) -> (Int, Int)? {
    for (index, word) in words.enumerated() where word.utf8.count >= 3 && !(word.first?.isNumber ?? true) {
      guard index + 1 < words.count, let month = monthNumber(word) else { continue }
      if let day = Int(words[index + 1]), (1...31).contains(day) { return (month, day) }
    }
    return nil
  }

  /// A month from a whole word or its usual abbreviation (not "mar" in "market").
  static func monthNumber(_ word: String) -> Int? {
    guard word.utf8.count >= 3 && word.utf8.count <= 9 else { return nil }
    return monthLookup[word]
  }

  /// Month names and their three- and four-letter abbreviations, lower case.
  static let monthLookup: [String: Int] = {
    var table: [String: Int] = ["sept": 9]
    for (index, name) in CivilDate.monthNames.enumerated() {
      table[name] = index + 1
      table[String(name.prefix(3))] = index + 1
      if name.count >= 4 { table[String(name.prefix(4))] = index + 1 }
    }
    return table
  }()

  // MARK: Scale captions

  struct Scale {
    var money: Decimal = .one
    var shares: Decimal = .one
    var caption: String? = nil
    /// The caption names the scale of share counts itself ("shares in thousands", "except share
    /// amounts"), rather than share counts following the dollars.
    var sharesStated = false
    /// No caption is printed over the table: the dollars' scale was proven by a figure equal
    /// to the same figure in a captioned statement (so the dollars are not the wrong half).
    var moneyByAgreement = false
  }

  /// The scale of the first text that states one: "(in thousands, except per share data)",
  /// "(millions)", "(in millions, except share amounts which are reflected in thousands)",
  /// "(000's omitted)", "shares in thousands". See `ScaleCaption`.
  static func scale(in texts: [String]) -> Scale {
    for (k, text) in texts.enumerated() {
      // A caption wrapped over lines ("(in 000s," / "except share" / "data)") is read whole.
      var caption = text
      var next = k + 1
      while caption.has("(") && !caption.has(")"), next < texts.count, next <= k + 4 {
        caption += " " + texts[next]
        next += 1
      }
      if let scale = ScaleCaption.read(caption) { return scale }
    }
    return Scale()
  }

  // MARK: Fiscal year end

  static let ordinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "q1": 1, "q2": 2,
    "q3": 3, "q4": 4,
  ]

  /// The fiscal year end the release states: "fiscal year ended September 30", "fiscal 2011 first
  /// quarter ended December 25, 2010" (a first quarter ending in December: the year ends in
  /// September), or a "Year Ended September 30" column.
  static func fiscalYearEnd(text: [String], columnHeaders: [String]) -> FiscalYearEnd? {
    fiscalYearEnd(statedIn: text) ?? fiscalYearEnd(columnHeaders: columnHeaders)
  }

  /// The year end the text states ("fiscal year ended June 30"); the first such phrase decides.
  static func fiscalYearEnd(statedIn text: [String]) -> FiscalYearEnd? {
    for paragraph in text where paragraph.has("iscal") || paragraph.has("ISCAL") {
      let words = TextTools.splitOnSpaces(TextTools.normalize(paragraph)).map(String.init)
      var index = 0
      while index < words.count {
        defer { index += 1 }
        guard words[index] == "fiscal" else { continue }
        let window = Array(words[(index + 1)..<min(words.count, index + 10)])
        guard let endedAt = window.firstIndex(where: { $0 == "ended" || $0 == "ending" || $0 == "ends" }) else {
          continue
        }
        let before = window[..<endedAt]
        let after = Array(window[(endedAt + 1)...])
        guard let (printedMonth, day) = monthDay(after) else { continue }
        if before.has("year") && !before.has("quarter") {
          if day <= 7 { return nearMonthEnd(printedMonth) }
          return FiscalYearEnd(month: printedMonth, day: day)
        }
        let month = PeriodHeaders.periodMonth(printedMonth, day: day)
        if before.has("quarter"), let q = before.compactMap({ ordinals[$0] }).first {
          // The fiscal year ends 3 × (4 − q) months after this quarter's end.
          let endMonth = (month - 1 + 3 * (4 - q)) % 12 + 1
          return FiscalYearEnd(month: endMonth, day: CivilDate.daysIn(month: endMonth, year: 2001))
        }
      }
    }
    return nil
  }

  /// The year end a twelve-month (52/53-week) column's header dates.
  static func fiscalYearEnd(columnHeaders: [String]) -> FiscalYearEnd? {
    for header in columnHeaders {
      let words = TextTools.splitOnSpaces(TextTools.normalize(header)).map(String.init)
      if length(words) == .months(12) || length(words) == .weeks(52) || length(words) == .weeks(53),
        let (month, day) = monthDay(words)
      {
        return FiscalYearEnd(month: month, day: day)
      }
    }
    return nil
  }

  /// The month a period ending on this date closes: a 52/53-week period ending in the first
  /// week of a month ("quarter ended October 1, 2005") closes the month before (September).
  static func periodMonth(_ month: Int, day: Int) -> Int {
    day <= 7 ? (month == 1 ? 12 : month - 1) : month
  }

  /// A 52/53-week year printed as ending in the first days of a month ends near the end of
  /// the month before.
  static func nearMonthEnd(_ printedMonth: Int) -> FiscalYearEnd {
    let month = periodMonth(printedMonth, day: 1)
    return FiscalYearEnd(month: month, day: CivilDate.daysIn(month: month, year: 2001))
  }

  /// The year end a release's opening paragraphs imply when they name a quarter by its number
  /// and end without the word "fiscal": "for the first quarter ended September 30, 1997" (a
  /// first quarter ending in September: the year ends in June). The first such phrase decides.
  static func fiscalYearEnd(quarterEnded text: [String]) -> FiscalYearEnd? {
    for paragraph in text where paragraph.has("uarter") || paragraph.has("UARTER") {
      // Only the words around each whole word "quarter" are read, found by a byte search of
      // the normalized text (words of ASCII joined by single spaces, none at either end):
      // cutting every word of 20 paragraphs showed in import profiles.
      var normalized = TextTools.normalize(paragraph)
      let found = normalized.withUTF8 { bytes -> FiscalYearEnd? in
        let count = bytes.count
        func word(_ range: Range<Int>) -> String {
          String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func isWord(_ range: Range<Int>, _ text: StaticString) -> Bool {
          range.count == text.utf8CodeUnitCount
            && UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual(
              UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        // The word after the one ending at `end`, if any.
        func next(after end: Int) -> Range<Int>? {
          guard end < count else { return nil }
          var stop = end + 1
          while stop < count, bytes[stop] != 0x20 { stop += 1 }
          return (end + 1)..<stop
        }
        let quarter: StaticString = "quarter"
        let pattern = UnsafeBufferPointer(start: quarter.utf8Start, count: quarter.utf8CodeUnitCount)
        var from = 0
        while from < count,
          let at = TextTools.firstOffset(of: pattern, in: UnsafeBufferPointer(rebasing: bytes[from...]))
        {
          let start = from + at
          let end = start + pattern.count
          from = start + 1
          // A whole word after another word.
          guard start >= 2, bytes[start - 1] == 0x20, end == count || bytes[end] == 0x20 else { continue }
          var first = start - 1
          while first > 0, bytes[first - 1] != 0x20 { first -= 1 }
          let ordinal = word(first..<(start - 1))
          guard let q = ordinals[ordinal],
            ["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"]
              .contains(ordinal)
          else { continue }
          // "quarter ended September 30", "quarter of 1997 ended September 30".
          var ended: Range<Int>? = nil
          var last = end
          for _ in 0..<3 {
            guard let candidate = next(after: last) else { break }
            if isWord(candidate, "ended") || isWord(candidate, "ending") {
              ended = candidate
              break
            }
            last = candidate.upperBound
          }
          guard let ended else { continue }
          var after: [String] = []
          last = ended.upperBound
          for _ in 0..<3 {
            guard let candidate = next(after: last) else { break }
            after.append(word(candidate))
            last = candidate.upperBound
          }
          guard let (printedMonth, day) = monthDay(after) else { continue }
          let month = PeriodHeaders.periodMonth(printedMonth, day: day)
          let endMonth = (month - 1 + 3 * (4 - q)) % 12 + 1
          return FiscalYearEnd(month: endMonth, day: CivilDate.daysIn(month: endMonth, year: 2001))
        }
        return nil
      }
      if let found { return found }
    }
    return nil
  }

  /// The year end implied by year-to-date columns: six or nine months (26 or 39 weeks) that
  /// start the day after the last fiscal year ended. A 52/53-week start near a month's turn
  /// ("January 30") is read as that month's end.
  static func fiscalYearEnd(yearToDate periods: [ResolvedPeriod]) -> FiscalYearEnd? {
    for period in periods {
      guard let start = period.start, [6, 9].contains(period.months) else { continue }
      let previousEnd = start.adding(days: -1)
      if previousEnd.day >= 25 {
        return FiscalYearEnd(month: previousEnd.month, day: CivilDate.daysIn(month: previousEnd.month, year: 2001))
      }
      if previousEnd.day <= 7 {
        let month = previousEnd.month == 1 ? 12 : previousEnd.month - 1
        return FiscalYearEnd(month: month, day: CivilDate.daysIn(month: month, year: 2001))
      }
      return FiscalYearEnd(month: previousEnd.month, day: previousEnd.day)
    }
    return nil
  }

  /// Whether "fiscal 2005" names the year that begins in 2005. Decided by the fiscal years the
  /// text names ("third quarter of fiscal 2005", "fiscal 2005 will end on January 28, 2006")
  /// against the latest period in the tables; without such evidence, a year ending in January
  /// (the retail calendar) is named for the year it begins in.
  static func namesFiscalYearForStart(_ fye: FiscalYearEnd, latestEnd: CivilDate, text: [String]) -> Bool {
    guard fye.month != 12 else { return false }
    var byEnd = fye
    byEnd.namedForStartYear = false
    var byStart = fye
    byStart.namedForStartYear = true
    func fiscalYear(_ calendar: FiscalYearEnd) -> Int {
      var year = latestEnd.year - 1
      while year <= latestEnd.year + 1, latestEnd.dayNumber > calendar.endOfFiscalYear(year).dayNumber + 7 { year += 1 }
      return year
    }
    let yearByEnd = fiscalYear(byEnd)
    let yearByStart = fiscalYear(byStart)
    guard yearByEnd != yearByStart else { return false }
    // The fiscal years the text names: "fiscal 2005", "fiscal year 2005", "FY2005", "FY 2005".
    var named: Set<Int> = []
    for paragraph in text where paragraph.has("iscal") || paragraph.has("FY") {
      let words = TextTools.splitOnSpaces(TextTools.normalize(paragraph))
      for (k, word) in words.enumerated() {
        var candidate: Substring? = nil
        if word == "fiscal" || word == "fy" {
          var next = k + 1
          if next < words.count, words[next] == "year" { next += 1 }
          if next < words.count { candidate = words[next] }
        } else if word.hasPrefix("fy"), word.utf8.count == 6 {
          candidate = word.dropFirst(2)
        }
        if let candidate, candidate.utf8.count == 4, let year = Int(candidate), (1900...2099).contains(year) {
          named.insert(year)
        }
      }
    }
    // The current year is named, and so, in comparisons, is the one before.
    let startScore = (named.contains(yearByStart) ? 1 : 0) - (named.contains(yearByStart + 1) ? 1 : 0)
    let endScore = (named.contains(yearByEnd) ? 1 : 0) - (named.contains(yearByEnd + 1) ? 1 : 0)
    if startScore != endScore { return startScore > endScore }
    return fye.month == 1
  }
}
