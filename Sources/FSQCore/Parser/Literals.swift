// MARK: - Reading literal tokens

/// Decodes the text of literal tokens into values.
enum Literals {
  struct Failure: Error {
    var id: DiagnosticID
    var message: String
  }

  /// `11_853_020`, `1.5k`, `$11.9M`, `2.1bn`, `8.3%`, `2.2pp`, `0.29x`.
  static func quantity(_ text: String, kind: TokenKind) -> Result<Quantity, Failure> {
    // The lexer only makes number tokens of ASCII bytes.
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return .failure(Failure(id: .invalidNumber, message: "cannot read number '\(text)'"))
    }
    return quantity(ascii: Array(text.utf8)[...], kind: kind)
  }

  /// `quantity(_:kind:)` on the token's bytes, which must be ASCII (every literal the lexer
  /// makes): the same steps without Substring and Character work, which was a quarter of
  /// parsing a script full of amounts, and without making a String of the token at all.
  static func quantity(ascii utf8: ArraySlice<UInt8>, kind: TokenKind) -> Result<Quantity, Failure> {
    var text: String { String(decoding: utf8, as: UTF8.self) }
    var body = utf8
    var unit = Unit.none
    if body.first == UInt8(ascii: "$") {
      body = body.dropFirst()
      unit = .usd
    }
    switch kind {
    case .percent:
      body = body.dropLast()
      unit = .percent
    case .percentagePoints:
      body = body.dropLast(2)
      unit = .percentagePoints
    case .multiple:
      body = body.dropLast()
      unit = .multiple
    default: break
    }
    var scale = 0
    if body.count >= 2, body[body.endIndex - 2] == UInt8(ascii: "b"), body[body.endIndex - 1] == UInt8(ascii: "n") {
      scale = 9
      body = body.dropLast(2)
    } else if let last = body.last, (last | 0x20) >= 0x61 && (last | 0x20) <= 0x7A, last | 0x20 != UInt8(ascii: "e") {
      switch last | 0x20 {
      case UInt8(ascii: "k"): scale = 3
      case UInt8(ascii: "m"): scale = 6
      case UInt8(ascii: "b"): scale = 9
      default:
        return .failure(Failure(id: .invalidNumber, message: "unknown suffix '\(Character(Unicode.Scalar(last)))'"))
      }
      body = body.dropLast()
    }
    // "$11,000,000": the lexer took the thousands commas of a money amount into the token.
    if body.contains(UInt8(ascii: ",")) { body = ArraySlice(body.filter { $0 != UInt8(ascii: ",") }) }
    guard var amount = Decimal(parsingUTF8: body) else {
      if body.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }) {
        return .failure(Failure(id: .overflow, message: "number '\(text)' is out of range"))
      }
      return .failure(Failure(id: .invalidNumber, message: "cannot read number '\(text)'"))
    }
    do {
      if scale > 0 { amount = try amount.multiplying(by: Decimal(significand: 1, exponent: scale)) }
      if unit.isScaledByHundred { amount = try amount.dividing(by: .hundred) }
    } catch {
      return .failure(Failure(id: .overflow, message: "number '\(text)' is out of range"))
    }
    return .success(Quantity(amount, unit))
  }

  /// `q3 2009`, `Q3 2009`, `2009q3`, `fy2008`, `fy 2008`, `h1 2009`, `9m 2009`, `cq4 2010`,
  /// `cy2009`, `2009-09-30`.
  static func period(_ text: String) -> PeriodSpec? {
    var text = text
    if let fast = text.withUTF8(commonPeriod) {
      assert(fast == generalPeriod(text), "commonPeriod differs from generalPeriod for '\(text)'")
      return fast
    }
    return generalPeriod(text)
  }

  /// `period(_:)` on a token's bytes: the common spellings without making a String.
  static func period(utf8: ArraySlice<UInt8>) -> PeriodSpec? {
    if let fast = utf8.withUnsafeBufferPointer(commonPeriod) {
      assert(fast == generalPeriod(String(decoding: utf8, as: UTF8.self)), "commonPeriod differs from generalPeriod")
      return fast
    }
    return generalPeriod(String(decoding: utf8, as: UTF8.self))
  }

  /// The usual ASCII spellings read byte by byte: `q3 2009`, `cq4 2010`, `h1 2009`, `fy2008`,
  /// `fy 2008`, `cy2010`, `2009q3`, `9m 2009`, `2009-09-30`. nil for anything else (tabs, two
  /// spaces, odd years, invalid dates), which `generalPeriod` then reads, so the result is
  /// always the general reader's; the string work there was most of the parser's time.
  static func commonPeriod(_ bytes: UnsafeBufferPointer<UInt8>) -> PeriodSpec? {
    let count = bytes.count
    func lower(_ i: Int) -> UInt8 { bytes[i] >= 0x41 && bytes[i] <= 0x5A ? bytes[i] | 0x20 : bytes[i] }
    func digits(_ from: Int, _ length: Int) -> Int? {
      guard from >= 0, length > 0, from + length <= count else { return nil }
      var value = 0
      for i in from..<(from + length) {
        guard bytes[i] >= 0x30 && bytes[i] <= 0x39 else { return nil }
        value = value * 10 + Int(bytes[i] - 0x30)
      }
      return value
    }
    /// A four-digit year at `from` that ends the text, after at most one space.
    func year(at from: Int) -> Int? {
      var from = from
      if from < count && bytes[from] == 0x20 { from += 1 }
      guard from + 4 == count else { return nil }
      return digits(from, 4)
    }
    guard count >= 5, count <= 10 else { return nil }
    if count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let y = digits(0, 4),
      let m = digits(5, 2), let d = digits(8, 2)
    {
      return CivilDate(year: y, month: m, day: d).map(PeriodSpec.instant)
    }
    if let y = digits(0, 4) {
      // 2009q3, 2009h1
      guard count == 6, let n = digits(5, 1) else { return nil }
      switch lower(4) {
      case UInt8(ascii: "q"): return PeriodSpec(.quarter(n), year: y)
      case UInt8(ascii: "h"): return PeriodSpec(.half(n), year: y)
      default: return nil
      }
    }
    if let months = digits(0, 1) {
      // 9m 2009, 12m 2009
      let letter = digits(1, 1) == nil ? 1 : 2
      let n = letter == 1 ? months : digits(0, 2)!
      guard lower(letter) == UInt8(ascii: "m"), let y = year(at: letter + 1) else { return nil }
      return PeriodSpec(.monthsToDate(n), year: y)
    }
    var at = 0
    let calendar = lower(0) == UInt8(ascii: "c")
    if calendar { at = 1 }
    switch lower(at) {
    case UInt8(ascii: "q"), UInt8(ascii: "h"):
      guard let n = digits(at + 1, 1), let y = year(at: at + 2) else { return nil }
      return PeriodSpec(lower(at) == UInt8(ascii: "q") ? .quarter(n) : .half(n), year: y, calendar: calendar)
    case UInt8(ascii: "f"):
      guard lower(at + 1) == UInt8(ascii: "y"), let y = year(at: at + 2) else { return nil }
      return PeriodSpec(.year, year: y, calendar: calendar)
    case UInt8(ascii: "y"):
      guard let y = year(at: at + 1) else { return nil }
      return PeriodSpec(.year, year: y, calendar: calendar)
    default:
      return nil
    }
  }

  static func generalPeriod(_ text: String) -> PeriodSpec? {
    let lowered = text.lowercased()
    if let date = CivilDate(iso: lowered) { return .instant(date) }
    let compact = lowered.filter { $0 != " " && $0 != "\t" }
    // Numeric-first forms: 2009q3, 2009h1, 9m2009 (after removing the space).
    if let first = compact.first, first.isNumber {
      if compact.count == 6, let year = Int(compact.prefix(4)), let n = Int(compact.suffix(1)) {
        let letter = compact[compact.index(compact.startIndex, offsetBy: 4)]
        if letter == "q" { return PeriodSpec(.quarter(n), year: year) }
        if letter == "h" { return PeriodSpec(.half(n), year: year) }
      }
      guard let m = compact.firstIndex(of: "m"), let months = Int(compact[..<m]),
        let year = Int(compact[compact.index(after: m)...])
      else { return nil }
      return PeriodSpec(.monthsToDate(months), year: year)
    }
    var rest = Substring(compact)
    var calendar = false
    if rest.hasPrefix("c") {
      calendar = true
      rest = rest.dropFirst()
    }
    if rest.hasPrefix("fy") || rest.hasPrefix("y") {
      rest = rest.drop { $0 == "f" || $0 == "y" }
      guard let year = Int(rest) else { return nil }
      return PeriodSpec(.year, year: year, calendar: calendar)
    }
    // `q2 fy2004`: a quarter or half of a fiscal year, said twice.
    var yearText = rest.dropFirst(2)
    if !calendar && yearText.hasPrefix("fy") { yearText = yearText.dropFirst(2) }
    guard let letter = rest.first, let n = rest.dropFirst().first?.wholeNumberValue, let year = Int(yearText)
    else { return nil }
    switch letter {
    case "q": return PeriodSpec(.quarter(n), year: year, calendar: calendar)
    case "h": return PeriodSpec(.half(n), year: year, calendar: calendar)
    default: return nil
    }
  }

  /// Removes the quotes and resolves `\"`, `\\`, `\n`, `\t`.
  /// `unescape` of an ASCII token without backslashes (most strings), straight from its
  /// bytes; nil for anything else, which goes to `unescape`.
  static func unescapeASCII(_ utf8: ArraySlice<UInt8>) -> String? {
    var inner = utf8
    if inner.first == UInt8(ascii: "\"") { inner = inner.dropFirst() }
    if inner.last == UInt8(ascii: "\"") { inner = inner.dropLast() }
    for byte in inner where byte >= 0x80 || byte == UInt8(ascii: "\\") { return nil }
    return String(decoding: inner, as: UTF8.self)
  }

  static func unescape(_ text: String) -> String {
    var inner = Substring(text)
    if inner.hasPrefix("\"") { inner = inner.dropFirst() }
    if inner.hasSuffix("\"") && !inner.isEmpty { inner = inner.dropLast() }
    guard inner.contains("\\") else { return String(inner) }
    var out = ""
    var escaping = false
    for character in inner {
      if escaping {
        switch character {
        case "n": out.append("\n")
        case "t": out.append("\t")
        default: out.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        out.append(character)
      }
    }
    return out
  }
}
