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
  /// with no String in between. The markup pass copies the runs between `<`, a backslash, `*` and `&`
  /// whole into a scratch buffer (the bytes it keeps never outnumber the input: a character
  /// reference is never shorter than what it decodes to), instead of appending byte by byte.
  static func cleanInline(bytes: UnsafeBufferPointer<UInt8>) -> String {
    @inline(__always) func isMarkup(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "&")
    }
    let count = bytes.count
    var first = 0
    while first < count, !isMarkup(bytes[first]) { first += 1 }
    if first == count { return collapseSpaces(bytes: bytes) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { out -> String in
      let base = out.baseAddress!
      var n = 0
      var index = 0
      @inline(__always) func copyRun(to end: Int) {
        if end > index {
          (base + n).initialize(from: bytes.baseAddress! + index, count: end - index)
          n += end - index
          index = end
        }
      }
      var next = first
      while index < count {
        copyRun(to: next)
        guard index < count else { break }
        let byte = bytes[index]
        if byte == UInt8(ascii: "<") {
          // A short tag: drop it (a line break becomes a space unless it follows a hyphen).
          var close = index + 1
          while close < count, close - index < 12, bytes[close] != UInt8(ascii: ">") { close += 1 }
          if close < count, bytes[close] == UInt8(ascii: ">"), close - index < 12,
            close > index + 1, bytes[index + 1] != UInt8(ascii: " ")
          {
            if bytes[index + 1] | 0x20 == UInt8(ascii: "b"), close > index + 2,
              bytes[index + 2] | 0x20 == UInt8(ascii: "r"),
              n == 0 || base[n - 1] != UInt8(ascii: "-")
            {
              base[n] = UInt8(ascii: " ")
              n += 1
            }
            index = close + 1
          } else {
            base[n] = byte
            n += 1
            index += 1
          }
        } else if byte == UInt8(ascii: "\\"), index + 1 < count {
          base[n] = bytes[index + 1]
          n += 1
          index += 2
        } else if byte == UInt8(ascii: "*"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "*") {
          index += 2
        } else if byte == UInt8(ascii: "&"), let (decoded, length) = HTMLEntities.decode(bytes, at: index) {
          for b in decoded {
            base[n] = b
            n += 1
          }
          index += length
        } else {
          base[n] = byte
          n += 1
          index += 1
        }
        next = index
        while next < count, !isMarkup(bytes[next]) { next += 1 }
      }
      return collapseSpaces(bytes: UnsafeBufferPointer(start: base, count: n))
    }
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
    // Written into a scratch buffer (never longer than the input) rather than appended to an
    // array byte by byte.
    let count = text.count
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { out -> String in
      let base = out.baseAddress!
      var n = 0
      var pendingSpace = false
      var index = 0
      while index < count {
        let byte = text[index]
        index += 1
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
          pendingSpace = n > 0
          continue
        }
        if byte == 0xC2, index < count {
          // U+00A0 no-break space.
          let next = text[index]
          index += 1
          if next == 0xA0 {
            pendingSpace = n > 0
            continue
          }
          if pendingSpace {
            base[n] = 0x20
            n += 1
            pendingSpace = false
          }
          base[n] = byte
          base[n + 1] = next
          n += 2
          continue
        }
        if pendingSpace {
          base[n] = 0x20
          n += 1
          pendingSpace = false
        }
        base[n] = byte
        n += 1
      }
      return String(decoding: UnsafeBufferPointer(start: base, count: n), as: UTF8.self)
    }
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

  /// `normalize` over the UTF-8 bytes of `text`, written into a scratch buffer (appending to an
  /// array byte by byte was most of this function): at most four bytes out per byte in, as `&`
  /// becomes " and".
  private static func normalize(bytes: UnsafeBufferPointer<UInt8>, text: String) -> String {
    let count = bytes.count
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * 4 + 1) { buffer -> String in
      let out = buffer.baseAddress!
      var n = 0
      var pendingSpace = false
      var index = 0
      while index < count {
        var byte = bytes[index]
        index += 1
        if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
          if pendingSpace && n > 0 {
            out[n] = 0x20
            n += 1
          }
          pendingSpace = false
          out[n] = byte
          n += 1
          continue
        }
        if byte == UInt8(ascii: "'") { continue }
        if byte == 0xE2 && index + 1 < count && bytes[index] == 0x80 && bytes[index + 1] == 0x99 {
          index += 2
          continue
        }
        if byte == UInt8(ascii: "&") {
          if n > 0 {
            out[n] = 0x20
            n += 1
          }
          out[n] = UInt8(ascii: "a")
          out[n + 1] = UInt8(ascii: "n")
          out[n + 2] = UInt8(ascii: "d")
          n += 3
          pendingSpace = true
          continue
        }
        pendingSpace = true
      }
      // Footnote marks: a trailing lone digit or letter in parentheses was split off as a word.
      guard
        endsWithASCII(bytes, text: text, UInt8(ascii: ")")) || endsWithASCII(bytes, text: text, UInt8(ascii: "*"))
      else { return String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self) }
      // The output is ASCII words joined by single spaces, so the words are cut on bytes: drop
      // last words of one digit or one of a-e while more than one word is left.
      var end = n
      while end >= 3, out[end - 2] == 0x20 {
        let mark = out[end - 1]
        guard (mark >= 0x30 && mark <= 0x39) || (mark >= 0x61 && mark <= 0x65) else { break }
        end -= 2
      }
      return String(decoding: UnsafeBufferPointer(start: out, count: end), as: UTF8.self)
    }
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
      // The words counted first: one allocation of the result, not one per doubling.
      var words = 0
      var inWord = false
      for byte in bytes {
        let starts = !separates(byte) && !inWord
        if starts { words += 1 }
        inWord = !separates(byte)
      }
      var result: [Substring] = []
      result.reserveCapacity(words)
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
    // A text with no capital is its own lower case (most cells and many words): no array and
    // no new String.
    guard text.anyUTF8({ $0 >= 0x41 && $0 <= 0x5A }) else { return text }
    return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
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

  /// The offset of the first occurrence of `pattern` (not empty) in `text`.
  static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !pattern.isEmpty, pattern.count <= text.count, let base = text.baseAddress,
      let hit = firstOccurrence(base, text.count, pattern.baseAddress!, pattern.count)
    else { return nil }
    return base.distance(to: hit)
  }

  static func search(_ text: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = text.count
    let m = pattern.count
    guard m <= n else { return false }
    guard let base = text.baseAddress, let needle = pattern.baseAddress else { return false }
    return firstOccurrence(base, n, needle, m) != nil
  }

  /// How common each byte is in English prose (higher: more common: the space, then e, t, a,
  /// o, …; bytes that are not ASCII letters, digits or the punctuation of figures are rare).
  /// Only a search's speed depends on it.
  static let commonness: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    table[0x20] = 30
    for (k, letter) in "etaoinsrhldcumfpgwybvk".utf8.enumerated() { table[Int(letter)] = UInt8(26 - k) }
    for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(digit)] = 12 }
    table[Int(UInt8(ascii: ","))] = 5
    table[Int(UInt8(ascii: "."))] = 5
    for capital in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(capital)] = 4 }
    return table
  }()

  /// Where `needle` (not empty) first occurs in `haystack`. Its least common byte is found with
  /// `memchr` (vectorised in the C library) and each hit compared whole: jumping to every
  /// first byte instead ("e" of "expressed in", "i" of "iscal") made a `memchr` and a `memcmp`
  /// call every few bytes of a paragraph.
  static func firstOccurrence(_ haystack: UnsafePointer<UInt8>, _ n: Int, _ needle: UnsafePointer<UInt8>, _ m: Int)
    -> UnsafePointer<UInt8>?
  {
    guard m >= 1, m <= n else { return nil }
    // The needle's rarest byte: the first of those least common.
    let commonness = TextTools.commonness
    var pick = 0
    var pickCommonness = commonness[Int(needle[0])]
    var k = 1
    while k < m {
      let c = commonness[Int(needle[k])]
      if c < pickCommonness {
        pick = k
        pickCommonness = c
      }
      k += 1
    }
    let rare = Int32(needle[pick])
    let last = needle[m - 1]
    // Positions of the rare byte that leave room for the whole needle: pick ... n - m + pick.
    var position = pick
    let end = n - m + pick
    while position <= end {
      guard let hit = memchr(haystack + position, rare, end - position + 1) else { return nil }
      let at = haystack.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      let start = haystack + (at - pick)
      if start[m - 1] == last && start[0] == needle[0] && (m <= 2 || memcmp(start + 1, needle + 1, m - 2) == 0) {
        return start
      }
      position = at + 1
    }
    return nil
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
