// MARK: - Lexer

/// Turns UTF-8 bytes into tokens. It never throws: unreadable input becomes an `.invalid`
/// token with a diagnostic in `diagnostics`, and every step consumes at least one byte.
///
/// Newlines inside parentheses are not statement ends, so they produce no token there.
///
///     var lexer = Lexer(source: SourceFile(name: "<command line>", text: "margin(q3 2009)"))
///     let tokens = lexer.tokenize()   // identifier ( period ) endOfInput
public struct Lexer {
  public let source: SourceFile
  public internal(set) var diagnostics: [Diagnostic] = []
  let bytes: [UInt8]
  var position = 0
  private var parenDepth = 0

  /// Lexical errors before the lexer stops reading (the parser prints at most 10 in all).
  public static let maximumErrors = 100

  public init(source: SourceFile) {
    self.source = source
    self.bytes = source.bytes
    // A byte-order mark that some editors put first is not part of the script.
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
  }

  /// Lexes the whole source. The last token is always `.endOfInput`.
  public mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 3 + 1)
    while true {
      let token = next()
      if token.kind == .newline, let last = tokens.last?.kind, last == .newline || last == .semicolon {
        continue
      }
      tokens.append(token)
      if token.kind == .endOfInput { break }
    }
    return tokens
  }

  /// The next token.
  public mutating func next() -> Token {
    skipSpaceAndComments()
    // Newlines inside parentheses are skipped in a loop, not by recursion: a long run of them
    // must not grow the stack.
    while parenDepth > 0 && position < bytes.count && bytes[position] == UInt8(ascii: "\n") {
      position += 1
      skipSpaceAndComments()
    }
    let start = position
    guard position < bytes.count else { return Token(.endOfInput, Span(start: start, end: start)) }
    let byte = bytes[position]
    switch byte {
    case UInt8(ascii: "\n"):
      position += 1
      return Token(.newline, Span(start: start, end: position))
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return lexNumberOrPeriod()
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
      return lexWord()
    case UInt8(ascii: "$"):
      return lexMoney()
    case UInt8(ascii: "\""):
      return lexString()
    case UInt8(ascii: "."):
      if position + 1 < bytes.count, isDigit(bytes[position + 1]) { return lexNumberOrPeriod() }
      if peek(1) == UInt8(ascii: ".") { return double(.dotDot) }
      return single(.dot)
    case UInt8(ascii: "("):
      parenDepth += 1
      return single(.leftParen)
    case UInt8(ascii: ")"):
      parenDepth = max(0, parenDepth - 1)
      return single(.rightParen)
    case UInt8(ascii: "["):
      parenDepth += 1
      return single(.leftBracket)
    case UInt8(ascii: "]"):
      parenDepth = max(0, parenDepth - 1)
      return single(.rightBracket)
    case UInt8(ascii: ","): return single(.comma)
    case UInt8(ascii: ";"): return single(.semicolon)
    case UInt8(ascii: "+"): return single(.plus)
    case UInt8(ascii: "-"): return single(.minus)
    case UInt8(ascii: "*"): return single(.star)
    case UInt8(ascii: "/"): return single(.slash)
    case UInt8(ascii: "^"): return single(.caret)
    case UInt8(ascii: "<"): return peek(1) == UInt8(ascii: "=") ? double(.lessEqual) : single(.less)
    case UInt8(ascii: ">"): return peek(1) == UInt8(ascii: "=") ? double(.greaterEqual) : single(.greater)
    case UInt8(ascii: "="): return peek(1) == UInt8(ascii: "=") ? double(.equalEqual) : single(.equals)
    case UInt8(ascii: "!"):
      if peek(1) == UInt8(ascii: "=") { return double(.bangEqual) }
      return invalidCharacter(start)
    default:
      return invalidCharacter(start)
    }
  }

  // MARK: Pieces

  private func peek(_ offset: Int) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  private mutating func single(_ kind: TokenKind) -> Token {
    position += 1
    return Token(kind, Span(start: position - 1, end: position))
  }

  private mutating func double(_ kind: TokenKind) -> Token {
    position += 2
    return Token(kind, Span(start: position - 2, end: position))
  }

  private mutating func skipSpaceAndComments() {
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
        position += 1
      } else if byte == UInt8(ascii: "#") {
        // A comment runs to the end of the line; its bytes must still be valid UTF-8.
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") {
          if bytes[position] >= 0x80 {
            let length = utf8SequenceLength(at: position)
            if length == 0 {
              report(.invalidUTF8, "invalid UTF-8 in comment", Span(start: position, end: position + 1))
              position += 1
            } else {
              position += length
            }
          } else {
            position += 1
          }
        }
      } else {
        return
      }
    }
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || isDigit(byte)
  }
  private func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
  }
  private func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

  /// Counts a run of digits starting at `index`.
  private func digitRun(from index: Int) -> Int {
    var end = index
    while end < bytes.count && isDigit(bytes[end]) { end += 1 }
    return end - index
  }

  /// If spaces or tabs then exactly four digits (a year) follow `index`, the end of the year.
  private func yearAfterSpace(from index: Int) -> Int? {
    var cursor = index
    while cursor < bytes.count && (bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t")) {
      cursor += 1
    }
    guard cursor > index else { return nil }
    return yearAt(cursor)
  }

  /// If exactly four digits not followed by an identifier byte start at `index`, their end.
  private func yearAt(_ index: Int) -> Int? {
    guard digitRun(from: index) == 4 else { return nil }
    let end = index + 4
    if end < bytes.count && isIdentifierByte(bytes[end]) { return nil }
    // `2009.5` is not a year, but `q1 2008..q3 2009` is a range that starts with one.
    if end < bytes.count && bytes[end] == UInt8(ascii: "."), end + 1 >= bytes.count || bytes[end + 1] != bytes[end] {
      return nil
    }
    return end
  }

  // MARK: Words: identifiers, keywords and lettered periods

  private mutating func lexWord() -> Token {
    let start = position
    while position < bytes.count && isIdentifierByte(bytes[position]) { position += 1 }
    let length = position - start
    if let periodEnd = periodEnd(wordStart: start, wordLength: length) {
      position = periodEnd
      return Token(.period, Span(start: start, end: periodEnd))
    }
    if length <= 7, let keyword = keyword(start: start, length: length) {
      return Token(keyword, Span(start: start, end: position))
    }
    if let problem = malformedPeriod(wordStart: start, wordLength: length) {
      position = problem.end
      return invalid(.invalidPeriod, problem.message, start)
    }
    return Token(.identifier, Span(start: start, end: position))
  }

  /// A word and a number that try to be a period and are not one: `q5 2009` (no fifth
  /// quarter), `h3 2009`, `q3 09` (a two-digit year). Nil for anything else (`q5` alone stays
  /// an identifier).
  private func malformedPeriod(wordStart start: Int, wordLength length: Int) -> (end: Int, message: String)? {
    var index = start
    if length >= 3, lower(bytes[index]) == UInt8(ascii: "c") { index += 1 }
    let letter = lower(bytes[index])
    guard letter == UInt8(ascii: "q") || letter == UInt8(ascii: "h") else { return nil }
    let digits = digitRun(from: index + 1)
    guard digits >= 1, index + 1 + digits == start + length else { return nil }
    // The number after the spaces.
    var cursor = start + length
    while cursor < bytes.count && (bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t")) {
      cursor += 1
    }
    guard cursor > start + length else { return nil }
    let yearDigits = digitRun(from: cursor)
    guard yearDigits >= 1, cursor + yearDigits >= bytes.count || !isIdentifierByte(bytes[cursor + yearDigits]) else {
      return nil
    }
    let end = cursor + yearDigits
    let word = source.text(of: Span(start: start, end: start + length))
    let number = Int(source.text(of: Span(start: index + 1, end: index + 1 + digits))) ?? 0
    let quarter = letter == UInt8(ascii: "q")
    if quarter ? !(1...4).contains(number) : !(1...2).contains(number) {
      return (
        end,
        quarter
          ? "'\(word)' is not a quarter: quarters are q1 to q4 (q3 2009, cq3 2009)"
          : "'\(word)' is not a half year: halves are h1 and h2 (h1 2009)"
      )
    }
    if yearDigits != 4 {
      let year = source.text(of: Span(start: cursor, end: end))
      let full = yearDigits == 2 ? "\(word) 20\(year)" : "\(word) 2009"
      return (end, "write the year of '\(word) \(year)' with four digits: \(full)")
    }
    return nil
  }

  /// Recognises `q3 2009`, `cq3 2009`, `h1 2009`, `fy 2008`, `fy2008`, `cy2009`.
  private func periodEnd(wordStart start: Int, wordLength length: Int) -> Int? {
    var index = start
    if length >= 2 && lower(bytes[index]) == UInt8(ascii: "c") && length <= 6 {
      let second = lower(bytes[index + 1])
      if second == UInt8(ascii: "q") || second == UInt8(ascii: "h") || second == UInt8(ascii: "y") { index += 1 }
    }
    let letter = lower(bytes[index])
    let rest = start + length - (index + 1)
    switch letter {
    case UInt8(ascii: "q"), UInt8(ascii: "h"):
      guard rest == 1 else { return nil }
      let digit = bytes[index + 1]
      let valid = letter == UInt8(ascii: "q") ? (digit >= 0x31 && digit <= 0x34) : (digit == 0x31 || digit == 0x32)
      guard valid else { return nil }
      if let end = yearAfterSpace(from: start + length) { return end }
      // `q2 fy2004`, `Q2 FY 2004`: a fiscal quarter as analysts write it (not after `c`).
      guard index == start else { return nil }
      var cursor = start + length
      while cursor < bytes.count && (bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t")) {
        cursor += 1
      }
      guard cursor > start + length, cursor + 2 < bytes.count, lower(bytes[cursor]) == UInt8(ascii: "f"),
        lower(bytes[cursor + 1]) == UInt8(ascii: "y")
      else { return nil }
      return yearAt(cursor + 2) ?? yearAfterSpace(from: cursor + 2)
    case UInt8(ascii: "f"), UInt8(ascii: "y"):
      if letter == UInt8(ascii: "f") {
        guard index + 1 < start + length, lower(bytes[index + 1]) == UInt8(ascii: "y") else { return nil }
        index += 1
      } else if index == start {
        return nil  // a bare `y…` word is an identifier
      }
      let digits = start + length - (index + 1)
      if digits == 0 { return yearAfterSpace(from: start + length) }
      if digits == 4 && digitRun(from: index + 1) == 4 { return start + length }
      return nil
    default:
      return nil
    }
  }

  private func keyword(start: Int, length: Int) -> TokenKind? {
    func matches(_ word: StaticString) -> Bool {
      guard word.utf8CodeUnitCount == length else { return false }
      let pointer = word.utf8Start
      for offset in 0..<length where bytes[start + offset] != pointer[offset] { return false }
      return true
    }
    switch bytes[start] {
    case UInt8(ascii: "a"):
      if matches("and") { return .kwAnd }
      if matches("assert") { return .kwAssert }
    case UInt8(ascii: "c"): if matches("check") { return .kwCheck }
    case UInt8(ascii: "d"): if matches("def") { return .kwDef }
    case UInt8(ascii: "e"): if matches("explain") { return .kwExplain }
    case UInt8(ascii: "f"):
      if matches("for") { return .kwFor }
      if matches("false") { return .kwFalse }
    case UInt8(ascii: "l"):
      if matches("let") { return .kwLet }
      if matches("load") { return .kwLoad }
    case UInt8(ascii: "n"): if matches("not") { return .kwNot }
    case UInt8(ascii: "o"): if matches("or") { return .kwOr }
    case UInt8(ascii: "t"):
      if matches("table") { return .kwTable }
      if matches("true") { return .kwTrue }
    case UInt8(ascii: "u"): if matches("use") { return .kwUse }
    default: break
    }
    return nil
  }

  // MARK: Numbers, dates and numbered periods

  private mutating func lexNumberOrPeriod() -> Token {
    let start = position
    let leadingDigits = digitRun(from: position)
    // A date: YYYY-MM-DD, never a subtraction.
    if leadingDigits == 4, peek(4) == UInt8(ascii: "-"), digitRun(from: position + 5) == 2,
      peek(7) == UInt8(ascii: "-"), digitRun(from: position + 8) == 2
    {
      position += 10
      let end = position
      if position < bytes.count && isIdentifierByte(bytes[position]) {
        while position < bytes.count && isIdentifierByte(bytes[position]) { position += 1 }
        return invalid(
          .invalidDate,
          "invalid date '\(source.text(of: Span(start: start, end: position)))'; write dates as YYYY-MM-DD", start)
      }
      // The shape is checked above (4-2-2 digits), so this is `CivilDate(iso:)` without a String.
      func number(_ from: Int, _ count: Int) -> Int {
        var value = 0
        for index in from..<(from + count) { value = value * 10 + Int(bytes[index] - 0x30) }
        return value
      }
      if CivilDate(year: number(start, 4), month: number(start + 5, 2), day: number(start + 8, 2)) == nil {
        return invalid(.invalidDate, "'\(source.text(of: Span(start: start, end: end)))' is not a calendar date", start)
      }
      return Token(.date, Span(start: start, end: end))
    }
    // Something shaped like a date but not YYYY-MM-DD (2009-9-30, 2009-09-300): an error, not
    // a silent subtraction, since total_assets(2009-9-30) would otherwise ask for the year 1970.
    if leadingDigits == 4, peek(4) == UInt8(ascii: "-") {
      let monthDigits = digitRun(from: position + 5)
      if monthDigits >= 1, monthDigits <= 2, peek(5 + monthDigits) == UInt8(ascii: "-") {
        let dayStart = position + 6 + monthDigits
        let dayDigits = digitRun(from: dayStart)
        if dayDigits >= 1 {
          position = dayStart + dayDigits
          let text = source.text(of: Span(start: start, end: position))
          let parts = text.split(separator: "-").compactMap { Int($0) }
          var message = "'\(text)' is not a date; write dates as YYYY-MM-DD"
          if parts.count == 3, let date = CivilDate(year: parts[0], month: parts[1], day: parts[2]) {
            message += "; did you mean \(date)?"
          }
          return invalid(.invalidDate, message, start)
        }
      }
    }
    // 2009q3, 2009h1, 2009fy
    if leadingDigits == 4, position + 5 < bytes.count + 1 {
      let after = position + 4
      if after + 1 < bytes.count {
        let letter = lower(bytes[after])
        let digit = bytes[after + 1]
        let quarter = letter == UInt8(ascii: "q") && digit >= 0x31 && digit <= 0x34
        let half = letter == UInt8(ascii: "h") && (digit == 0x31 || digit == 0x32)
        if (quarter || half) && (after + 2 >= bytes.count || !isIdentifierByte(bytes[after + 2])) {
          position = after + 2
          return Token(.period, Span(start: start, end: position))
        }
      }
    }
    // 9m 2009: months to date.
    if leadingDigits <= 2, let letter = peek(leadingDigits), lower(letter) == UInt8(ascii: "m"),
      position + leadingDigits + 1 <= bytes.count,
      position + leadingDigits + 1 == bytes.count || !isIdentifierByte(bytes[position + leadingDigits + 1]),
      let yearEnd = yearAfterSpace(from: position + leadingDigits + 1)
    {
      position = yearEnd
      let months = Int(source.text(of: Span(start: start, end: start + leadingDigits))) ?? 0
      if months < 1 || months > 12 {
        return invalid(.invalidPeriod, "a year-to-date period has 1 to 12 months, not \(months)", start)
      }
      return Token(.period, Span(start: start, end: yearEnd))
    }
    return lexNumberBody(start: start, kind: .number)
  }

  private mutating func lexMoney() -> Token {
    let start = position
    position += 1
    guard position < bytes.count,
      isDigit(bytes[position]) || (bytes[position] == UInt8(ascii: ".") && peek(1).map(isDigit) == true)
    else {
      return invalid(.invalidNumber, "expected digits after '$'", start)
    }
    return lexNumberBody(start: start, kind: .money)
  }

  /// Digits with `_` separators, a fraction, an exponent, then an optional suffix:
  /// `k`, `M`/`m`, `bn`/`B` scale; `%`, `pp`, `x` units.
  /// Whether the comma at `comma` separates thousands in the number that starts at `start`:
  /// one to three digits before it (back to the number's start or the previous comma) and
  /// exactly three after it.
  private func thousandsGroup(at comma: Int, start: Int) -> Bool {
    var before = 0
    var k = comma - 1
    while k >= start, isDigit(bytes[k]) {
      before += 1
      k -= 1
    }
    let leadingGroup = k < start || bytes[k] == UInt8(ascii: "$")
    guard (1...3).contains(before), leadingGroup || bytes[k] == UInt8(ascii: ","), before == 3 || leadingGroup else {
      return false
    }
    guard comma + 3 < bytes.count || comma + 3 == bytes.count else { return false }
    for j in 1...3 where comma + j >= bytes.count || !isDigit(bytes[comma + j]) { return false }
    return comma + 4 >= bytes.count || !isDigit(bytes[comma + 4])
  }

  private mutating func lexNumberBody(start: Int, kind: TokenKind) -> Token {
    var sawPoint = false
    while position < bytes.count {
      let byte = bytes[position]
      if isDigit(byte) {
        position += 1
      } else if byte == UInt8(ascii: "_"), position + 1 < bytes.count, isDigit(bytes[position + 1]), position > start,
        isDigit(bytes[position - 1])
      {
        position += 1
      } else if byte == UInt8(ascii: "."), !sawPoint, position + 1 < bytes.count, isDigit(bytes[position + 1]) {
        sawPoint = true
        position += 1
      } else if kind == .money, byte == UInt8(ascii: ","), !sawPoint, thousandsGroup(at: position, start: start) {
        // "$11,000,000" as analysts type money: a comma before exactly three digits, after one
        // to three digits (or another such group), is a thousands separator. "$1,5" or
        // "max($1, $2)" stay a comma between arguments.
        position += 1
      } else {
        break
      }
    }
    // Exponent: e or E, optional sign, digits.
    if position < bytes.count, lower(bytes[position]) == UInt8(ascii: "e") {
      var cursor = position + 1
      if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
      if cursor < bytes.count, isDigit(bytes[cursor]) {
        position = cursor + digitRun(from: cursor)
      }
    }
    // Suffix.
    var resultKind = kind
    let suffixStart = position
    while position < bytes.count && isLetter(bytes[position]) { position += 1 }
    // The suffix is told apart on bytes; a String of it is made only for the message.
    let first = position > suffixStart ? bytes[suffixStart] : 0
    let second = position > suffixStart + 1 ? bytes[suffixStart + 1] : 0
    let suffix: UInt8
    switch position - suffixStart {
    case 0: suffix = UInt8(ascii: "k")
    case 1: suffix = first == UInt8(ascii: "x") || first == UInt8(ascii: "p") ? first | 0x80 : first
    case 2:
      if first == UInt8(ascii: "b") && second == UInt8(ascii: "n") {
        suffix = UInt8(ascii: "k")
      } else if first == UInt8(ascii: "p") && second == UInt8(ascii: "p") {
        suffix = UInt8(ascii: "p")
      } else {
        suffix = 0
      }
    default: suffix = 0
    }
    switch suffix {
    case UInt8(ascii: "k"), UInt8(ascii: "K"), UInt8(ascii: "m"), UInt8(ascii: "M"), UInt8(ascii: "B"),
      UInt8(ascii: "b"):
      break
    case UInt8(ascii: "p"):
      if kind == .money { return invalid(.invalidNumber, "a money amount cannot be in percentage points", start) }
      resultKind = .percentagePoints
    case UInt8(ascii: "x") | 0x80:
      if kind == .money { return invalid(.invalidNumber, "a money amount cannot be a multiple", start) }
      resultKind = .multiple
    default:
      let suffix = source.text(of: Span(start: suffixStart, end: position))
      while position < bytes.count && isIdentifierByte(bytes[position]) { position += 1 }
      return invalid(
        .invalidNumber,
        "unknown suffix '\(suffix)' on a number; use k, M or bn for scale, % or pp for percentages, x for multiples",
        start)
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "%") {
      if kind == .money || resultKind != kind {
        position += 1
        return invalid(.invalidNumber, "'%' cannot follow this amount", start)
      }
      position += 1
      resultKind = .percent
    }
    if position < bytes.count, isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") {
      while position < bytes.count && isIdentifierByte(bytes[position]) { position += 1 }
      return invalid(.invalidNumber, "malformed number '\(source.text(of: Span(start: start, end: position)))'", start)
    }
    return Token(resultKind, Span(start: start, end: position))
  }
}
