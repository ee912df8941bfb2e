// MARK: - Lexer: strings and errors

// Split from Lexer.swift to keep files short; the same struct, so the same contract: these
// never throw and always consume at least one byte.
extension Lexer {
  // MARK: Strings

  mutating func lexString() -> Token {
    let start = position
    position += 1
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return Token(.string, Span(start: start, end: position))
      }
      if byte == UInt8(ascii: "\n") { break }
      if byte == UInt8(ascii: "\\") {
        // Skip the backslash and an ASCII escaped byte; a multi-byte character after it is
        // left to the UTF-8 check below, so it is consumed whole rather than split.
        position += 1
        if position < bytes.count && bytes[position] < 0x80 { position += 1 }
        continue
      }
      if byte >= 0x80 {
        let length = utf8SequenceLength(at: position)
        if length == 0 {
          report(.invalidUTF8, "invalid UTF-8 in string", Span(start: position, end: position + 1))
          position += 1
          // Skip to the end of the string so one bad byte is one error.
          while position < bytes.count && bytes[position] != UInt8(ascii: "\"") && bytes[position] != UInt8(ascii: "\n")
          {
            position += 1
          }
          if position < bytes.count && bytes[position] == UInt8(ascii: "\"") { position += 1 }
          return Token(.invalid, Span(start: start, end: position))
        }
        position += length
        continue
      }
      position += 1
    }
    report(
      .unterminatedString, "unterminated string", Span(start: start, end: position),
      notes: [DiagnosticNote("add '\"' to close the string opened here", span: Span(start: start, end: start + 1))])
    return Token(.invalid, Span(start: start, end: position))
  }

  // MARK: Errors

  mutating func invalidCharacter(_ start: Int) -> Token {
    let byte = bytes[start]
    if byte >= 0x80 {
      let length = utf8SequenceLength(at: start)
      if length == 0 {
        position = start + 1
        // A run of invalid bytes is one token and one diagnostic: 10 MB of binary garbage
        // must not become ten million tokens.
        while position < bytes.count, bytes[position] >= 0x80, utf8SequenceLength(at: position) == 0 { position += 1 }
        let run = position - start
        let more = run > 1 ? " (and \(run - 1) more invalid byte\(run == 2 ? "" : "s"))" : ""
        return invalid(.invalidUTF8, "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))\(more)", start)
      }
      position = start + length
      let character = source.text(of: Span(start: start, end: position))
      var message = "unexpected character '\(character)'"
      switch character {
      case "−", "–", "—": message += "; did you mean '-'?"
      case "×": message += "; did you mean '*'?"
      case "÷": message += "; did you mean '/'?"
      case "“", "”": message += "; did you mean '\"'?"
      default: break
      }
      return invalid(.invalidCharacter, message, start)
    }
    position = start + 1
    let shown = byte < 0x20 || byte == 0x7F ? "\\u{\(String(byte, radix: 16))}" : String(UnicodeScalar(byte))
    return invalid(.invalidCharacter, "unexpected character '\(shown)'", start)
  }

  mutating func invalid(_ id: DiagnosticID, _ message: String, _ start: Int) -> Token {
    let span = Span(start: start, end: max(position, start + 1))
    // Past this many errors nothing more would be reported or run: the lexer stops reading
    // (30 MB of '@' made millions of tokens and diagnostics, 5 GB).
    if diagnostics.count >= Lexer.maximumErrors {
      position = bytes.count
      return Token(.endOfInput, Span(start: bytes.count, end: bytes.count))
    }
    report(id, message, span)
    return Token(.invalid, span)
  }

  mutating func report(_ id: DiagnosticID, _ message: String, _ span: Span, notes: [DiagnosticNote] = []) {
    diagnostics.append(Diagnostic(id, message, at: span, in: source, notes: notes))
  }

  /// Length of the valid UTF-8 sequence at `index`, or 0 if it is not valid.
  func utf8SequenceLength(at index: Int) -> Int {
    let first = bytes[index]
    let length: Int
    var minimum: UInt32
    var scalar: UInt32
    switch first {
    case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(first & 0x1F))
    case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(first & 0x0F))
    case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(first & 0x07))
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return 0 }
      scalar = scalar << 6 | UInt32(byte & 0x3F)
    }
    if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return 0 }
    _ = minimum
    minimum = 0
    return length
  }
}
