// MARK: - Scale captions: "(in millions, except share amounts which are reflected in thousands …)"

/// The scale words fsq knows, one set for the importer and `check` alike: what "thousands",
/// "millions", "billions", "000s" and "$000" multiply a printed figure by.
enum ScaleWords {
  static func multiplier(_ word: Substring) -> Decimal? {
    switch word {
    case "thousand", "thousands", "000", "000s", "$000", "$000s", "000's", "(000)", "(000s)", "(000's)", "k":
      return Decimal(1000)
    case "million", "millions", "mm", "mln", "$mm", "$m":
      return Decimal(1_000_000)
    case "billion", "billions", "bn", "$bn":
      return Decimal(1_000_000_000)
    default: return nil
    }
  }
}

/// Reads a caption into the scale of dollar amounts and of share counts. Each scale word is
/// given to what its clause names: "shares in thousands", "share amounts which are reflected in
/// thousands" and "thousands of shares" scale share counts; any other scale word scales money.
/// Share counts follow the money scale unless the caption excepts them ("except share and per
/// share amounts": printed as whole shares) or gives them their own scale. Per-share amounts
/// and percentages are never scaled.
enum ScaleCaption {
  /// The scale a caption states, or nil when the text states none (or is prose). A long text
  /// (a title with its caption run on) is read only inside its parentheses.
  static func read(_ text: String) -> PeriodHeaders.Scale? {
    guard text.utf8.count <= 400, mayStateScale(text) else { return nil }
    let tokens = tokenize(text)
    let wordCount = tokens.filter { $0 != "," && $0 != ";" }.count
    guard wordCount > 0 else { return nil }
    if wordCount <= 10 { return read(tokens: tokens, text: text) }
    for group in parenthesised(text) {
      if let scale = read(tokens: tokenize(group), text: group) { return scale }
    }
    return nil
  }

  /// A cheap test on the bytes before any tokenizing: some scale word ("thousand", "million",
  /// "billion", "000", "mm", "bn", "mln", "k") must be there.
  static func mayStateScale(_ text: String) -> Bool {
    var bytes = Array(text.utf8)
    for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] |= 0x20 }
    func has(_ word: StaticString) -> Bool {
      let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
      return bytes.withUnsafeBufferPointer { TextTools.search($0, pattern) }
    }
    if has("thousand") || has("million") || has("billion") || has("000") { return true }
    // The short forms only in a short caption: "($ mm)", "(US$ bn)".
    return bytes.count <= 20 && (has("mm") || has("bn") || has("mln") || has("k"))
  }

  /// The texts inside the outermost parentheses.
  static func parenthesised(_ text: String) -> [String] {
    if let groups = text.utf8.withContiguousStorageIfAvailable(asciiParenthesised), let groups { return groups }
    var groups: [String] = []
    var depth = 0
    var current = ""
    for character in text {
      if character == "(" {
        if depth > 0 { current.append(character) }
        depth += 1
      } else if character == ")" && depth > 0 {
        depth -= 1
        if depth == 0 {
          groups.append("(" + current + ")")
          current = ""
        } else {
          current.append(character)
        }
      } else if depth > 0 {
        current.append(character)
      }
    }
    return groups
  }

  /// `parenthesised` on the bytes of an ASCII text, where each byte is a Character (CR LF
  /// aside, which is no parenthesis either); nil for other text.
  static func asciiParenthesised(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    var groups: [String] = []
    var depth = 0
    var start = 0
    for (index, byte) in bytes.enumerated() {
      if byte >= 0x80 { return nil }
      if byte == UInt8(ascii: "(") {
        if depth == 0 { start = index }
        depth += 1
      } else if byte == UInt8(ascii: ")") && depth > 0 {
        depth -= 1
        if depth == 0 {
          groups.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self))
        }
      }
    }
    return groups
  }

  static func read(tokens: [Substring], text: String) -> PeriodHeaders.Scale? {
    let wordCount = tokens.filter { $0 != "," && $0 != ";" }.count
    guard wordCount <= 28 else { return nil }
    var money: Decimal? = nil
    var shares: Decimal? = nil
    for (index, token) in tokens.enumerated() {
      guard let multiplier = ScaleWords.multiplier(token) else { continue }
      // "k", "mm", "bn" only count in a short caption such as "($ mm)".
      if token.utf8.count <= 2, wordCount > 4 { continue }
      var clause = self.clause(tokens, around: index)
      // "except number of shares, which are reflected in thousands": a relative clause speaks
      // of the clause before it.
      if let first = clause.first, ["which", "that", "are", "is", "reflected", "presented", "stated"].contains(first),
        clause.startIndex >= 2
      {
        let previous = self.clause(tokens, around: clause.startIndex - 2)
        clause = tokens[previous.startIndex..<clause.endIndex]
      }
      let mentionsMoney = clause.contains { ["dollars", "dollar", "$", "amounts", "usd"].contains($0) }
      if mentionsShareCounts(clause) {
        if shares == nil { shares = multiplier }
        // "(Dollars and Shares in Millions, Except Per Share Data)"
        if mentionsMoney, money == nil { money = multiplier }
      } else if money == nil {
        // A bare scale word needs company: "(millions)", "in millions", "$ in millions",
        // "dollars in millions", "millions of dollars", "amounts in thousands".
        let before = index > 0 ? tokens[index - 1] : ""
        let after = index + 1 < tokens.count ? tokens[index + 1] : ""
        let alone = wordCount <= 3
        let opens = index == 0 && text.hasPrefix("(")
        let introduced =
          ["in", "of", "$", "dollars", "usd", "us$", "amounts"].contains(before) || before.hasSuffix("$")
        let ofWhat = index + 2 < tokens.count ? tokens[index + 2] : ""
        let currencies: Set<Substring> = ["dollars", "u.s", "us", "usd", "$", "euros", "canadian", "yen", "pounds"]
        let followed =
          (after == "of" && currencies.contains(ofWhat)) || after == "omitted" || after == "dollars"
          || after == "usd"
        if alone || opens || introduced || followed || token.hasPrefix("$") { money = multiplier }
      }
    }
    guard money != nil || shares != nil else { return nil }
    var scale = PeriodHeaders.Scale()
    scale.caption = TextTools.collapseSpaces(Substring(text))
    scale.money = money ?? .one
    if let shares {
      scale.shares = shares
      scale.sharesStated = true
    } else if exceptsShareCounts(tokens) {
      scale.shares = .one
      scale.sharesStated = true
    } else {
      scale.shares = money ?? .one
    }
    return scale
  }

  /// Lower-case words, with `,` and `;` kept as their own tokens and parentheses dropped
  /// (except in "(000)").
  static func tokenize(_ text: String) -> [Substring] {
    var lower = TextTools.lowercasedASCII(text)
    for (from, to) in [("(000)", " 000 "), ("(000's)", " 000 "), ("(000s)", " 000 ")] {
      lower = lower.split(separator: from, omittingEmptySubsequences: false).joined(separator: to)
    }
    var spaced = ""
    spaced.reserveCapacity(lower.utf8.count + 8)
    for character in lower {
      switch character {
      case ",", ";": spaced += " \(character) "
      case "(", ")", ":", "\u{2019}": spaced += " "
      case "'": spaced += "'"
      default: spaced.append(character)
      }
    }
    return TextTools.splitOnSpaces(spaced).map { word in
      var w = word
      while w.hasSuffix(".") { w = w.dropLast() }
      return w
    }
  }

  /// The words of the clause holding `index`: from the last `,`, `;` or "except" before it to
  /// the next after it.
  static func clause(_ tokens: [Substring], around index: Int) -> ArraySlice<Substring> {
    var start = index
    while start > 0, !isBoundary(tokens[start - 1]) { start -= 1 }
    var end = index
    while end + 1 < tokens.count, !isBoundary(tokens[end + 1]) { end += 1 }
    return tokens[start...end]
  }

  static func isBoundary(_ token: Substring) -> Bool { token == "," || token == ";" || token == "except" }

  /// "shares", "share amounts", "share data", "number of shares", "shares outstanding"; not
  /// "per share", "per common share", "per diluted share".
  static func mentionsShareCounts(_ clause: ArraySlice<Substring>) -> Bool {
    for index in clause.indices where clause[index] == "share" || clause[index] == "shares" {
      let previous = index > clause.startIndex ? clause[index - 1] : ""
      let beforeThat = index - 1 > clause.startIndex ? clause[index - 2] : ""
      if previous != "per" && beforeThat != "per" { return true }
    }
    return false
  }

  /// "except share and per share amounts", "except for share data", "except number of shares":
  /// share counts are printed as they are.
  static func exceptsShareCounts(_ tokens: [Substring]) -> Bool {
    for (index, token) in tokens.enumerated() where token == "except" {
      var end = index + 1
      while end < tokens.count, tokens[end] != ";", tokens[end] != "except" { end += 1 }
      if mentionsShareCounts(tokens[(index + 1)..<end]) { return true }
    }
    return false
  }
}
