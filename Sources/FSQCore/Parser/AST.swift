// MARK: - Syntax tree

/// Binary operators, with the binding powers used by precedence climbing.
public enum BinaryOperator: String, Sendable {
  case or, and
  case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
  case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
  /// `q1 2008..q3 2009`: the periods from one to the other.
  case range = ".."

  /// Left and right binding powers (Lua's `priority[]`): a higher right power than left makes
  /// an operator right-associative.
  var bindingPower: (left: Int, right: Int) {
    switch self {
    case .or: (1, 1)
    case .and: (2, 2)
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: (4, 4)
    // Tighter than comparisons, looser than arithmetic: `prior(q3 2009)..q3 2009`.
    case .range: (5, 5)
    case .add, .subtract: (6, 6)
    case .multiply, .divide: (7, 7)
    case .power: (10, 9)
    }
  }

  init?(_ kind: TokenKind) {
    switch kind {
    case .kwOr: self = .or
    case .kwAnd: self = .and
    case .equalEqual: self = .equal
    case .bangEqual: self = .notEqual
    case .less: self = .less
    case .lessEqual: self = .lessEqual
    case .greater: self = .greater
    case .greaterEqual: self = .greaterEqual
    case .plus: self = .add
    case .minus: self = .subtract
    case .star: self = .multiply
    case .slash: self = .divide
    case .caret: self = .power
    case .dotDot: self = .range
    default: return nil
    }
  }

  var isComparison: Bool { bindingPower.left == 4 }
}

public enum UnaryOperator: String, Sendable {
  case negate = "-", plus = "+", not
  /// Unary operators bind tighter than `*` but looser than `^`: `-2^2` is -4.
  static let bindingPower = 8
  static let notBindingPower = 3
}

/// What a call names: a function, item or variable; a printed label; or either of those
/// qualified by a company (`acme.revenue`).
public enum Callee: Sendable, Equatable {
  case name(String)
  /// `"Net income"`, or with the section it is printed under: `"Cost of revenue"."Product"`.
  case label(String, section: String?)
  case qualified(company: String, name: String)
  /// `msft."Net income"`, `msft."Cost of revenue"."Product"`.
  case qualifiedLabel(company: String, label: String, section: String?)

  /// The callee as it is written in source: a label with its quotes (and `"` or `\` escaped),
  /// so that a function value holding a label reads back as the same call.
  public var displayName: String {
    switch self {
    case .name(let n): n
    case .label(let l, let s): Callee.quoted(l, section: s)
    case .qualified(let c, let n): "\(c).\(n)"
    case .qualifiedLabel(let c, let l, let s): "\(c)." + Callee.quoted(l, section: s)
    }
  }

  static func quoted(_ label: String, section: String?) -> String {
    func quote(_ text: String) -> String {
      var out = "\""
      for character in text {
        if character == "\"" || character == "\\" { out.append("\\") }
        out.append(character)
      }
      return out + "\""
    }
    return (section.map { quote($0) + "." } ?? "") + quote(label)
  }
}

/// An expression and the bytes it came from.
public struct Expression: Sendable, Equatable {
  /// Only the cases that hold expressions are boxed: a literal or a name (most leaves) is
  /// stored inline, which saves an allocation per leaf when parsing.
  public enum Kind: Sendable, Equatable {
    case literal(Value)
    /// A bare name: a variable, parameter, company or zero-argument function.
    case name(String)
    indirect case call(Callee, calleeSpan: Span, arguments: [Expression])
    indirect case unary(UnaryOperator, Expression)
    indirect case binary(BinaryOperator, Expression, Expression, operatorSpan: Span)
    /// `[revenue, sga]`: a list of values.
    indirect case list([Expression])
    /// `[growth(x, q3 2009) for x in items(income_statement) if x(q3 2009) > 0]`.
    indirect case comprehension(element: Expression, variable: String, source: Expression, condition: Expression?)
    /// `revenue(q3 2009) in millions`: shown in thousands (1), millions (2) or billions (3).
    indirect case scaled(Expression, power: Int)
    /// Placeholder where the parser recovered from an error.
    case invalid
  }
  public var kind: Kind
  public var span: Span
  public init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// A statement and the bytes it came from.
public struct Statement: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case expression(Expression)
    case letBinding(name: String, nameSpan: Span, value: Expression)
    case definition(name: String, nameSpan: Span, parameters: [String], body: Expression)
    case assertion(Expression, message: String?)
    case table(TableSpec)
    /// `chart revenue(q1 2008..q3 2009), cost_of_revenue(q1 2008..q3 2009) to "revenue.svg"`
    case chart(series: [Expression], file: String?, fileSpan: Span?)
    /// `screen margin(fy2023) > 40% order by revenue(fy2023) desc limit 20`: every company.
    case screen(ScreenSpec)
    case explain(Expression)
    case check(company: String?)
    case use(company: String, nameSpan: Span)
    /// `load "q1.htm", "q2.htm"`, `load "releases/"`, `load "releases/acme-*.txt"`.
    case load(paths: [String], spans: [Span])
    case invalid
  }
  public var kind: Kind
  public var span: Span
  public init(_ kind: Kind, _ span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// A parsed source: statements, possibly with `.invalid` parts, and sorted diagnostics.
public struct ParsedProgram: Sendable {
  public var statements: [Statement]
  public var diagnostics: [Diagnostic]
  /// The input stopped in the middle of a statement; more lines could complete it.
  public var isIncomplete: Bool
}

/// A `table` statement: rows by columns, and the options after them.
public struct TableSpec: Sendable, Equatable {
  /// Items, metrics, lists of them, series, or any expression (evaluated per column).
  public var rows: [Expression]
  /// `for q in …`: the name a row expression uses for its column's period.
  public var columnVariable: String?
  /// Periods, period ranges or lists of periods.
  public var columns: [Expression]
  /// Extra columns: `with change`, `with pct_change`, `with sparkline`.
  public var change = false
  public var percentChange = false
  public var sparkline = false
  /// `in thousands|millions|billions` (1, 2, 3).
  public var scale: Int?
  /// `decimals N`: every figure rounded to N places in the unit shown.
  public var decimals: Int?
  /// `where CONDITION`: keeps the rows for which it holds; `row` names the row.
  public var filter: Expression?
  /// `order by EXPRESSION [asc|desc]`.
  public var order: Expression?
  public var descending = false
  /// `limit N`.
  public var limit: Int?

  public init(rows: [Expression], columns: [Expression]) {
    self.rows = rows
    self.columns = columns
  }

  /// Whether an option asks for extra columns (otherwise two columns get a change column).
  public var hasColumnOptions: Bool { change || percentChange || sparkline }
}

/// A `screen` statement: a condition run over every company (the session's and the library's),
/// and the order and number of those that pass.
public struct ScreenSpec: Sendable, Equatable {
  public var condition: Expression
  public var order: Expression?
  public var descending = false
  public var limit: Int?

  public init(condition: Expression) { self.condition = condition }
}
