// MARK: - Who issued the release, when, and where it trades

/// The profile a release states in its text: the company's short name, its tickers and
/// exchanges, the release date (dateline), and the event the release announces.
struct ReleaseText {
  var shortName: String? = nil
  var listings: [Listing] = []
  var events: [CompanyEvent] = []
  var releaseDate: DatedFact? = nil
  var isRelease = false

  /// Marks a date whose year the document does not print; merging replaces it.
  static let unknownYearPrefix = "year unknown in this document"

  static func read(paragraphs: [TextBlock], documentName: String) -> ReleaseText {
    var result = ReleaseText()
    var datelineLine = 1
    var yearlessDate: (month: Int, day: Int, line: Int, printed: String)? = nil
    var standalone: (CivilDate, Int)? = nil
    var latestYear = 0
    var headline: String? = nil
    var leadText: String? = nil
    var listingFound: [(ticker: String, exchange: String, line: Int)] = []

    for block in paragraphs {
      latestYear = max(latestYear, ReleaseText.latestYear(in: block.text))
      // The words only while the stand-alone date or the headline is still looked for.
      let length = block.text.utf8.count
      let wanted = (standalone == nil && length <= 24) || (headline == nil && length <= 140)
      let words = wanted ? TextTools.splitOnSpaces(TextTools.normalize(block.text)) : []
      // A line that is only a date: "November 17, 2009".
      if standalone == nil, block.text.utf8.count <= 24, words.count == 3,
        let month = PeriodHeaders.monthNumber(String(words[0])), let day = Int(words[1]), let year = Int(words[2]),
        let date = CivilDate(year: year, month: month, day: day)
      {
        standalone = (date, block.line)
      }
      if headline == nil, block.text.utf8.count <= 140, words.count >= 3,
        words.contains(where: { $0 == "reports" || $0 == "announces" || $0 == "results" || $0 == "reported" })
      {
        headline = block.text
      }
      // Dateline: "NEW YORK, May 29 /PRNewswire-FirstCall/ --", "CUPERTINO, Calif., Jan. 18, 2011 --".
      let datelineEnd =
        headline == nil || (yearlessDate == nil && result.releaseDate == nil) ? dateline(block.text) : nil
      if headline == nil, let dash = datelineEnd, let lead = leadSentence(block.text, after: dash) {
        leadText = leadText ?? lead
      }
      if yearlessDate == nil && result.releaseDate == nil, let dash = datelineEnd {
        let head = TextTools.normalize(String(decoding: block.text.utf8.prefix(dash), as: UTF8.self))
        let headWords = head.split(separator: " ").map(String.init)
        if let index = headWords.firstIndex(where: { PeriodHeaders.monthNumber($0) != nil }),
          index + 1 < headWords.count, let day = Int(headWords[index + 1]), (1...31).contains(day)
        {
          let month = PeriodHeaders.monthNumber(headWords[index])!
          datelineLine = block.line
          if index + 2 < headWords.count, let year = Int(headWords[index + 2]), (1900...2099).contains(year),
            let date = CivilDate(year: year, month: month, day: day)
          {
            result.releaseDate = DatedFact(date: date)
          } else {
            yearlessDate = (month, day, block.line, CivilDate(year: 2001, month: month, day: 1)!.monthName + " \(day)")
          }
        }
      }
      // Listings: "(OTC Bulletin Board: FSNN)", "(NYSE Amex: FSN)", "(NASDAQ: AAPL)".
      for (name, ticker, exchange) in listingMentions(block.text) {
        if result.shortName == nil, let name { result.shortName = name }
        if !listingFound.contains(where: { $0.ticker == ticker && $0.exchange == exchange }) {
          listingFound.append((ticker, exchange, block.line))
        }
      }
    }

    // The release date: a dateline with its year, else the stand-alone date line (whose day it
    // matches), else the dateline's day and month with the year unknown.
    if result.releaseDate == nil, let (date, _) = standalone {
      if yearlessDate == nil || (yearlessDate!.month == date.month && yearlessDate!.day == date.day) {
        result.releaseDate = DatedFact(date: date)
      }
    }
    // Wire copy ends with "-0- 02/10/2004": the dateline's day with its year.
    if result.releaseDate == nil, let yearless = yearlessDate {
      for block in paragraphs.reversed() where block.text.has("/") {
        if let date = slashDates(block.text).first(where: { $0.month == yearless.month && $0.day == yearless.day }) {
          result.releaseDate = DatedFact(date: date)
          break
        }
      }
    }
    if result.releaseDate == nil, let yearless = yearlessDate {
      let placeholder = max(latestYear, 1900)
      result.releaseDate = DatedFact(
        date: CivilDate(
          year: placeholder, month: yearless.month,
          day: min(yearless.day, CivilDate.daysIn(month: yearless.month, year: placeholder)))!,
        inference:
          "\(unknownYearPrefix): \"\(yearless.printed)\" is printed without a year; \(placeholder) is a placeholder (the latest year the document mentions)"
      )
    }

    let allText = paragraphs.lazy.filter { $0.text.has("elist") || $0.text.has("ithdraw") || $0.text.has("ELIST") }
      .map { TextTools.lowercasedASCII($0.text) }
    let delisting = allText.contains { text in
      text.has("withdraw its securities from listing") || text.has("voluntarily delist")
        || ((text.has("intention to") || text.has("intends to")) && (text.has("delist") || text.has("withdraw")))
    }
    let releaseLine = datelineLine
    if let date = result.releaseDate {
      for found in listingFound {
        let source = SourceReference(
          document: documentName, statement: "text", label: "\(found.exchange): \(found.ticker)", column: "",
          line: found.line)
        result.listings.append(
          Listing(ticker: found.ticker, exchange: found.exchange, seen: date, until: nil, source: source))
      }
      let kind = delisting ? "delisting announced" : "earnings release"
      var description = headline ?? leadText ?? ""
      if delisting, let found = listingFound.first {
        description =
          "announces its intention to withdraw its securities (\(found.ticker)) from listing on \(found.exchange)"
      }
      if description.isEmpty { description = "release \(documentName)" }
      let source = SourceReference(
        document: documentName, statement: "text", label: kind, column: "", line: releaseLine)
      result.events.append(CompanyEvent(date: date, kind: kind, description: description, source: source))
    } else {
      for found in listingFound {
        let source = SourceReference(
          document: documentName, statement: "text", label: "\(found.exchange): \(found.ticker)", column: "",
          line: found.line)
        result.listings.append(
          Listing(ticker: found.ticker, exchange: found.exchange, seen: nil, until: nil, source: source))
      }
    }
    result.isRelease = result.releaseDate != nil || !listingFound.isEmpty
    return result
  }

  /// Dates printed as `MM/DD/YYYY`.
  static func slashDates(_ text: String) -> [CivilDate] {
    var result: [CivilDate] = []
    for word in TextTools.splitOnSpaces(text)
    where (8...10).contains(word.utf8.count) && word.utf8.contains(UInt8(ascii: "/")) {
      let parts = word.split(separator: "/")
      guard parts.count == 3, parts[2].utf8.count == 4, let month = Int(parts[0]), let day = Int(parts[1]),
        let year = Int(parts[2]), (1900...2099).contains(year), let date = CivilDate(year: year, month: month, day: day)
      else { continue }
      result.append(date)
    }
    return result
  }

  /// The latest four-digit year (1900…2099) standing alone in the text.
  static func latestYear(in text: String) -> Int {
    // On the contiguous bytes when there are some (native strings): the UTF8View iterator was
    // most of this function's cost.
    text.utf8.withContiguousStorageIfAvailable(latestYear(inBytes:)) ?? latestYear(inBytes: text.utf8)
  }

  static func latestYear<Bytes: Sequence<UInt8>>(inBytes bytes: Bytes) -> Int {
    if let latest = bytes.withContiguousStorageIfAvailable(latestYear(inBuffer:)) { return latest }
    return Array(bytes).withUnsafeBufferPointer(latestYear(inBuffer:))
  }

  /// `latestYear` run by run: the bytes between digit runs are only skipped (testing each
  /// byte for being a letter, a digit and the end of a year was this scan's cost), and a run
  /// is a year when it has four digits, no letter just before it and none just after it.
  static func latestYear(inBuffer bytes: UnsafeBufferPointer<UInt8>) -> Int {
    func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
    var latest = 0
    let count = bytes.count
    var index = 0
    while index < count {
      guard bytes[index] >= 0x30 && bytes[index] <= 0x39 else {
        index += 1
        continue
      }
      let start = index
      // Only four-digit runs matter; a longer one must not overflow.
      var value = 0
      while index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
        if value < 100_000 { value = value * 10 + Int(bytes[index] - 0x30) }
        index += 1
      }
      // (The byte before a run is no digit; a letter there makes it part of a word.)
      guard index - start == 4, start == 0 || !isLetter(bytes[start - 1]), index == count || !isLetter(bytes[index])
      else { continue }
      if (1900...2099).contains(value) { latest = max(latest, value) }
    }
    return latest
  }

  /// The first sentence after the dateline, shortened: "Acme (NASDAQ: ACME) today announced …".
  static func leadSentence(_ text: String, after offset: Int) -> String? {
    let rest = Array(text.utf8.dropFirst(offset))
    guard
      let dash = rest.indices.first(where: {
        rest[$0] == UInt8(ascii: "-") && $0 + 1 < rest.count && rest[$0 + 1] == UInt8(ascii: "-")
      })
    else { return nil }
    let body = String(decoding: rest[(dash + 2)...], as: UTF8.self)
    guard let first = NarrativeReader.sentences(TextTools.collapseSpaces(Substring(body))).first?.0 else { return nil }
    return first.utf8.count <= 200 ? first : String(decoding: first.utf8.prefix(197), as: UTF8.self) + "…"
  }

  /// The UTF-8 offset of a wire-service dateline's end (" /PRNewswire", " -- ", " — ",
  /// "--(BUSINESS WIRE)--Nov. 17, 2005--"), if the paragraph opens with one: the first marker
  /// with a month and day before it, else the first spaced marker.
  static func dateline(_ text: String) -> Int? {
    var text = text
    return text.withUTF8 { all -> Int? in
      let head = UnsafeBufferPointer(rebasing: all.prefix(200))
      func matches(_ marker: StaticString, at i: Int) -> Bool {
        let count = marker.utf8CodeUnitCount
        guard i + count <= head.count else { return false }
        let bytes = marker.utf8Start
        for k in 0..<count where head[i + k] != bytes[k] { return false }
        return true
      }
      var first: Int? = nil
      for i in head.indices {
        let byte = head[i]
        // Only a space, a hyphen or the lead byte of a dash can start a marker.
        guard byte == 0x20 || byte == UInt8(ascii: "-") || byte == 0xE2 else { continue }
        var isSpaced = false
        var matched = false
        if byte == 0x20 {
          isSpaced =
            matches(" /", at: i) || matches(" --", at: i) || matches(" (BUSINESS WIRE)", at: i)
            || matches(" \u{2014}", at: i) || matches(" \u{2013}", at: i)
          matched = isSpaced
        } else {
          matched = matches("--", at: i) || matches("\u{2014}", at: i)
        }
        guard matched else { continue }
        if isSpaced && first == nil { first = i }
        if hasMonthDay(head, before: i) { return i }
      }
      return first
    }
  }

  /// Whether the bytes hold a month name followed by a day: "Nov. 17", "January 29".
  static func hasMonthDay(_ head: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
    // A day is a digit: skip the work for heads without one.
    guard head[..<end].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    let words = TextTools.splitOnSpaces(
      TextTools.normalize(String(decoding: UnsafeBufferPointer(rebasing: head[..<end]), as: UTF8.self)))
    guard words.count >= 2 else { return false }
    for k in 0..<(words.count - 1) where PeriodHeaders.monthNumber(String(words[k])) != nil {
      if let day = Int(words[k + 1]), (1...31).contains(day) { return true }
    }
    return false
  }

  /// `(Exchange: TICKER)` mentions with the capitalised name printed just before them.
  static func listingMentions(_ text: String) -> [(String?, String, String)] {
    guard text.anyUTF8({ $0 == UInt8(ascii: ":") }) else { return [] }
    // On the contiguous bytes, jumping from one "(" to the next with memchr (the paragraph was
    // copied to an array and walked byte by byte).
    var text = text
    return text.withUTF8 { bytes -> [(String?, String, String)] in
      var result: [(String?, String, String)] = []
      var index = 0
      while let open = TextTools.index(of: UInt8(ascii: "("), in: bytes, from: index) {
        index = open
        var close = index + 1
        while close < bytes.count, close - index <= 80, bytes[close] != UInt8(ascii: ")"),
          bytes[close] != UInt8(ascii: "(")
        {
          close += 1
        }
        guard close < bytes.count, bytes[close] == UInt8(ascii: ")") else {
          index += 1
          continue
        }
        // A listing is "Exchange: TICKER"; most parentheses hold no colon.
        guard bytes[(index + 1)..<close].contains(UInt8(ascii: ":")) else {
          index = close + 1
          continue
        }
        let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self)
        for part in inner.split(separator: ";") {
          let pieces = part.split(separator: ":", maxSplits: 1)
          guard pieces.count == 2 else { continue }
          let exchange = TextTools.collapseSpaces(pieces[0])
          let ticker = TextTools.collapseSpaces(pieces[1])
          let tickerOK =
            !ticker.isEmpty && ticker.utf8.count <= 6
            && ticker.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: ".") }
          let exchangeOK =
            !exchange.isEmpty && exchange.utf8.count <= 40
            && (exchange.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false)
            && !exchange.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
          guard tickerOK && exchangeOK else { continue }
          // The 120 bytes before the parenthesis are all `nameBefore` reads.
          let head = Array(bytes[max(0, index - 120)..<index])
          result.append((nameBefore(head, head.count), ticker, exchange))
        }
        index = close + 1
      }
      return result
    }
  }

  /// Capitalised words just before `index` ("-- Fusion (" → "Fusion").
  static func nameBefore(_ bytes: [UInt8], _ index: Int) -> String? {
    let head = String(decoding: bytes[max(0, index - 120)..<index], as: UTF8.self)
    var words: [Substring] = []
    for word in head.split(separator: " ").reversed() {
      guard let first = word.unicodeScalars.first, first.properties.isUppercase || word == "&" || word == "of" else {
        break
      }
      if word.hasSuffix("/") || word.hasSuffix(":") { break }
      words.insert(word, at: 0)
      if words.count >= 6 { break }
    }
    while let first = words.first, first == "&" || first == "of" { words.removeFirst() }
    guard !words.isEmpty else { return nil }
    var name = words.joined(separator: " ")
    while name.hasSuffix(",") { name.removeLast() }
    return name
  }

  /// "FUSION TELECOMMUNICATIONS INTERNATIONAL, INC. AND SUBSIDIARIES" →
  /// "Fusion Telecommunications International, Inc."
  static func companyName(fromCaption caption: String) -> String {
    var text = TextTools.collapseSpaces(Substring(caption))
    let lower = TextTools.lowercasedASCII(text)
    for tail in [" and subsidiaries", " and its subsidiaries", " & subsidiaries", " and consolidated subsidiaries"] {
      if lower.hasSuffix(tail) {
        text = String(decoding: text.utf8.prefix(text.utf8.count - tail.utf8.count), as: UTF8.self)
      }
    }
    let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
    let upper = letters.filter { $0.properties.isUppercase }.count
    guard !letters.isEmpty, upper * 10 >= letters.count * 8 else { return text }
    // An all-capitals caption reads better in title case.
    return text.split(separator: " ").map { word -> String in
      let lowerWord = TextTools.lowercasedASCII(String(word))
      if ["and", "of", "the"].contains(lowerWord) { return lowerWord }
      return lowerWord.prefix(1).uppercased() + lowerWord.dropFirst()
    }.joined(separator: " ")
  }
}
