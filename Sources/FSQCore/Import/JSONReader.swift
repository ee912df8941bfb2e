// MARK: - A JSON reader for structured filings (no Foundation)

/// A JSON value. Numbers keep their text, so an amount reads exactly as a `Decimal` (never
/// through a binary floating-point number).
indirect enum JSONValue: Sendable {
  case object([(key: String, value: JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(String)
  case bool(Bool)
  case null

  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// A number's or a string's text (SEC files print some numbers as strings).
  var numberText: String? {
    switch self {
    case .number(let text), .string(let text): return text
    default: return nil
    }
  }

  var members: [(key: String, value: JSONValue)] {
    if case .object(let members) = self { return members }
    return []
  }

  var elements: [JSONValue] {
    if case .array(let elements) = self { return elements }
    return []
  }
}

/// Reads one JSON document (RFC 8259), or throws with the byte offset of the problem. Nesting is
/// bounded (a document nested deeper than 256 levels is refused, never a stack overflow).
struct JSONReader {
  let bytes: [UInt8]
  var index = 0
  var depth = 0
  static let maximumDepth = 256

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  static func parse(_ bytes: [UInt8]) throws(ImportError) -> JSONValue {
    var reader = JSONReader(bytes)
    // A byte-order mark is allowed before the value.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
    let value = try reader.value()
    reader.skipSpace()
    guard reader.index == bytes.count else { throw reader.fail("unexpected text after the JSON value") }
    return value
  }

  func fail(_ message: String) -> ImportError {
    ImportError(message: "not valid JSON: \(message) at byte \(index)")
  }

  mutating func skipSpace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
    {
      index += 1
    }
  }

  mutating func value() throws(ImportError) -> JSONValue {
    skipSpace()
    guard index < bytes.count else { throw fail("the document ends where a value should be") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return .number(try number())
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(ImportError) -> JSONValue {
    let text = Array(word.utf8)
    guard index + text.count <= bytes.count, bytes[index..<(index + text.count)].elementsEqual(text) else {
      throw fail("unexpected character")
    }
    index += text.count
    return value
  }

  mutating func nest() throws(ImportError) {
    depth += 1
    if depth > Self.maximumDepth { throw fail("nested deeper than \(Self.maximumDepth) levels") }
  }

  mutating func object() throws(ImportError) -> JSONValue {
    try nest()
    defer { depth -= 1 }
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      try ImportError.checkInterrupt()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      index += 1
      members.append((key, try value()))
      skipSpace()
      guard index < bytes.count else { throw fail("the document ends inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
      index += 1
      return .object(members)
    }
  }

  mutating func array() throws(ImportError) -> JSONValue {
    try nest()
    defer { depth -= 1 }
    index += 1
    var elements: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      elements.append(try value())
      skipSpace()
      guard index < bytes.count else { throw fail("the document ends inside an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
      index += 1
      return .array(elements)
    }
  }

  mutating func number() throws(ImportError) -> String {
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      let allowed =
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
      guard allowed else { break }
      index += 1
    }
    guard index > start else { throw fail("unexpected character") }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  mutating func string() throws(ImportError) -> String {
    index += 1
    let start = index
    // The common case: no escapes.
    while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
      index += 1
    }
    guard index < bytes.count else { throw fail("the document ends inside a string") }
    if bytes[index] == UInt8(ascii: "\"") {
      defer { index += 1 }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }
    var out = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: out, as: UTF8.self)
      }
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        index += 1
        continue
      }
      guard index + 1 < bytes.count else { break }
      let escape = bytes[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          index += 2
          let low = try hex4()
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
        }
        out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
      default: out.append(escape)
      }
    }
    throw fail("the document ends inside a string")
  }

  mutating func hex4() throws(ImportError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("a \\u escape is cut short") }
    var value: UInt32 = 0
    for byte in bytes[index..<(index + 4)] {
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw fail("a \\u escape has a character that is not hexadecimal")
      }
      value = value * 16 + digit
    }
    index += 4
    return value
  }
}
