import FSQCore

// MARK: - Rendering tokens and trees for tests

/// Lexes `text` and returns its tokens, each with the text it covers, and the lexer's
/// diagnostics.
public func lexed(_ text: String) -> (tokens: [(TokenKind, String)], diagnostics: [Diagnostic]) {
  lexed(bytes: Array(text.utf8))
}

public func lexed(bytes: [UInt8]) -> (tokens: [(TokenKind, String)], diagnostics: [Diagnostic]) {
  let source = SourceFile(name: "<test>", bytes: bytes)
  var lexer = Lexer(source: source)
  let tokens = lexer.tokenize().map { ($0.kind, source.text(of: $0.span)) }
  return (tokens, lexer.diagnostics)
}

/// Parses `text` as a `<test>` source.
public func parsed(_ text: String) -> ParsedProgram {
  Parser.parse(SourceFile(name: "<test>", text: text))
}

/// An S-expression rendering of a program's statements, joined by `; `:
/// `margin(q3 2009) - 1` renders as `(- (call margin (period q3 2009)) 1)`.
public func sexpr(_ program: ParsedProgram) -> String {
  program.statements.map(sexpr).joined(separator: "; ")
}

public func sexpr(_ statement: Statement) -> String {
  switch statement.kind {
  case .expression(let expression): return sexpr(expression)
  case .letBinding(let name, _, let value): return "(let \(name) \(sexpr(value)))"
  case .definition(let name, _, let parameters, let body):
    return "(def \(name) (\(parameters.joined(separator: " "))) \(sexpr(body)))"
  case .assertion(let condition, let message):
    return message.map { "(assert \(sexpr(condition)) \(quoted($0)))" } ?? "(assert \(sexpr(condition)))"
  case .table(let spec):
    var options = ""
    if let variable = spec.columnVariable { options += " (var \(variable))" }
    if spec.change { options += " change" }
    if spec.percentChange { options += " pct_change" }
    if spec.sparkline { options += " sparkline" }
    if let scale = spec.scale { options += " (scale \(scale))" }
    if let decimals = spec.decimals { options += " (decimals \(decimals))" }
    if let filter = spec.filter { options += " (where \(sexpr(filter)))" }
    if let order = spec.order { options += " (order \(sexpr(order))\(spec.descending ? " desc" : ""))" }
    if let limit = spec.limit { options += " (limit \(limit))" }
    return
      "(table (\(spec.rows.map(sexpr).joined(separator: " "))) (for \(spec.columns.map(sexpr).joined(separator: " ")))"
      + options + ")"
  case .chart(let series, let file, _):
    return "(chart \(series.map(sexpr).joined(separator: " "))\(file.map { " (to \(quoted($0)))" } ?? ""))"
  case .screen(let spec):
    var options = ""
    if let order = spec.order { options += " (order \(sexpr(order))\(spec.descending ? " desc" : ""))" }
    if let limit = spec.limit { options += " (limit \(limit))" }
    return "(screen \(sexpr(spec.condition))\(options))"
  case .explain(let expression): return "(explain \(sexpr(expression)))"
  case .check(let company): return company.map { "(check \(quoted($0)))" } ?? "(check)"
  case .use(let company, _): return "(use \(quoted(company)))"
  case .load(let paths, _): return "(load \(paths.map(quoted).joined(separator: " ")))"
  case .invalid: return "<invalid>"
  }
}

public func sexpr(_ expression: Expression) -> String {
  switch expression.kind {
  case .literal(let value): return sexpr(value)
  case .name(let name): return name
  case .call(let callee, _, let arguments):
    return "(call \(callee.displayName)\(arguments.map { " " + sexpr($0) }.joined()))"
  case .unary(let op, let operand): return "(\(op.rawValue) \(sexpr(operand)))"
  case .binary(let op, let left, let right, _): return "(\(op.rawValue) \(sexpr(left)) \(sexpr(right)))"
  case .list(let elements): return "(list\(elements.map { " " + sexpr($0) }.joined()))"
  case .comprehension(let element, let variable, let source, let condition):
    return "(for \(variable) \(sexpr(source)) \(sexpr(element))\(condition.map { " (if \(sexpr($0)))" } ?? ""))"
  case .scaled(let inner, let power): return "(in \(power) \(sexpr(inner)))"
  case .invalid: return "<invalid>"
  }
}

public func sexpr(_ value: Value) -> String {
  switch value {
  case .quantity(let quantity):
    let amount = quantity.displayAmount.description
    switch quantity.unit {
    case .none: return amount
    case .currency(let code): return "(\(code) \(amount))"
    case .percent: return "(% \(amount))"
    case .percentagePoints: return "(pp \(amount))"
    case .multiple: return "(x \(amount))"
    default: return "(\(quantity.unit) \(amount))"
    }
  case .text(let text): return quoted(text)
  case .bool(let flag): return flag ? "true" : "false"
  case .period(let period):
    return period.isInstant ? "(date \(period))" : "(period \(period))"
  case .table: return "<table>"
  case .list(let values): return "(list\(values.map { " " + sexpr($0) }.joined()))"
  case .series(let series): return "(series \(series.name))"
  case .function(let name): return "(function \(name))"
  case .nothing: return "<nothing>"
  }
}

public func quoted(_ text: String) -> String {
  var out = "\""
  for character in text {
    switch character {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    default: out.append(character)
    }
  }
  return out + "\""
}

// MARK: - Inline diagnostic markers

/// A diagnostic expected at a byte offset of the input once its markers are removed.
public struct ExpectedDiagnostic: Equatable, Sendable, CustomStringConvertible {
  public var id: String
  public var offset: Int
  public init(id: String, offset: Int) {
    self.id = id
    self.offset = offset
  }
  public var description: String { "\(id)@\(offset)" }
}

/// Removes Go-style `/*ERROR id*/` markers from `marked`, returning the clean text and, for
/// each marker, its ID and the byte offset where it stood.
public func strippingErrorMarkers(_ marked: String) -> (text: String, expected: [ExpectedDiagnostic]) {
  var bytes: [UInt8] = []
  var expected: [ExpectedDiagnostic] = []
  let input = Array(marked.utf8)
  let open = Array("/*ERROR ".utf8)
  var index = 0
  while index < input.count {
    if input[index...].starts(with: open),
      let close = (index..<input.count - 1).first(where: {
        input[$0] == UInt8(ascii: "*") && input[$0 + 1] == UInt8(ascii: "/")
      })
    {
      let id = String(decoding: input[(index + open.count)..<close], as: UTF8.self)
        .trimmingCharacters(in: " ")
      expected.append(ExpectedDiagnostic(id: id, offset: bytes.count))
      index = close + 2
    } else {
      bytes.append(input[index])
      index += 1
    }
  }
  return (String(decoding: bytes, as: UTF8.self), expected)
}

extension String {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    var text = Substring(self)
    while text.first == character { text = text.dropFirst() }
    while text.last == character { text = text.dropLast() }
    return String(text)
  }
}
