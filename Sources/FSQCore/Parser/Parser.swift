// MARK: - Parser

/// A hand-written recursive-descent parser: one function per grammar rule, precedence
/// climbing for operators. It never prints and never throws: it returns a partial tree and
/// sorted diagnostics, recovering at statement boundaries (one error per line, at most
/// `maximumErrors`). Nesting is bounded, so deep input is a diagnostic, not a stack overflow.
///
/// Vocabulary: `at` looks, `eat` consumes on a match, `expect` consumes or diagnoses.
public struct Parser {
  public static let maximumNesting = 200
  /// Binary operators one after another in one expression (`1 + 1 + …`).
  public static let maximumOperators = 10_000
  public static let maximumErrors = 10

  let source: SourceFile
  /// Tokens are lexed as the parser reaches them, not into an array first (on a 10 MB script
  /// that array was 60 MB, and faulting it in was a third of the parse). The token stream is
  /// `Lexer.tokenize()`'s: a newline after a newline or ';' is dropped.
  var lexer: Lexer
  /// The token being looked at.
  var current: Token
  /// The token before `current` (`current` itself before anything is consumed).
  var previousToken: Token?
  /// The last consumed token that is not a newline: where an error at a line end points.
  var lastSolid: Token?
  /// Tokens consumed so far.
  var index = 0
  /// The parser's own diagnostics, each with its number among the parser's errors.
  var diagnostics: [Diagnostic] = []
  var ordinals: [Int] = []
  var panicking = false
  var nesting = 0
  var lastErrorLine = -1
  var incomplete = false
  /// Errors the parser has found (the lexer's are in `lexer.diagnostics`).
  var parserErrors = 0

  public init(source: SourceFile) {
    self.source = source
    lexer = Lexer(source: source)
    current = lexer.next()
  }

  /// Parses a whole source.
  public static func parse(_ source: SourceFile) -> ParsedProgram {
    var parser = Parser(source: source)
    return parser.parseProgram()
  }

  // MARK: Token vocabulary

  var previous: Token { previousToken ?? current }

  func at(_ kind: TokenKind) -> Bool { current.kind == kind }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    guard token.kind != .endOfInput else { return token }
    index += 1
    previousToken = token
    if token.kind != .newline { lastSolid = token }
    var next = lexer.next()
    while next.kind == .newline && (token.kind == .newline || token.kind == .semicolon) { next = lexer.next() }
    current = next
    return token
  }

  mutating func eat(_ kind: TokenKind) -> Bool {
    if at(kind) {
      advance()
      return true
    }
    return false
  }

  /// Consumes `kind` or reports "expected X, found Y", naming the opener if there is one.
  @discardableResult
  mutating func expect(_ kind: TokenKind, closing opener: Token? = nil) -> Bool {
    if eat(kind) { return true }
    var notes: [DiagnosticNote] = []
    if let opener {
      notes.append(DiagnosticNote("to close \(opener.kind.spelling) opened here", span: opener.span))
    }
    error(.expectedToken, "expected \(kind.spelling), found \(describe(current))", at: current, notes: notes)
    return false
  }

  mutating func skipNewlines() {
    while at(.newline) { advance() }
  }

  func text(_ token: Token) -> String { source.text(of: token.span) }

  /// The token's bytes (clamped like `SourceFile.text(of:)`).
  func bytes(_ token: Token) -> ArraySlice<UInt8> {
    let bytes = source.bytes
    let start = max(0, min(token.span.start, bytes.count))
    return bytes[start..<max(start, min(token.span.end, bytes.count))]
  }

  /// A string token's value: `Literals.unescape(text(token))`, from the bytes when it can be.
  func unescaped(_ token: Token) -> String {
    Literals.unescapeASCII(bytes(token)) ?? Literals.unescape(text(token))
  }

  func describe(_ token: Token) -> String {
    switch token.kind {
    case .endOfInput, .newline: return token.kind.spelling
    case .invalid: return "invalid input"
    default:
      let shown = text(token)
      return shown.count > 40 ? "\(token.kind.spelling)" : "'\(shown)'"
    }
  }

  // MARK: Errors and recovery

  mutating func error(_ id: DiagnosticID, _ message: String, at token: Token, notes: [DiagnosticNote] = []) {
    var span = token.span
    if token.kind == .endOfInput || token.kind == .newline {
      // Point just past the last real token, on its line, rather than at a blank line.
      if let last = lastSolid { span = Span(start: last.span.end, end: last.span.end) }
    }
    error(id, message, span: span, notes: notes, atEnd: token.kind == .endOfInput)
  }

  mutating func error(
    _ id: DiagnosticID, _ message: String, span: Span, notes: [DiagnosticNote] = [], atEnd: Bool = false
  ) {
    if panicking { return }
    panicking = true
    // An invalid token already carries the lexer's diagnostic.
    if current.kind == .invalid && span == current.span { return }
    let line = source.location(of: span.start).line
    if line == lastErrorLine { return }
    lastErrorLine = line
    // At the end of input the lexer has read everything, so its count is complete.
    if atEnd && lexer.diagnostics.count + parserErrors == 0 { incomplete = true }
    parserErrors += 1
    // Whether it is within `maximumErrors` (counting all the lexer's errors first) is decided
    // at the end, when the lexer's count is known.
    if parserErrors > Parser.maximumErrors { return }
    diagnostics.append(Diagnostic(id, message, at: span, in: source, notes: notes))
    ordinals.append(parserErrors)
  }

  /// Skips to the next statement boundary after an error.
  mutating func synchronize() {
    while !at(.endOfInput) && !at(.newline) && !at(.semicolon) { advance() }
    panicking = false
  }

  /// Bounds the depth of nested expressions.
  mutating func enterNesting() -> Bool {
    nesting += 1
    if nesting > Parser.maximumNesting {
      error(.nestingTooDeep, "expression nested more than \(Parser.maximumNesting) levels deep", at: current)
      return false
    }
    return true
  }

  // MARK: Program and statements

  /// program -> { statement ( NEWLINE | ';' ) } EOF
  ///
  /// With `retaining` false the statements are not kept (a syntax-only pass over a long
  /// script); `each`, when given, receives every statement as it is parsed and returns false
  /// to stop (a script run statement by statement once its syntax is known to be sound).
  public mutating func parseProgram(retaining: Bool = true, each: ((Statement) -> Bool)? = nil) -> ParsedProgram {
    var statements: [Statement] = []
    while true {
      while at(.newline) || at(.semicolon) { advance() }
      if at(.endOfInput) { break }
      let before = index
      let statement = parseStatement()
      if retaining { statements.append(statement) }
      if let each, !each(statement) { break }
      if !at(.newline) && !at(.semicolon) && !at(.endOfInput) {
        error(.unexpectedToken, "expected end of statement, found \(describe(current))", at: current)
      }
      if panicking { synchronize() }
      // Always make progress.
      if index == before { advance() }
    }
    // The lexer's diagnostics first, then the parser's that fit under the cap after all of the
    // lexer's: the order and selection of lexing everything before parsing.
    let lexerErrors = lexer.diagnostics.count
    let errorCount = lexerErrors + parserErrors
    var all = lexer.diagnostics
    for (diagnostic, ordinal) in zip(diagnostics, ordinals) where lexerErrors + ordinal <= Parser.maximumErrors {
      all.append(diagnostic)
    }
    diagnostics = all
    diagnostics.sort { $0.span.start < $1.span.start }
    // The lexer's diagnostics arrive all at once, before parsing, so one error per line and the
    // cap are applied again to the merged, sorted list.
    // Line starts (a pass over the whole source) only when there is something to sort out.
    let lineStarts = diagnostics.isEmpty ? [0] : source.lineStarts
    func line(of offset: Int) -> Int {
      var low = 0
      var high = lineStarts.count - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
      }
      return low
    }
    var kept: [Diagnostic] = []
    var keptLine = -1
    for diagnostic in diagnostics where line(of: diagnostic.span.start) != keptLine {
      keptLine = line(of: diagnostic.span.start)
      kept.append(diagnostic)
    }
    if errorCount > Parser.maximumErrors || kept.count > Parser.maximumErrors {
      kept.removeLast(max(0, kept.count - Parser.maximumErrors))
      let last = current
      kept.append(
        Diagnostic(.tooManyErrors, "too many errors (\(errorCount)); stopping here", at: last.span, in: source))
    }
    diagnostics = kept
    let hasErrors = diagnostics.contains { $0.severity == .error }
    return ParsedProgram(statements: statements, diagnostics: diagnostics, isIncomplete: hasErrors && incomplete)
  }

  /// statement -> let_stmt | def_stmt | assert_stmt | table_stmt | explain_stmt | check_stmt
  ///            | use_stmt | load_stmt | expression
  mutating func parseStatement() -> Statement {
    let start = current.span.start
    let kind: Statement.Kind
    switch current.kind {
    case .kwLet: kind = parseLet()
    case .kwDef: kind = parseDef()
    case .kwAssert: kind = parseAssert()
    case .kwTable: kind = parseTable()
    case .kwExplain:
      advance()
      kind = .explain(parseExpression())
    case .kwCheck: kind = parseCheck()
    case .kwUse: kind = parseUse()
    case .kwLoad: kind = parseLoad()
    case .identifier where isWord("chart") && Parser.opensChart(peekKind()): kind = parseChart()
    case .identifier where isWord("screen") && Parser.opensChart(peekKind()): kind = parseScreen()
    default: kind = .expression(parseExpression())
    }
    return Statement(kind, Span(start: start, end: previous.span.end))
  }

  /// let_stmt -> 'let' NAME '=' expression
  mutating func parseLet() -> Statement.Kind {
    advance()
    let nameToken = current
    guard expectName(for: "'let'") else { return .invalid }
    guard expect(.equals) else { return .invalid }
    skipNewlines()
    return .letBinding(name: text(nameToken), nameSpan: nameToken.span, value: parseExpression())
  }

  /// def_stmt -> 'def' NAME '(' [ NAME { ',' NAME } ] ')' '=' expression
  mutating func parseDef() -> Statement.Kind {
    advance()
    let nameToken = current
    guard expectName(for: "'def'") else { return .invalid }
    let opener = current
    guard expect(.leftParen) else { return .invalid }
    var parameters: [String] = []
    var seen = Set<String>()  // not `parameters.contains`: 100,000 parameters were quadratic
    if !at(.rightParen) {
      repeat {
        let parameter = current
        guard expectName(for: "a parameter list") else { return .invalid }
        if !seen.insert(text(parameter)).inserted {
          error(.redefinition, "parameter '\(text(parameter))' appears twice", at: parameter)
          return .invalid
        }
        parameters.append(text(parameter))
      } while eat(.comma)
    }
    guard expect(.rightParen, closing: opener) else { return .invalid }
    guard expect(.equals) else { return .invalid }
    skipNewlines()
    return .definition(name: text(nameToken), nameSpan: nameToken.span, parameters: parameters, body: parseExpression())
  }

  /// assert_stmt -> 'assert' expression [ ',' STRING ]
  mutating func parseAssert() -> Statement.Kind {
    advance()
    let condition = parseExpression()
    var message: String?
    if eat(.comma) {
      let token = current
      if expect(.string) { message = unescaped(token) }
    }
    return .assertion(condition, message: message)
  }

  /// table_stmt -> 'table' expression { ',' expression } 'for' [ NAME 'in' ] expression
  ///               { ',' expression } { table_option }
  mutating func parseTable() -> Statement.Kind {
    advance()
    var rows: [Expression] = [parseExpression()]
    while eat(.comma) {
      skipNewlines()
      rows.append(parseExpression())
    }
    guard expect(.kwFor) else { return .invalid }
    var first = parseExpression()
    var variable: String?
    // `for q in q1 2008..q3 2009`: rows may use q for their column's period.
    if case .name(let name) = first.kind, isWord("in") {
      advance()
      variable = name
      first = parseExpression()
    }
    var columns: [Expression] = [first]
    while eat(.comma) {
      skipNewlines()
      columns.append(parseExpression())
    }
    var table = TableSpec(rows: rows, columns: columns)
    table.columnVariable = variable
    // `… for q3 2009, q3 2008 in millions`: the scale is the table's, not the last column's.
    if case .scaled(let inner, let power) = columns[columns.count - 1].kind {
      table.columns[columns.count - 1] = inner
      table.scale = power
    }
    return parseTableOptions(&table) ? .table(table) : .invalid
  }

  /// table_option -> 'with' column_option { ',' column_option } | 'in' scale_word
  ///               | 'decimals' NUMBER | 'where' expression | 'order' 'by' expression [ 'asc' | 'desc' ]
  ///               | 'limit' NUMBER
  mutating func parseTableOptions(_ table: inout TableSpec) -> Bool {
    while at(.identifier) && !panicking {
      let word = text(current)
      let start = current
      switch word {
      case "with":
        advance()
        repeat {
          let option = current
          switch at(.identifier) ? text(option) : "" {
          case "change": table.change = true
          case "pct_change": table.percentChange = true
          case "sparkline": table.sparkline = true
          default:
            error(
              .expectedToken, "expected change, pct_change or sparkline after 'with', found \(describe(option))",
              at: option)
            return false
          }
          advance()
        } while eat(.comma)
      case "in":
        advance()
        guard at(.identifier), let power = Parser.scaleWords[text(current)] else {
          error(
            .expectedToken, "expected thousands, millions or billions after 'in', found \(describe(current))",
            at: current)
          return false
        }
        advance()
        table.scale = power
      case "decimals", "limit":
        advance()
        let number = current
        guard eat(.number), let value = Int(text(number)), value >= 0, value <= (word == "limit" ? 1_000_000 : 12)
        else {
          let range = word == "limit" ? "a whole number of rows" : "a whole number from 0 to 12"
          error(.expectedToken, "expected \(range) after '\(word)', found \(describe(number))", at: number)
          return false
        }
        if word == "limit" { table.limit = value } else { table.decimals = value }
      case "where":
        advance()
        table.filter = parseExpression()
      case "order":
        advance()
        guard isWord("by") else {
          error(.expectedToken, "expected 'by' after 'order', found \(describe(current))", at: current)
          return false
        }
        advance()
        table.order = parseExpression()
        if isWord("desc") || isWord("asc") { table.descending = text(advance()) == "desc" }
      default:
        error(
          .unexpectedToken,
          "expected a table option (with, in, decimals, where, order by, limit) or end of statement, found '\(word)'",
          at: start)
        return false
      }
    }
    return true
  }

  /// What may follow `chart` for it to start a chart rather than name a variable or call.
  static func opensChart(_ kind: TokenKind) -> Bool {
    switch kind {
    case .identifier, .string, .leftBracket, .period, .date: true
    default: false
    }
  }

  /// screen_stmt -> 'screen' expression [ 'order' 'by' expression [ 'asc' | 'desc' ] ] [ 'limit' NUMBER ]
  mutating func parseScreen() -> Statement.Kind {
    advance()
    var spec = ScreenSpec(condition: parseExpression())
    while at(.identifier) && !panicking {
      let word = text(current)
      switch word {
      case "order":
        advance()
        guard isWord("by") else {
          error(.expectedToken, "expected 'by' after 'order', found \(describe(current))", at: current)
          return .invalid
        }
        advance()
        spec.order = parseExpression()
        if isWord("desc") || isWord("asc") { spec.descending = text(advance()) == "desc" }
      case "limit":
        advance()
        let number = current
        guard eat(.number), let value = Int(text(number)), value >= 0, value <= 1_000_000 else {
          error(.expectedToken, "expected a whole number of companies after 'limit'", at: number)
          return .invalid
        }
        spec.limit = value
      default:
        error(.unexpectedToken, "expected 'order by', 'limit' or end of statement, found '\(word)'", at: current)
        return .invalid
      }
    }
    return .screen(spec)
  }

  /// chart_stmt -> 'chart' expression { ',' expression } [ 'to' STRING ]
  mutating func parseChart() -> Statement.Kind {
    advance()
    var series: [Expression] = [parseExpression()]
    while eat(.comma) {
      skipNewlines()
      series.append(parseExpression())
    }
    guard isWord("to") else { return .chart(series: series, file: nil, fileSpan: nil) }
    advance()
    let token = current
    guard expect(.string) else { return .invalid }
    return .chart(series: series, file: unescaped(token), fileSpan: token.span)
  }

  /// check_stmt -> 'check' [ NAME | STRING ]
  mutating func parseCheck() -> Statement.Kind {
    advance()
    if at(.identifier) { return .check(company: text(advance())) }
    if at(.string) { return .check(company: unescaped(advance())) }
    return .check(company: nil)
  }

  /// use_stmt -> 'use' ( NAME | STRING )
  mutating func parseUse() -> Statement.Kind {
    advance()
    let token = current
    if eat(.identifier) { return .use(company: text(token), nameSpan: token.span) }
    if eat(.string) { return .use(company: unescaped(token), nameSpan: token.span) }
    error(.expectedToken, "expected a company name or ticker after 'use', found \(describe(token))", at: token)
    return .invalid
  }

  /// load_stmt -> 'load' STRING
  mutating func parseLoad() -> Statement.Kind {
    advance()
    var paths: [String] = []
    var spans: [Span] = []
    repeat {
      let token = current
      guard expect(.string) else { return .invalid }
      paths.append(unescaped(token))
      spans.append(token.span)
    } while eat(.comma)
    return .load(paths: paths, spans: spans)
  }

  mutating func expectName(for context: String) -> Bool {
    if eat(.identifier) { return true }
    let found = current
    if found.kind.rawValue >= TokenKind.kwLet.rawValue && found.kind.rawValue <= TokenKind.kwFalse.rawValue {
      error(.expectedToken, "expected a name after \(context), found keyword \(found.kind.spelling)", at: found)
    } else {
      error(.expectedToken, "expected a name after \(context), found \(describe(found))", at: found)
    }
    return false
  }
}
