// MARK: - Whether a figure in a sentence is about the item the sentence names

/// A claim is held against the tables only when its sentence ties the figure to a catalog
/// item and to a period. These are the ways a sentence names an item and yet states a figure
/// about something else: a qualified measure ("adjusted net income", "Data Center revenue",
/// "product revenue"), a pairing by "respectively", a later clause with a subject of its own
/// ("…, investment commissions increased $163 thousand"), or the item as the object of another
/// noun ("gains on the sales of mortgage loans"). Each gives the reason `check` lists the claim
/// as unverified.
extension NarrativeReader {
  /// Words before an item that make it another measure than the one the statements print.
  static let qualifiers: Set<String> = [
    "adjusted", "nongaap", "proforma", "pro", "core", "organic", "underlying", "comparable", "segment", "product",
    "products", "service", "services", "subscription", "subscriptions", "advertising", "license", "licensing",
    "hardware", "software", "platform", "international", "domestic", "excluding", "operating", "cash", "recurring",
    "constant", "currency", "divisional", "division",
  ]
  /// Words between an item and its figure that make it a part's ("revenue … in its three core
  /// businesses", "revenue from the Services segment").
  static let partNames: Set<String> = [
    "core", "segment", "segments", "businesses", "division", "divisions", "constant", "organic", "region",
  ]
  /// Capitalised words that may stand before an item without changing it.
  static let plainCapitals: Set<String> = [
    "the", "our", "its", "their", "total", "net", "gaap", "consolidated", "company", "companys", "record", "quarterly",
    "annual", "fourth", "third", "second", "first", "full", "fiscal", "reported", "group", "in", "for", "during",
    "overall", "worldwide", "global", "fy", "q1", "q2", "q3", "q4", "as", "at", "and", "with", "while", "both",
  ]
  /// Plain words that may stand between a name and the item ("Microsoft Cloud quarterly
  /// revenue"), unlike a preposition ("our IPO in Adjusted EBITDA").
  static let plainAdjectives: Set<String> = [
    "quarterly", "annual", "total", "net", "consolidated", "record", "gaap", "reported", "fourth", "third", "second",
    "first", "full", "fiscal",
  ]
  /// Words that may open a later clause that goes on about the same item.
  static let continuations: Set<String> = [
    "or", "and", "to", "from", "compared", "versus", "vs", "up", "down", "an", "a", "the", "which", "it", "this",
    "representing", "by", "of", "while", "but", "as", "reflecting", "primarily", "an", "its", "with",
  ]
  /// Verbs that state a figure for their subject.
  static let stateVerbs: Set<String> = [
    "was", "were", "is", "are", "totaled", "totalled", "amounted", "reached", "rose", "fell", "grew", "increased",
    "decreased", "declined", "improved", "climbed", "dropped",
  ]

  /// Why the figure at `index` is not about `mention`'s item, or nil.
  static func unplaced(_ words: [Word], mention: Mention, figure index: Int) -> String? {
    if words.contains(where: { $0.core == "respectively" }) {
      return "the sentence pairs its figures with items by \"respectively\""
    }
    if let qualifier = qualifier(words, mention) {
      return "it is about \(qualifier) \(mention.phrase), which is not the \(mention.item) the tables print"
    }
    if let basis = statedBasis(words) {
      return "the sentence states its figures \"on a \(basis) basis\", another measure than the tables print"
    }
    if mention.end < index, let subject = laterSubject(words, from: mention.end, to: index) {
      return "its clause is about \"\(subject)\", not \(mention.phrase)"
    }
    // "Revenue for the Company's continuing operations in its three core businesses".
    if mention.end < index,
      let word = words[mention.end..<index].first(where: { partNames.contains($0.core) })
    {
      return "it is about \(mention.phrase) of a part (\"\(word.raw)\"), not the \(mention.item) the tables print"
    }
    return nil
  }

  /// The thing a figure is said to be "in" ("$0.1 million increase in depreciation and
  /// amortization expenses"), when it is a noun phrase rather than a time or a place in the
  /// text ("in the quarter", "in 2024", "in fiscal 2024", "in cash"): its first words.
  static func namedAfterIn(_ words: [Word], at index: Int) -> String? {
    guard index + 1 < words.count, words[index].core == "in", !words[index].endsClause else { return nil }
    var k = index + 1
    while k < words.count, determiners.contains(words[k].core) { k += 1 }
    guard k < words.count else { return nil }
    let first = words[k].core
    guard !first.isEmpty, !timeWords.contains(first), !first.contains(where: \.isNumber),
      ![
        "cash", "total", "aggregate", "line", "comparison", "addition", "connection", "part", "each", "prior",
        "previous", "preceding", "same", "comparable", "corresponding", "current", "recent", "latest", "fy",
        "calendar", "q1", "q2", "q3", "q4", "h1", "h2", "full", "twelve", "three", "six", "nine", "all",
      ].contains(first),
      CivilDate.month(named: first) == nil
    else { return nil }
    var end = k
    while end < min(words.count, k + 4), !stopWords.contains(words[end].core) || words[end].core == "and" || end == k {
      end += 1
      if words[end - 1].endsClause { break }
    }
    return phrase(words, from: k, to: end - 1)
  }

  /// Words before "quarter" or "year" that name a base, not the release's own period ("the
  /// previous quarter", "a year ago"; `SentenceMarks.firstOwnQuarter`).
  static let ownBaseWords: Set<String> = [
    "previous", "prior", "preceding", "last", "linked", "sequential", "comparable", "same", "a",
  ]

  /// Whether a sentence speaks of a segment ("segment", "segments").
  static func namesSegment(_ sentence: String) -> Bool {
    // Most sentences have no "segment" in any case: said on the bytes, with no lower-cased copy.
    guard TextTools.hasASCIICaseInsensitive(sentence, "segment") else { return false }
    let lower = TextTools.lowercasedASCII(sentence)
    return lower.has(" segment") || lower.hasPrefix("segment")
  }

  /// "on a comparable fully taxed basis", "on a pro forma basis", "on a constant-currency
  /// basis": the words of a basis other than the reported one, or nil ("on a GAAP basis", "on
  /// a reported basis" and "on a diluted basis" are the tables' own).
  static func statedBasis(_ words: [Word]) -> String? {
    for (k, word) in words.enumerated() where word.core == "basis" && k >= 2 {
      guard let on = words[..<k].lastIndex(where: { $0.core == "on" }), k - on <= 6 else { continue }
      let between = words[(on + 1)..<k].map(\.core).filter { $0 != "a" && $0 != "an" && $0 != "the" }
      guard !between.isEmpty, !between.allSatisfy({ ownBases.contains($0) }) else { continue }
      return between.joined(separator: " ")
    }
    return nil
  }

  /// Words of a basis that is the tables' own ("on a GAAP basis", "on a diluted basis").
  static let ownBases: Set<String> = [
    "gaap", "reported", "diluted", "basic", "consolidated", "per", "share", "quarterly", "annual",
  ]

  /// The word that qualifies a mention ("adjusted", "Data Center", "product"), or nil.
  static func qualifier(_ words: [Word], _ mention: Mention) -> String? {
    var k = mention.start - 1
    var looked = 0
    while k >= 0, looked < 3, !words[k].endsClause {
      let core = words[k].core
      if qualifiers.contains(core) || (core.hasPrefix("non") && core.hasSuffix("gaap")) {
        return String(words[k].raw)
      }
      if looked == 0, isModifier(words[k], first: k == 0) { return String(words[k].raw) }
      // "Microsoft Cloud quarterly revenue": a name before a plain word.
      if looked == 1, plainAdjectives.contains(words[k + 1].core), isProperModifier(words[k], first: k == 0) {
        return String(words[k].raw)
      }
      k -= 1
      looked += 1
    }
    // "a charge to retained earnings and reduction to stockholders' equity of $1.5 million":
    // the item is what the change was made to, the figure the change's own amount.
    if mention.start >= 2, words[mention.start - 1].core == "to",
      NarrativeReader.changeWords[words[mention.start - 2].core] != nil
    {
      return "what \"\(words[mention.start - 2].raw) to\" acted on:"
    }
    // "This provision reduced the quarter's EPS": the item is what the verb acted on.
    var back = mention.start - 1
    while back >= 0, back >= mention.start - 3, !words[back].endsClause {
      let core = words[back].core
      if ["in", "of", "on"].contains(core) { break }
      if NarrativeReader.changeWords[core] != nil && core.hasSuffix("ed") {
        return "what \"\(words[back].raw)\" acted on:"
      }
      back -= 1
    }
    // "sales of mortgage loans", "revenue (non-GAAP)", "net income excluding acquisition costs".
    if mention.end < words.count {
      let next = words[mention.end]
      if ["excluding", "ex", "attributable"].contains(next.core)
        || (next.core.hasPrefix("non") && next.core.hasSuffix("gaap"))
      {
        return String(next.raw)
      }
      // "Revenue, net of subcontractor costs", "Net revenues in Investment Banking".
      if mention.end + 1 < words.count {
        let following = words[mention.end + 1]
        if next.core == "net" && following.core == "of" { return "\(next.raw) \(following.raw)" }
        if ["in", "from"].contains(next.core), isProperModifier(following, first: false) {
          return "\(next.raw) \(following.raw)"
        }
      }
      if next.core == "of", mention.end + 1 < words.count, !words[mention.end + 1].raw.contains(where: \.isNumber),
        !["approximately", "about", "nearly", "almost", "over", "more", "less", "a", "record"].contains(
          words[mention.end + 1].core)
      {
        return "the \(mention.phrase) of \(words[mention.end + 1].raw)"
      }
    }
    // "gains on the sales of …": the item is the object of another noun.
    var before = mention.start - 1
    if before >= 0, words[before].core == "the" { before -= 1 }
    if before >= 1, ["on", "from", "of"].contains(words[before].core), !words[before - 1].endsClause,
      !["revenue", "revenues", "sales"].contains(words[before - 1].core),
      !words[before - 1].core.allSatisfy(\.isNumber), !stateVerbs.contains(words[before - 1].core),
      NarrativeReader.changeWords[words[before - 1].core] == nil
    {
      return "\(words[before - 1].raw) \(words[before].raw)"
    }
    return nil
  }

  /// Lower-case words that may stand just before an item without making it another measure.
  static let plainWords: Set<String> = [
    "the", "a", "an", "our", "its", "their", "total", "net", "gaap", "consolidated", "reported", "record",
    "quarterly", "annual", "fourth", "third", "second", "first", "full", "fiscal", "year", "quarter", "company",
    "companys", "overall", "worldwide", "global", "of", "in", "and", "with", "on", "to", "for", "from", "by", "as",
    "at", "was", "were", "that", "which", "whose", "higher", "lower", "strong", "solid", "increased", "decreased",
    "grew", "declined", "improved", "generated", "posted", "delivered", "achieved", "recorded", "had", "reporting",
    "sequential", "yearoveryear", "fullyear", "growing", "growth", "both", "or", "also", "compared", "versus", "vs",
    "over", "than", "between", "alltime", "highest", "lowest", "best", "said", "says", "saw", "sees", "has", "have",
    "made", "makes", "got", "gets", "rose", "fell", "drove", "brought", "kept", "held", "led", "met", "hit", "set",
    "put", "won", "took", "gave", "became", "came", "went", "beat", "expects", "reports", "posts", "delivers",
    "generates", "achieves", "records", "see", "expect", "report",
  ]

  /// A word just before an item that makes it a part or another measure: a name ("Data
  /// Center revenue") or a lower-case noun ("premium sales") that is not a plain word.
  static func isModifier(_ word: Word, first: Bool) -> Bool {
    if isProperModifier(word, first: first) { return true }
    let core = word.core
    guard let initial = word.raw.unicodeScalars.first, initial.properties.isLowercase, !core.isEmpty else {
      return false
    }
    if core.allSatisfy(\.isNumber) || plainWords.contains(core) || NarrativeReader.changeWords[core] != nil {
      return false
    }
    if core.contains("quarter") || core.contains("year") || core.contains("month") { return false }
    // Adverbs and verbs ("reported", "sequentially"): no nouns end so.
    return !(core.hasSuffix("ly") || core.hasSuffix("ed") || core.hasSuffix("ing"))
  }

  /// A capitalised word just before an item that names a part of the company ("Data Center
  /// revenue", "Gaming revenue").
  static func isProperModifier(_ word: Word, first: Bool) -> Bool {
    guard let initial = word.raw.unicodeScalars.first, initial.properties.isUppercase || first else { return false }
    let core = word.core
    guard !core.isEmpty, !core.allSatisfy(\.isNumber), !plainCapitals.contains(core) else { return false }
    if core.contains("quarter") || core.contains("year") || core.contains("month") { return false }
    return CivilDate.month(named: core) == nil
  }

  /// The subject of a later clause between the item and the figure: after a clause break (a
  /// comma or semicolon not inside a date), words that are not a continuation of the first
  /// clause and are followed by a verb that states a figure.
  static func laterSubject(_ words: [Word], from start: Int, to index: Int) -> String? {
    // Every clause that starts between the item and the figure: after a comma or semicolon
    // (not one inside a date), or after "and" before a new subject ("… was $136.4 million and
    // our book value was $10.05, an increase of roughly 25%").
    var starts: [Int] = []
    for k in start..<index {
      if words[k].endsClause && !words[k].core.allSatisfy(\.isNumber) { starts.append(k + 1) }
      if ["and", "while", "whereas"].contains(words[k].core) { starts.append(k + 1) }
    }
    for clauseStart in starts where clauseStart < index {
      var end = clauseStart
      while end < index && !(end > clauseStart && words[end - 1].endsClause) { end += 1 }
      guard let verb = (clauseStart..<end).first(where: { stateVerbs.contains(words[$0].core) }), verb > clauseStart
      else { continue }
      let subject = words[clauseStart..<verb]
      if subject.contains(where: { !continuations.contains($0.core) }) {
        return subject.map { String($0.raw) }.joined(separator: " ")
      }
    }
    return nil
  }

  /// Where the words about the figure that ends at `last` end: at the next word of change, at
  /// "and" (or "versus", "while", "but") with another figure close after it, or at the end.
  static func scopeEnd(_ words: [Word], after last: Int, figures: [Figure]) -> Int {
    var k = last + 1
    while k < words.count {
      let core = words[k].core
      if words[k].change >= 0 { return k }
      if core == "and" || core == "versus" || core == "while" || core == "but",
        figures.contains(where: { $0.index > k && $0.index <= k + 6 })
      {
        return k
      }
      k += 1
    }
    return words.count
  }

  static let outlookWords: Set<String> = [
    "expect", "expects", "expected", "outlook", "guidance", "anticipate", "anticipates", "anticipated", "forecast",
    "forecasts", "projected", "projects", "target", "targets", "estimate", "estimates", "will",
  ]
  /// Words that may follow a figure that states the item's own amount.
  static let figureFollowers: Set<String> = [
    "million", "billion", "thousand", "per", "or", "in", "from", "to", "for", "compared", "versus", "vs", "and", "at",
    "as", "on", "during", "with", "over", "than", "respectively", "up", "down", "higher", "lower", "which", "a",
    "an", "the", "this", "that", "when", "while", "primarily", "mainly", "reflecting", "of", "after", "before",
    "year", "quarter", "last", "prior", "sequentially", "net", "gaap", "nongaap", "diluted", "basic", "by",
    "representing", "but", "is", "was", "were", "are", "has", "had", "increase", "decrease", "through", "since",
    "against", "into", "ended", "ending", "compared", "approximately", "flat", "unchanged", "deficit", "loss",
    "losses", "profit", "income", "deficiency", "negative", "positive", "total", "overall",
  ]
  static let partWords: Set<String> = [
    "included", "includes", "including", "reflecting", "reflected", "reflects", "driven", "due", "consisting",
    "comprised", "comprising", "excluding",
  ]

  /// Why a figure the sentence ties to an item is still not the item's figure, or nil: an
  /// outlook, a part of the item ("net income included …"), a non-GAAP basis stated after the
  /// figure, or another currency.
  /// `statesOutlook`: whether any word of the sentence is one of `outlookWords`.
  static func unplacedFigure(_ words: [Word], figure: Figure, mentionEnd: Int, statesOutlook: Bool) -> String? {
    if statesOutlook {
      return "it is an outlook or an estimate, not a reported figure"
    }
    if mentionEnd < figure.index,
      let part = words[mentionEnd..<figure.index].first(where: { partWords.contains($0.core) })
    {
      return "it is a part the sentence says the figure \(part.raw)"
    }
    if let word = words[..<figure.index].first(where: { $0.core == "would" || $0.core == "excluding" }) {
      return "it is stated on another basis (\"\(word.raw)\")"
    }
    var afterEnd = figure.last + 1
    while afterEnd < min(words.count, figure.last + 4), !words[afterEnd - 1].endsClause { afterEnd += 1 }
    let after = words[min(words.count, figure.last + 1)..<min(words.count, afterEnd)]
    if let basis = after.first(where: {
      ($0.core.hasPrefix("non") && $0.core.hasSuffix("gaap")) || $0.core == "adjusted" || $0.core == "constant"
        || $0.core == "organic"
    }) {
      return "it is stated on another basis (\(basis.raw))"
    }
    // "a $2.00 million provision": the figure is the amount of the noun after it.
    if figure.last + 1 < words.count, figure.kind == .money {
      let next = words[figure.last + 1]
      if let initial = next.raw.unicodeScalars.first, initial.properties.isLowercase, !next.core.isEmpty,
        !figureFollowers.contains(next.core), next.change < 0,
        !words[figure.last].endsClause
      {
        return "it is the amount of a \(next.raw)"
      }
    }
    // (None of the signs is ASCII: an ASCII figure is not searched Character by Character.)
    if !figure.printed.utf8.allSatisfy({ $0 < 0x80 }) && figure.printed.contains(where: { "¥€£₹".contains($0) }) {
      return "it is stated in another currency"
    }
    return nil
  }

  /// Changes of one item between the same periods stated more than once with different
  /// figures in one sentence ("* a $21.6 million increase in revenues … * a $3.7 million
  /// increase in revenues …") are parts of the change, not the change: none is placed.
  static func markParts(_ claims: inout [Claim], from start: Int) {
    guard claims.count - start > 1 else { return }
    for a in start..<claims.count where claims[a].kind != .value && claims[a].unplaced == nil && claims[a].period != nil
    {
      let same = (start..<claims.count).filter { b in
        claims[b].kind == claims[a].kind && claims[b].item == claims[a].item && claims[b].period == claims[a].period
          && claims[b].comparedPeriod == claims[a].comparedPeriod
      }
      guard same.count > 1, Set(same.map { claims[$0].value.magnitude }).count > 1 else { continue }
      for b in same {
        claims[b].unplaced = "the sentence states several figures as this same change; they are its parts"
      }
    }
  }

  /// Whether a word of comparison stands between the previous figure and this one, in this
  /// figure's clause ("compared to a Net Loss applicable to Common Stockholders of ($2.73)
  /// million"; not "Compared to last year, revenue was …").
  static func comparedBefore(_ words: [Word], from start: Int, to index: Int, mentions: [Mention]) -> Bool {
    var k = index - 1
    while k >= max(0, start) {
      // "Net Loss from Continuing Operations": a word of an item's name compares nothing.
      if words[k].compares,
        !mentions.contains(where: { $0.start <= k && k < $0.end })
      {
        return true
      }
      if words[k].endsClause && !words[k].core.allSatisfy(\.isNumber) && k < index - 1 { return false }
      k -= 1
    }
    return false
  }

  /// Whether the words after a figure in its clause compare it with the previous quarter
  /// ("up 22% sequentially", "up 20% from the previous quarter").
  static func comparesSequentially(_ words: ArraySlice<Word>) -> Bool {
    var previous = ""
    for word in words {
      if word.core == "sequentially" || word.core == "sequential" { return true }
      if word.core == "quarter" && ["previous", "prior", "preceding", "last", "linked"].contains(previous) {
        return true
      }
      if word.endsClause { break }
      previous = word.core
    }
    return false
  }

  /// The quarter before `period` (its three months, three months earlier).
  static func quarterEarlier(_ period: ResolvedPeriod) -> ResolvedPeriod {
    ResolvedPeriod(start: period.start.map { $0.adding(months: -3) }, end: period.end.adding(months: -3))
  }
}
