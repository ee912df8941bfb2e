// MARK: - A small XML reader for XBRL instances and inline XBRL (XHTML) filings (no Foundation)

/// An element: its qualified name (`us-gaap:Revenues`), attributes, child elements and text.
struct XMLElement: Sendable {
  var name: String
  var attributes: [(name: String, value: String)] = []
  var children: [XMLElement] = []
  var text = ""
  /// One-based line of the start tag.
  var line = 1
  /// Where the content (between the start and the end tag) lies in the document's bytes; empty
  /// for an element closed in its own tag. `XMLReader.innerText` reads it in document order.
  var content: Range<Int> = 0..<0

  /// The name without its namespace prefix.
  var localName: Substring { name.split(separator: ":").last ?? Substring(name) }
  var prefix: Substring? { name.contains(":") ? name.split(separator: ":").first : nil }

  func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name || $0.name.hasSuffix(":" + name) }?.value
  }

  /// Descendants (depth first) with this local name.
  func descendants(_ local: String) -> [XMLElement] {
    var found: [XMLElement] = []
    for child in children {
      if child.localName == local { found.append(child) }
      found += child.descendants(local)
    }
    return found
  }
}

/// Reads a well-formed XML document into elements. Comments, processing instructions, DOCTYPE
/// and CDATA are handled; namespaces are kept as written (prefix:local). Nesting is bounded.
struct XMLReader {
  let bytes: [UInt8]
  var index = 0
  /// Lines counted up to `counted` (each byte is counted once, so tracking lines stays linear).
  var line = 1
  var counted = 0
  static let maximumDepth = 256

  /// The one-based line of `index`.
  mutating func currentLine() -> Int {
    while counted < index {
      if bytes[counted] == 0x0A { line += 1 }
      counted += 1
    }
    return line
  }

  static func parse(_ bytes: [UInt8]) throws(ImportError) -> XMLElement {
    var reader = XMLReader(bytes: bytes)
    var stack: [XMLElement] = []
    var root: XMLElement?
    while reader.index < bytes.count {
      try ImportError.checkInterrupt()
      guard bytes[reader.index] == UInt8(ascii: "<") else {
        let start = reader.index
        while reader.index < bytes.count, bytes[reader.index] != UInt8(ascii: "<") { reader.index += 1 }
        if !stack.isEmpty { stack[stack.count - 1].text += decode(bytes[start..<reader.index]) }
        continue
      }
      if reader.starts("<!--") {
        try reader.skip(past: "-->")
      } else if reader.starts("<![CDATA[") {
        let start = reader.index + 9
        try reader.skip(past: "]]>")
        if !stack.isEmpty {
          stack[stack.count - 1].text += String(decoding: bytes[start..<(reader.index - 3)], as: UTF8.self)
        }
      } else if reader.starts("<?") {
        try reader.skip(past: "?>")
      } else if reader.starts("<!") {
        try reader.skip(past: ">")
      } else if reader.starts("</") {
        let contentEnd = reader.index
        reader.index += 2
        let name = reader.name()
        try reader.skip(past: ">")
        guard var element = stack.popLast(), element.name == name else {
          throw reader.fail("a closing tag </\(name)> does not match")
        }
        element.text = trimmed(element.text)
        element.content = element.content.lowerBound..<contentEnd
        if stack.isEmpty {
          root = element
          break
        }
        stack[stack.count - 1].children.append(element)
      } else {
        var element = XMLElement(name: "", line: reader.currentLine())
        reader.index += 1
        element.name = reader.name()
        guard !element.name.isEmpty else { throw reader.fail("a tag has no name") }
        var selfClosing = false
        while true {
          reader.skipSpace()
          guard reader.index < bytes.count else { throw reader.fail("the document ends inside a tag") }
          if reader.starts("/>") {
            reader.index += 2
            selfClosing = true
            break
          }
          if bytes[reader.index] == UInt8(ascii: ">") {
            reader.index += 1
            element.content = reader.index..<reader.index
            break
          }
          let attribute = reader.name()
          guard !attribute.isEmpty else { throw reader.fail("unexpected character in a tag") }
          reader.skipSpace()
          guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "=") else {
            throw reader.fail("an attribute has no value")
          }
          reader.index += 1
          reader.skipSpace()
          guard reader.index < bytes.count,
            bytes[reader.index] == UInt8(ascii: "\"") || bytes[reader.index] == UInt8(ascii: "'")
          else { throw reader.fail("an attribute value is not quoted") }
          let quote = bytes[reader.index]
          reader.index += 1
          let start = reader.index
          while reader.index < bytes.count, bytes[reader.index] != quote { reader.index += 1 }
          guard reader.index < bytes.count else { throw reader.fail("the document ends inside an attribute") }
          element.attributes.append((attribute, decode(bytes[start..<reader.index])))
          reader.index += 1
        }
        if selfClosing {
          if stack.isEmpty {
            root = element
            break
          }
          stack[stack.count - 1].children.append(element)
        } else {
          guard stack.count < maximumDepth else { throw reader.fail("nested deeper than \(maximumDepth) levels") }
          stack.append(element)
        }
      }
    }
    guard let root else { throw ImportError(message: "not valid XML: the document ends before its root element does") }
    return root
  }

  func fail(_ message: String) -> ImportError { ImportError(message: "not valid XML: \(message) at byte \(index)") }

  func starts(_ text: String) -> Bool {
    let pattern = Array(text.utf8)
    return index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
  }

  mutating func skip(past text: String) throws(ImportError) {
    let pattern = Array(text.utf8)
    while index + pattern.count <= bytes.count {
      if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
        index += pattern.count
        return
      }
      index += 1
    }
    throw fail("the document ends before '\(text)'")
  }

  mutating func skipSpace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
    {
      index += 1
    }
  }

  mutating func name() -> String {
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
      {
        break
      }
      index += 1
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  static func trimmed(_ text: String) -> String {
    var scalars = Substring(text)
    while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
    while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
    return String(scalars)
  }

  /// The text of `element` and of everything inside it, in document order, entities replaced
  /// and white space trimmed: `<ix:nonFraction><span>1,234</span></ix:nonFraction>` → `1,234`.
  /// Tags and comments are left out; linear in the element's length.
  static func innerText(of element: XMLElement, in bytes: [UInt8]) -> String {
    if element.children.isEmpty { return element.text }
    var kept: [UInt8] = []
    var index = element.content.lowerBound
    let end = min(element.content.upperBound, bytes.count)
    while index < end {
      guard bytes[index] == UInt8(ascii: "<") else {
        kept.append(bytes[index])
        index += 1
        continue
      }
      if bytes[index...].starts(with: Array("<!--".utf8)) {
        index += 4
        while index < end, !bytes[index...].starts(with: Array("-->".utf8)) { index += 1 }
        index += 3
        continue
      }
      // A tag: to its `>`, past quoted attribute values (which may hold `>`).
      var quote: UInt8? = nil
      index += 1
      while index < end {
        let byte = bytes[index]
        index += 1
        if let open = quote {
          if byte == open { quote = nil }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          quote = byte
        } else if byte == UInt8(ascii: ">") {
          break
        }
      }
    }
    return trimmed(decode(kept[...]))
  }

  /// Text with its character references replaced, as the HTML reader replaces them
  /// (`HTMLEntities`: XML's five, `&#N;`, `&#xH;`, and HTML's named ones such as `&nbsp;`, which
  /// inline XBRL filings use); a reference it does not know is kept as written.
  static func decode(_ bytes: ArraySlice<UInt8>) -> String {
    guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
    let text = Array(bytes)
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      if text[index] == UInt8(ascii: "&"), let (decoded, length) = HTMLEntities.decode(text, at: index) {
        out += decoded
        index += length
      } else {
        out.append(text[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
