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
    // Keep digits, separators, signs and letters; drop currency marks and spaces.
    var iterator = text.utf8.makeIterator()
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
      case UInt8(ascii: "$"), UInt8(ascii: " "), UInt8(ascii: "\\"), UInt8(ascii: "\t"), UInt8(ascii: "*"):
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
        }
      }
    }
    if bytes.isEmpty { return .empty }
    if digits == 0 {
      if letters == 0 {
        if dashes > 0 && bytes.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) {
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
    return bytes.filter { !($0 >= 0x61 && $0 <= 0x7A) && $0 != UInt8(ascii: "/") }
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
    if end > start, bytes[start] == UInt8(ascii: "(") , bytes[end - 1] == UInt8(ascii: ")") {
      negative = true
      start += 1
      end -= 1
      trim()
    }
    guard end > start else { return nil }
    // Digits with optional thousands separators in groups of three and one decimal point.
    var text: [UInt8] = []
    text.reserveCapacity(end - start)
    var groupDigits = 0
    var sawComma = false
    var sawPoint = false
    var digitsBeforeComma = 0
    for index in start..<end {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        text.append(byte)
        groupDigits += 1
      } else if byte == UInt8(ascii: ","), !sawPoint {
        if sawComma {
          if groupDigits != 3 { return nil }
        } else {
          if groupDigits == 0 || groupDigits > 3 { return nil }
          digitsBeforeComma = groupDigits
        }
        sawComma = true
        groupDigits = 0
      } else if byte == UInt8(ascii: "."), !sawPoint {
        if sawComma && groupDigits != 3 { return nil }
        sawPoint = true
        text.append(byte)
        groupDigits = 0
      } else {
        return nil
      }
    }
    _ = digitsBeforeComma
    if sawComma && !sawPoint && groupDigits != 3 { return nil }
    guard let value = Decimal(parsing: String(decoding: text, as: UTF8.self)) else { return nil }
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
      value = value * 10 + Int(bytes[index] - 0x30)
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

enum RuleKind { case single, double }

// MARK: - Text helpers over UTF-8

enum TextTools {
  /// Removes inline markup found in Markdown cells and prose: `<u>`, `</u>`, `<br>`, `**`, `\$`.
  static func cleanInline(_ text: Substring) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "&") })
    else { return collapseSpaces(text) }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    let bytes = Array(utf8)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<") {
        // A short tag: drop it (a line break becomes a space unless it follows a hyphen).
        var close = index + 1
        while close < bytes.count, close - index < 12, bytes[close] != UInt8(ascii: ">") { close += 1 }
        if close < bytes.count, bytes[close] == UInt8(ascii: ">"), close - index < 12,
          close > index + 1, bytes[index + 1] != UInt8(ascii: " ")
        {
          let name = bytes[(index + 1)..<close].map { $0 | 0x20 }
          if name.starts(with: Array("br".utf8)) && out.last != UInt8(ascii: "-") { out.append(UInt8(ascii: " ")) }
          index = close + 1
          continue
        }
      } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
        out.append(bytes[index + 1])
        index += 2
        continue
      } else if byte == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
        index += 2
        continue
      } else if byte == UInt8(ascii: "&") {
        if let (decoded, length) = HTMLEntities.decode(bytes, at: index) {
          out.append(contentsOf: decoded)
          index += length
          continue
        }
      }
      out.append(byte)
      index += 1
    }
    return collapseSpaces(Substring(String(decoding: out, as: UTF8.self)))
  }

  /// Trims and collapses runs of whitespace (including no-break spaces) to one space.
  static func collapseSpaces(_ text: Substring) -> String {
    // Fast path: nothing to trim or collapse.
    var clean = true
    var previousSpace = true
    for byte in text.utf8 {
      if byte == 0x20 {
        if previousSpace { clean = false; break }
        previousSpace = true
      } else if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xC2 {
        clean = false
        break
      } else {
        previousSpace = false
      }
    }
    if clean && !previousSpace { return String(text) }
    if text.isEmpty { return "" }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        pendingSpace = !out.isEmpty
        continue
      }
      if byte == 0xC2 {
        // U+00A0 no-break space.
        if let next = iterator.next() {
          if next == 0xA0 {
            pendingSpace = !out.isEmpty
            continue
          }
          if pendingSpace { out.append(0x20); pendingSpace = false }
          out.append(byte)
          out.append(next)
          continue
        }
      }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Lower-case ASCII words of a label for matching: "Stockholders' Equity (Deficit)" →
  /// "stockholders equity deficit". Footnote marks and punctuation vanish; `&` is "and".
  static func normalize(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
      var byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "'") || (byte == 0xE2 && index + 1 < bytes.count && bytes[index] == 0x80 && bytes[index + 1] == 0x99) {
        if byte == 0xE2 { index += 2 }
        continue
      }
      if byte == UInt8(ascii: "&") {
        if !out.isEmpty { out.append(0x20) }
        out.append(contentsOf: Array("and".utf8))
        pendingSpace = true
        continue
      }
      if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
      let isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
      if isWordByte {
        if pendingSpace && !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(byte)
      } else {
        pendingSpace = true
      }
    }
    // Footnote marks: a trailing lone digit or letter in parentheses was split off as a word.
    guard text.hasSuffix(")") || text.hasSuffix("*") else { return String(decoding: out, as: UTF8.self) }
    var words = String(decoding: out, as: UTF8.self).split(separator: " ")
    while let last = words.last, words.count > 1, last.count == 1, text.hasSuffix(")") || text.hasSuffix("*") {
      if last.first!.isNumber || ["a", "b", "c", "d", "e"].contains(last) { words.removeLast() } else { break }
    }
    return words.joined(separator: " ")
  }

  /// Words separated by spaces, as substrings of `text` (cut on UTF-8 bytes, not Characters).
  static func splitOnSpaces(_ text: String) -> [Substring] {
    var result: [Substring] = []
    let utf8 = text.utf8
    var start: String.Index? = nil
    var index = utf8.startIndex
    while index != utf8.endIndex {
      if utf8[index] == 0x20 {
        if let s = start { result.append(text[s..<index]) }
        start = nil
      } else if start == nil {
        start = index
      }
      index = utf8.index(after: index)
    }
    if let s = start { result.append(text[s..<utf8.endIndex]) }
    return result
  }

  /// snake_case identifier made from words: "Advertising and Marketing" → advertising_and_marketing.
  static func slug(_ text: String, limit: Int = 64) -> String {
    let words = normalize(text).split(separator: " ")
    var result = ""
    for word in words {
      if result.utf8.count + word.utf8.count + 1 > limit { break }
      if !result.isEmpty { result += "_" }
      result += word
    }
    if result.isEmpty { return "item" }
    if let first = result.utf8.first, first >= 0x30 && first <= 0x39 { result = "item_" + result }
    return result
  }

  static func lowercasedASCII(_ text: String) -> String {
    String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }
}

// MARK: - HTML character references

enum HTMLEntities {
  static let named: [String: String] = [
    "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "mdash": "—",
    "ndash": "–", "minus": "−", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    "middot": "·", "bull": "•", "hellip": "…", "pound": "£", "euro": "€", "cent": "¢", "reg": "®",
    "trade": "™", "copy": "©", "sect": "§", "para": "¶", "dagger": "†", "thinsp": " ", "ensp": " ",
    "emsp": " ",
  ]

  /// Decodes `&nbsp;`, `&#8212;`, `&#x2014;` at `index`; returns the bytes and the length read.
  static func decode(_ bytes: [UInt8], at index: Int) -> ([UInt8], Int)? {
    var end = index + 1
    while end < bytes.count, end - index <= 10, bytes[end] != UInt8(ascii: ";") {
      let b = bytes[end]
      let ok = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "#")
      if !ok { return nil }
      end += 1
    }
    guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return nil }
    let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
    let length = end - index + 1
    if name.hasPrefix("#") {
      var digits = name.dropFirst()
      var radix = 10
      if digits.first == "x" || digits.first == "X" {
        radix = 16
        digits = digits.dropFirst()
      }
      guard var code = UInt32(digits, radix: radix) else { return nil }
      // Windows-1252 code points that EDGAR files use as character references.
      switch code {
      case 150: code = 0x2013
      case 151: code = 0x2014
      case 146: code = 0x2019
      case 145: code = 0x2018
      case 147: code = 0x201C
      case 148: code = 0x201D
      case 160: code = 0x20
      default: break
      }
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return (Array(String(Character(scalar)).utf8), length)
    }
    guard let value = named[name.lowercased()] else { return nil }
    return (Array(value.utf8), length)
  }
}

// MARK: - Fast substring search

extension StringProtocol {
  /// Whether `needle` occurs in the text, by a plain search over UTF-8 bytes. The generic
  /// `contains(_:)` from _StringProcessing builds a searcher on every call, which dominated
  /// import time; needles here are short words.
  func has(_ needle: String) -> Bool {
    var needle = needle
    return needle.withUTF8 { pattern -> Bool in
      guard !pattern.isEmpty else { return true }
      if let found = utf8.withContiguousStorageIfAvailable({ TextTools.search($0, pattern) }) { return found }
      return Array(utf8).withUnsafeBufferPointer { TextTools.search($0, pattern) }
    }
  }
}

extension TextTools {
  static func search(_ text: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = text.count
    let m = pattern.count
    guard m <= n else { return false }
    let first = pattern[0]
    var i = 0
    while i <= n - m {
      if text[i] == first {
        var k = 1
        while k < m && text[i + k] == pattern[k] { k += 1 }
        if k == m { return true }
      }
      i += 1
    }
    return false
  }
}

extension Sequence where Element == String {
  /// Element membership, spelled like `StringProtocol.has` so word lists read the same.
  func has(_ word: String) -> Bool { contains(word) }
}
