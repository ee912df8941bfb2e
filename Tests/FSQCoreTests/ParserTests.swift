import FSQCore
import FSQTestSupport
import Foundation
import Testing

// MARK: - Valid programs, rendered as S-expressions

let validPrograms: [(String, String)] = [
  // Literals.
  ("11_853_020", "11853020"),
  ("1.5k", "1500"),
  ("$11.9M", "(USD 11900000)"),
  ("2.1bn", "2100000000"),
  ("8.3%", "(% 8.3)"),
  ("2.2pp", "(pp 2.2)"),
  ("0.29x", "(x 0.29)"),
  ("q3 2009", "(period q3 2009)"),
  ("2009q3", "(period q3 2009)"),
  ("fy2008", "(period fy 2008)"),
  ("h1 2009", "(period h1 2009)"),
  ("9m 2009", "(period 9m 2009)"),
  ("cq4 2010", "(period cq4 2010)"),
  ("cy2009", "(period cy 2009)"),
  ("2009-09-30", "(date 2009-09-30)"),
  (#""a\"b\\c\td""#, #""a\"b\\c\td""#),
  ("true", "true"),
  ("false", "false"),
  // Precedence and associativity.
  ("1 + 2 * 3", "(+ 1 (* 2 3))"),
  ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
  ("1 - 2 - 3", "(- (- 1 2) 3)"),
  ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
  ("2 ^ 3 ^ 2", "(^ 2 (^ 3 2))"),
  ("-2^2", "(- (^ 2 2))"),
  ("-2 * 3", "(* (- 2) 3)"),
  ("2 ^ -1", "(^ 2 (- 1))"),
  ("- -1", "(- (- 1))"),
  ("+x", "(+ x)"),
  ("a or b and c", "(or a (and b c))"),
  ("a and b or c", "(or (and a b) c)"),
  ("not a and b", "(and (not a) b)"),
  ("not a == b", "(not (== a b))"),
  ("not not a", "(not (not a))"),
  ("a + 1 < b * 2", "(< (+ a 1) (* b 2))"),
  ("a < b and b <= c", "(and (< a b) (<= b c))"),
  ("a == b or a != c", "(or (== a b) (!= a c))"),
  ("a > b", "(> a b)"),
  ("a >= b", "(>= a b)"),
  ("1 +\n2", "(+ 1 2)"),
  ("(1\n+\n2)", "(+ 1 2)"),
  // Calls, labels and qualified names.
  ("margin(q3 2009) - margin(q3 2008)", "(- (call margin (period q3 2009)) (call margin (period q3 2008)))"),
  (
    "revenue(q3 2009) / revenue(q3 2008) - 1",
    "(- (/ (call revenue (period q3 2009)) (call revenue (period q3 2008))) 1)"
  ),
  ("growth(revenue, q3 2009)", "(call growth revenue (period q3 2009))"),
  ("f()", "(call f)"),
  ("f(1,)", "(call f 1)"),
  ("f(\n1,\n2\n)", "(call f 1 2)"),
  (#""Cost of Revenues"(q3 2009)"#, #"(call "Cost of Revenues" (period q3 2009))"#),
  ("fsnn.revenue(q3 2009)", "(call fsnn.revenue (period q3 2009))"),
  (#"fsnn."Net sales"(fy2008)"#, #"(call fsnn."Net sales" (period fy 2008))"#),
  ("fsnn.name", "(call fsnn.name)"),
  ("total_assets(2009-09-30)", "(call total_assets (date 2009-09-30))"),
  ("f(g(h(1)))", "(call f (call g (call h 1)))"),
  ("-f(1)^2", "(- (^ (call f 1) 2))"),
  // Statements.
  ("let p = q3 2009", "(let p (period q3 2009))"),
  ("let x =\n 1", "(let x 1)"),
  ("def gm(p) = gross_profit(p) / revenue(p)", "(def gm (p) (/ (call gross_profit p) (call revenue p)))"),
  ("def two() = 2", "(def two () 2)"),
  ("def add(a, b) = a + b", "(def add (a b) (+ a b))"),
  ("assert 1 < 2", "(assert (< 1 2))"),
  (#"assert margin(q3 2009) > 8%, "margin fell""#, #"(assert (> (call margin (period q3 2009)) (% 8)) "margin fell")"#),
  (
    "table revenue, gross_profit, margin, ebitda for q3 2009, q3 2008",
    "(table (revenue gross_profit margin ebitda) (for (period q3 2009) (period q3 2008)))"
  ),
  (
    "table revenue,\n margin for q3 2009,\n q3 2008", "(table (revenue margin) (for (period q3 2009) (period q3 2008)))"
  ),
  ("explain margin(q3 2009)", "(explain (call margin (period q3 2009)))"),
  ("check", "(check)"),
  ("check fsnn", #"(check "fsnn")"#),
  (#"check "Fusion Telecom""#, #"(check "Fusion Telecom")"#),
  ("use fsnn", #"(use "fsnn")"#),
  (#"use "FSN""#, #"(use "FSN")"#),
  (#"load "releases/2009-q3.txt""#, #"(load "releases/2009-q3.txt")"#),
  // Statement boundaries.
  ("1; 2\n3", "1; 2; 3"),
  ("\n\n1;;\n;2\n\n", "1; 2"),
  ("let a = 1 # trailing comment\na", "(let a 1); a"),
  ("#!/usr/bin/env fsq\nuse fsnn", #"(use "fsnn")"#),
  ("", ""),
]

// MARK: - Invalid programs, diagnostics marked inline
//
// `/*ERROR id*/` stands at the byte offset where the diagnostic's span must start; the test
// removes the markers, parses, and compares IDs and offsets, in order.

let invalidPrograms: [String] = [
  "(1 + /*ERROR expected-expression*/)",
  "1 + /*ERROR expected-expression*/)",
  "/*ERROR expected-expression*/* 2",
  "f(1 /*ERROR expected-token*/2)",
  "(1 + 2/*ERROR expected-token*/",
  "f(1, 2/*ERROR expected-token*/",
  "a < b /*ERROR unexpected-token*/< c",
  "a == b /*ERROR unexpected-token*/== c",
  "1 < 2 /*ERROR unexpected-token*/<= 3 /*no second error on the same line*/< 4",
  "1 /*ERROR unexpected-token*/2",
  "let /*ERROR expected-token*/1 = 2",
  "let /*ERROR expected-token*/for = 2",
  "let x /*ERROR expected-token*/2",
  "def f /*ERROR expected-token*/= 1",
  "def f(a, /*ERROR expected-token*/1) = a",
  "def f(a, /*ERROR redefinition*/a) = a",
  "def f(a) /*ERROR expected-token*/a",
  "use /*ERROR expected-token*/1",
  "load /*ERROR expected-token*/fsnn",
  "table revenue /*ERROR expected-token*/q3 2009",
  "table revenue for/*ERROR expected-expression*/ ",
  "assert 1, /*ERROR expected-token*/2",
  "acme./*ERROR expected-token*/+",
  // `.1` is a number, so `acme.1` is a name followed by a number.
  "acme/*ERROR unexpected-token*/.1",
  "check fsnn /*ERROR unexpected-token*/fsnn",
  "x /*ERROR unexpected-token*/= 1",
  // Lexical errors surface once, from the lexer.
  "1 + /*ERROR invalid-character*/@",
  "/*ERROR invalid-date*/2009-02-30",
  "revenue(/*ERROR invalid-number*/2kg)",
  "/*ERROR unterminated-string*/\"abc",
  "/*ERROR overflow*/1e999999",
  "1 /*ERROR invalid-character*/\u{2212} 2",
  // Recovery: errors on two lines give two diagnostics; one error per line.
  "1 + /*ERROR expected-expression*/)\n2 * /*ERROR expected-expression*/)",
  // Unclosed '(' keeps the lexer inside parentheses, so later newlines are not boundaries
  // and the rest of the input is one statement: only the first error is reported.
  "(/*ERROR expected-expression*/) (((\nlet ok = 1\n* 3",
  "/*ERROR expected-expression*/) ) ) ) ) ) )",
  "1 + /*ERROR expected-expression*/); 2 * )",
  "f(/*ERROR expected-expression*/*\n\n)",
]

@Suite struct ParserTests {
  @Test(arguments: validPrograms.indices) func validProgram(_ index: Int) {
    let (input, expected) = validPrograms[index]
    let program = parsed(input)
    #expect(program.diagnostics.map(\.id) == [], "\(input.debugDescription): \(program.diagnostics)")
    #expect(sexpr(program) == expected, "\(input.debugDescription)")
    #expect(!program.isIncomplete)
  }

  @Test(arguments: invalidPrograms) func invalidProgram(_ marked: String) {
    let (input, expected) = strippingErrorMarkers(marked)
    let program = parsed(input)
    let got = program.diagnostics.map { ExpectedDiagnostic(id: $0.id.rawValue, offset: $0.span.start) }
    #expect(got == expected, "\(marked.debugDescription): \(program.diagnostics)")
    for diagnostic in program.diagnostics {
      #expect(diagnostic.span.end <= input.utf8.count)
    }
  }

  @Test func spansCoverWholeExpressions() {
    let source = SourceFile(name: "<test>", text: "let m = margin(q3 2009) - 1")
    let program = Parser.parse(source)
    let statement = try! #require(program.statements.first)
    #expect(statement.span == Span(start: 0, end: 27))
    guard case .letBinding(_, let nameSpan, let value) = statement.kind,
      case .binary(_, let left, _, let operatorSpan) = value.kind,
      case .call(_, let calleeSpan, _) = left.kind
    else {
      Issue.record("unexpected tree \(sexpr(program))")
      return
    }
    #expect(nameSpan == Span(start: 4, end: 5))
    #expect(value.span == Span(start: 8, end: 27))
    #expect(operatorSpan == Span(start: 24, end: 25))
    #expect(left.span == Span(start: 8, end: 23))
    #expect(calleeSpan == Span(start: 8, end: 14))
  }

  @Test func missingParenthesisNamesTheOpener() {
    let program = parsed("margin(q3 2009")
    let diagnostic = try! #require(program.diagnostics.first)
    #expect(diagnostic.id == .expectedToken)
    #expect(diagnostic.message == "expected ')', found end of input")
    #expect(diagnostic.notes.map(\.message) == ["to close '(' opened here"])
    #expect(diagnostic.notes.first?.span == Span(start: 6, end: 7))

    let nested = parsed("((1 + 2)\n")
    #expect(nested.diagnostics.first?.notes.first?.span == Span(start: 0, end: 1))
  }

  @Test func incompleteInputIsFlagged() {
    for input in ["(1 +", "1 +", "1 +\n", "f(1,", "let x =", "def f(a) =", "table a for", "table a,", "((", "-", "not"]
    {
      let program = parsed(input)
      #expect(program.isIncomplete, "\(input.debugDescription) \(program.diagnostics)")
      #expect(!program.diagnostics.isEmpty)
    }
    for input in ["1 + )", "1 +)\n(", "@ (", "1 2", "\"abc", "1 + 2", ")"] {
      #expect(!parsed(input).isIncomplete, "\(input.debugDescription)")
    }
  }

  @Test func chainedComparisonsSuggestAnd() {
    let diagnostic = try! #require(parsed("a < b < c").diagnostics.first)
    #expect(diagnostic.id == .unexpectedToken)
    #expect(diagnostic.message.contains("'a < b and b < c'"))
  }

  @Test func errorCountIsCapped() {
    let input = Array(repeating: "1 + )", count: 25).joined(separator: "\n")
    let program = parsed(input)
    #expect(program.diagnostics.count == Parser.maximumErrors + 1)
    #expect(program.diagnostics.dropLast().allSatisfy { $0.id == .expectedExpression })
    #expect(program.diagnostics.last?.id == .tooManyErrors)
    let lines = program.diagnostics.dropLast().map { $0.source!.location(of: $0.span.start).line }
    #expect(lines == Array(1...10))
  }

  @Test func lexicalErrorsObeyTheCapAndOneErrorPerLine() {
    // Regression: lexer diagnostics used to bypass both rules (15 lines of '@' gave 15 errors).
    let program = parsed(Array(repeating: "@", count: 15).joined(separator: "\n"))
    #expect(program.diagnostics.map(\.id) == Array(repeating: .invalidCharacter, count: 10) + [.tooManyErrors])
    #expect(parsed("@ @ @").diagnostics.map(\.span.start) == [0])
    #expect(parsed("1 + 2kg + 2kg\n3kg").diagnostics.map(\.span.start) == [4, 14])
    #expect(parsed("1 2 @").diagnostics.map(\.id) == [.unexpectedToken])
    // Mixed lexer and parser errors, one line each, eleven lines: capped at ten.
    let mixed = (0..<11).map { $0.isMultiple(of: 2) ? "@" : "1 + )" }.joined(separator: "\n")
    #expect(parsed(mixed).diagnostics.count == Parser.maximumErrors + 1)
    #expect(parsed(mixed).diagnostics.last?.id == .tooManyErrors)
  }

  @Test func partialTreeSurvivesErrors() {
    let program = parsed("let a = 1\n1 + )\nlet b = 2")
    #expect(program.statements.count == 3)
    #expect(sexpr(program.statements[0]) == "(let a 1)")
    #expect(sexpr(program.statements[2]) == "(let b 2)")
  }

  @Test func diagnosticsAreSorted() {
    let program = parsed("1 + )\n@\n2 * )\n2009-02-30")
    let starts = program.diagnostics.map(\.span.start)
    #expect(starts == starts.sorted())
    #expect(program.diagnostics.count == 4)
  }

  @Test(.timeLimit(.minutes(1))) func deepNestingIsADiagnosticNotACrash() {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let program = parsed(String(repeating: "(", count: 1_000_000))
      #expect(program.diagnostics.map(\.id) == [.nestingTooDeep])
    }
    _ = elapsed  // A hang fails the test's time limit; speed itself is the benchmark's job.
    for input in [
      String(repeating: "-", count: 100_000) + "1",
      String(repeating: "not ", count: 100_000) + "a",
      String(repeating: "f(", count: 100_000),
      String(repeating: "2^", count: 100_000) + "2",
      String(repeating: "(1+", count: 100_000),
    ] {
      let program = parsed(input)
      #expect(program.diagnostics.map(\.id) == [.nestingTooDeep], "\(input.prefix(8))")
    }
    // Just inside the limit parses cleanly.
    let deepest = String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
    #expect(parsed(deepest).diagnostics.isEmpty)
  }
}
