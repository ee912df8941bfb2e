// MARK: - Figures, periods, item mentions and noun phrases in a sentence

extension NarrativeReader {
  static let scaleWords: [String: Int] = [
    "thousand": 1_000, "million": 1_000_000, "millions": 1_000_000, "billion": 1_000_000_000,
  ]

  /// Money (`$11.9 million`, `(\$1.1) million`), percentages (`17%`, `9.7 percent`) and plain
  /// numbers (`173`, `2.7`). Years, section numbers and phone numbers are not figures.
  static func figures(_ words: [Word]) -> [Figure] {
    var result: [Figure] = []
    // Per figure: the scale word's multiplier (1 without one) and whether it has decimals.
    var scales: [Int] = []
    var fractional: [Bool] = []
    var index = 0
    while index < words.count {
      defer { index += 1 }
      let raw = words[index].raw
      // One pass on the contiguous bytes for the digit test and the signs looked for below
      // (most words have no digit, and a Substring's UTF8View iterates slowly).
      var marks = ByteMarks()
      if raw.utf8.withContiguousStorageIfAvailable({ marks.scan($0) }) == nil { marks.scan(raw.utf8) }
      guard marks.digit else { continue }
      if marks.slash || marks.at || raw.has("http") { continue }
      let hasDollar = marks.dollar
      let negative = raw.hasPrefix("(") || raw.hasPrefix("-(")
      // The number part: digits, commas and one point, after any `$`, `(` and before `%`, `)`.
      var digits: [UInt8] = []
      var started = false
      var trailing: [UInt8] = []
      var bad = false
      for byte in raw.utf8 {
        let separator = byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
        if (byte >= 0x30 && byte <= 0x39) || (started && separator && trailing.isEmpty) {
          if !trailing.isEmpty {
            bad = true
            break
          }
          digits.append(byte)
          started = true
        } else if !started {
          if !(byte == UInt8(ascii: "$") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\\")
            || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "~"))
          {
            bad = true
            break
          }
        } else {
          trailing.append(byte)
        }
      }
      if bad { continue }
      while let last = digits.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ".") {
        digits.removeLast()
        trailing.insert(last, at: 0)
      }
      // Allowed after the number: % ) , . ; : and quotes.
      let trailingOK = trailing.allSatisfy {
        $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".")
          || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "\"")
      }
      guard trailingOK, !digits.isEmpty else { continue }
      guard case .number(let printed, _)? = CellReader.readNumber(digits) else { continue }
      let decimals = digits.firstIndex(of: UInt8(ascii: ".")).map { digits.count - $0 - 1 } ?? 0
      var last = index
      var kind: FigureKind = .plain
      var scale = 1
      if trailing.contains(UInt8(ascii: "%")) {
        kind = .percent
      } else if index + 1 < words.count, words[index + 1].core == "percent" {
        kind = .percent
        last = index + 1
      }
      if kind != .percent, index + 1 < words.count, let s = scaleWords[words[index + 1].core] {
        scale = s
        last = index + 1
      }
      if hasDollar { kind = kind == .percent ? .percent : .money }
      if kind == .plain {
        // Not a count: years, "Section 12", numbers glued to letters or hyphens.
        if decimals == 0, printed.intValue.map({ (1900...2099).contains($0) }) == true,
          !digits.contains(UInt8(ascii: ","))
        {
          continue
        }
        if index > 0,
          ["section", "sections", "rule", "form", "item", "no", "act", "page", "note"].contains(words[index - 1].core)
        {
          continue
        }
        if marks.dash { continue }
        if index > 0, PeriodHeaders.monthNumber(words[index - 1].core) != nil { continue }
      }
      var value = printed
      var tolerance = Decimal(uncheckedSignificand: 5, exponent: -(decimals + 1), exact: true)
      do {
        if kind == .percent {
          value = try value.dividing(by: .hundred)
          tolerance = try tolerance.dividing(by: .hundred)
        } else if scale != 1 {
          value = try value.multiplying(by: Decimal(scale))
          tolerance = try tolerance.multiplying(by: Decimal(scale))
        }
      } catch {
        continue
      }
      var isNegative = negative
      if !isNegative, index > 0, words[index - 1].raw == "(" { isNegative = true }
      if isNegative { value = value.magnitude.negated() }
      let printedText = words[index...last].map { String($0.raw) }.joined(separator: " ")
      result.append(
        Figure(index: index, last: last, kind: kind, value: value, tolerance: tolerance, printed: printedText))
      // "$0.01 per share" is never in millions.
      let perShare = last + 1 < words.count && words[last + 1].core == "per"
      scales.append(scale)
      fractional.append(decimals > 0 && !perShare)
      index = last
    }
    borrowSentenceScale(&result, scales: scales, fractional: fractional)
    return result
  }

  /// Which of the bytes `figures` tests a word for it holds.
  struct ByteMarks {
    var digit = false
    var slash = false
    var at = false
    var dollar = false
    var dash = false

    mutating func scan<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
      for byte in bytes {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
        case UInt8(ascii: "/"): slash = true
        case UInt8(ascii: "@"): at = true
        case UInt8(ascii: "$"): dollar = true
        case UInt8(ascii: "-"): dash = true
        default: break
        }
      }
    }
  }

  /// "Revenue … was $4.7 million, a $0.6 decrease from $5.3 million": a dollar figure with
  /// decimals and no scale word, among dollar figures that all carry one scale word, is in that
  /// scale ($0.6 million), not sixty cents. Nothing changes when the scales differ or none is said.
  static func borrowSentenceScale(_ figures: inout [Figure], scales: [Int], fractional: [Bool]) {
    let stated = Set(figures.indices.filter { figures[$0].kind == .money && scales[$0] != 1 }.map { scales[$0] })
    guard stated.count == 1, let scale = stated.first else { return }
    for k in figures.indices where figures[k].kind == .money && scales[k] == 1 && fractional[k] {
      guard figures[k].value.magnitude < Decimal(1000),
        let value = try? figures[k].value.multiplying(by: Decimal(scale)),
        let tolerance = try? figures[k].tolerance.multiplying(by: Decimal(scale))
      else { continue }
      figures[k].value = value
      figures[k].tolerance = tolerance
    }
  }

  // MARK: Periods named in text

  struct PeriodMention {
    var index: Int
    var period: ResolvedPeriod
  }

  /// "the quarter ended September 30, 2009", "nine months ended …", "the third quarter of 2009",
  /// "fiscal 2011 first quarter", "at September 30, 2009" / "as of December 31, 2008" (instants).
  func periods(_ words: [Word]) -> [PeriodMention] {
    var result: [PeriodMention] = []
    let cores = words.map(\.core)
    func date(at k: Int) -> CivilDate? {
      guard k + 2 < cores.count, let month = PeriodHeaders.monthNumber(cores[k]), let day = Int(cores[k + 1]),
        let year = Int(cores[k + 2]), (1900...2099).contains(year)
      else { return nil }
      return CivilDate(year: year, month: month, day: day)
    }
    func year(at k: Int) -> Int? {
      guard k < cores.count, cores[k].utf8.count == 4, let y = Int(cores[k]), (1900...2099).contains(y) else {
        return nil
      }
      return y
    }
    var k = 0
    while k < cores.count {
      let word = cores[k]
      // "<length> ended <date>"
      if k + 1 < cores.count, cores[k + 1] == "ended" || cores[k + 1] == "ending", let end = date(at: k + 2) {
        var length: PeriodLength? = nil
        switch word {
        case "quarter", "quarters": length = .months(3)
        case "year", "years": length = .months(12)
        case "months", "month", "weeks", "week":
          if k > 0 { length = PeriodHeaders.length([cores[k - 1], word]) }
        default: break
        }
        if let length {
          result.append(PeriodMention(index: max(0, k - 1), period: length.period(ending: end)))
          k += 5
          continue
        }
      }
      // "<ordinal> quarter [of] [fiscal] <year>"
      if k + 1 < cores.count, cores[k + 1] == "quarter", let q = PeriodHeaders.ordinals[word] {
        var y = k + 2
        while y < cores.count, y <= k + 4, cores[y] == "of" || cores[y] == "fiscal" { y += 1 }
        if let year = year(at: y) {
          let period = PeriodSpec(.quarter(q), year: year).resolve(fiscalYearEnd: fiscalYearEnd)
          result.append(PeriodMention(index: k, period: period))
          k = y + 1
          continue
        }
        // "fiscal 2011 first quarter"
        if k >= 2, cores[k - 2] == "fiscal", let year = year(at: k - 1) {
          let period = PeriodSpec(.quarter(q), year: year).resolve(fiscalYearEnd: fiscalYearEnd)
          result.append(PeriodMention(index: k - 2, period: period))
          k += 2
          continue
        }
      }
      // "fiscal 2026", "fiscal year 2026": the fiscal year (not "fiscal 2026 first quarter").
      // ("the first six months of fiscal 2009" is a part of the year, not the year.)
      if word == "fiscal", k == 0 || cores[k - 1] != "of" {
        var y = k + 1
        if y < cores.count, cores[y] == "year" { y += 1 }
        if let year = year(at: y), !(y + 2 < cores.count && cores[y + 2] == "quarter") {
          result.append(
            PeriodMention(index: k, period: PeriodSpec(.year, year: year).resolve(fiscalYearEnd: fiscalYearEnd)))
          k = y + 1
          continue
        }
      }
      // "at / as of / on <date>", "higher than <date>", "from <date>": an instant.
      // The cheap tests first: a month-name lookup at every word was most of this loop.
      if k > 0, NarrativeReader.instantPrepositions.contains(cores[k - 1]), let end = date(at: k) {
        result.append(PeriodMention(index: k - 1, period: ResolvedPeriod(start: nil, end: end)))
        k += 3
        continue
      }
      k += 1
    }
    return result
  }

  static let instantPrepositions: Set<String> = ["at", "of", "on", "through", "than", "from", "since", "versus", "vs"]

  // MARK: Catalog items named in text

  struct Mention {
    var start: Int
    var end: Int
    var item: String
    var phrase: String
  }

  static let mentionPhrases: [(words: [String], item: String)] = {
    let table: [(String, String)] = [
      ("revenues", "revenue"), ("revenue", "revenue"), ("net sales", "revenue"), ("sales", "revenue"),
      ("gross margin", "gross_margin"), ("gross margins", "gross_margin"), ("gross profit", "gross_profit"),
      ("selling general and administrative", "sga"), ("sga", "sga"), ("operating expenses", "operating_expenses"),
      ("adjusted ebitda", "adjusted_ebitda"), ("ebitda", "ebitda"),
      ("net loss applicable to common stockholders", "net_income_to_common"),
      ("net income applicable to common stockholders", "net_income_to_common"),
      ("net loss attributable to common stockholders", "net_income_to_common"),
      ("net loss from continuing operations", "income_continuing_operations"),
      ("loss from continuing operations", "income_continuing_operations"),
      ("income from continuing operations", "income_continuing_operations"),
      ("net loss", "net_income"), ("net income", "net_income"), ("net earnings", "net_income"),
      ("operating income", "operating_income"), ("operating loss", "operating_income"),
      ("total assets", "total_assets"), ("current assets", "total_current_assets"),
      ("current liabilities", "total_current_liabilities"), ("total liabilities", "total_liabilities"),
      ("stockholders equity", "stockholders_equity"), ("shareholders equity", "stockholders_equity"),
      ("stockholders deficit", "stockholders_equity"), ("property and equipment", "property_equipment"),
      ("accounts receivable", "accounts_receivable"), ("cost of revenues", "cost_of_revenue"),
      ("cost of sales", "cost_of_revenue"), ("cash and cash equivalents", "cash"),
      ("diluted eps", "eps_diluted"), ("diluted earnings per share", "eps_diluted"), ("basic eps", "eps_basic"),
      ("basic earnings per share", "eps_basic"), ("earnings per share", "eps"), ("eps", "eps"),
      // "an increase of 100.0% in net income per share to $.24 from $.12" is about EPS.
      ("net income per share", "eps"), ("net loss per share", "eps"), ("net earnings per share", "eps"),
      ("income per share", "eps"), ("loss per share", "eps"), ("earnings per diluted share", "eps_diluted"),
      ("net income per diluted share", "eps_diluted"), ("net loss per diluted share", "eps_diluted"),
    ]
    return table.map { (String($0.0).split(separator: " ").map(String.init), $0.1) }.sorted {
      $0.words.count > $1.words.count
    }
  }()

  /// Phrases by their first word, longest first.
  static let mentionIndex: [String: [(words: [String], item: String)]] = Dictionary(grouping: mentionPhrases) {
    $0.words[0]
  }

  static func mentions(_ words: [Word]) -> [Mention] {
    var result: [Mention] = []
    var k = 0
    while k < words.count {
      var matched = false
      guard words[k].classes.contains(.startsMention) else {
        k += 1
        continue
      }
      for phrase in mentionIndex[words[k].core] ?? [] where k + phrase.words.count <= words.count {
        var ok = true
        for (n, w) in phrase.words.enumerated() where words[k + n].core != w {
          ok = false
          break
        }
        if ok {
          result.append(
            Mention(
              start: k, end: k + phrase.words.count, item: phrase.item, phrase: phrase.words.joined(separator: " ")))
          k += phrase.words.count
          matched = true
          break
        }
      }
      if !matched { k += 1 }
    }
    return result
  }

  // MARK: Noun phrases

  static let determiners: Set<String> = [
    "a", "an", "the", "its", "their", "our", "this", "these", "that", "his", "her", "each", "any",
  ]
  static let fillers: Set<String> = [
    "approximately", "about", "nearly", "almost", "roughly", "was", "were", "is", "are", "of", "totaled", "totalled",
    "reached", "stood", "be", "been", "some",
  ]
  static let timeWords: Set<String> = [
    "the", "of", "for", "at", "end", "quarter", "first", "second", "third", "fourth", "year", "fiscal", "as", "in",
    "during",
    "month", "months", "period", "ended", "this", "last",
  ]
  static let stopWords: Set<String> = [
    "to", "from", "in", "for", "with", "at", "and", "or", "by", "on", "as", "which", "that", "who", "was", "were", "is",
    "are",
    "represents", "represent", "representing", "has", "have", "had", "will", "would", "per", "than", "compared", "over",
    "of", "sold", "under", "since", "into", "million", "billion", "thousand",
  ]
  static let adjectives: Set<String> = ["additional", "new", "further", "approximately", "some", "its"]

  struct FactDraft {
    var item: String
    var label: String
    var period: ResolvedPeriod?
    var value: Decimal
    var unit: Unit
  }

  func narrativeFact(_ figure: Figure, words: [Word], period: ResolvedPeriod?, segment: Bool) -> FactDraft? {
    let i = figure.index
    var unit: Unit =
      switch figure.kind {
      case .money: .usd
      case .percent: .percent
      case .plain: .none
      }
    var nounWords: [String] = []
    var verb: String? = nil
    let next = figure.last + 1
    if figure.kind == .plain, next < words.count {
      let unitWord = words[next].core
      if ["days", "day", "weeks", "months", "hours", "times", "percent"].contains(unitWord) { return nil }
      if unitWord == "years" || unitWord == "year" { unit = .years }
    }
    if figure.kind == .plain && unit == .none {
      // A count: the lower-case words after it ("173 corporate customers sold").
      var k = next
      while k < words.count, nounWords.count < 3 {
        let w = words[k]
        guard let first = w.raw.unicodeScalars.first, first.properties.isLowercase, !w.core.isEmpty,
          !NarrativeReader.stopWords.contains(w.core), !w.core.hasSuffix("ed"), !w.core.hasSuffix("ing"),
          PeriodHeaders.monthNumber(w.core) == nil
        else { break }
        nounWords.append(w.core)
        if w.endsClause { break }
        k += 1
      }
    } else if figure.kind == .money, next + 1 < words.count, words[next].core == "of" {
      // "$3 million of debt": the words after "of"; a verb before the figure names the action.
      var k = next + 1
      while k < words.count, nounWords.count < 4 {
        let w = words[k]
        guard !w.core.isEmpty, !NarrativeReader.stopWords.contains(w.core), !w.core.hasSuffix("ed"),
          !w.core.hasSuffix("ing")
        else { break }
        nounWords.append(w.core)
        if w.endsClause { break }
        k += 1
      }
      var b = i - 1
      while b >= 0, NarrativeReader.fillers.contains(words[b].core) { b -= 1 }
      if b >= 0, words[b].core.hasSuffix("ed") { verb = words[b].core }
    }
    if figure.kind == .plain && unit == .none && nounWords.isEmpty { return nil }
    if nounWords.isEmpty {
      // The phrase before the figure, past fillers and a time phrase:
      // "the Total Contract Value at the end of the third quarter of 2009 was approximately $4.2 million".
      var k = i - 1
      while k >= 0, NarrativeReader.fillers.contains(words[k].core) { k -= 1 }
      var skipped = false
      var strong = false
      while k >= 0 {
        let c = words[k].core
        let isYear = c.utf8.count == 4 && Int(c).map { (1900...2099).contains($0) } == true
        if isYear || NarrativeReader.timeWords.contains(c) || PeriodHeaders.monthNumber(c) != nil || Int(c) != nil {
          if isYear || c == "quarter" || c == "end" || PeriodHeaders.monthNumber(c) != nil { strong = true }
          skipped = true
          k -= 1
          continue
        }
        break
      }
      if skipped && !strong { return nil }
      var phrase: [String] = []
      while k >= 0, phrase.count < 4 {
        let w = words[k]
        let c = w.core
        if c.isEmpty || NarrativeReader.determiners.contains(c) || NarrativeReader.stopWords.contains(c) || w.endsClause
        {
          break
        }
        if c.hasSuffix("ed") || c.hasSuffix("ing") || c == "achieved" {
          verb = c
          break
        }
        phrase.insert(c, at: 0)
        k -= 1
      }
      if verb == nil, k >= 0, words[k].core.hasSuffix("ed") { verb = words[k].core }
      nounWords = phrase
    }
    while let first = nounWords.first, nounWords.count > 1, NarrativeReader.adjectives.contains(first) {
      nounWords.removeFirst()
    }
    guard !nounWords.isEmpty else { return nil }
    var item = nounWords.joined(separator: "_")
    if let verb, figure.kind == .money, verb != "achieved" { item += "_" + verb }
    if segment, let prefix = NarrativeReader.segmentName(words, before: i) { item = prefix + "_" + item }
    let label = nounWords.joined(separator: " ")
    return FactDraft(item: item, label: label, period: period, value: figure.value, unit: unit)
  }

  /// The capitalised words before "segment" ("the higher margin Corporate Services segment").
  static func segmentName(_ words: [Word], before index: Int) -> String? {
    guard let s = words[..<index].lastIndex(where: { $0.core == "segment" || $0.core == "segments" }) else {
      return nil
    }
    var parts: [String] = []
    var k = s - 1
    while k >= 0, parts.count < 4, let first = words[k].raw.unicodeScalars.first, first.properties.isUppercase,
      !words[k].raw.hasSuffix("'s")
    {
      parts.insert(words[k].core, at: 0)
      k -= 1
    }
    return parts.isEmpty ? nil : parts.joined(separator: "_")
  }
}
