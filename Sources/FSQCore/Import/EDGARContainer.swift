#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - EDGAR containers: complete submissions and <DOCUMENT>/<TEXT> wrappers

/// A complete EDGAR submission (`<SEC-DOCUMENT>`, an `<SEC-HEADER>`, then one `<DOCUMENT>` per
/// form and exhibit), or one exhibit still in its `<DOCUMENT>`/`<TEXT>` wrapper. The earnings
/// release is the EX-99 exhibit; the 8-K form, graphics, XBRL, PDFs and uuencoded files around it
/// are not read. Each part keeps the line it starts on, so every figure still points at the
/// line of the file the analyst has.
enum EDGARContainer {
  struct Part {
    var type: String
    var filename: String?
    var description: String?
    /// The bytes between `<TEXT>` and `</TEXT>`.
    var text: ArraySlice<UInt8>
    /// One-based line of the file where `text` starts.
    var firstLine: Int
  }

  /// The container's parts, or nil when the bytes are not an EDGAR container.
  static func parts(_ bytes: [UInt8]) -> [Part]? {
    // The first <DOCUMENT> opens a container near its start (after an SEC header of a few KB).
    guard let first = find("<document>", in: bytes, from: 0, limit: 1 << 16) else { return nil }
    // A `<DOCUMENT>` must open a line (HTML never uses the tag; prose may mention it).
    guard first == 0 || bytes[first - 1] == 0x0A || bytes[first - 1] == 0x0D else { return nil }
    var parts: [Part] = []
    var index = first
    var line = 1 + bytes[..<first].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    while let start = find("<document>", in: bytes, from: index, limit: bytes.count) {
      line += count(newlinesIn: bytes[index..<start])
      let end = find("</document>", in: bytes, from: start, limit: bytes.count) ?? bytes.count
      let documentLine = line
      // Header fields up to <TEXT>.
      let textTag = find("<text>", in: bytes, from: start, limit: end)
      let headerEnd = textTag ?? end
      let header = bytes[start..<headerEnd]
      var part = Part(
        type: field("type", in: header) ?? "", filename: field("filename", in: header),
        description: field("description", in: header), text: bytes[headerEnd..<headerEnd], firstLine: documentLine)
      if let textTag {
        var textStart = textTag + 6
        let textEnd = find("</text>", in: bytes, from: textStart, limit: end) ?? end
        // The text starts on the line after <TEXT> when the tag stands alone.
        if textStart < textEnd, bytes[textStart] == 0x0D { textStart += 1 }
        if textStart < textEnd, bytes[textStart] == 0x0A { textStart += 1 }
        part.text = bytes[textStart..<textEnd]
        part.firstLine = documentLine + count(newlinesIn: bytes[start..<textStart])
      }
      parts.append(part)
      line = documentLine + count(newlinesIn: bytes[start..<end])
      index = end
      if index >= bytes.count { break }
    }
    return parts.isEmpty ? nil : parts
  }

  /// The parts to read: EX-99 exhibits (the release), else the first part that is text or HTML;
  /// and for every part a sentence on what was done with it.
  static func select(_ parts: [Part]) -> (read: [Part], notes: [String]) {
    var notes: [String] = []
    func describe(_ part: Part) -> String {
      let name = part.filename.map { " (\($0))" } ?? ""
      return "\(part.type.isEmpty ? "untyped part" : part.type)\(name) at line \(part.firstLine)"
    }
    let readable = parts.filter { skipReason($0) == nil }
    let exhibits = readable.filter { $0.type.uppercased().hasPrefix("EX-99") }
    let chosen = exhibits.isEmpty ? Array(readable.prefix(1)) : exhibits
    for part in parts {
      if chosen.contains(where: { $0.firstLine == part.firstLine }) {
        notes.append("read \(describe(part))")
      } else if let reason = skipReason(part) {
        notes.append("skipped \(describe(part)): \(reason)")
      } else {
        notes.append("skipped \(describe(part)): not the release (an EX-99 exhibit is)")
      }
    }
    return (chosen, notes)
  }

  /// Why a part cannot be a release: graphics, XBRL, PDF, archives, uuencoded files.
  static func skipReason(_ part: Part) -> String? {
    let type = part.type.uppercased()
    if type == "GRAPHIC" || type.hasPrefix("EX-101") || type == "XML" || type == "ZIP" || type == "PDF"
      || type == "EXCEL" || type == "JSON" || type.hasPrefix("EX-104") && part.text.count < 64
    {
      return "a \(type) part, not text"
    }
    let head = part.text.prefix(600)
    if find("begin 6", in: Array(head), from: 0, limit: head.count) != nil
      || find("begin 7", in: Array(head), from: 0, limit: head.count) != nil
    {
      return "uuencoded data"
    }
    if find("<pdf>", in: Array(head), from: 0, limit: head.count) != nil { return "a PDF" }
    if find("<xbrl>", in: Array(head), from: 0, limit: head.count) != nil
      || find("<?xml", in: Array(head), from: 0, limit: head.count) != nil
        && find("<html", in: Array(part.text.prefix(4096)), from: 0, limit: 4096) == nil
    {
      return "XBRL or XML data"
    }
    if part.text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return "empty" }
    return nil
  }

  /// The filer's CIK from the SEC header before the first `<DOCUMENT>`
  /// ("CENTRAL INDEX KEY:			0000913234" → "913234"); the first one is the filer's (a filing
  /// agent, when named, comes after it under FILED BY).
  static func filerCIK(_ bytes: [UInt8]) -> String? {
    guard let first = find("<document>", in: bytes, from: 0, limit: 1 << 16),
      let key = find("central index key:", in: bytes, from: 0, limit: first)
    else { return nil }
    var index = key + "central index key:".utf8.count
    while index < first, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    var digits: [UInt8] = []
    while index < first, bytes[index] >= 0x30, bytes[index] <= 0x39, digits.count < 12 {
      digits.append(bytes[index])
      index += 1
    }
    while digits.count > 1, digits.first == 0x30 { digits.removeFirst() }
    guard !digits.isEmpty, digits != [0x30] else { return nil }
    return String(decoding: digits, as: UTF8.self)
  }

  /// `<TYPE>EX-99.1` → "EX-99.1": the rest of the line after the tag.
  static func field(_ name: String, in header: ArraySlice<UInt8>) -> String? {
    let bytes = Array(header)
    guard let tag = find("<" + name + ">", in: bytes, from: 0, limit: bytes.count) else { return nil }
    var end = tag + name.utf8.count + 2
    let start = end
    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D, bytes[end] != UInt8(ascii: "<") { end += 1 }
    let value = String(decoding: bytes[start..<end], as: UTF8.self)
    let trimmed = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    return trimmed.isEmpty ? nil : trimmed
  }

  static func count(newlinesIn bytes: ArraySlice<UInt8>) -> Int {
    var n = 0
    for byte in bytes where byte == 0x0A { n += 1 }
    return n
  }

  /// The first case-insensitive occurrence of an ASCII `needle` (given in lower case) at or
  /// after `from`, before `limit`.
  static func find(_ needle: String, in bytes: some RandomAccessCollection<UInt8>, from: Int, limit: Int) -> Int? {
    let pattern = Array(needle.utf8)
    guard let firstByte = pattern.first else { return nil }
    // Contiguous bytes (every caller's): jump from one first byte to the next with memchr
    // instead of walking the collection's indices byte by byte (the container probe ran on
    // every import).
    if firstByte == UInt8(ascii: "<"),
      let found = bytes.withContiguousStorageIfAvailable({ buffer -> Int? in
        let end = min(limit, buffer.count) - pattern.count
        guard from <= end, let base = buffer.baseAddress else { return nil }
        var i = from
        while i <= end {
          guard let hit = memchr(base + i, Int32(firstByte), end - i + 1) else { return nil }
          i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          var k = 1
          while k < pattern.count {
            let c = buffer[i + k]
            if ((c >= 0x41 && c <= 0x5A) ? c | 0x20 : c) != pattern[k] { break }
            k += 1
          }
          if k == pattern.count { return i }
          i += 1
        }
        return nil
      })
    {
      return found
    }
    let base = bytes.startIndex
    let end = min(limit, bytes.count) - pattern.count
    guard from <= end else { return nil }
    var i = from
    while i <= end {
      let b = bytes[bytes.index(base, offsetBy: i)]
      if b | 0x20 == firstByte || b == firstByte {
        var k = 1
        while k < pattern.count {
          let c = bytes[bytes.index(base, offsetBy: i + k)]
          let lowered = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
          if lowered != pattern[k] { break }
          k += 1
        }
        if k == pattern.count { return i }
      }
      i += 1
    }
    return nil
  }
}

extension DocumentBlock {
  /// The block with every line number moved down by `offset` (a part that starts further into
  /// its container file).
  func shifted(by offset: Int) -> DocumentBlock {
    guard offset != 0 else { return self }
    switch self {
    case .text(var block):
      block.shift(by: offset)
      return .text(block)
    case .table(var table):
      table.line += offset
      for k in table.rows.indices { table.rows[k].line += offset }
      for k in table.textAbove.indices { table.textAbove[k].shift(by: offset) }
      return .table(table)
    }
  }
}

extension TextBlock {
  mutating func shift(by offset: Int) {
    line += offset
    for k in lineMarks.indices { lineMarks[k].line += offset }
  }
}

/// Old EDGAR text marks tables with SGML tags (`<TABLE>`, `<CAPTION>`, `<S>`, `<C>`, `<PAGE>`,
/// `<FN>`) but lays them out by character position; the tags are blanked to spaces of the same
/// width so the columns stay where they were printed.
enum SGMLMarkup {
  static let tags: Set<String> = [
    "table", "/table", "caption", "/caption", "s", "c", "page", "fn", "/fn", "pre", "/pre", "/s", "/c", "r", "/r",
    "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "sup", "/sup", "b", "/b", "i", "/i", "u", "/u",
  ]

  static func blankTags(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "<")) else { return bytes }
    var out = bytes
    var index = 0
    while index < out.count {
      guard out[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      var end = index + 1
      while end < out.count, end - index <= 9, out[end] != UInt8(ascii: ">"), out[end] != 0x0A { end += 1 }
      if end < out.count, out[end] == UInt8(ascii: ">") {
        let name = String(decoding: out[(index + 1)..<end], as: UTF8.self).lowercased()
        if tags.contains(name) {
          for k in index...end { out[k] = 0x20 }
          index = end + 1
          continue
        }
      }
      index += 1
    }
    return out
  }
}
