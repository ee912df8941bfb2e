// MARK: - Expressions

extension Parser {
  /// expression -> subexpression(0)
  public mutating func parseExpression() -> Expression {
    var expression = parseSubexpression(limit: 0)
    // `… in millions`: how the whole expression is shown.
    while isWord("in"), let power = Parser.scaleWords[peekText()] {
      advance()
      let word = advance()
      expression = Expression(.scaled(expression, power: power), expression.span.union(word.span))
    }
    return expression
  }

  /// The words after `in` that set a scale.
  static let scaleWords = ["thousands": 1, "millions": 2, "billions": 3]

  /// Whether the current token is the name `word` (a word with a meaning only in its place,
  /// such as `in`, `where` or `order`, which stays usable as a name elsewhere).
  func isWord(_ word: String) -> Bool {
    current.kind == .identifier && current.span.end - current.span.start == word.utf8.count && text(current) == word
  }

  /// The text of the token after the current one, without consuming anything.
  func peekText() -> String {
    var copy = lexer
    let next = copy.next()
    return next.kind == .identifier ? text(next) : ""
  }

  /// The kind of the token after the current one.
  func peekKind() -> TokenKind {
    var copy = lexer
    return copy.next().kind
  }

  /// subexpression -> ( unary_op subexpression | postfix ) { binary_op subexpression }
  ///
  /// Precedence climbing over `BinaryOperator.bindingPower`: an operator joins the current
  /// expression while its left power exceeds `limit`.
  mutating func parseSubexpression(limit: Int) -> Expression {
    guard enterNesting() else {
      nesting -= 1
      return Expression(.invalid, current.span)
    }
    defer { nesting -= 1 }
    var left: Expression
    let start = current
    switch current.kind {
    case .minus, .plus:
      advance()
      let operand = parseSubexpression(limit: UnaryOperator.bindingPower)
      left = Expression(.unary(start.kind == .minus ? .negate : .plus, operand), start.span.union(operand.span))
    case .kwNot:
      advance()
      let operand = parseSubexpression(limit: UnaryOperator.notBindingPower)
      left = Expression(.unary(.not, operand), start.span.union(operand.span))
    default:
      left = parsePostfix()
    }
    var lastComparison: Token?
    var lastRange: Token?
    var chained = 0
    while let op = BinaryOperator(current.kind), op.bindingPower.left > limit {
      // A chain of operators builds a tree as deep as it is long, and freeing such a tree
      // recurses once per level: past the limit it is an error, not a crash (issue 17).
      chained += 1
      if chained > Parser.maximumOperators {
        error(
          .nestingTooDeep, "expression with more than \(Parser.maximumOperators) operators in a row; split it with let",
          at: current)
        synchronize()
        return left
      }
      let operatorToken = advance()
      if op.isComparison {
        if let lastComparison {
          error(
            .unexpectedToken,
            "comparisons do not chain; write 'a \(text(lastComparison)) b and b \(text(operatorToken)) c'",
            at: operatorToken)
        }
        lastComparison = operatorToken
      }
      if op == .range {
        if lastRange != nil {
          error(.unexpectedToken, "a range has two ends: write 'q1 2008..q4 2009'", at: operatorToken)
        }
        lastRange = operatorToken
      }
      skipNewlines()
      let right = parseSubexpression(limit: op.bindingPower.right)
      left = Expression(.binary(op, left, right, operatorSpan: operatorToken.span), left.span.union(right.span))
    }
    return left
  }

  /// postfix -> primary | callee '(' [ arguments ] ')'
  /// callee  -> NAME | STRING [ '.' STRING ] | NAME '.' ( NAME | STRING [ '.' STRING ] )
  mutating func parsePostfix() -> Expression {
    let token = current
    switch token.kind {
    case .identifier:
      advance()
      var callee = Callee.name(text(token))
      var calleeSpan = token.span
      if at(.dot) {
        advance()
        let member = current
        if eat(.identifier) {
          callee = .qualified(company: text(token), name: text(member))
        } else if eat(.string) {
          callee = .qualifiedLabel(company: text(token), label: unescaped(member), section: nil)
          // msft."Cost of revenue"."Product": a label under its section.
          if at(.dot) {
            advance()
            let inner = current
            guard eat(.string) else {
              error(
                .expectedToken, "expected a label in quotes after '\(text(member)).', found \(describe(inner))",
                at: inner)
              return Expression(.invalid, token.span)
            }
            callee = .qualifiedLabel(company: text(token), label: unescaped(inner), section: unescaped(member))
            calleeSpan = token.span.union(inner.span)
            if at(.leftParen) { return parseCall(callee, calleeSpan: calleeSpan) }
            return Expression(.call(callee, calleeSpan: calleeSpan, arguments: []), calleeSpan)
          }
        } else {
          error(.expectedToken, "expected an item name after '\(text(token)).', found \(describe(member))", at: member)
          return Expression(.invalid, token.span)
        }
        calleeSpan = token.span.union(member.span)
      }
      if at(.leftParen) { return parseCall(callee, calleeSpan: calleeSpan) }
      if case .name(let name) = callee { return Expression(.name(name), token.span) }
      return Expression(.call(callee, calleeSpan: calleeSpan, arguments: []), calleeSpan)
    case .string:
      advance()
      let label = unescaped(token)
      // "Cost of revenue"."Product": the label printed under that section. Alone (no
      // parentheses) it is the line itself, a function value like a bare item name.
      if at(.dot) {
        advance()
        let inner = current
        guard eat(.string) else {
          error(
            .expectedToken, "expected a label in quotes after '\(text(token)).', found \(describe(inner))", at: inner)
          return Expression(.invalid, token.span)
        }
        let callee = Callee.label(unescaped(inner), section: label)
        let calleeSpan = token.span.union(inner.span)
        if at(.leftParen) { return parseCall(callee, calleeSpan: calleeSpan) }
        return Expression(.call(callee, calleeSpan: calleeSpan, arguments: []), calleeSpan)
      }
      if at(.leftParen) { return parseCall(.label(label, section: nil), calleeSpan: token.span) }
      return Expression(.literal(.text(label)), token.span)
    default:
      return parsePrimary()
    }
  }

  /// call -> callee '(' [ expression { ',' expression } ] ')'
  mutating func parseCall(_ callee: Callee, calleeSpan: Span) -> Expression {
    let opener = advance()
    var arguments: [Expression] = []
    if !at(.rightParen) {
      arguments.reserveCapacity(2)  // one allocation for calls of one or two arguments
      repeat {
        if at(.rightParen) { break }  // a trailing comma is allowed
        arguments.append(parseExpression())
        if panicking { break }
      } while eat(.comma)
    }
    if !panicking { expect(.rightParen, closing: opener) }
    return Expression(.call(callee, calleeSpan: calleeSpan, arguments: arguments), calleeSpan.union(previous.span))
  }

  /// primary -> NUMBER | MONEY | PERCENT | PP | MULTIPLE | PERIOD | DATE | 'true' | 'false'
  ///          | '(' expression ')'
  mutating func parsePrimary() -> Expression {
    let token = current
    switch token.kind {
    case .number, .money, .percent, .percentagePoints, .multiple:
      advance()
      let utf8 = bytes(token)
      let quantity =
        utf8.allSatisfy({ $0 < 0x80 })
        ? Literals.quantity(ascii: utf8, kind: token.kind) : Literals.quantity(text(token), kind: token.kind)
      switch quantity {
      case .success(let quantity):
        return Expression(.literal(.quantity(quantity)), token.span)
      case .failure(let failure):
        error(failure.id, failure.message, at: token)
        return Expression(.invalid, token.span)
      }
    case .period, .date:
      advance()
      guard let period = Literals.period(utf8: bytes(token)) else {
        error(.invalidPeriod, "cannot read period '\(text(token))'", at: token)
        return Expression(.invalid, token.span)
      }
      return Expression(.literal(.period(period)), token.span)
    case .kwTrue, .kwFalse:
      advance()
      return Expression(.literal(.bool(token.kind == .kwTrue)), token.span)
    case .leftBracket:
      return parseList()
    case .leftParen:
      advance()
      skipNewlines()
      let inner = parseExpression()
      skipNewlines()
      if !panicking { expect(.rightParen, closing: token) }
      return Expression(inner.kind, token.span.union(previous.span))
    case .invalid:
      // The lexer has reported it already.
      panicking = true
      advance()
      return Expression(.invalid, token.span)
    default:
      error(.expectedExpression, "expected an expression, found \(describe(token))", at: token)
      return Expression(.invalid, token.span)
    }
  }
}

extension Parser {
  /// list -> '[' [ expression { ',' expression } [ ',' ] ] ']'
  ///       | '[' expression 'for' NAME 'in' expression [ 'if' expression ] ']'
  mutating func parseList() -> Expression {
    let opener = advance()
    var elements: [Expression] = []
    if !at(.rightBracket) {
      let first = parseExpression()
      if panicking { return Expression(.invalid, opener.span) }
      if at(.kwFor) {
        advance()
        let variable = current
        guard expectName(for: "'for'") else { return Expression(.invalid, opener.span) }
        guard isWord("in") else {
          error(.expectedToken, "expected 'in' after 'for \(text(variable))', found \(describe(current))", at: current)
          return Expression(.invalid, opener.span)
        }
        advance()
        let source = parseExpression()
        var condition: Expression?
        if isWord("if") {
          advance()
          condition = parseExpression()
        }
        if !panicking { expect(.rightBracket, closing: opener) }
        return Expression(
          .comprehension(element: first, variable: text(variable), source: source, condition: condition),
          opener.span.union(previous.span))
      }
      elements.append(first)
      while eat(.comma) {
        if at(.rightBracket) { break }  // a trailing comma is allowed
        elements.append(parseExpression())
        if panicking { break }
      }
    }
    if !panicking { expect(.rightBracket, closing: opener) }
    return Expression(.list(elements), opener.span.union(previous.span))
  }
}
