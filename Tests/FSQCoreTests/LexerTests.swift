import FSQCore
import FSQTestSupport
import Testing

// MARK: - Lexer tables
//
// Go `scanner_test.go` style: each row is an input, the tokens it must produce (kind and
// text; the final `.endOfInput` is implied and checked separately) and the IDs of the
// diagnostics the lexer must report, in order.

struct LexerCase: Sendable, CustomStringConvertible {
  var input: String
  var tokens: [Pair]
  var diagnostics: [String]
  struct Pair: Sendable, Equatable, CustomStringConvertible {
    var kind: TokenKind
    var text: String
    var description: String { "\(kind)(\(text.debugDescription))" }
  }
  init(_ input: String, _ tokens: [(TokenKind, String)], _ diagnostics: [String] = []) {
    self.input = input
    self.tokens = tokens.map { Pair(kind: $0.0, text: $0.1) }
    self.diagnostics = diagnostics
  }
  var description: String { input.debugDescription }
}

let literalCases: [LexerCase] = [
  // Numbers: separators, fractions, exponents, scale suffixes.
  .init("0", [(.number, "0")]),
  .init("11853020", [(.number, "11853020")]),
  .init("11_853_020", [(.number, "11_853_020")]),
  .init("1.5", [(.number, "1.5")]),
  .init(".5", [(.number, ".5")]),
  .init("1e3", [(.number, "1e3")]),
  .init("2.5E-4", [(.number, "2.5E-4")]),
  .init("1e+9", [(.number, "1e+9")]),
  .init("1e999999", [(.number, "1e999999")]),
  .init("1.5k", [(.number, "1.5k")]),
  .init("1.5K", [(.number, "1.5K")]),
  .init("11.9M", [(.number, "11.9M")]),
  .init("11.9m", [(.number, "11.9m")]),
  .init("2.1bn", [(.number, "2.1bn")]),
  .init("2.1B", [(.number, "2.1B")]),
  .init("2b", [(.number, "2b")]),
  // Money.
  .init("$5", [(.money, "$5")]),
  .init("$11.9M", [(.money, "$11.9M")]),
  .init("$1_000.25", [(.money, "$1_000.25")]),
  .init("$.5", [(.money, "$.5")]),
  .init("$2.1bn", [(.money, "$2.1bn")]),
  // Unit suffixes.
  .init("8.3%", [(.percent, "8.3%")]),
  .init("2.2pp", [(.percentagePoints, "2.2pp")]),
  .init("0.29x", [(.multiple, "0.29x")]),
  .init("1.5k%", [(.percent, "1.5k%")]),
  // Periods, every spelling.
  .init("q3 2009", [(.period, "q3 2009")]),
  .init("Q3 2009", [(.period, "Q3 2009")]),
  .init("q4\t2010", [(.period, "q4\t2010")]),
  .init("2009q3", [(.period, "2009q3")]),
  .init("2009Q1", [(.period, "2009Q1")]),
  .init("fy2008", [(.period, "fy2008")]),
  .init("FY2008", [(.period, "FY2008")]),
  .init("fy 2008", [(.period, "fy 2008")]),
  .init("h1 2009", [(.period, "h1 2009")]),
  .init("H2 2009", [(.period, "H2 2009")]),
  .init("2009h1", [(.period, "2009h1")]),
  .init("9m 2009", [(.period, "9m 2009")]),
  .init("12m 2009", [(.period, "12m 2009")]),
  .init("cq4 2010", [(.period, "cq4 2010")]),
  .init("CQ4 2010", [(.period, "CQ4 2010")]),
  .init("ch1 2010", [(.period, "ch1 2010")]),
  .init("cy2009", [(.period, "cy2009")]),
  .init("cy 2009", [(.period, "cy 2009")]),
  // Near misses of periods say what is wrong with them; a word alone is a name.
  .init("q5 2009", [(.invalid, "q5 2009")], ["invalid-period"]),
  .init("h3 2009", [(.invalid, "h3 2009")], ["invalid-period"]),
  .init("q3", [(.identifier, "q3")]),
  .init("q3 209", [(.invalid, "q3 209")], ["invalid-period"]),
  .init("q3 20091", [(.invalid, "q3 20091")], ["invalid-period"]),
  .init("q3 09", [(.invalid, "q3 09")], ["invalid-period"]),
  // Money with thousands commas; a comma that groups no three digits separates.
  .init("$11,853,020", [(.money, "$11,853,020")]),
  .init("$1,5", [(.money, "$1"), (.comma, ","), (.number, "5")]),
  .init("fy", [(.identifier, "fy")]),
  .init("fy20081", [(.identifier, "fy20081")]),
  .init("y2009", [(.identifier, "y2009")]),
  .init("cash", [(.identifier, "cash")]),
  .init("9m", [(.number, "9m")]),
  // Dates: one token, never a subtraction.
  .init("2009-09-30", [(.date, "2009-09-30")]),
  .init("2008-02-29", [(.date, "2008-02-29")]),
  .init("2009-9-30", [(.invalid, "2009-9-30")], ["invalid-date"]),
  .init("2009-09-300", [(.invalid, "2009-09-300")], ["invalid-date"]),
  .init("2009 - 9 - 30", [(.number, "2009"), (.minus, "-"), (.number, "9"), (.minus, "-"), (.number, "30")]),
  // Strings.
  .init(#""Cost of Revenues""#, [(.string, #""Cost of Revenues""#)]),
  .init(#""a \"b\" \\ \n \t""#, [(.string, #""a \"b\" \\ \n \t""#)]),
  .init(#""""#, [(.string, #""""#)]),
  .init(#""café — ok""#, [(.string, #""café — ok""#)]),
  // A backslash before a multi-byte character must not split it (was invalid-utf8).
  .init(#""a\é""#, [(.string, #""a\é""#)]),
  .init(#""\—""#, [(.string, #""\—""#)]),
  // Identifiers.
  .init("revenue", [(.identifier, "revenue")]),
  .init("_x1", [(.identifier, "_x1")]),
  .init("total_current_assets", [(.identifier, "total_current_assets")]),
  .init("Let", [(.identifier, "Let")]),
  .init("lets", [(.identifier, "lets")]),
]

let keywordAndOperatorCases: [LexerCase] = [
  .init(
    "let def assert table for explain check use load and or not true false",
    [
      (.kwLet, "let"), (.kwDef, "def"), (.kwAssert, "assert"), (.kwTable, "table"), (.kwFor, "for"),
      (.kwExplain, "explain"), (.kwCheck, "check"), (.kwUse, "use"), (.kwLoad, "load"), (.kwAnd, "and"),
      (.kwOr, "or"), (.kwNot, "not"), (.kwTrue, "true"), (.kwFalse, "false"),
    ]),
  .init(
    "( ) , . = + - * / ^ < <= > >= == != ;",
    [
      (.leftParen, "("), (.rightParen, ")"), (.comma, ","), (.dot, "."), (.equals, "="), (.plus, "+"),
      (.minus, "-"), (.star, "*"), (.slash, "/"), (.caret, "^"), (.less, "<"), (.lessEqual, "<="),
      (.greater, ">"), (.greaterEqual, ">="), (.equalEqual, "=="), (.bangEqual, "!="), (.semicolon, ";"),
    ]),
  .init("a<=b", [(.identifier, "a"), (.lessEqual, "<="), (.identifier, "b")]),
  .init("===", [(.equalEqual, "=="), (.equals, "=")]),
  .init("1-2", [(.number, "1"), (.minus, "-"), (.number, "2")]),
  .init("2009 - 09", [(.number, "2009"), (.minus, "-"), (.number, "09")]),
  .init("acme.revenue", [(.identifier, "acme"), (.dot, "."), (.identifier, "revenue")]),
  .init(#"acme."Net sales""#, [(.identifier, "acme"), (.dot, "."), (.string, #""Net sales""#)]),
]

let structureCases: [LexerCase] = [
  // Comments run to the end of the line.
  .init("1 # a comment", [(.number, "1")]),
  .init("# only a comment", []),
  .init("#!/usr/bin/env fsq\n1", [(.newline, "\n"), (.number, "1")]),
  .init("a # c\nb", [(.identifier, "a"), (.newline, "\n"), (.identifier, "b")]),
  .init("# é ünïcode\n", [(.newline, "\n")]),
  // Newline collapsing: runs of newlines, and newlines after ';', are one boundary.
  .init("a\n\n\nb", [(.identifier, "a"), (.newline, "\n"), (.identifier, "b")]),
  .init("a\n# c\n\nb", [(.identifier, "a"), (.newline, "\n"), (.identifier, "b")]),
  .init("a;\nb", [(.identifier, "a"), (.semicolon, ";"), (.identifier, "b")]),
  .init("a\n;b", [(.identifier, "a"), (.newline, "\n"), (.semicolon, ";"), (.identifier, "b")]),
  .init("a\r\nb", [(.identifier, "a"), (.newline, "\n"), (.identifier, "b")]),
  // Newlines inside parentheses produce no token.
  .init(
    "f(\n1,\n2\n)\nx",
    [
      (.identifier, "f"), (.leftParen, "("), (.number, "1"), (.comma, ","), (.number, "2"),
      (.rightParen, ")"), (.newline, "\n"), (.identifier, "x"),
    ]),
  .init(
    "((\n))\n",
    [(.leftParen, "("), (.leftParen, "("), (.rightParen, ")"), (.rightParen, ")"), (.newline, "\n")]),
  // A stray ')' does not make later newlines disappear.
  .init(")\n1", [(.rightParen, ")"), (.newline, "\n"), (.number, "1")]),
]

let invalidCases: [LexerCase] = [
  .init("2009-02-30", [(.invalid, "2009-02-30")], ["invalid-date"]),
  .init("2009-13-01", [(.invalid, "2009-13-01")], ["invalid-date"]),
  .init("2009-09-30x", [(.invalid, "2009-09-30x")], ["invalid-date"]),
  .init("2kg", [(.invalid, "2kg")], ["invalid-number"]),
  .init("2009q5", [(.invalid, "2009q5")], ["invalid-number"]),
  .init("1.5kk", [(.invalid, "1.5kk")], ["invalid-number"]),
  .init("1e", [(.invalid, "1e")], ["invalid-number"]),
  .init("$", [(.invalid, "$")], ["invalid-number"]),
  .init("$x", [(.invalid, "$"), (.identifier, "x")], ["invalid-number"]),
  .init("$5pp", [(.invalid, "$5pp")], ["invalid-number"]),
  .init("$5x", [(.invalid, "$5x")], ["invalid-number"]),
  .init("$5%", [(.invalid, "$5%")], ["invalid-number"]),
  .init("5x%", [(.invalid, "5x%")], ["invalid-number"]),
  .init("0m 2009", [(.invalid, "0m 2009")], ["invalid-period"]),
  .init("13m 2009", [(.invalid, "13m 2009")], ["invalid-period"]),
  .init("1.2.3", [(.number, "1.2"), (.number, ".3")]),
  .init("@", [(.invalid, "@")], ["invalid-character"]),
  .init("!", [(.invalid, "!")], ["invalid-character"]),
  .init("a\u{0}b", [(.identifier, "a"), (.invalid, "\u{0}"), (.identifier, "b")], ["invalid-character"]),
  .init("1 \u{2212} 2", [(.number, "1"), (.invalid, "\u{2212}"), (.number, "2")], ["invalid-character"]),
  .init("2 × 3", [(.number, "2"), (.invalid, "×"), (.number, "3")], ["invalid-character"]),
  .init("\"abc", [(.invalid, "\"abc")], ["unterminated-string"]),
  .init("\"abc\nx", [(.invalid, "\"abc"), (.newline, "\n"), (.identifier, "x")], ["unterminated-string"]),
  .init("\"abc\\", [(.invalid, "\"abc\\")], ["unterminated-string"]),
]

@Suite struct LexerTests {
  func check(_ testCase: LexerCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let (tokens, diagnostics) = lexed(testCase.input)
    #expect(tokens.last?.0 == .endOfInput, "\(testCase)", sourceLocation: sourceLocation)
    let got = tokens.dropLast().map { LexerCase.Pair(kind: $0.0, text: $0.1) }
    #expect(got == testCase.tokens, "\(testCase)", sourceLocation: sourceLocation)
    #expect(diagnostics.map(\.id.rawValue) == testCase.diagnostics, "\(testCase)", sourceLocation: sourceLocation)
  }

  @Test(arguments: literalCases) func literals(_ testCase: LexerCase) { check(testCase) }
  @Test(arguments: keywordAndOperatorCases) func keywordsAndOperators(_ testCase: LexerCase) { check(testCase) }
  @Test(arguments: structureCases) func commentsAndNewlines(_ testCase: LexerCase) { check(testCase) }
  @Test(arguments: invalidCases) func invalidInput(_ testCase: LexerCase) { check(testCase) }

  @Test func everyTokenKindHasASpelling() {
    let spellings = TokenKind.allCases.map(\.spelling)
    #expect(Set(spellings).count == spellings.count)
    #expect(TokenKind.leftParen.spelling == "'('")
    #expect(TokenKind.endOfInput.spelling == "end of input")
  }

  @Test func spansCoverTheTokenBytes() {
    let source = SourceFile(name: "<test>", text: "revenue(q3 2009) - 2.1bn")
    var lexer = Lexer(source: source)
    let spans = lexer.tokenize().map { [$0.span.start, $0.span.end] }
    #expect(spans == [[0, 7], [7, 8], [8, 15], [15, 16], [17, 18], [19, 24], [24, 24]])
  }

  @Test func minusSignSuggestsHyphen() {
    let (_, diagnostics) = lexed("5 \u{2212} 3")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.contains("did you mean '-'?") == true)
    #expect(diagnostics.first?.span == Span(start: 2, end: 5))
  }

  @Test func invalidUTF8BecomesInvalidToken() {
    for bytes: [UInt8] in [[0xFF], [0x31, 0x20, 0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80]] {
      let (tokens, diagnostics) = lexed(bytes: bytes)
      #expect(tokens.contains { $0.0 == .invalid }, "\(bytes)")
      #expect(diagnostics.first?.id == .invalidUTF8, "\(bytes)")
      #expect(tokens.last?.0 == .endOfInput)
    }
    // Inside a string and inside a comment.
    #expect(lexed(bytes: [0x22, 0x61, 0xFF, 0x62, 0x22]).diagnostics.map(\.id) == [.invalidUTF8])
    #expect(lexed(bytes: [0x22, 0x61, 0xFF, 0x62, 0x22]).tokens.map(\.0) == [.invalid, .endOfInput])
    #expect(lexed(bytes: [0x23, 0xFF, 0x0A, 0x31]).diagnostics.map(\.id) == [.invalidUTF8])
    #expect(lexed(bytes: [0x23, 0xFF, 0x0A, 0x31]).tokens.map(\.0) == [.newline, .number, .endOfInput])
  }

  @Test func unterminatedStringNotesTheOpeningQuote() {
    let (_, diagnostics) = lexed("x = \"abc")
    #expect(diagnostics.first?.notes.first?.span == Span(start: 4, end: 5))
  }

  @Test func alwaysTerminatesWithEndOfInput() {
    let inputs: [[UInt8]] = [
      [], [0x0A], [0x28], [0x22], [0x24], [0x23], Array("q3 ".utf8), Array("2009-".utf8), Array("2009-09-".utf8),
      Array("1e".utf8), Array("1e+".utf8), Array("9m ".utf8), Array("\\".utf8), [0x00], [0xE2, 0x88],
    ]
    for bytes in inputs {
      let (tokens, _) = lexed(bytes: bytes)
      #expect(tokens.last?.0 == .endOfInput, "\(bytes)")
      #expect(tokens.filter { $0.0 == .endOfInput }.count == 1)
    }
    // Every byte value alone and after a digit.
    for byte in UInt8.min...UInt8.max {
      #expect(lexed(bytes: [byte]).tokens.last?.0 == .endOfInput)
      #expect(lexed(bytes: [0x31, byte]).tokens.last?.0 == .endOfInput)
    }
  }

  @Test func manyNewlinesInsideParenthesesDoNotExhaustTheStack() {
    let text = "(" + String(repeating: "\n", count: 200_000) + "1)"
    let (tokens, diagnostics) = lexed(text)
    #expect(tokens.map(\.0) == [.leftParen, .number, .rightParen, .endOfInput])
    #expect(diagnostics.isEmpty)
  }
}
