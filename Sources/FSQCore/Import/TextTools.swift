#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Text helpers over UTF-8

enum TextTools {
  /// Removes inline markup found in Markdown cells and prose: `<u>`, `</u>`, `<br>`, `**`, `\$`.
  static func cleanInline(_ text: Substring) -> String {
    var text = text
    return text.withUTF8(cleanInline(bytes:))
  }

  /// `cleanInline` on contiguous bytes: one pass to drop the markup, one to collapse spaces,
  /// with no String in between.
  static func cleanInline(bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard
      bytes.contains(where: {
        $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "&")
      })
    else { return collapseSpaces(bytes: bytes) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
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
    return out.withUnsafeBufferPointer(collapseSpaces(bytes:))
  }

  /// Drops Markdown emphasis around a whole cell: `*Operating expenses:*`, `_Net sales_`.
  static func stripEmphasis(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.count >= 3, let first = utf8.first, first == utf8.last,
      first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
    else { return text }
    let inner = utf8.dropFirst().dropLast()
    guard let a = inner.first, let b = inner.last, a != 0x20, b != 0x20, a != first, b != first else { return text }
    return String(decoding: inner, as: UTF8.self)
  }

  /// Trims and collapses runs of whitespace (including no-break spaces) to one space.
  static func collapseSpaces(_ text: Substring) -> String {
    var text = text
    return text.withUTF8(collapseSpaces(bytes:))
  }

  /// `collapseSpaces` on contiguous bytes (invalid UTF-8 is repaired at the end, as
  /// `String(decoding:)` does).
  static func collapseSpaces(bytes text: UnsafeBufferPointer<UInt8>) -> String {
    // Fast path: only spaces to trim (padded Markdown cells), nothing to collapse.
    var start = 0
    var end = text.count
    while start < end, text[start] == 0x20 { start += 1 }
    while end > start, text[end - 1] == 0x20 { end -= 1 }
    if start == end { return "" }
    var clean = true
    var previousSpace = false
    for index in start..<end {
      let byte = text[index]
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
    if clean { return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var pendingSpace = false
    var iterator = text.makeIterator()
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
    // On the contiguous bytes of a native string (copying them to an array first was a good
    // part of this function, which runs on every label and many sentences).
    if let normalized = text.utf8.withContiguousStorageIfAvailable({ normalize(bytes: $0, text: text) }) {
      return normalized
    }
    return Array(text.utf8).withUnsafeBufferPointer { normalize(bytes: $0, text: text) }
  }

  /// `normalize` over the UTF-8 bytes of `text`.
  private static func normalize(bytes: UnsafeBufferPointer<UInt8>, text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    var index = 0
    while index < bytes.count {
      var byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "'")
        || (byte == 0xE2 && index + 1 < bytes.count && bytes[index] == 0x80 && bytes[index + 1] == 0x99)
      {
        if byte == 0xE2 { index += 2 }
        continue
      }
      if byte == UInt8(ascii: "&") {
        if !out.isEmpty { out.append(0x20) }
        out.append(UInt8(ascii: "a"))
        out.append(UInt8(ascii: "n"))
        out.append(UInt8(ascii: "d"))
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
    guard endsWithASCII(bytes, text: text, UInt8(ascii: ")")) || endsWithASCII(bytes, text: text, UInt8(ascii: "*"))
    else { return String(decoding: out, as: UTF8.self) }
    // `out` is ASCII words joined by single spaces, so the words are cut on bytes: drop last
    // words of one digit or one of a-e while more than one word is left.
    var end = out.count
    while let space = out[..<end].lastIndex(of: 0x20), end - space == 2 {
      let mark = out[space + 1]
      guard (mark >= 0x30 && mark <= 0x39) || (mark >= 0x61 && mark <= 0x65) else { break }
      end = space
    }
    return String(decoding: out[..<end], as: UTF8.self)
  }

  /// `text.hasSuffix(String(mark))` for an ASCII mark, said on the bytes when the last
  /// Character is plainly that byte (an ASCII byte before it); the Character comparison
  /// otherwise.
  private static func endsWithASCII(_ bytes: UnsafeBufferPointer<UInt8>, text: String, _ mark: UInt8) -> Bool {
    guard let last = bytes.last else { return false }
    if last != mark { return false }
    if bytes.count == 1 || bytes[bytes.count - 2] < 0x80 && bytes[bytes.count - 2] != 0x0D { return true }
    return text.hasSuffix(String(UnicodeScalar(mark)))
  }

  /// Words separated by spaces (and, with `lineBreaks`, by line breaks and tabs: prose
  /// wrapped inside a paragraph), as substrings of `text` (cut on UTF-8 bytes, not Characters).
  static func splitOnSpaces(_ text: String, lineBreaks: Bool = false) -> [Substring] {
    @inline(__always) func separates(_ b: UInt8) -> Bool {
      b == 0x20 || (lineBreaks && (b == 0x0A || b == 0x0D || b == 0x09))
    }
    // Scanned on the contiguous bytes (native strings); UTF8View offsets are O(1) there.
    let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> [Substring] in
      var result: [Substring] = []
      let utf8 = text.utf8
      var start = -1
      for offset in 0..<bytes.count {
        if separates(bytes[offset]) {
          if start >= 0 {
            result.append(
              text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: offset)])
          }
          start = -1
        } else if start < 0 {
          start = offset
        }
      }
      if start >= 0 { result.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.endIndex]) }
      return result
    }
    if let fast { return fast }
    var result: [Substring] = []
    let utf8 = text.utf8
    var start: String.Index? = nil
    var index = utf8.startIndex
    while index != utf8.endIndex {
      if separates(utf8[index]) {
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
    let words = TextTools.splitOnSpaces(normalize(text))
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
  static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> ([UInt8], Int)?
  where Bytes.Index == Int {
    var end = index + 1
    while end < bytes.count, end - index <= 10, bytes[end] != UInt8(ascii: ";") {
      let b = bytes[end]
      let ok =
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "#")
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
  /// Where `needle` first occurs in `text`, by a plain byte search (the generic
  /// `firstRange(of:)` builds a searcher per call, which showed in HTML import profiles).
  static func firstRange(of needle: String, in text: String) -> Range<String.Index>? {
    let pattern = Array(needle.utf8)
    let utf8 = text.utf8
    guard let first = pattern.first, utf8.count >= pattern.count else { return nil }
    var index = utf8.startIndex
    while index != utf8.endIndex {
      if utf8[index] == first {
        var probe = index
        var k = 0
        while k < pattern.count, probe != utf8.endIndex, utf8[probe] == pattern[k] {
          k += 1
          probe = utf8.index(after: probe)
        }
        if k == pattern.count { return index..<probe }
      }
      index = utf8.index(after: index)
    }
    return nil
  }

  /// The first index at or after `from` holding `byte`, found by `memchr`.
  static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard from < bytes.count, let base = bytes.baseAddress,
      let hit = memchr(base + from, Int32(byte), bytes.count - from)
    else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }

  static func search(_ text: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = text.count
    let m = pattern.count
    guard m <= n else { return false }
    guard let base = text.baseAddress, let needle = pattern.baseAddress else { return false }
    let first = Int32(pattern[0])
    // The first byte found by memchr (vectorised in the C library), then the rest compared:
    // a loop over every byte was most of a search on a paragraph.
    var i = 0
    let last = n - m
    while i <= last {
      guard let hit = memchr(base + i, first, last - i + 1) else { return false }
      let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if m == 1 || memcmp(base + at + 1, needle + 1, m - 1) == 0 { return true }
      i = at + 1
    }
    return false
  }
}

extension TextTools {
  /// Whether `TextTools.lowercasedASCII(text)` contains `lowerNeedle` (lower-case ASCII), found
  /// without making the lower-cased copy: a cheap test before code that makes it.
  static func hasASCIICaseInsensitive(_ text: String, _ lowerNeedle: StaticString) -> Bool {
    let pattern = UnsafeBufferPointer(start: lowerNeedle.utf8Start, count: lowerNeedle.utf8CodeUnitCount)
    guard let first = pattern.first else { return true }
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      let m = pattern.count
      guard bytes.count >= m else { return false }
      var i = 0
      while i <= bytes.count - m {
        if bytes[i] | 0x20 == first && (bytes[i] == first || (bytes[i] >= 0x41 && bytes[i] <= 0x5A)) {
          var k = 1
          while k < m {
            let b = bytes[i + k]
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if lower != pattern[k] { break }
            k += 1
          }
          if k == m { return true }
        }
        i += 1
      }
      return false
    }
    if let found = text.utf8.withContiguousStorageIfAvailable(scan) { return found }
    return Array(text.utf8).withUnsafeBufferPointer(scan)
  }
}

extension Sequence where Element == String {
  /// Element membership, spelled like `StringProtocol.has` so word lists read the same.
  func has(_ word: String) -> Bool { contains(word) }
}

extension String {
  /// Whether a UTF-8 byte satisfies `predicate`, scanned on the contiguous bytes (iterating the
  /// UTF8View byte by byte cost ~10 instructions a byte on whole paragraphs).
  func anyUTF8(_ predicate: (UInt8) -> Bool) -> Bool {
    if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
    return utf8.contains(where: predicate)
  }
}
