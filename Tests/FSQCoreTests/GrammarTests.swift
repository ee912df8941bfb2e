import FSQCore
import FSQTestSupport
import Foundation
import Testing

// MARK: - Grammar/fsq.ebnf against the parser
//
// Every example in the grammar must parse cleanly, and every production the grammar defines
// must be exercised by some example. Which examples exercise a production is not taken on
// trust from tags: `evidence` below says, for each production, what must be seen in an
// example's tokens or tree, and the test computes that from the parse.

struct GrammarFile {
  var productions: [String]
  var examples: [String]

  static func load() throws -> GrammarFile {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Grammar/fsq.ebnf")
    let text = try String(contentsOf: url, encoding: .utf8)
    var productions: [String] = []
    var examples: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("#: ") {
        examples.append(String(line.dropFirst(3)).replacingOccurrences(of: "\u{23CE}", with: "\n"))
      } else if let match = line.wholeMatch(of: #/([a-z_]+)\s*=.*/#) {
        productions.append(String(match.1))
      }
    }
    return GrammarFile(productions: productions, examples: examples)
  }
}

/// What an example shows: `stmt:let`, `op:^`, `unary:not`, `call:label`, `tok:period`,
/// `form:quarter`, and so on.
func features(of example: String) -> Set<String> {
  var found: Set<String> = []
  let source = SourceFile(name: "<example>", text: example)
  var lexer = Lexer(source: source)
  let tokens = lexer.tokenize()
  for (index, token) in tokens.enumerated() {
    let text = source.text(of: token.span)
    found.insert("tok:\(token.kind)")
    if token.kind.rawValue >= TokenKind.kwLet.rawValue && token.kind.rawValue <= TokenKind.kwFalse.rawValue {
      found.insert("keyword")
    }
    let previous = index > 0 ? tokens[index - 1].kind : nil
    if token.kind == .leftParen && previous != .identifier && previous != .string { found.insert("paren-group") }
    if token.kind == .rightParen && previous == .comma { found.insert("trailing-comma") }
    switch token.kind {
    case .identifier:
      if text.count > 1 { found.insert("identifier-part") }
      if text.hasPrefix("_") || text.contains(where: { $0.isLetter }) { found.insert("letter") }
    case .number, .money, .percent, .percentagePoints, .multiple:
      if text.contains(#/[0-9]_[0-9]/#) { found.insert("form:underscore") }
      if text.contains(#/^\$[0-9]{1,3},[0-9]{3}/#) { found.insert("form:thousands") }
      if text.contains(#/\.[0-9]/#) { found.insert("form:fraction") }
      if text.contains(#/[0-9][eE][+-]?[0-9]/#) { found.insert("form:exponent") }
      if text.contains(#/[0-9](k|K|m|M|b|B|bn)%?$/#) { found.insert("form:scale") }
      found.insert("digit")
    case .period:
      let lowered = text.lowercased()
      if lowered.contains(#/q[1-4]/#) { found.insert("form:quarter") }
      if lowered.contains(#/h[12]/#) { found.insert("form:half") }
      if lowered.contains(#/^(fy|cy)/#) { found.insert("form:year") }
      if lowered.contains(#/^[0-9]{1,2}m/#) { found.insert("form:months") }
      if text.contains(" ") || text.contains("\t") { found.insert("form:blank") }
      found.insert("year")
    case .date:
      found.insert("year")
    case .string:
      if text.contains("\\") { found.insert("form:escape") }
      if text.count > 2 { found.insert("string-character") }
    default: break
    }
  }
  if example.contains("#") && !example.contains("\"#") { found.insert("comment") }
  if example.contains(" ") { found.insert("whitespace") }

  let program = Parser.parse(source)
  if !program.statements.isEmpty { found.insert("statement") }
  for statement in program.statements {
    switch statement.kind {
    case .expression(let expression):
      found.insert("stmt:expression")
      walk(expression, into: &found)
    case .letBinding(_, _, let value):
      found.insert("stmt:let")
      walk(value, into: &found)
    case .definition(_, _, let parameters, let body):
      found.insert("stmt:def")
      if !parameters.isEmpty { found.insert("stmt:def-parameters") }
      walk(body, into: &found)
    case .assertion(let condition, let message):
      found.insert("stmt:assert")
      if message != nil { found.insert("stmt:assert-message") }
      walk(condition, into: &found)
    case .table(let spec):
      found.insert("stmt:table")
      if spec.rows.count > 1 || spec.columns.count > 1 { found.insert("stmt:table-list") }
      if spec.columnVariable != nil { found.insert("table:variable") }
      if spec.change || spec.percentChange || spec.sparkline { found.insert("table:with") }
      if spec.sparkline && (spec.change || spec.percentChange) { found.insert("table:with-several") }
      if spec.scale != nil { found.insert("table:in") }
      if spec.decimals != nil { found.insert("table:decimals") }
      if spec.filter != nil { found.insert("table:where") }
      if spec.order != nil { found.insert("table:order") }
      if spec.limit != nil { found.insert("table:limit") }
      for expression in spec.rows + spec.columns { walk(expression, into: &found) }
      for expression in [spec.filter, spec.order].compactMap({ $0 }) { walk(expression, into: &found) }
    case .chart(let series, let file, _):
      found.insert("stmt:chart")
      if file != nil { found.insert("stmt:chart-to") }
      for expression in series { walk(expression, into: &found) }
    case .screen(let spec):
      found.insert("stmt:screen")
      if spec.order != nil { found.insert("screen:order") }
      if spec.limit != nil { found.insert("screen:limit") }
      for expression in [spec.condition, spec.order].compactMap({ $0 }) { walk(expression, into: &found) }
    case .explain(let expression):
      found.insert("stmt:explain")
      walk(expression, into: &found)
    case .check: found.insert("stmt:check")
    case .use: found.insert("stmt:use")
    case .load: found.insert("stmt:load")
    case .invalid: found.insert("stmt:invalid")
    }
  }
  return found
}

func walk(_ expression: FSQCore.Expression, into found: inout Set<String>) {
  found.insert("expression")
  switch expression.kind {
  case .literal(let value):
    if case .text = value { found.insert("text") } else { found.insert("literal") }
  case .name: found.insert("name")
  case .call(let callee, _, let arguments):
    switch callee {
    case .name: found.insert("call:name")
    case .label(_, let section):
      found.insert("call:label")
      if section != nil { found.insert("call:section-label") }
    case .qualified: found.insert("call:qualified")
    case .qualifiedLabel(_, _, let section):
      found.insert("call:qualified-label")
      if section != nil { found.insert("call:section-label") }
    }
    if !arguments.isEmpty { found.insert("call:arguments") }
    for argument in arguments { walk(argument, into: &found) }
  case .unary(let op, let operand):
    found.insert("unary:\(op.rawValue)")
    walk(operand, into: &found)
  case .binary(let op, let left, let right, _):
    found.insert("op:\(op.rawValue)")
    walk(left, into: &found)
    walk(right, into: &found)
  case .list(let elements):
    found.insert("list")
    for element in elements { walk(element, into: &found) }
  case .comprehension(let element, _, let source, let condition):
    found.insert("comprehension")
    if condition != nil { found.insert("comprehension-if") }
    for part in [element, source] + (condition.map { [$0] } ?? []) { walk(part, into: &found) }
  case .scaled(let inner, _):
    found.insert("scaled")
    walk(inner, into: &found)
  case .invalid: found.insert("invalid")
  }
}

/// For each production, the features of which an example must show all.
let evidence: [String: [String]] = [
  // Programs and statements.
  "program": ["statement"],
  "terminator": ["tok:semicolon"],
  "separator": ["tok:newline", "tok:semicolon"],
  "statement": ["statement"],
  "let_statement": ["stmt:let"],
  "def_statement": ["stmt:def"],
  "parameter_list": ["stmt:def-parameters"],
  "assert_statement": ["stmt:assert", "stmt:assert-message"],
  "table_statement": ["stmt:table", "table:variable"],
  "table_option": ["table:in", "table:decimals", "table:where", "table:order", "table:limit"],
  "column_option": ["table:with", "table:with-several"],
  "scale_word": ["scaled", "table:in"],
  "chart_statement": ["stmt:chart", "stmt:chart-to"],
  "screen_statement": ["stmt:screen", "screen:order", "screen:limit"],
  "expression_list": ["stmt:table-list"],
  "explain_statement": ["stmt:explain"],
  "check_statement": ["stmt:check", "tok:identifier"],
  "use_statement": ["stmt:use"],
  "load_statement": ["stmt:load"],
  "expression_statement": ["stmt:expression"],
  // Expressions.
  "expression": ["expression"],
  "disjunction": ["op:or"],
  "conjunction": ["op:and"],
  "negation": ["unary:not", "op:and"],
  "comparison": ["op:<"],
  "range": ["op:.."],
  "list": ["list"],
  "comprehension": ["comprehension", "comprehension-if"],
  "comparison_operator": ["op:>=", "op:!=", "op:=="],
  "additive": ["op:+", "op:-"],
  "multiplicative": ["op:*", "op:/"],
  "unary": ["unary:-", "unary:+"],
  "power": ["op:^"],
  "postfix": ["name", "text"],
  "call": ["call:name", "call:arguments", "trailing-comma"],
  "callee": ["call:label"],
  "label": ["call:section-label"],
  "qualified_name": ["call:qualified", "call:qualified-label"],
  "argument_list": ["call:arguments", "tok:comma"],
  "primary": ["paren-group", "literal"],
  "literal": ["tok:kwTrue", "tok:kwFalse"],
  // Lexical grammar.
  "newline": ["tok:newline"],
  "whitespace": ["whitespace"],
  "comment": ["comment"],
  "identifier": ["tok:identifier"],
  "identifier_start": ["letter"],
  "identifier_part": ["identifier-part"],
  "letter": ["letter"],
  "digit": ["digit"],
  "keyword": ["keyword"],
  "number": ["tok:number"],
  "decimal": ["form:fraction"],
  "digits": ["form:underscore"],
  "exponent": ["form:exponent"],
  "scale": ["form:scale"],
  "money": ["tok:money"],
  "grouped_decimal": ["form:thousands"],
  "percentage": ["tok:percent"],
  "percentage_points": ["tok:percentagePoints"],
  "multiple": ["tok:multiple"],
  "period": ["tok:period"],
  "quarter_period": ["form:quarter"],
  "half_period": ["form:half"],
  "year_period": ["form:year"],
  "months_to_date": ["form:months"],
  "blank": ["form:blank"],
  "year": ["year"],
  "date": ["tok:date"],
  "string": ["tok:string"],
  "string_character": ["string-character"],
  "escape": ["form:escape"],
]

@Suite struct GrammarTests {
  @Test func grammarFileHasProductionsAndExamples() throws {
    let grammar = try GrammarFile.load()
    #expect(grammar.productions.count >= 40)
    #expect(grammar.examples.count >= 20)
    #expect(Set(grammar.productions).count == grammar.productions.count, "a production is defined twice")
  }

  @Test func everyExampleParsesCleanly() throws {
    let grammar = try GrammarFile.load()
    for example in grammar.examples {
      let program = parsed(example)
      #expect(program.diagnostics.isEmpty, "\(example.debugDescription): \(program.diagnostics)")
      #expect(!program.statements.isEmpty, "\(example.debugDescription)")
    }
  }

  @Test func everyProductionHasEvidence() throws {
    let grammar = try GrammarFile.load()
    #expect(Set(grammar.productions) == Set(evidence.keys), "productions and the evidence table differ")
  }

  @Test func everyProductionIsExercisedByAnExample() throws {
    let grammar = try GrammarFile.load()
    let shown = grammar.examples.map(features)
    for production in grammar.productions {
      guard let needed = evidence[production] else { continue }
      for feature in needed {
        #expect(shown.contains { $0.contains(feature) }, "no example shows \(feature) for '\(production)'")
      }
    }
  }

  /// The editor grammars (`Editors/`) highlight every keyword of `Grammar/fsq.ebnf`, and the
  /// TextMate grammar's patterns are valid regular expressions that match the grammar's examples.
  @Test func editorGrammarsFollowTheKeywords() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let ebnf = try String(contentsOf: root.appendingPathComponent("Grammar/fsq.ebnf"), encoding: .utf8)
    let start = try #require(ebnf.range(of: "keyword = "))
    let end = try #require(ebnf.range(of: ";", range: start.upperBound..<ebnf.endIndex))
    let keywords = ebnf[start.upperBound..<end.lowerBound].split(separator: "|").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["\""])
    }
    #expect(keywords.count >= 10)
    let textMate = try String(
      contentsOf: root.appendingPathComponent("Editors/vscode/fsq.tmLanguage.json"), encoding: .utf8)
    let vim = try String(contentsOf: root.appendingPathComponent("Editors/vim/syntax/fsq.vim"), encoding: .utf8)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(textMate.utf8)) as? [String: Any])
    let repository = try #require(json["repository"] as? [String: [String: Any]])
    let keywordPattern = try #require(repository["keyword"]?["match"] as? String)
    let vimWords = Set(
      vim.split(separator: "\n").filter { $0.hasPrefix("syn keyword") }.flatMap {
        $0.split(separator: " ").dropFirst(3)
      }
      .map(String.init))
    for keyword in keywords {
      let regex = try NSRegularExpression(pattern: keywordPattern)
      let hits = regex.numberOfMatches(in: keyword, range: NSRange(keyword.startIndex..., in: keyword))
      #expect(hits == 1, "the TextMate grammar does not highlight '\(keyword)'")
      #expect(vimWords.contains(keyword), "the Vim syntax file does not highlight '\(keyword)'")
    }
    // Every pattern compiles, and the period and number patterns match what the grammar shows.
    for (name, rule) in repository {
      for key in ["match", "begin", "end"] {
        if let pattern = rule[key] as? String {
          #expect((try? NSRegularExpression(pattern: pattern)) != nil, "\(name).\(key) is not a valid pattern")
        }
      }
    }
    let period = try NSRegularExpression(pattern: try #require(repository["period"]?["match"] as? String))
    for text in ["q3 2009", "fy2008", "cy 2009", "2009q3", "9m 2009", "CQ4 2010"] {
      #expect(period.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil, "\(text)")
    }
  }

  @Test func everyReferencedProductionIsDefined() throws {
    // Names used on right-hand sides must be defined (or be prose inside ? ... ?).
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Grammar/fsq.ebnf")
    var text = try String(contentsOf: url, encoding: .utf8)
    text.replace(#/\(\*(.|\n)*?\*\)/#, with: " ")
    text.replace(#/\?[^?]*\?/#, with: " ")
    text.replace(#/"[^"]*"|'[^']*'/#, with: " ")
    let defined = Set(try GrammarFile.load().productions)
    let used = Set(text.matches(of: #/[a-z_]+/#).map { String($0.output) })
    #expect(used.subtracting(defined).isEmpty, "undefined: \(used.subtracting(defined).sorted())")
  }
}
