import Testing

@testable import FSQCore

// MARK: - Limits are errors, not crashes or hangs
//
// Each limit fsq sets — input size, nesting, recursion, work, printed findings — is hit on
// purpose here and must end in a diagnostic (or a summary line), quickly.

@Suite struct ReliabilityLimitTests {
  let clock = ContinuousClock()

  // MARK: Long lines

  /// Regression: every invalid byte was its own token and diagnostic, so 10 MB of binary
  /// garbage made ten million of each (over 40 s and gigabytes in a debug build). A run of
  /// invalid bytes is now one token and one diagnostic.
  @Test func aRunOfInvalidBytesIsOneDiagnostic() {
    let bytes = Array("1 + ".utf8) + [UInt8](repeating: 0xFF, count: 1 << 20) + Array(" 2\n3 ".utf8) + [0xC0, 0x80] + Array("\n".utf8)
    var lexer = Lexer(source: SourceFile(name: "garbage", bytes: bytes))
    let tokens = lexer.tokenize()
    #expect(tokens.count < 12, "\(tokens.count) tokens")
    #expect(lexer.diagnostics.map(\.message) == [
      "invalid UTF-8 byte 0xFF (and 1048575 more invalid bytes)", "invalid UTF-8 byte 0xC0 (and 1 more invalid byte)",
    ])
    #expect(lexer.diagnostics.first?.span == Span(start: 4, end: 4 + (1 << 20)))
    // A single bad byte reads as before.
    var one = Lexer(source: SourceFile(name: "one", bytes: [0x31, 0xFF, 0x31]))
    _ = one.tokenize()
    #expect(one.diagnostics.map(\.message) == ["invalid UTF-8 byte 0xFF"])
  }
}
