// MARK: - Text that is safe on a terminal

/// Control characters (ESC, BEL, …) and bidi overrides from a release (a label, a file name)
/// shown escaped, `\u{1b}`, so output cannot move the cursor, recolour, retitle or reorder the
/// terminal. Tabs stay; newlines stay when asked. Escaping is idempotent: escaped text has no
/// control characters left.
public enum TerminalText {
  public static func escape(_ text: String, keepingNewlines: Bool = true) -> String {
    // Most text has nothing to escape: one pass over the bytes says so.
    let clean = text.utf8.allSatisfy { byte in
      (byte >= 0x20 && byte != 0x7F && byte != 0xC2 && byte != 0xE2) || byte == 0x09
        || (byte == 0x0A && keepingNewlines)
    }
    if clean { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09: out.unicodeScalars.append(scalar)
      case 0x0A where keepingNewlines: out.unicodeScalars.append(scalar)
      case 0..<0x20, 0x7F, 0x80..<0xA0: out += "\\u{\(String(scalar.value, radix: 16))}"
      case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F:
        out += "\\u{\(String(scalar.value, radix: 16))}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
