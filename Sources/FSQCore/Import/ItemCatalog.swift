// MARK: - Canonical items and the labels companies print for them

/// What kind of quantity an item measures.
public enum ItemUnitKind: String, Hashable, Sendable {
  case money, perShare = "per share", shares, percent, count
}

/// A canonical line item: `revenue` ↔ `us-gaap:Revenues`, with the labels printed for it.
public struct ItemCatalogEntry: Hashable, Sendable {
  public var name: String
  /// The US-GAAP taxonomy element (`us-gaap:Revenues`), or an `fsq:` one for non-GAAP measures.
  public var element: String
  /// The statement the item belongs to; nil when it appears in several.
  public var statement: StatementKind?
  public var unitKind: ItemUnitKind
  /// A cost: an "improvement" in the text is a decrease.
  public var isCost: Bool
  public var synonyms: [String]
}

/// The synonym catalog that maps printed labels to canonical items.
///
///     ItemCatalog.item(forLabel: "Cost of sales", section: nil, statement: .incomeStatement)
///     // "cost_of_revenue"
///     ItemCatalog.entry(named: "revenue")?.element   // "us-gaap:Revenues"
public enum ItemCatalog {
  /// Every entry, in catalog order.
  public static var all: [ItemCatalogEntry] { table.entries }

  public static func entry(named name: String) -> ItemCatalogEntry? {
    table.byName[name].map { table.entries[$0] }
  }

  /// `entry(named:)?.statement` without copying the entry (its strings and synonyms).
  static func statement(named name: String) -> StatementKind? {
    guard let index = table.byName[name] else { return nil }
    return table.entries[index].statement
  }

  /// `entry(named:)?.isCost` without copying the entry.
  static func isCost(named name: String) -> Bool? {
    guard let index = table.byName[name] else { return nil }
    return table.entries[index].isCost
  }

  /// `entry(forLabel:)?.statement` without copying the entry.
  static func statement(forLabel label: String) -> StatementKind? {
    guard let index = table.bySynonym[TextTools.normalize(label)] else { return nil }
    return table.entries[index].statement
  }

  /// The catalog entry a printed label names, ignoring case and punctuation.
  public static func entry(forLabel label: String) -> ItemCatalogEntry? {
    table.bySynonym[TextTools.normalize(label)].map { table.entries[$0] }
  }

  /// The item for a row: its canonical name when the label (read in its section and statement)
  /// names one, otherwise a name made from the label (`advertising_and_marketing`).
  ///
  ///     item(forLabel: "Net Loss Applicable to Common Stockholders",
  ///          section: "Net Loss Per Common Share: Basic and Diluted", statement: .incomeStatement)
  ///     // "eps"
  public static func item(forLabel label: String, section: String?, statement: StatementKind) -> String {
    item(forLabel: label, section: section, statement: statement, rowKind: nil)
  }

  static func item(forLabel label: String, section: String?, statement: StatementKind, rowKind: RowKind?) -> String {
    item(
      forLabel: label, normalized: TextTools.normalize(label),
      sectionText: section.map { TextTools.normalize($0) } ?? "",
      statement: statement, rowKind: rowKind)
  }

  /// `item(forLabel:section:statement:rowKind:)` with the label and section already normalized
  /// (`StatementBuilder` has them, and normalizing them again was a tenth of an import).
  static func item(
    forLabel label: String, normalized: String, sectionText: String, statement: StatementKind, rowKind: RowKind?
  )
    -> String
  {
    let kind = rowKind ?? ItemCatalog.rowKind(normalizedLabel: normalized, normalizedSection: sectionText)
    let entry = lookup(label: label, normalized: normalized)
    switch kind {
    case .perShare:
      let variant = variantSuffix(label: normalized, section: sectionText)
      if entry == nil
        && (normalized.has("per share") || normalized.has("per common share") || normalized.has("per diluted share")
          || normalized.has("per basic share") || perShareWords(normalized))
      {
        // Only earnings per share is `eps`: book value, dividends or cash flow per share are not.
        guard !speaksOfOtherPerShare(normalized), speaksOfEarnings(normalized) || speaksOfEarnings(sectionText) else {
          return slug(normalized: normalized)
        }
        if normalized.has("continuing") { return "eps_continuing_operations" + variant }
        if normalized.has("discontinued") { return "eps_discontinued_operations" + variant }
        return "eps" + variant
      }
      switch entry?.name {
      case "eps", "eps_basic", "eps_diluted": return entry!.name
      case "net_income", "net_income_to_common": return "eps" + variant
      case "income_continuing_operations", "income_continuing_to_common": return "eps_continuing_operations" + variant
      case "loss_discontinued_operations": return "eps_discontinued_operations" + variant
      case let name?: return name + "_per_share"
      case nil:
        if normalized == "basic" || normalized == "diluted" || normalized == "basic and diluted"
          || normalized == "fully diluted" || normalized == "primary"
        {
          // Not under "Cash flow per share from operations": another amount per share.
          if speaksOfOtherPerShare(sectionText) { return slug(normalized: normalized) + "_per_share" }
          return "eps" + variant
        }
        // "Net income (loss) attributable to Key common shareholders" under "Per common share —
        // assuming dilution": earnings per share named by its income line.
        // "Total diluted earnings", "Basic earnings (loss) from continuing operations" under
        // "Per Common Share".
        if speaksOfEarnings(normalized), !speaksOfOtherPerShare(normalized),
          ["total basic", "total diluted", "basic earnings", "diluted earnings", "basic net", "diluted net"]
            .contains(where: normalized.hasPrefix)
        {
          if normalized.has("continuing") { return "eps_continuing_operations" + variant }
          if normalized.has("discontinued") { return "eps_discontinued_operations" + variant }
          return "eps" + variant
        }
        if speaksOfEarnings(normalized), !speaksOfOtherPerShare(normalized),
          normalized.hasPrefix("net income") || normalized.hasPrefix("net loss") || normalized.hasPrefix("net earnings")
        {
          // "Per common share — assuming dilution" heads the diluted amounts.
          let assumingDilution = variant.isEmpty && sectionText.has("assuming dilution")
          return "eps" + (assumingDilution ? "_diluted" : variant)
        }
        return slug(normalized: normalized) + "_per_share"
      }
    case .shares:
      if normalized == "basic" || normalized == "diluted" || normalized == "basic and diluted" {
        // "Basic" / "Diluted" with whole numbers, whatever heading closed above them.
        return "weighted_average_shares" + variantSuffix(label: normalized, section: sectionText)
      }
      if let entry, entry.unitKind == .shares {
        let variant = variantSuffix(label: normalized, section: sectionText)
        return entry.name == "weighted_average_shares" && !variant.isEmpty ? entry.name + variant : entry.name
      }
      if sectionText.has("weighted average") || sectionText.has("average shares")
        || sectionText.has("shares outstanding")
        || sectionText.has("shares used") || normalized.has("weighted average") || normalized.has("shares used")
        // "Weighted avg. shares outstanding"
        || normalized.has("weighted avg")
        // "Average diluted common shares outstanding"
        || (normalized.hasPrefix("average ") && normalized.has("shares") && !normalized.has("per share"))
      {
        return "weighted_average_shares" + variantSuffix(label: normalized, section: sectionText)
      }
      return slug(normalized: normalized)
    case .percent:
      if entry?.name == "gross_profit" || entry?.name == "gross_margin" { return "gross_margin" }
      if let entry { return entry.unitKind == .percent ? entry.name : entry.name + "_percent" }
      return slug(normalized: normalized)
    default:
      if let entry {
        if let expected = entry.statement, expected != statement, statement != .other,
          !(expected == .incomeStatement && (statement == .reconciliation || statement == .segment))
        {
          // Not the canonical item, and never a name that is one: "Inventories" in a cash flow
          // statement is the change in inventories, not the balance.
          // (A balance in a table of selected data keeps its name: it is read at the date.)
          let slug = slug(normalized: normalized)
          if statement == .cashFlow && expected == .balanceSheet { return "change_in_" + slug }
          return slug
        }
        if entry.unitKind == .perShare || entry.unitKind == .shares { return entry.name }
        return entry.name
      }
      return slug(normalized: normalized)
    }
  }

  /// The entry for a label, also trying it without a trailing "net" and, for labels like
  /// "Preferred stock, Class A-1", the words before the first comma (unless the rest names a
  /// current portion, which is a different item, or goes on as a list: "Sales, general and
  /// administrative" is not sales).
  static func lookup(label: String, normalized: String) -> ItemCatalogEntry? {
    // (A text that loses no qualifier is not looked up twice: most labels are not in the
    // catalog, and hashing them again was most of a miss.)
    if let index = table.bySynonym[normalized] {
      return table.entries[index]
    }
    let stripped = strippedQualifiers(normalized)
    if stripped != normalized, let index = table.bySynonym[stripped] {
      return table.entries[index]
    }
    if let entry = lookupVariants(normalized, exactMissed: true) { return entry }
    // A word broken over two lines of fixed-width text ("Total liabili-ties").
    if label.utf8.contains(UInt8(ascii: "-")) {
      let joined = TextTools.normalize(withoutHyphens(label))
      if joined != normalized, let entry = lookup(label: joined, normalized: joined) { return entry }
    }
    if let comma = firstComma(label) {
      let rest = TextTools.normalize(String(label[comma...]))
      // A one-word head before a list is the list's first member ("Sales, general and
      // administrative"); a full item name keeps its qualifier ("Cost of sales, buying and
      // occupancy").
      let head = TextTools.normalize(String(label[..<comma]))
      // "Total liabilities, redeemable non-controlling interests and equity" is the grand
      // total, not total liabilities.
      let grandTotal = head.hasPrefix("total") && rest.has("equity")
      let list =
        ((rest.has(" and ") || rest.hasPrefix("and ") || containsAmpersand(label[comma...])) && !head.contains(" "))
        || grandTotal
      if !rest.has("current") && !rest.has("portion") && !list,
        let index = table.bySynonym[TextTools.normalize(String(label[..<comma]))]
      {
        return table.entries[index]
      }
    }
    return nil
  }

  /// The forms a catalog label takes in print that the synonym list need not spell out: a
  /// plural or singular ("Total cost of revenue" for "cost of revenues"), "Total" before it,
  /// ", as reported" after it, and "from continuing operations" on a line that has no
  /// continuing/discontinued pair of its own ("Gross profit from continuing operations").
  /// A variant that two entries share names neither.
  ///
  /// `exactMissed`: `normalized` and its `strippedQualifiers` are known not to be synonyms
  /// (`lookup` tried them), so they are not hashed again.
  static func lookupVariants(_ normalized: String, exactMissed: Bool = false) -> ItemCatalogEntry? {
    var text = normalized
    for suffix in [" as reported", " reported"] where text.hasSuffix(suffix) {
      text.removeLast(suffix.utf8.count)
    }
    var candidates = [text]
    // "Total cost of revenue" is the cost of revenue; "Total other" is not "other".
    if text.hasPrefix("total "), text.utf8.dropFirst(6).contains(0x20) {
      candidates.append(String(text.dropFirst(6)))
    }
    for candidate in candidates where candidate.hasSuffix(" from continuing operations") {
      candidates.append(String(candidate.dropLast(" from continuing operations".utf8.count)))
    }
    let firstTried = exactMissed && candidates[0] == normalized
    for (k, candidate) in candidates.enumerated() {
      var index =
        k == 0 && firstTried ? nil : table.bySynonym[candidate] ?? table.bySynonym[strippedQualifiers(candidate)]
      if index == nil, let loose = looseSynonyms[looseForm(candidate)], loose >= 0 { index = loose }
      guard let index else { continue }
      let entry = table.entries[index]
      // "Net earnings from continuing operations" is not the net income, nor its per-share
      // amount the EPS.
      if k > 0, candidates[0].hasSuffix("continuing operations"),
        ["net_income", "net_income_to_common", "eps", "eps_basic", "eps_diluted"].contains(entry.name)
      {
        continue
      }
      return entry
    }
    return nil
  }

  /// `String(label.filter { $0 != "-" })`, on the bytes of an ASCII label (each byte a
  /// Character, CR LF aside, which is no hyphen).
  static func withoutHyphens(_ label: String) -> String {
    let ascii = label.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if byte != UInt8(ascii: "-") { out.append(byte) }
      }
      return String(decoding: out, as: UTF8.self)
    }
    if let ascii, let ascii { return ascii }
    return String(label.filter { $0 != "-" })
  }

  /// `text.contains("&")` (a Character), on the bytes of ASCII text.
  static func containsAmpersand(_ text: Substring) -> Bool {
    let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      var found = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if byte == UInt8(ascii: "&") { found = true }
      }
      return found
    }
    if let ascii, let ascii { return ascii }
    return text.contains("&")
  }

  /// `label.firstIndex(of: ",")`, found on the bytes of an ASCII label (where every byte is a
  /// Character of its own but CR LF, and a comma is in no such pair).
  static func firstComma(_ label: String) -> String.Index? {
    let utf8 = label.utf8
    let ascii = utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
      var found: Int? = nil
      for (offset, byte) in bytes.enumerated() {
        if byte >= 0x80 { return .none }
        if byte == UInt8(ascii: ","), found == nil { found = offset }
      }
      return .some(found)
    }
    guard let ascii, let result = ascii else { return label.firstIndex(of: ",") }
    return result.map { utf8.index(utf8.startIndex, offsetBy: $0) }
  }

  /// `TextTools.slug(label)` from `TextTools.normalize(label)` already at hand: the same words
  /// (a normalized text is ASCII words joined by single spaces) joined on its bytes.
  static func slug(normalized: String, limit: Int = 64) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(min(normalized.utf8.count, limit) + 5)
    var word: [UInt8] = []
    func add() {
      if out.count + word.count + 1 > limit { return }
      if !out.isEmpty { out.append(UInt8(ascii: "_")) }
      out.append(contentsOf: word)
    }
    var full = false
    for byte in normalized.utf8 {
      if byte == 0x20 {
        if !word.isEmpty {
          // Once a word does not fit, `slug` stops.
          if out.count + word.count + 1 > limit {
            full = true
            break
          }
          add()
          word.removeAll(keepingCapacity: true)
        }
      } else {
        word.append(byte)
      }
    }
    if !full, !word.isEmpty { add() }
    if out.isEmpty { return "item" }
    if out[0] >= 0x30 && out[0] <= 0x39 { return "item_" + String(decoding: out, as: UTF8.self) }
    return String(decoding: out, as: UTF8.self)
  }

  /// Synonyms by `looseForm`; -1 where two entries meet.
  static let looseSynonyms: [String: Int] = {
    var result: [String: Int] = [:]
    for (synonym, index) in table.bySynonym {
      let key = looseForm(synonym)
      if let existing = result[key], existing != index { result[key] = -1 } else { result[key] = index }
    }
    return result
  }()

  /// Each word without a plural `s` ("costs of revenues" → "cost of revenue"); words of three
  /// letters or fewer and words ending in "ss" ("gross", "loss") kept.
  static func looseForm(_ normalized: String) -> String {
    if let loose = asciiLooseForm(normalized) { return loose }
    return TextTools.splitOnSpaces(normalized).map { word -> Substring in
      guard word.utf8.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return word }
      return word.dropLast()
    }.joined(separator: " ")
  }

  /// `looseForm` on the bytes of an ASCII text (normalized labels are), without a Substring
  /// and a String per word; nil for other text.
  static func asciiLooseForm(_ text: String) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var wordStart = -1
    var ascii = true
    /// Ends the word that runs from `wordStart` to the end of `out`.
    func endWord() {
      let length = out.count - wordStart
      if length > 3, out[out.count - 1] == UInt8(ascii: "s"), out[out.count - 2] != UInt8(ascii: "s") {
        out.removeLast()
      }
      wordStart = -1
    }
    for byte in text.utf8 {
      if byte >= 0x80 {
        ascii = false
        break
      }
      if byte == 0x20 {
        if wordStart >= 0 { endWord() }
      } else {
        if wordStart < 0 {
          if !out.isEmpty { out.append(0x20) }
          wordStart = out.count
        }
        out.append(byte)
      }
    }
    guard ascii else { return nil }
    if wordStart >= 0 { endWord() }
    return String(decoding: out, as: UTF8.self)
  }

  /// An item without its `_basic`/`_diluted` variant: `eps_diluted` → `eps`.
  static func baseName(_ item: String) -> String {
    for suffix in ["_basic", "_diluted"] where item.hasSuffix(suffix) { return String(item.dropLast(suffix.count)) }
    return item
  }

  /// Words that make a per-share line earnings per share: "net income per share",
  /// "earnings per diluted share", "loss per share".
  static func speaksOfEarnings(_ normalized: String) -> Bool {
    // (The words split once, not once per word looked for.)
    let words = TextTools.splitOnSpaces(normalized)
    return ["earnings", "income", "loss", "profit", "eps", "net"].contains { word in
      words.contains { $0 == word }
    }
  }

  /// "per" and "share" within three words of it: "Income per common equiv. share", "Net
  /// income per common and common equivalent share".
  static func perShareWords(_ normalized: String) -> Bool {
    let words = TextTools.splitOnSpaces(normalized)
    guard let per = words.firstIndex(of: "per") else { return false }
    return words[(per + 1)...].prefix(4).contains("share")
  }

  /// Per-share lines that are not earnings: "book value per share", "dividends declared per
  /// share", "cash flow per share".
  static func speaksOfOtherPerShare(_ normalized: String) -> Bool {
    ["book value", "dividend", "distribution", "cash flow", "tangible", "market value", "stock price", "price per"]
      .contains { normalized.has($0) }
  }

  /// `_basic`, `_diluted` or nothing ("basic and diluted").
  static func variantSuffix(label: String, section: String) -> String {
    let text = label + " " + section
    let basic = text.has("basic")
    // "Weighted average common and equivalent shares": diluted by another name.
    let diluted =
      text.has("diluted") || text.has("dilutive") || text.has("and equivalent")
      || text.has("equivalent shares")
      || text.has("potential common")
    if basic && !diluted { return "_basic" }
    if diluted && !basic { return "_diluted" }
    if basic && diluted && (label == "basic" || label.hasPrefix("basic ")) && !label.has("diluted") { return "_basic" }
    if basic && diluted && (label == "diluted" || label.hasPrefix("diluted ")) { return "_diluted" }
    return ""
  }

  /// "total revenues net" → also try without "total"/"net" qualifiers.
  static func strippedQualifiers(_ normalized: String) -> String {
    // Only a text that ends in "net" or "gaap" or starts with "gaap", "reported" or "as" can
    // lose a word; any other comes back as its words joined by single spaces, which a
    // normalized text already is.
    let mayChange =
      normalized.hasSuffix("net") || normalized.hasSuffix("gaap") || normalized.hasPrefix("gaap")
      || normalized.hasPrefix("reported") || normalized.hasPrefix("as")
    if !mayChange, isSpaceJoined(normalized) { return normalized }
    var words = TextTools.splitOnSpaces(normalized).map(String.init)  // ASCII: byte split = Character split
    if words.last == "net" { words.removeLast() }
    // "Net loss — GAAP", "Net income, as reported"
    if words.count > 1, words.last == "gaap" { words.removeLast() }
    // "GAAP net income", "Reported net income" in a reconciliation.
    if words.count > 1,
      words.first == "gaap" || words.first == "reported" || words.first == "as" && words.dropFirst().first == "reported"
    {
      words.removeFirst(words.first == "as" ? 2 : 1)
    }
    return words.joined(separator: " ")
  }

  /// Whether a text is words joined by single spaces: no space at either end, no two together
  /// (what `TextTools.normalize` gives). Splitting such a text on spaces and joining the words
  /// again gives it back.
  static func isSpaceJoined(_ text: String) -> Bool {
    var previousSpace = true
    for byte in text.utf8 {
      if byte == 0x20 {
        if previousSpace { return false }
        previousSpace = true
      } else {
        previousSpace = false
      }
    }
    return !previousSpace || text.isEmpty
  }

  /// What a row's figures measure, from its label and section.
  static func rowKind(label: String, section: String?) -> RowKind {
    rowKind(
      normalizedLabel: TextTools.normalize(label), normalizedSection: section.map { TextTools.normalize($0) } ?? "")
  }

  static func rowKind(normalizedLabel text: String, normalizedSection sectionText: String) -> RowKind {
    labelRowKind(text) ?? sectionRowKind(sectionText) ?? .money
  }

  /// What a row's label alone says its figures measure; nil when the label says nothing of
  /// it (then the section decides, see `rowKind`).
  static func labelRowKind(_ text: String) -> RowKind? {
    // "Common stock, $1.00 par value; 30,000,000 shares authorized; 11,960,371 shares
    // outstanding  $ 11,960": the stock's carrying amount, described by its shares.
    // (A text with none of "share", " per", "eps", "weighted" has no "shares authorized"
    // either: only "par value" is left to look for.)
    guard mayMention(text) else { return text.has("par value") ? .money : nil }
    if text.has("par value") || text.has("shares authorized") { return .money }
    if countsShares(text) { return .shares }
    if mentionsPerShare(text) { return .perShare }
    if mentionsShares(text) { return .shares }
    return nil
  }

  /// What a section heading says the figures under it measure; nil when it says nothing.
  static func sectionRowKind(_ sectionText: String) -> RowKind? {
    // "Shares used in computing earnings per share:" heads share counts, though it names EPS.
    if mayMention(sectionText) {
      if countsShares(sectionText) { return .shares }
      if mentionsShares(sectionText) && !mentionsPerShare(sectionText) { return .shares }
      if mentionsPerShare(sectionText) { return .perShare }
    }
    return nil
  }

  private static func mentionsShares(_ t: String) -> Bool {
    t.has("weighted average") || t.has("shares outstanding") || t.has("shares used")
      || t.has("number of shares") || t.hasSuffix(" shares") || t == "shares"
  }

  private static func mentionsPerShare(_ t: String) -> Bool {
    t.has("per share") || t.has("per common share") || t.has("per diluted share")
      || t.has("per basic share") || t.hasPrefix("eps") || t.hasSuffix(" eps") || t.has("earnings per")
      || t.has("loss per") || t.has("income per")
  }

  private static func countsShares(_ t: String) -> Bool {
    t.has("weighted average") || t.has("shares used") || t.has("number of shares") || t.has("shares outstanding")
  }

  /// Every phrase above has "share", "weighted", "eps" or " per": a text with none of them
  /// (most labels) fails all three tests, so this one pass stands for about twenty searches.
  /// (`t.has("share") || t.has(" per") || t.has("eps") || t.has("weighted")`, on the bytes.)
  static func mayMention(_ t: String) -> Bool {
    func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
      let n = b.count
      var i = 0
      while i < n {
        switch b[i] {
        case UInt8(ascii: "s"):
          if i + 5 <= n, b[i + 1] == UInt8(ascii: "h"), b[i + 2] == UInt8(ascii: "a"), b[i + 3] == UInt8(ascii: "r"),
            b[i + 4] == UInt8(ascii: "e")
          {
            return true
          }
        case UInt8(ascii: " "):
          if i + 4 <= n, b[i + 1] == UInt8(ascii: "p"), b[i + 2] == UInt8(ascii: "e"), b[i + 3] == UInt8(ascii: "r") {
            return true
          }
        case UInt8(ascii: "e"):
          if i + 3 <= n, b[i + 1] == UInt8(ascii: "p"), b[i + 2] == UInt8(ascii: "s") { return true }
        case UInt8(ascii: "w"):
          if i + 8 <= n, b[i + 1] == UInt8(ascii: "e"), b[i + 2] == UInt8(ascii: "i"), b[i + 3] == UInt8(ascii: "g"),
            b[i + 4] == UInt8(ascii: "h"), b[i + 5] == UInt8(ascii: "t"), b[i + 6] == UInt8(ascii: "e"),
            b[i + 7] == UInt8(ascii: "d")
          {
            return true
          }
        default: break
        }
        i += 1
      }
      return false
    }
    if let found = t.utf8.withContiguousStorageIfAvailable(scan) { return found }
    return Array(t.utf8).withUnsafeBufferPointer(scan)
  }
}
