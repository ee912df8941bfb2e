// MARK: - Figures stated in sentences

/// Reads figures stated in the release's prose. A figure that compares periods or states the
/// level of a catalog item ("a decrease of 17% compared to revenues of $14.3 million for the
/// quarter ended September 30, 2008") becomes a `Claim` for `check`; other figures become
/// `NarrativeFact`s named by the noun phrase that governs them ("The 173 corporate customers",
/// "an average contract term of 2.7 years").
struct NarrativeReader {
  let documentName: String
  let fiscalYearEnd: FiscalYearEnd
  /// The release's own quarter and year (the latest three- and twelve-month columns of its
  /// tables), for "the quarter" and "the year" in sentences that name no date.
  var currentQuarter: ResolvedPeriod? = nil
  var currentYear: ResolvedPeriod? = nil

  /// One word of a sentence: as printed, and lower-case letters and digits only.
  struct Word {
    var raw: Substring
    var core: String
    /// Punctuation after the word ends a clause (`,`, `;`).
    var endsClause: Bool
    /// Set by `markWordClasses` for a sentence with figures: `core` is one of `compareWords`,
    /// and its entry in `changeWords` (-1 for none). Each figure tests many words against
    /// these; looking each word up once per sentence replaces a hash per test.
    var compares = false
    var change: Int8 = -1
    /// What the word can be (`wordClasses`), looked up when the sentence is read for figures.
    var classes: WordClass = []
  }

  /// Looks every word up in `wordClasses` once: its `classes`, and for a sentence with figures
  /// (`withFigures`) its `compares` and `change`.
  static func markWordClasses(_ words: inout [Word], withFigures: Bool) {
    for k in words.indices {
      let count = words[k].core.utf8.count
      guard count >= 1, count <= longestClassWord, let entry = wordClasses[words[k].core] else { continue }
      words[k].classes = entry.classes
      if withFigures {
        words[k].compares = entry.classes.contains(.compares)
        words[k].change = entry.change
      }
    }
  }

  enum FigureKind { case money, percent, plain }

  struct Figure {
    var index: Int
    /// Index of the last word the figure uses ("million").
    var last: Int
    var kind: FigureKind
    var value: Decimal
    var tolerance: Decimal
    var printed: String
  }

  /// Reads paragraphs whose sentences `prepare` has split into words, figures and mentions.
  /// Each paragraph starts afresh (what "this" refers to, the period named before), so any
  /// run of paragraphs can be read apart from the others and the results joined in order.
  func read(prepared paragraphs: ArraySlice<PreparedParagraph>) -> ([NarrativeFact], [Claim]) {
    var facts: [NarrativeFact] = []
    var claims: [Claim] = []
    for paragraph in paragraphs {
      var carriedItem: String? = nil
      var carriedPeriod: ResolvedPeriod? = nil
      // Once a paragraph speaks of a segment ("Offshore/Manufactured Products generated
      // revenues … Sequentially, revenues decreased 16%"), its figures are the segment's.
      var aboutSegment = false
      for sentence in paragraph.sentences {
        let line = paragraph.block.line(atOffset: sentence.offset)
        let first = claims.count
        read(
          sentence: sentence, line: line, carriedItem: &carriedItem, carriedPeriod: &carriedPeriod, facts: &facts,
          claims: &claims)
        aboutSegment = aboutSegment || sentence.namesSegment
        if aboutSegment {
          for k in first..<claims.count where claims[k].unplaced == nil {
            claims[k].unplaced = "its paragraph is about a segment, not the whole company"
          }
        }
      }
    }
    return (facts, claims)
  }

  // MARK: Sentences

  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "no", "vs", "st", "jr", "sr", "e.g", "i.e", "u.s", "calif", "mass", "approx", "fig", "ft",
  ]

  /// Splits prose at `.`, `?`, `!` followed by a space and a capital, a quote or a parenthesis,
  /// not after abbreviations ("Nov.", "Inc.") or inside numbers ("$11.9").
  /// The longest sentence read for figures, in words (the corpus's longest is about 1,100).
  static let maximumSentenceWords = 1_500

  static func sentences(_ text: String) -> [(String, Int)] {
    let bytes = Array(text.utf8)
    var result: [(String, Int)] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
        var next = index + 1
        while next < bytes.count, bytes[next] == UInt8(ascii: "\"") || bytes[next] == UInt8(ascii: ")") { next += 1 }
        if next < bytes.count, bytes[next] == 0x20 {
          var after = next
          while after < bytes.count, bytes[after] == 0x20 { after += 1 }
          let capital =
            after < bytes.count
            && ((bytes[after] >= 0x41 && bytes[after] <= 0x5A) || bytes[after] == UInt8(ascii: "\"")
              || bytes[after] == UInt8(ascii: "(") || bytes[after] >= 0xC0)
          if capital && !isAbbreviation(bytes, start: start, end: index, mark: byte) {
            result.append((String(decoding: bytes[start..<next], as: UTF8.self), start))
            start = after
            index = after
            continue
          }
        }
      }
      index += 1
    }
    if start < bytes.count {
      result.append((String(decoding: bytes[start...], as: UTF8.self), start))
    }
    return result
  }

  /// Whether the word ending at `end` (before the mark) is an abbreviation ("Nov.", "Inc.", "A.").
  static func isAbbreviation(_ bytes: [UInt8], start: Int, end: Int, mark: UInt8) -> Bool {
    var wordStart = end
    while wordStart > start, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
    let word = String(decoding: bytes[wordStart..<end], as: UTF8.self)
    let lower = TextTools.lowercasedASCII(word).filter { $0 != "(" && $0 != "\"" }
    return abbreviations.contains(lower) || (lower.utf8.count == 1 && mark == UInt8(ascii: "."))
  }

  static func words(_ sentence: String) -> [Word] {
    var bytes: [UInt8] = []
    return TextTools.splitOnSpaces(sentence, lineBreaks: true).map { raw in
      bytes.removeAll(keepingCapacity: true)
      // Lower-case letters and digits (and a decimal point between digits); "equity/(deficit)"
      // reads as "equity".
      // A footnote mark glued to a word ("EBITDA(1)", "income(a)") is not part of it.
      var text = raw[...]
      if text.utf8.last == UInt8(ascii: ")"), let open = text.lastIndex(of: "("), open > text.startIndex,
        text.distance(from: open, to: text.endIndex) <= 4,
        let before = text[..<open].unicodeScalars.last, before.properties.isAlphabetic
      {
        text = text[..<open]
      }
      // On the contiguous bytes: iterating a Substring's UTF8View was most of this function.
      text.withUTF8 { utf8 in
        for v in utf8 {
          if v == UInt8(ascii: "/") {
            if !bytes.isEmpty { break }
            continue
          }
          if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) {
            bytes.append(v)
          } else if v >= 0x41 && v <= 0x5A {
            bytes.append(v | 0x20)
          } else if v == 0x2E, let last = bytes.last, last >= 0x30 && last <= 0x39 {
            bytes.append(v)
          }
        }
      }
      while bytes.last == 0x2E { bytes.removeLast() }
      let last = raw.utf8.last
      return Word(
        raw: raw, core: String(decoding: bytes, as: UTF8.self),
        endsClause: last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":"))
    }
  }

  // MARK: One sentence

  // Word sets the sentence loop tests (built once: as literals inside the loop they were ~1%
  // of an import).
  static let incomeItems: Set<String> = ["net_income", "net_income_to_common", "income_continuing_operations", "eps"]
  static let compareWords: Set<String> = ["compared", "over", "versus", "vs", "from", "than"]
  static let levelVerbs: Set<String> = ["was", "were", "is", "are", "totaled", "totalled", "amounted", "reached"]
  static let references: Set<String> = ["this", "these", "it", "that"]

  func read(
    sentence prepared: PreparedSentence, line: Int, carriedItem: inout String?,
    carriedPeriod: inout ResolvedPeriod?, facts: inout [NarrativeFact], claims: inout [Claim]
  ) {
    switch prepared.shape {
    case .noFigures, .tooLong:
      carriedItem = nil
      return
    case .tooShort: return
    case .read: break
    }
    let sentence = prepared.text
    let words = prepared.words
    let figures = prepared.figures
    let periods = self.periods(words)
    let mentions = prepared.mentions
    let marks = prepared.marks
    // ("It is noteworthy that …" refers to nothing before it.)
    let expletive =
      words[0].core == "it" && (words[1].core == "is" || words[1].core == "was")
      && words.prefix(6).contains { $0.core == "that" }
    let startsWithReference = NarrativeReader.references.contains(words[0].core) && !expletive
    if !startsWithReference { carriedItem = nil }
    let sentenceItem = startsWithReference ? carriedItem : nil
    let sentencePeriod = periods.first?.period ?? carriedPeriod
    // The period the paragraph's earlier sentences named ("… results for the year ended
    // December 31, 2003. Total revenues were $84.2 million …").
    let previousPeriod = carriedPeriod

    var previousChange: (index: Int, polarity: Int)? = nil
    let firstClaim = claims.count
    var previousInComparison = false
    var previousFigure: (period: ResolvedPeriod?, unplaced: String?)? = nil
    // Whether any word is an outlook word: the same for every figure, so found once.
    var statesOutlook: Bool? = nil
    defer { NarrativeReader.markParts(&claims, from: firstClaim) }
    for (number, figure) in figures.enumerated() {
      let nextFigure = number + 1 < figures.count ? figures[number + 1].index : words.count
      let i = figure.index
      // "a reduction of $1.8 million in Property and Equipment", "a $0.1 million increase in
      // depreciation and amortization": the item named just after.
      let changeThenIn =
        figure.last + 3 < words.count && words[figure.last + 2].core == "in"
        && words[figure.last + 1].change >= 0
      let inAt = changeThenIn ? figure.last + 2 : figure.last + 1
      let mentionAfter =
        inAt + 1 < words.count && words[inAt].core == "in"
        ? mentions.first { $0.start == inAt + 1 } : nil
      let mention = mentionAfter ?? mentions.last { $0.end <= i }
      let segment = marks.firstSegment < i
      let perShare =
        figure.last + 2 < words.count && words[figure.last + 1].core == "per"
        && (words[figure.last + 2].core == "share"
          || (figure.last + 3 < words.count && words[figure.last + 3].core == "share"
            && NarrativeReader.isShareQualifier(words[figure.last + 2].core)))
      let perShareAboutIncome = perShare && (mention.map { NarrativeReader.incomeItems.contains($0.item) } ?? false)
      var item = perShare ? (perShareAboutIncome ? "eps" : nil) : (mention?.item ?? sentenceItem)
      if segment { item = nil }
      if item == "gross_margin" && figure.kind == .money { item = "gross_profit" }
      // Any naming of the item in the figure's sentence before it may qualify it ("Revenue, net
      // of subcontractor costs (net revenue) …, was $584 million").
      var unplaced = mention.flatMap { NarrativeReader.unplaced(words, mention: $0, figure: i) }
      // "… revenue; and a $0.1 million increase in depreciation and amortization": the figure is
      // about what follows "in", which is not an item fsq knows by name, not the item before.
      if mentionAfter == nil, mention != nil, let other = NarrativeReader.namedAfterIn(words, at: inAt) {
        unplaced = unplaced ?? "it is about \"\(other)\", not \(mention!.phrase)"
      }
      if unplaced == nil, let mention {
        for earlier in mentions where earlier.item == mention.item && earlier.end <= mention.start {
          if let reason = NarrativeReader.qualifier(words, earlier) {
            unplaced = "it is about \(reason) \(earlier.phrase), which is not the \(earlier.item) the tables print"
            break
          }
        }
      }
      let entry = item.flatMap { ItemCatalog.entry(named: $0) }
      let loss =
        mention.map { m in m.phrase.has("loss") || (m.end < words.count && words[m.end].core.hasPrefix("loss")) }
        ?? false

      // A change: a change word just before (or after) the figure, or "or 25%" after a change.
      var polarity: Int? = nil
      var j = i - 1
      var steps = 0
      while j >= 0, steps < 9 {
        if let p = NarrativeReader.changeWord(kind: words[j].change, isCost: entry?.isCost ?? false, loss: loss) {
          // "14% higher than … and 7% lower": a change word right after the previous figure is
          // that figure's, not this one's.
          if !(number > 0 && j == figures[number - 1].last + 1 && j < i - 1) { polarity = p }
          break
        }
        if j < i - 1 && words[j].endsClause { break }
        if number > 0 && j <= figures[number - 1].last { break }
        j -= 1
        steps += 1
      }
      // "net revenues … were $11,506,000, up slightly from …": a figure a verb states is a
      // level; the change word after it is about the difference.
      let statedLevel = i > 0 && NarrativeReader.levelVerbs.contains(words[i - 1].core)
      if polarity == nil, !statedLevel, figure.last + 1 < words.count, nextFigure != figure.last + 2,
        let p = NarrativeReader.changeWord(
          kind: words[figure.last + 1].change, isCost: entry?.isCost ?? false, loss: loss)
      {
        polarity = p
      }
      if polarity == nil, let previous = previousChange, i - previous.index <= 14, i > 0,
        words[i - 1].core == "or" || words[i - 1].core == "and"
      {
        polarity = previous.polarity
      }
      if perShare { polarity = nil }
      let toBefore =
        i > 0
        && (words[i - 1].core == "to" || (i > 1 && words[i - 1].core == "approximately" && words[i - 2].core == "to"))
      if toBefore { polarity = nil }

      // Periods: the first one after the figure in its clause, else the nearest before. The
      // words about the figure run to the next change or the next "and …" figure.
      let scope = NarrativeReader.scopeEnd(words, after: figure.last, figures: figures)
      let compareAt = (figure.last + 1..<max(scope, nextFigure)).first { words[$0].compares }
      let after = periods.first { $0.index > figure.last && $0.index < (compareAt ?? min(nextFigure, scope)) }
      let before = periods.last { p in
        p.index < i && !words[p.index].compares && marks.compares(in: max(0, p.index - 12)..<p.index) == 0
      }
      // (Not a period a comparison names: "compared to $77.3 million for the year ended …".)
      let firstOutsideComparison = periods.first { p in
        !(compareAt.map { p.index > $0 } ?? false)
          && marks.compares(in: max(0, p.index - 12)..<p.index) == 0
      }
      var period = after?.period ?? before?.period ?? previousPeriod ?? firstOutsideComparison?.period
      // ("than March 31, 2019": a date's mention starts at its preposition, the compare word.)
      var compared = compareAt.flatMap { c in
        periods.first { $0.index >= c && $0.index < max(scope, nextFigure) }?.period
      }
      if after == nil, marks.speaksOfCurrentQuarter(min(words.count, figure.last + 1)..<scope) {
        period = currentQuarter ?? period
      }
      // "compared to $136.0 million, or $6.99 per diluted share, for the three months ended
      // December 31, 2023": a level stated in comparison is about the period after it.
      let previousLast = number > 0 ? figures[number - 1].last : -1
      // "$5.05 million … compared to $6.11 million … a year ago and $6.65 million for the
      // preceding quarter": a figure joined by "and" to a compared one is compared too.
      let joined = i > 0 && words[i - 1].core == "and" && previousLast >= 0
      // (A change is measured against its base; only a level is a compared period's.)
      let compareBefore =
        polarity == nil
        && (NarrativeReader.comparedBefore(words, from: previousLast + 1, to: i, mentions: mentions)
          || (joined && previousInComparison))
      // "$631,000, or ($0.02) per share, in the previous quarter": the figure after "or" is the
      // same amount per share, of the same period.
      let perShareOfPrevious = perShare && i > 1 && words[i - 1].core == "or" && previousLast == i - 2
      // "the quarter", "the year" before the figure: the release's own.
      let sixOrNine = marks.firstSixOrNine < i
      let namesQuarter = marks.firstOwnQuarter < i
      let namesYear = marks.firstOwnYear < i
      let named = sixOrNine ? nil : namesQuarter ? currentQuarter : (namesYear ? currentYear : nil)
      if compareBefore, figure.kind != .plain {
        let nextCompare = (figure.last + 1..<words.count).first { words[$0].compares }
        let end = min(nextCompare ?? words.count, scope)
        let stated = periods.first { $0.index > figure.last && $0.index < end }
        let following = min(words.count, figure.last + 1)..<end
        if let stated {
          period = stated.period
        } else if marks.mentionsYearAgo(following), let current = before?.period ?? previousPeriod ?? named {
          period = NarrativeReader.yearEarlier(current)
        } else if NarrativeReader.comparesSequentially(words[following]),
          let current = before?.period ?? previousPeriod ?? named
        {
          period = NarrativeReader.quarterEarlier(current)
        } else {
          unplaced = unplaced ?? "the text does not say which period the figure it compares with is about"
        }
      }
      if perShareOfPrevious, let previous = previousFigure {
        period = previous.period
        unplaced = unplaced ?? previous.unplaced
      }
      // "¥14.0 billion, or $129 million": the same amount restated is placed as the first was.
      if i > 1, words[i - 1].core == "or", previousLast == i - 2, let previous = previousFigure {
        unplaced = unplaced ?? previous.unplaced
      }
      if unplaced == nil, item != nil {
        if statesOutlook == nil { statesOutlook = words.contains { NarrativeReader.outlookWords.contains($0.core) } }
        unplaced = NarrativeReader.unplacedFigure(
          words, figure: figure, mentionEnd: mention?.end ?? 0, statesOutlook: statesOutlook!)
      }
      previousInComparison = compareBefore
      previousFigure = (period, unplaced)
      if period == nil {
        // "Net earnings for the quarter were $52.7 million, … compared to $38.7 million … a year ago."
        let earlier = words[..<i]
        // A level after a comparison is the compared period's; a change is not.
        // ("from" in "income from continuing operations" compares nothing.)
        let inComparison =
          compareBefore
          || (polarity == nil
            && earlier.indices.contains { k in
              words[k].compares && !mentions.contains { $0.start <= k && k < $0.end }
            })
        // "For the nine-month period", "the first six months": that many months to the end of
        // the release's quarter.
        let months = marks.monthsNamed.flatMap { $0.index < i ? $0.months : nil }
        let current =
          months.flatMap { m in
            currentQuarter.map {
              ResolvedPeriod(start: $0.end.adding(months: -m).adding(days: 1), end: $0.end)
            }
          }
          ?? (namesQuarter ? currentQuarter : (namesYear ? currentYear : nil))
        // Only the words about this figure: another figure's "a year ago" is not this one's.
        let yearAgo = marks.mentionsYearAgo(max(0, i - 12)..<max(scope, nextFigure))
        if !inComparison {
          period = current
          if compared == nil && compareAt != nil && yearAgo { compared = current.map(NarrativeReader.yearEarlier) }
        } else if yearAgo {
          period = current.map(NarrativeReader.yearEarlier)
        }
      }

      // "up 22% sequentially", "up 6.4% from $21,121,000 in the preceding quarter", "… one
      // year ago": the base the words after the figure name.
      if compared == nil, let current = period, polarity != nil {
        let following = min(words.count, figure.last + 1)..<max(scope, nextFigure)
        if NarrativeReader.comparesSequentially(words[following]) || words[0].core == "sequentially" {
          compared = NarrativeReader.quarterEarlier(current)
        } else if marks.mentionsYearAgo(following) {
          compared = NarrativeReader.yearEarlier(current)
        }
      }

      if let polarity, figure.kind != .plain {
        let magnitude = figure.value.magnitude
        let value = polarity < 0 ? magnitude.negated() : magnitude
        let kind: Claim.Kind = figure.kind == .percent ? .changePercent : .changeAmount
        claims.append(
          Claim(
            kind: kind, item: item, period: period, comparedPeriod: compared, value: value,
            unit: figure.kind == .percent ? .percent : .usd, tolerance: figure.tolerance,
            phrase: NarrativeReader.phrase(words, from: max(0, j), to: figure.last), sentence: sentence,
            document: documentName, line: line, unplaced: unplaced))
        previousChange = (i, polarity)
        continue
      }
      previousChange = nil
      // A percentage stated for a money item without a change word is not its level.
      let percentOfMoney = figure.kind == .percent && entry.map { $0.unitKind != .percent } ?? true
      if let item, figure.kind != .plain, !segment, !percentOfMoney {
        let perShareItem = perShare || entry?.unitKind == .perShare
        let unit: Unit = perShareItem ? .perShare("USD") : (figure.kind == .percent ? .percent : .usd)
        // "a net loss of $164 million": the statements print the loss as a negative figure.
        let value =
          loss && figure.kind == .money && !perShareItem && !figure.value.isNegative && !figure.value.isZero
          ? figure.value.negated() : figure.value
        claims.append(
          Claim(
            kind: .value, item: item, period: period, comparedPeriod: nil, value: value, unit: unit,
            tolerance: figure.tolerance,
            phrase: NarrativeReader.phrase(
              words, from: mention.map { i - $0.start <= 8 ? min($0.start, i) : max(0, i - 2) } ?? i,
              to: figure.last + (perShare ? 2 : 0)),
            sentence: sentence, document: documentName, line: line, unplaced: unplaced))
        continue
      }
      // A figure of its own: name it from its noun phrase.
      if perShare { continue }
      guard
        let fact = narrativeFact(
          figure, words: words, period: after?.period ?? before?.period ?? sentencePeriod, segment: segment)
      else { continue }
      facts.append(
        NarrativeFact(
          item: fact.item, label: fact.label, period: fact.period, value: fact.value, unit: fact.unit,
          source: SourceReference(
            document: documentName, statement: "text", label: fact.label, column: "", line: line, sentence: sentence)))
    }
    if let last = mentions.last { carriedItem = last.item }
    if let first = periods.first(where: { $0.index <= marks.firstComparison }) {
      carriedPeriod = first.period
    }
  }

  /// "year ago", "prior year", "last year", "previous year", "year earlier".
  static func isYearAgo(_ first: String, _ second: String) -> Bool {
    switch second {
    case "ago", "earlier": first == "year"
    case "year": first == "prior" || first == "last" || first == "previous"
    default: false
    }
  }

  /// "per diluted share", "per basic share", "per common share".
  static func isShareQualifier(_ core: String) -> Bool {
    switch core {
    case "diluted", "basic", "common": true
    default: false
    }
  }

  static func yearEarlier(_ period: ResolvedPeriod) -> ResolvedPeriod {
    ResolvedPeriod(start: period.start.map { $0.adding(months: -12) }, end: period.end.adding(months: -12))
  }

  static func phrase(_ words: [Word], from: Int, to: Int) -> String {
    guard from <= to, to < words.count else { return "" }
    var text = words[from...to].map { String($0.raw) }.joined(separator: " ")
    while let last = text.last, last == "," || last == "." || last == ";" { text.removeLast() }
    return text
  }

  /// +1 for an increase, −1 for a decrease. "Improved" is a decrease for a cost; a decrease in a
  /// loss is an increase of the (negative) figure.
  /// Change words by direction: 0 up, 1 down, 2 an improvement, 3 a worsening. One lookup
  /// (a `switch` over the strings compared a word with each of them in turn).
  static let changeWords: [String: UInt8] = {
    var table: [String: UInt8] = [:]
    for word in ["increase", "increased", "increases", "increasing", "grew", "rose", "up", "higher", "growth", "gain"] {
      table[word] = 0
    }
    for word in [
      "decrease", "decreased", "decreases", "decline", "declined", "declines", "reduction", "reduced", "fell", "down",
      "lower", "drop", "dropped",
    ] { table[word] = 1 }
    for word in ["improved", "improvement", "improve", "improves"] { table[word] = 2 }
    for word in ["worsened", "deteriorated", "deterioration"] { table[word] = 3 }
    return table
  }()

  static func changeWord(_ word: String, isCost: Bool, loss: Bool) -> Int? {
    guard word.utf8.count >= 2, word.utf8.count <= 13, let kind = changeWords[word] else { return nil }
    return changeWord(kind: Int8(kind), isCost: isCost, loss: loss)
  }

  /// `changeWord` for a word's `change` (its `changeWords` entry, -1 for none).
  static func changeWord(kind: Int8, isCost: Bool, loss: Bool) -> Int? {
    switch kind {
    case ..<0: return nil
    case 0: return loss ? -1 : 1
    case 1: return loss ? 1 : -1
    case 2: return isCost ? -1 : 1
    default: return isCost ? 1 : -1
    }
  }
}
