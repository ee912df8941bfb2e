// MARK: - Tokens

/// The kinds of token, without payloads; a token's text is read from its span when needed.
/// `spelling` is the one table that messages, tests and the pretty-printer use.
public enum TokenKind: UInt8, Sendable, CaseIterable {
  // Literals
  case number, money, percent, percentagePoints, multiple, period, date, string, identifier
  // Keywords
  case kwLet, kwDef, kwAssert, kwTable, kwFor, kwExplain, kwCheck, kwUse, kwLoad, kwAnd, kwOr,
    kwNot, kwTrue, kwFalse
  // Punctuation and operators
  case leftParen, rightParen, leftBracket, rightBracket, comma, dot, dotDot, equals, plus, minus, star, slash,
    caret, less, lessEqual, greater, greaterEqual, equalEqual, bangEqual
  // Structure
  case semicolon, newline, endOfInput
  /// Input the lexer could not read; its diagnostic is in the lexer's list.
  case invalid

  /// How the token is named in messages: `'('`, `number`, `end of input`.
  public var spelling: String {
    switch self {
    case .number: "number"
    case .money: "money amount"
    case .percent: "percentage"
    case .percentagePoints: "percentage points"
    case .multiple: "multiple"
    case .period: "period"
    case .date: "date"
    case .string: "string"
    case .identifier: "name"
    case .kwLet: "'let'"
    case .kwDef: "'def'"
    case .kwAssert: "'assert'"
    case .kwTable: "'table'"
    case .kwFor: "'for'"
    case .kwExplain: "'explain'"
    case .kwCheck: "'check'"
    case .kwUse: "'use'"
    case .kwLoad: "'load'"
    case .kwAnd: "'and'"
    case .kwOr: "'or'"
    case .kwNot: "'not'"
    case .kwTrue: "'true'"
    case .kwFalse: "'false'"
    case .leftParen: "'('"
    case .rightParen: "')'"
    case .leftBracket: "'['"
    case .rightBracket: "']'"
    case .comma: "','"
    case .dot: "'.'"
    case .dotDot: "'..'"
    case .equals: "'='"
    case .plus: "'+'"
    case .minus: "'-'"
    case .star: "'*'"
    case .slash: "'/'"
    case .caret: "'^'"
    case .less: "'<'"
    case .lessEqual: "'<='"
    case .greater: "'>'"
    case .greaterEqual: "'>='"
    case .equalEqual: "'=='"
    case .bangEqual: "'!='"
    case .semicolon: "';'"
    case .newline: "end of line"
    case .endOfInput: "end of input"
    case .invalid: "invalid input"
    }
  }

  static let keywords: [String: TokenKind] = [
    "let": .kwLet, "def": .kwDef, "assert": .kwAssert, "table": .kwTable, "for": .kwFor,
    "explain": .kwExplain, "check": .kwCheck, "use": .kwUse, "load": .kwLoad, "and": .kwAnd,
    "or": .kwOr, "not": .kwNot, "true": .kwTrue, "false": .kwFalse,
  ]

  public var isLiteral: Bool { rawValue <= TokenKind.identifier.rawValue }
}

/// A token: its kind and the bytes it covers.
public struct Token: Sendable, Equatable {
  public var kind: TokenKind
  public var span: Span
  public init(_ kind: TokenKind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}
