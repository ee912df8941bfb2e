// MARK: - Reading figures out of table cells

/// What one printed cell holds once its dollar signs, parentheses and markup are read.
enum CellValue: Equatable {
  /// Nothing printed.
  case empty
  /// `NM`, `n/m`, `n/a`: printed, but not a number.
  case notMeaningful
  /// A figure as printed (before scale): `(1,234)` is -1234; `8.3%` is 8.3 with `isPercent`.
  case number(Decimal, isPercent: Bool)
  /// Looks like a figure but cannot be read (`12,3x4`).
  case invalid
}

enum CellReader {
  /// Reads `$11,853,020`, `$ (1,810,989)`, `(4%)`, `-9%`, `-`, `—`, `$—`, `NM`, `<u>$ (0.03)</u>`,
  /// `1,234 (1)` (a footnote mark after the figure).
  static func read(_ text: String) -> CellValue {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var letters = 0
    var digits = 0
    var dashes = 0
    var stray = 0
    // Keep digits, separators, signs and letters; drop currency marks and spaces.
    var text = text
    text.withUTF8 { utf8 in
      var iterator = utf8.makeIterator()
      while let byte = iterator.next() {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
          digits += 1
          bytes.append(byte)
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "%"):
          bytes.append(byte)
        case UInt8(ascii: "-"):
          dashes += 1
          bytes.append(byte)
        case UInt8(ascii: "$"), UInt8(ascii: " "), UInt8(ascii: "\\"), UInt8(ascii: "\t"), UInt8(ascii: "*"),
          UInt8(ascii: "+"):
          continue
        case 0xE2:
          // U+2012…U+2015 dashes and U+2212 minus: E2 80 92…95, E2 88 92.
          let b1 = iterator.next() ?? 0
          let b2 = iterator.next() ?? 0
          if (b1 == 0x80 && (0x92...0x95).contains(b2)) || (b1 == 0x88 && b2 == 0x92) {
            dashes += 1
            bytes.append(UInt8(ascii: "-"))
          }
        case 0x80...0xFF:
          // Other non-ASCII (currency signs such as £, €, a no-break space): ignore.
          continue
        default:
          if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "/") {
            letters += 1
            bytes.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
          } else if byte > 0x20 {
            // `;`, `:`, `#`, `=`…: not part of any printed figure.
            stray += 1
          }
        }
      }
    }
    if bytes.isEmpty { return .empty }
    if stray > 0 && digits > 0 { return .invalid }
    if digits == 0 {
      if letters == 0 {
        if dashes > 0
          && bytes.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") })
        {
          return .number(.zero, isPercent: false)
        }
        if bytes.allSatisfy({ $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "-") }) && dashes > 0 {
          return .number(.zero, isPercent: true)
        }
        return .empty
      }
      return .notMeaningful
    }
    if letters > 0 {
      // `2003*`-style marks were dropped already; letters next to digits are footnotes like
      // `(a)` or real garbage. Strip a trailing parenthesised footnote and try again.
      return readNumber(stripFootnotes(bytes)) ?? (letters > digits ? .notMeaningful : .invalid)
    }
    return readNumber(stripFootnotes(bytes)) ?? .invalid
  }

  /// Drops `(1)`, `(a)`, `(8)(a)` printed after a figure.
  static func stripFootnotes(_ input: [UInt8]) -> [UInt8] {
    var bytes = input
    while bytes.last == UInt8(ascii: ")") {
      guard let open = bytes.lastIndex(of: UInt8(ascii: "(")), open > 0 else { break }
      let inner = bytes[(open + 1)..<(bytes.count - 1)]
      guard inner.count <= 2, !inner.isEmpty else { break }
      // Only a mark if there is already a figure before it.
      let before = bytes[..<open]
      guard before.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { break }
      // `(1,234)(1)`: the mark follows a closing parenthesis or a digit or percent.
      let last = before.last!
      guard last == UInt8(ascii: ")") || (last >= 0x30 && last <= 0x39) || last == UInt8(ascii: "%") else {
        break
      }
      bytes.removeSubrange(open...)
    }
    // Most cells hold no letter: no second array for them.
    func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "/") }
    return bytes.contains(where: isLetter) ? bytes.filter { !isLetter($0) } : bytes
  }

  /// Reads the cleaned bytes `(1,234.5)`, `-9%`, `(4%)`, `12.3` strictly.
  static func readNumber(_ bytes: [UInt8]) -> CellValue? {
    var start = 0
    var end = bytes.count
    var negative = false
    var percent = false
    // Trailing percent, possibly inside or outside the parenthesis.
    func trim() {
      while end > start, bytes[end - 1] == UInt8(ascii: "%") {
        percent = true
        end -= 1
      }
    }
    trim()
    if end > start, bytes[start] == UInt8(ascii: "("), bytes[end - 1] == UInt8(ascii: ")") {
      negative = true
      start += 1
      end -= 1
      trim()
    } else if end > start, bytes[start] == UInt8(ascii: "("), !bytes[start..<end].contains(UInt8(ascii: ")")) {
      // `(1,234` with the closing parenthesis in the next cell that was not merged.
      negative = true
      start += 1
    }
    if end > start, bytes[start] == UInt8(ascii: "-") {
      negative.toggle()
      start += 1
    }
    if end > start, bytes[start] == UInt8(ascii: "("), bytes[end - 1] == UInt8(ascii: ")") {
      negative = true
      start += 1
      end -= 1
      trim()
    }
    guard end > start else { return nil }
    // Digits with optional thousands separators in groups of three and one decimal point.
    // The value is built as the digits are checked, as `Decimal(parsing:)` builds it from the
    // digits and point (no array of them, no String): up to 37 digits into the significand,
    // later ones only move the exponent (and make it inexact unless zero).
    var groupDigits = 0
    var sawComma = false
    var sawPoint = false
    var sawDigit = false
    var digits = DecimalDigits()
    for index in start..<end {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        sawDigit = true
        digits.append(byte, afterPoint: sawPoint)
        groupDigits += 1
      } else if byte == UInt8(ascii: ","), !sawPoint {
        if sawComma {
          if groupDigits != 3 { return nil }
        } else {
          if groupDigits == 0 || groupDigits > 3 { return nil }
        }
        sawComma = true
        groupDigits = 0
      } else if byte == UInt8(ascii: "."), !sawPoint {
        if sawComma && groupDigits != 3 { return nil }
        sawPoint = true
        groupDigits = 0
      } else {
        return nil
      }
    }
    if sawComma && !sawPoint && groupDigits != 3 { return nil }
    guard sawDigit,
      let value = try? Decimal(significand: digits.significand, exponent: digits.exponent, exact: digits.exact)
    else {
      return nil
    }
    return .number(negative ? value.negated() : value, isPercent: percent)
  }

  /// Whether a cell holds only a rule: `-----`, `=====`, `____`.
  static func ruleKind(_ text: String) -> RuleKind? {
    var dashes = 0
    var equals = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "-"), UInt8(ascii: "_"): dashes += 1
      case UInt8(ascii: "="): equals += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ":"): continue
      default: return nil
      }
    }
    if equals >= 2 { return .double }
    if dashes >= 2 { return .single }
    return nil
  }

  /// A four-digit year (1900…2099) at the start of a header cell, ignoring footnote marks:
  /// `2009`, `2003*`, `2008(1)`.
  static func year(in text: String) -> Int? {
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "$") { index += 1 }
    var value = 0
    var count = 0
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      if count < 5 { value = value * 10 + Int(bytes[index] - 0x30) }  // no overflow on long runs
      count += 1
      index += 1
    }
    guard count == 4, (1900...2099).contains(value) else { return nil }
    if index < bytes.count {
      let next = bytes[index]
      if next == UInt8(ascii: ",") || next == UInt8(ascii: ".") || (next >= 0x30 && next <= 0x39) { return nil }
    }
    return value
  }
}

extension CellReader {
  /// A column heading that is only a year, with at most a footnote mark after it: `2009`,
  /// `2003*`, `2011(1)`, `2010 (a)`, `2012†`, `$2008` is not (a dollar sign makes it a figure).
  static func isYearHeading(_ text: String) -> Bool {
    // Cheap rejections first: this runs on every figure cell of every table.
    guard text.utf8.count <= 16, let lead = text.utf8.first(where: { $0 != 0x20 }), lead >= 0x30 && lead <= 0x39 else {
      return false
    }
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    let start = index
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    guard index - start == 4, year(in: text) != nil else { return false }
    var rest = bytes[index...].drop { $0 == 0x20 }
    while rest.last == 0x20 { rest = rest.dropLast() }
    if rest.isEmpty { return true }
    if rest.allSatisfy({ $0 == UInt8(ascii: "*") }) && rest.count <= 3 { return true }
    if rest == [0xE2, 0x80, 0xA0] || rest == [0xE2, 0x80, 0xA1] { return true }  // † ‡
    // `(1)`, `(a)`, `(1)(2)`.
    var marks = rest[...]
    while marks.first == UInt8(ascii: "("), let close = marks.firstIndex(of: UInt8(ascii: ")")) {
      let inner = marks[(marks.startIndex + 1)..<close]
      guard !inner.isEmpty, inner.count <= 2,
        inner.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) })
      else {
        return false
      }
      marks = marks[(close + 1)...]
    }
    return marks.isEmpty
  }
}

enum RuleKind { case single, double }
