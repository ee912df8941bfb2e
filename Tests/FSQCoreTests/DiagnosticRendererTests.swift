import FSQCore
import FSQTestSupport
import Testing

// MARK: - The caret renderer's exact output

@Suite struct DiagnosticRendererTests {
  func render(_ text: String, color: Bool = false) -> String {
    DiagnosticRenderer(color: color).render(parsed(text).diagnostics)
  }

  @Test func caretAtEndOfInput() {
    #expect(
      render("(1 +") == """
        <test>:1:5: error: expected an expression, found end of input
        (1 +
            ^

        """)
  }

  @Test func caretRunCoversTheWholeSpan() {
    #expect(
      render("1 + 2kg") == """
        <test>:1:5: error: unknown suffix 'kg' on a number; use k, M or bn for scale, % or pp for percentages, x for multiples
        1 + 2kg
            ^^^

        """)
    #expect(
      render("x + 2009-02-30") == """
        <test>:1:5: error: '2009-02-30' is not a calendar date
        x + 2009-02-30
            ^^^^^^^^^^

        """)
  }

  @Test func multiByteCharactersBeforeTheCulpritCountAsOneColumn() {
    #expect(
      render("\"café — ok\" + )") == """
        <test>:1:15: error: expected an expression, found ')'
        "café — ok" + )
                      ^

        """)
    // The culprit itself is multi-byte: one caret.
    #expect(
      render("\"é\" \u{2212} 1") == """
        <test>:1:5: error: unexpected character '\u{2212}'; did you mean '-'?
        "é" \u{2212} 1
            ^

        """)
  }

  @Test func noteHasItsOwnCaret() {
    #expect(
      render("margin(q3 2009") == """
        <test>:1:15: error: expected ')', found end of input
        margin(q3 2009
                      ^
        <test>:1:7: note: to close '(' opened here
        margin(q3 2009
              ^

        """)
  }

  @Test func noteOnAnEarlierLine() {
    #expect(
      render("let s = \"abc\nx") == """
        <test>:1:9: error: unterminated string
        let s = "abc
                ^^^^
        <test>:1:9: note: add '"' to close the string opened here
        let s = "abc
                ^

        """)
  }

  @Test func tabsAreKeptSoTheCaretLinesUp() {
    #expect(render("\t1 +\t)") == "<test>:1:6: error: expected an expression, found ')'\n\t1 +\t)\n\t   \t^\n")
  }

  @Test func secondLineAndCarriageReturn() {
    #expect(
      render("1\r\n2 + )\r\n") == """
        <test>:2:5: error: expected an expression, found ')'
        2 + )
            ^

        """)
  }

  @Test func longLineIsShownAsAWindow() {
    let long = String(repeating: "a", count: 5000) + " + ) " + String(repeating: "b", count: 4995)
    #expect(long.count == 10_000)
    let window = "…" + String(repeating: "a", count: 77) + " + ) " + String(repeating: "b", count: 78) + "…"
    #expect(
      render(long) == """
        <test>:1:5004: error: expected an expression, found ')'
        \(window)
        \(String(repeating: " ", count: 81))^

        """)
    // Near the start of a long line, the window starts at the line's start.
    let early = "1 + ) " + String(repeating: "c", count: 9994)
    let lines = render(early).split(separator: "\n")
    #expect(lines[1] == "1 + ) " + String(repeating: "c", count: 154) + "…")
    #expect(lines[2] == "    ^")
  }

  @Test func controlAndBidiCharactersAreEscapedInTheExcerpt() {
    let output = render("\"a\u{202E}b\" + )")
    #expect(!output.contains("\u{202E}"))
    #expect(output.contains("\"a\\u{202e}b\" + )"))
  }

  @Test func messagesQuotingSourceTextAreEscapedToo() {
    // The lexer quotes the unexpected character and the parser quotes the unexpected token;
    // neither may smuggle a bidi override or control character to the terminal.
    #expect(
      render("1 \u{202E} 2") == """
        <test>:1:3: error: unexpected character '\\u{202e}'
        1 \\u{202e} 2
          ^

        """)
    let output = render("x \"a\u{202E}\u{7}\"")
    #expect(!output.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x07 })
    #expect(output.hasPrefix("<test>:1:3: error: expected end of statement, found '\"a\\u{202e}\\u{7}\"'\n"))
  }

  @Test func diagnosticsWithoutSourceOrNoteSpans() {
    let diagnostic = Diagnostic(
      .unreadableFile, "cannot read 'x.fsq'", at: .none, in: nil, notes: [DiagnosticNote("check the path")])
    #expect(DiagnosticRenderer().render(diagnostic) == "fsq: error: cannot read 'x.fsq'\n  note: check the path\n")
  }

  @Test func colourDecoratesThePlainLayout() {
    let plain = render("margin(q3 2009")
    let coloured = render("margin(q3 2009", color: true)
    #expect(coloured != plain)
    #expect(coloured.replacing(#/\u{1B}\[[0-9;]*m/#, with: "") == plain)
  }
}
