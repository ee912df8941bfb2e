// MARK: - The currency a release states

/// Releases say when their amounts are not US dollars: "(in thousands of Canadian dollars)"
/// over a statement, "All amounts in this news release are expressed in Canadian dollars" in
/// the text, "Cash Cost of Gold Sold (U.S. dollars)" over some lines. The importer reads every
/// amount as dollars while it works; this gives each fact the currency its line, its table or
/// the document states, so a Goldcorp figure is never shown as US dollars.
enum StatedCurrency {
  /// Words and signs that name a currency, as lower-case text; longer phrases first.
  static let names: [(phrase: String, code: String)] = [
    ("united states dollar", "USD"), ("u.s. dollar", "USD"), ("us dollar", "USD"), ("u.s.$", "USD"),
    ("us$", "USD"), ("canadian dollar", "CAD"), ("cdn$", "CAD"), ("cdn. $", "CAD"), ("c$", "CAD"),
    ("australian dollar", "AUD"), ("a$", "AUD"), ("new zealand dollar", "NZD"), ("nz$", "NZD"),
    ("hong kong dollar", "HKD"), ("hk$", "HKD"), ("singapore dollar", "SGD"), ("s$", "SGD"),
    ("pounds sterling", "GBP"), ("pound sterling", "GBP"), ("british pound", "GBP"), ("£", "GBP"),
    ("euros", "EUR"), ("euro ", "EUR"), ("€", "EUR"), ("japanese yen", "JPY"), ("¥", "JPY"),
    ("swiss franc", "CHF"), ("renminbi", "CNY"), ("indian rupee", "INR"),
  ]

  /// The words of the ASCII phrases of `names` that have no "$".
  static let asciiCurrencyWords: [StaticString] = ["dollar", "pound", "euro", "yen", "franc", "renminbi", "rupee"]

  /// The currency a caption, heading or label names, if any: "(in thousands of Canadian
  /// dollars)" → CAD. A sign glued to a figure ("C$34.3 million") counts; a word inside
  /// another ("European") does not.
  static func code(in text: String) -> String? {
    guard !text.isEmpty else { return nil }
    // Every phrase above that is ASCII has a "$" or one of these words: an ASCII text with
    // none of them names no currency (most captions and labels; lower-casing each one and
    // searching it for thirty phrases showed in import profiles).
    if text.utf8.allSatisfy({ $0 < 0x80 }), !text.utf8.contains(UInt8(ascii: "$")),
      !asciiCurrencyWords.contains(where: { TextTools.hasASCIICaseInsensitive(text, $0) })
    {
      return nil
    }
    let lower = text.lowercased() + " "
    for (phrase, code) in names {
      guard let range = TextTools.firstRange(of: phrase, in: lower) else { continue }
      // A letter before the phrase makes it part of another word ("abc$", "neuro ").
      if range.lowerBound > lower.startIndex, lower[lower.index(before: range.lowerBound)].isLetter {
        continue
      }
      return code
    }
    return nil
  }

  /// The currency the whole release states in its text: "all amounts … expressed in Canadian
  /// dollars", "figures are in euros". A currency mentioned in passing ("the weak Canadian
  /// dollar") states nothing.
  static func document(_ paragraphs: [TextBlock]) -> String? {
    for paragraph in paragraphs.prefix(40) where speaksOfWholeRelease(paragraph.text) {
      if let code = code(in: paragraph.text) { return code }
    }
    return nil
  }

  /// Whether the lower-cased text names how every amount of the release is stated: one of
  /// "expressed in", "stated in", … and one of "all amounts", "this release", … (about every
  /// amount, not some: "revenue from contracts denominated in euros" says nothing of the
  /// statements).
  ///
  /// Searched on a copy with only A–Z lowered (no `lowercased()` String per paragraph; the
  /// phrases were found with a byte search anyway). The same as searching `lowercased()`: every
  /// phrase is ASCII, and of the characters that are not ASCII only the Kelvin sign (to "k",
  /// which no phrase has) and "İ" (to "i" and a combining dot, so that "i" is followed by a byte
  /// no phrase has: none ends in "i") lower-case to something holding ASCII.
  static func speaksOfWholeRelease(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes -> Bool in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { buffer -> Bool in
        let out = buffer.baseAddress!
        for k in 0..<bytes.count {
          let byte = bytes[k]
          out[k] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        let lower = UnsafeBufferPointer(start: out, count: bytes.count)
        func has(_ phrase: StaticString) -> Bool {
          TextTools.search(lower, UnsafeBufferPointer(start: phrase.utf8Start, count: phrase.utf8CodeUnitCount))
        }
        let states =
          has("expressed in") || has("stated in") || has("reported in") || has("presented in") || has("are in ")
        guard states else { return false }
        return has("all amounts") || has("all figures") || has("all dollar amounts") || has("all financial")
          || has("unless otherwise") || has("this news release") || has("this press release") || has("this release")
      }
    }
  }

  /// Gives each fact, narrative figure and claim the currency stated for it; the amounts
  /// themselves do not change. Returns the company's currency: the document's, else the one
  /// its statements state, else US dollars. `documentCode` is what `document` read from the
  /// paragraphs (the importer reads it while the tables are read).
  static func apply(
    documentCode: String?, statements: [StatementTable], facts: inout [Fact], narrative: inout [NarrativeFact],
    claims: inout [Claim]
  ) -> String {
    var tableCodes: [String: String] = [:]
    for table in statements {
      // The caption that states the table's unit, not its title ("Euro Region").
      if let code = code(in: table.scaleCaption ?? "") { tableCodes[table.title] = code }
    }
    let stated = Set(tableCodes.values)
    let company = documentCode ?? (stated.count == 1 ? stated.first : nil)
    guard company != nil || !tableCodes.isEmpty else { return "USD" }
    for f in facts.indices {
      let code =
        code(in: facts[f].label) ?? code(in: facts[f].section ?? "") ?? tableCodes[facts[f].source.statement]
        ?? company ?? "USD"
      facts[f].unit = converted(facts[f].unit, to: code)
    }
    let textCode = company ?? "USD"
    for n in narrative.indices { narrative[n].unit = converted(narrative[n].unit, to: textCode) }
    for c in claims.indices { claims[c].unit = converted(claims[c].unit, to: textCode) }
    return textCode
  }

  static func converted(_ unit: Unit, to code: String) -> Unit {
    switch unit {
    case .currency("USD"): .currency(code)
    case .perShare("USD"): .perShare(code)
    default: unit
    }
  }
}
