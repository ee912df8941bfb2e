import FSQCore
import FSQTestSupport
import Testing

// MARK: - Deterministic fuzzing of lexer, parser and renderer
//
// Several thousand generated inputs, from a seeded generator so a failure reproduces: token
// spellings, literals of every form, random bytes, deep nesting, long names, huge exponents,
// combining marks, bidi overrides and NUL. Properties: nothing crashes; the lexer ends with
// exactly one end of input and its spans advance within the source; every diagnostic (and
// note) span lies within the source bytes; the error cap holds; rendering succeeds and never
// passes a bidi override or control character through; and a program with no diagnostics
// re-parses identically, both as is and after printing its tree back as fsq.

struct FuzzInputs {
  var random: SeededGenerator

  static let spellings: [String] = [
    "let", "def", "assert", "table", "for", "explain", "check", "use", "load", "and", "or", "not",
    "true", "false", "(", ")", ",", ".", "=", "+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!=",
    ";", "\n", "revenue", "margin", "fsnn", "p", "x", "\"Cost of Revenues\"",
  ]

  mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &random)] }
  mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
  mutating func digits(_ count: Int) -> String {
    String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
  }

  mutating func literal() -> String {
    switch Int.random(in: 0..<14, using: &random) {
    case 0: return digits(Int.random(in: 1...12, using: &random))
    case 1: return digits(2) + "_" + digits(3) + (chance(50) ? "_" + digits(3) : "")
    case 2:
      return digits(Int.random(in: 1...4, using: &random)) + "." + digits(Int.random(in: 1...4, using: &random))
        + pick(["", "k", "K", "m", "M", "b", "B", "bn", "%", "pp", "x", "kg", "e", "e5", "E-3"])
    case 3: return "$" + digits(Int.random(in: 1...6, using: &random)) + pick(["", ".5", "M", "bn", "%", "x"])
    case 4:
      return pick([
        "1e999999", "1e-999999", "9e6111", "1e6112", "1" + String(repeating: "0", count: 60),
        "0.000000000000000000000000000000000000000001",
      ])
    case 5:
      return pick(["q", "Q", "h", "cq", "ch"]) + String(Int.random(in: 0...5, using: &random)) + pick([" ", "\t", ""])
        + String(Int.random(in: 1900...2099, using: &random))
    case 6:
      return String(Int.random(in: 1900...2099, using: &random)) + pick(["q", "h", "Q"])
        + String(Int.random(in: 0...5, using: &random))
    case 7:
      return pick(["fy", "cy", "FY", "cfy"]) + pick(["", " "]) + String(Int.random(in: 1900...2099, using: &random))
    case 8:
      return String(Int.random(in: 0...14, using: &random)) + "m " + String(Int.random(in: 1900...2099, using: &random))
    case 9: return String(Int.random(in: 1999...2011, using: &random)) + "-" + digits(2) + "-" + digits(2)
    case 10:
      let pieces = ["a", "b", " ", "\\\"", "\\\\", "\\n", "\\t", "é", "\u{202E}", "\u{301}", "\\"]
      return "\"" + (0..<Int.random(in: 0...6, using: &random)).map { _ in pick(pieces) }.joined()
        + (chance(90) ? "\"" : "")
    case 11: return "id_" + String(repeating: "z", count: Int.random(in: 0...(chance(5) ? 5000 : 30), using: &random))
    case 12:
      return pick([
        "e\u{301}", "\u{202E}", "\u{0}", "\u{2212}", "×", "“", "@", "!", "#c\n", "\r\n", "\u{FEFF}", "a\u{202E}b",
      ])
    default: return pick(["9m", ".5", "2009-02-30", "2009-09-30", "0m 2009", "13m 2009", "q3 209"])
    }
  }

  /// A literal the lexer and parser accept.
  mutating func validLiteral() -> String {
    let year = String(Int.random(in: 1900...2099, using: &random))
    switch Int.random(in: 0..<12, using: &random) {
    case 0: return digits(Int.random(in: 1...9, using: &random))
    case 1: return digits(2) + "_" + digits(3) + "." + digits(2)
    case 2:
      return "1" + digits(2) + "." + digits(1)
        + pick(["k", "K", "M", "m", "bn", "B", "b", "%", "pp", "x", "e3", "E-2"])
    case 3: return "$" + "1" + digits(Int.random(in: 0...5, using: &random)) + pick(["", ".25", "M", ".9bn"])
    case 4: return pick(["q", "Q", "cq"]) + String(Int.random(in: 1...4, using: &random)) + " " + year
    case 5: return year + pick(["q", "h"]) + String(Int.random(in: 1...2, using: &random))
    case 6: return pick(["fy", "cy", "fy ", "FY"]) + year
    case 7: return String(Int.random(in: 1...12, using: &random)) + "m " + year
    case 8: return pick(["2009-09-30", "2008-02-29", "2010-12-25", "1999-01-01"])
    case 9: return "\"" + pick(["Cost of Revenues", "a \\\"b\\\"", "tab\\t", "é \u{301}", ""]) + "\""
    case 10: return pick(["true", "false"])
    default: return pick(["revenue", "margin", "p", "_x", "total_current_assets"])
    }
  }

  /// An expression from the grammar, at most `depth` levels deep.
  mutating func expression(depth: Int) -> String {
    if depth <= 0 || chance(30) { return validLiteral() }
    switch Int.random(in: 0..<9, using: &random) {
    case 0, 1, 2:
      let op = pick(["+", "-", "*", "/", "^", "and", "or", "==", "!=", "<", "<=", ">", ">="])
      return expression(depth: depth - 1) + pick([" ", ""]) + op + pick([" ", "\n", " "]) + expression(depth: depth - 1)
    case 3: return pick(["-", "+", "not "]) + expression(depth: depth - 1)
    case 4: return "(" + pick(["", "\n"]) + expression(depth: depth - 1) + ")"
    default:
      let callee = pick(["margin", "growth", "\"Net sales\"", "fsnn.revenue", "fsnn.\"Net sales\""])
      let arguments = (0..<Int.random(in: 0...3, using: &random)).map { _ in expression(depth: depth - 1) }
      return callee + "(" + arguments.joined(separator: pick([", ", ",\n", ","]))
        + (chance(10) && !arguments.isEmpty ? "," : "") + ")"
    }
  }

  mutating func statement() -> String {
    let e = { (inputs: inout FuzzInputs) in inputs.expression(depth: Int.random(in: 0...4, using: &inputs.random)) }
    switch Int.random(in: 0..<12, using: &random) {
    case 0: return "let v = " + e(&self)
    case 1: return "def f(" + pick(["", "a", "a, b"]) + ") = " + e(&self)
    case 2: return "assert " + e(&self) + pick(["", ", \"why\""])
    case 3: return "table " + e(&self) + ", " + e(&self) + " for " + e(&self) + (chance(50) ? ",\n" + e(&self) : "")
    case 4: return "explain " + e(&self)
    case 5: return pick(["check", "check fsnn", "check \"Fusion\"", "use fsnn", "use \"FSN\"", "load \"a/b.txt\""])
    default: return e(&self)
    }
  }

  /// A program from the grammar, sometimes with one byte changed.
  mutating func grammaticalProgram() -> [UInt8] {
    let statements = (0..<Int.random(in: 1...4, using: &random)).map { _ in statement() }
    var text = ""
    for statement in statements {
      text += statement + pick(["\n", "; ", "\n\n", " # note\n"])
    }
    var bytes = Array(text.utf8)
    if chance(25) && !bytes.isEmpty {
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<3, using: &random) {
      case 0: bytes.remove(at: at)
      case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
      default: bytes[at] = Array(pick(FuzzInputs.spellings).utf8).first ?? 0
      }
    }
    return bytes
  }

  mutating func program() -> [UInt8] {
    if chance(45) { return grammaticalProgram() }
    if chance(2) {
      // Deep nesting of one kind or another.
      let opener = pick(["(", "-", "not ", "f(", "2^", "(1+"])
      let depth = Int.random(in: 150...1500, using: &random)
      var text = String(repeating: opener, count: depth) + "1"
      if chance(50) { text += String(repeating: ")", count: depth) }
      return Array(text.utf8)
    }
    var bytes: [UInt8] = []
    for _ in 0..<Int.random(in: 1...24, using: &random) {
      if chance(8) {
        bytes.append(UInt8.random(in: 0...255, using: &random))
        continue
      }
      let piece = chance(55) ? pick(FuzzInputs.spellings) : literal()
      bytes += Array(piece.utf8)
      if chance(70) { bytes.append(UInt8(ascii: " ")) }
    }
    return bytes
  }
}

// MARK: Printing a tree back as fsq

func printed(_ program: ParsedProgram) -> String {
  program.statements.map(printed).joined(separator: "\n")
}

func printed(_ statement: Statement) -> String {
  func list(_ expressions: [FSQCore.Expression]) -> String { expressions.map(printed).joined(separator: ", ") }
  switch statement.kind {
  case .expression(let expression): return printed(expression)
  case .letBinding(let name, _, let value): return "let \(name) = \(printed(value))"
  case .definition(let name, _, let parameters, let body):
    return "def \(name)(\(parameters.joined(separator: ", "))) = \(printed(body))"
  case .assertion(let condition, let message):
    return "assert \(printed(condition))" + (message.map { ", " + fsqString($0) } ?? "")
  case .table(let spec): return "table \(list(spec.rows)) for \(list(spec.columns))"
  case .chart(let series, let file, _):
    return "chart \(list(series))" + (file.map { " to " + fsqString($0) } ?? "")
  case .screen(let spec):
    var text = "screen \(printed(spec.condition))"
    if let order = spec.order { text += " order by \(printed(order))" + (spec.descending ? " desc" : "") }
    if let limit = spec.limit { text += " limit \(limit)" }
    return text
  case .explain(let expression): return "explain \(printed(expression))"
  case .check(let company): return "check" + (company.map { " " + fsqString($0) } ?? "")
  case .use(let company, _): return "use \(fsqString(company))"
  case .load(let paths, _): return "load " + paths.map(fsqString).joined(separator: ", ")
  case .invalid: return "<invalid>"
  }
}

func printed(_ expression: FSQCore.Expression) -> String {
  switch expression.kind {
  case .literal(let value):
    switch value {
    case .quantity(let quantity):
      let amount = quantity.displayAmount.description
      switch quantity.unit {
      case .currency: return "$" + amount
      case .percent: return amount + "%"
      case .percentagePoints: return amount + "pp"
      case .multiple: return amount + "x"
      default: return amount
      }
    case .text(let text): return fsqString(text)
    case .bool(let flag): return flag ? "true" : "false"
    case .period(let period): return period.description
    default: return "<value>"
    }
  case .name(let name): return name
  case .call(let callee, _, let arguments):
    let name: String
    switch callee {
    case .name(let n): name = n
    case .label(let l, let s): name = (s.map { fsqString($0) + "." } ?? "") + fsqString(l)
    case .qualified(let c, let n): name = "\(c).\(n)"
    case .qualifiedLabel(let c, let l, let s): name = "\(c)." + (s.map { fsqString($0) + "." } ?? "") + fsqString(l)
    }
    return "\(name)(\(arguments.map(printed).joined(separator: ", ")))"
  case .unary(let op, let operand):
    return "(\(op == .not ? "not " : op.rawValue)\(printed(operand)))"
  case .binary(let op, let left, let right, _): return "(\(printed(left)) \(op.rawValue) \(printed(right)))"
  case .list(let elements): return "[\(elements.map(printed).joined(separator: ", "))]"
  case .comprehension(let element, let variable, let source, let condition):
    return "[\(printed(element)) for \(variable) in \(printed(source))"
      + (condition.map { " if " + printed($0) } ?? "") + "]"
  case .scaled(let inner, let power):
    return "(\(printed(inner)) in \(["", "thousands", "millions", "billions"][power]))"
  case .invalid: return "<invalid>"
  }
}

/// A string literal as fsq spells it.
func fsqString(_ text: String) -> String { quoted(text) }

func depth(_ expression: FSQCore.Expression) -> Int {
  switch expression.kind {
  case .call(_, _, let arguments): return 1 + (arguments.map(depth).max() ?? 0)
  case .unary(_, let operand): return 1 + depth(operand)
  case .binary(_, let left, let right, _): return 1 + max(depth(left), depth(right))
  default: return 1
  }
}

// MARK: Properties

@Suite struct FuzzPropertyTests {
  static let caseCount = 4000

  @Test func lexerParserAndRendererHoldTheirProperties() {
    var inputs = FuzzInputs(random: SeededGenerator(seed: 0x6673_7121))
    var cleanPrograms = 0
    var failures = 0
    for index in 0..<FuzzPropertyTests.caseCount {
      let bytes = inputs.program()
      if !check(bytes, index: index, clean: &cleanPrograms) { failures += 1 }
      if failures >= 5 { break }
    }
    // The generator must reach clean programs too, or the round trip proves nothing.
    #expect(cleanPrograms > FuzzPropertyTests.caseCount / 20, "only \(cleanPrograms) clean programs")
  }

  /// Checks one input; returns false (after recording issues) when a property fails.
  func check(_ bytes: [UInt8], index: Int, clean: inout Int) -> Bool {
    let shown = "case \(index): \(String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription)"
    var ok = true
    func require(_ condition: Bool, _ what: String) {
      if !condition {
        ok = false
        Issue.record("\(what) — \(shown)")
      }
    }
    let source = SourceFile(name: "<fuzz>", bytes: bytes)
    var lexer = Lexer(source: source)
    let tokens = lexer.tokenize()
    require(tokens.last?.kind == .endOfInput, "lexer did not end with end of input")
    require(tokens.filter { $0.kind == .endOfInput }.count == 1, "more than one end of input")
    var previousEnd = 0
    for token in tokens {
      require(token.span.start >= previousEnd && token.span.end <= bytes.count, "token span out of order or bounds")
      require(token.kind == .endOfInput || token.span.end > token.span.start, "empty token")
      previousEnd = token.span.end
    }

    let program = Parser.parse(source)
    let errors = program.diagnostics.filter { $0.id != .tooManyErrors }
    require(errors.count <= Parser.maximumErrors, "\(errors.count) errors, more than the cap")
    for diagnostic in program.diagnostics {
      let spans = [diagnostic.span] + diagnostic.notes.compactMap(\.span)
      for span in spans {
        require(
          span.start >= 0 && span.start <= span.end && span.end <= bytes.count,
          "diagnostic span \(span) outside the source")
      }
    }
    var lines = program.diagnostics.filter { $0.id != .tooManyErrors }.map { source.location(of: $0.span.start).line }
    require(lines == Array(Set(lines)).sorted(), "two diagnostics on one line")
    lines = []
    let starts = program.diagnostics.map(\.span.start)
    require(starts == starts.sorted(), "diagnostics not sorted")

    let rendered = DiagnosticRenderer().render(program.diagnostics)
    require(program.diagnostics.isEmpty || !rendered.isEmpty, "rendered nothing")
    let unsafe = rendered.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F || (0x202A...0x202E).contains($0.value)
        || (0x2066...0x2069).contains($0.value)
    }
    require(unsafe.isEmpty, "rendered output passes through \(unsafe.map { String($0.value, radix: 16) })")

    guard program.diagnostics.isEmpty else { return ok }
    clean += 1
    let again = Parser.parse(SourceFile(name: "<fuzz>", bytes: bytes))
    require(sexpr(again) == sexpr(program) && again.statements == program.statements, "re-parse differs")
    let expressionsAreShallow = program.statements.allSatisfy { statement in
      switch statement.kind {
      case .expression(let e), .letBinding(_, _, let e), .definition(_, _, _, let e), .assertion(let e, _),
        .explain(let e):
        return depth(e) < 60
      case .table(let spec): return (spec.rows + spec.columns).allSatisfy { depth($0) < 60 }
      default: return true
      }
    }
    if expressionsAreShallow {
      let text = printed(program)
      let reparsed = parsed(text)
      require(
        reparsed.diagnostics.isEmpty,
        "printed program has diagnostics: \(text.debugDescription) \(reparsed.diagnostics)")
      require(sexpr(reparsed) == sexpr(program), "printed program parses differently: \(text.debugDescription)")
    }
    return ok
  }

  @Test func generatorIsDeterministic() {
    var first = FuzzInputs(random: SeededGenerator(seed: 7))
    var second = FuzzInputs(random: SeededGenerator(seed: 7))
    for _ in 0..<50 { #expect(first.program() == second.program()) }
  }
}
