// MARK: - Evaluator

/// A user function: `def gm(p) = gross_profit(p) / revenue(p)`.
public struct UserFunction: Sendable {
  public var name: String
  public var parameters: [String]
  public var body: Expression
  /// The source the body's spans refer to, and the body's text for `explain` and `:vars`.
  public var source: SourceFile
  public var bodyText: String
  /// Help text for built-in metrics defined in fsq's own syntax.
  public var help: String?
}

/// Names and company in force while evaluating an expression.
struct Scope {
  var locals: [String: Value] = [:]
  /// Index of the company in the model that item names refer to.
  var company: Int?
}

/// Evaluates expressions against a model. Errors are diagnostics carrying the span of the
/// operator or call that failed. Depth and work are bounded so runaway recursion is an error,
/// and a raised `Interrupt.flag` stops evaluation.
final class Evaluator {
  static let maximumDepth = 10_000
  /// Work allowed per statement. Real queries take hundreds of steps; a runaway script such
  /// as `def f(n) = if(n < 1, 0, f(n-1) + f(n-1)); f(60)` stops in about a second (50 million
  /// took over a minute in a debug build).
  static let maximumSteps = 5_000_000

  var model: Model
  var index: ModelIndex
  var currentCompany: Int?
  var globals: [String: Value] = [:]
  var functions: [String: UserFunction] = [:]
  let metrics: [String: UserFunction]
  var source: SourceFile
  var depth = 0
  var steps = 0
  var stepLimit = Evaluator.maximumSteps
  /// Stack address when the current statement started; see `StackGuard`.
  var stackBase: UInt = 0
  var stackBudget = StackGuard.budget
  /// When explaining, the stack of nodes being built; nil otherwise.
  var trace: [[Explanation]]?
  /// Function values that are printed labels (`"Net income"`, `"Cost of revenue"."Product"`),
  /// by the name the value carries.
  var labelFunctions: [String: Callee] = [:]
  /// While a table's `where` or `order by` runs: the row's figures by period, for `row(p)`.
  var rowCells: [String: [PeriodSpec: Value]] = [:]
  /// A company the session does not hold, by id, ticker or name, from the model library.
  var companyLookup: ((String) -> Result<Company?, FileError>)?
  /// The library's company ids, for messages and suggestions.
  var libraryCompanies: (() -> [String])?
  /// The library's stored figures by item, for screens (`Session.screen`).
  var screenSource: ScreenSource?

  init(model: Model, metrics: [String: UserFunction]) {
    self.model = model
    self.index = ModelIndex(model: model)
    self.metrics = metrics
    self.source = SourceFile(name: "<none>", text: "")
    self.currentCompany = model.companies.isEmpty ? nil : 0
  }

  func replaceModel(_ newModel: Model) {
    model = newModel
    index = ModelIndex(model: newModel)
    if currentCompany == nil || currentCompany! >= newModel.companies.count {
      currentCompany = newModel.companies.isEmpty ? nil : 0
    }
  }

  /// How a number is written with a unit, for a did-you-mean: `5%`, `$5`, `5x`.
  static func withUnit(_ number: String, _ unit: Unit) -> String {
    switch unit {
    case .percent: return "\(number)%"
    case .currency(let code): return code == "USD" ? "$\(number)" : "\(number) \(code)"
    case .perShare(let code): return code == "USD" ? "$\(number) (per share)" : "\(number) \(code) per share"
    case .multiple: return "\(number)x"
    case .percentagePoints: return "\(number)pp"
    default: return "a quantity in \(unit)"
    }
  }

  func fail(_ id: DiagnosticID, _ message: String, _ span: Span, notes: [DiagnosticNote] = []) -> Diagnostic {
    Diagnostic(id, message, at: span, in: source, notes: notes)
  }

  func text(_ span: Span) -> String { source.text(of: span) }

  // MARK: Expressions

  func evaluate(_ expression: Expression, _ scope: Scope) throws(Diagnostic) -> Value {
    steps += 1
    if steps & 1023 == 0 {
      if Interrupt.isRequested { throw fail(.interrupted, "interrupted", expression.span) }
      if steps > stepLimit {
        throw fail(
          .stepLimit, "evaluation stopped after \(stepLimit) steps; is a function recursing without end?",
          expression.span)
      }
    }
    switch expression.kind {
    case .literal(let value):
      return value
    case .name(let name):
      return try lookupName(name, expression.span, scope)
    case .call(let callee, let calleeSpan, let arguments):
      // A label with no arguments is the line itself, not a figure: nothing to explain.
      if arguments.isEmpty, case .label = callee {
        return try call(callee, calleeSpan: calleeSpan, arguments: arguments, span: expression.span, scope)
      }
      return try traced(self.describeCall(expression, scope)) { () throws(Diagnostic) -> Value in
        try call(callee, calleeSpan: calleeSpan, arguments: arguments, span: expression.span, scope)
      }
    case .unary(let op, let operand):
      let value = try evaluate(operand, scope)
      return try applyUnaryToEach(op, value, expression.span)
    case .binary(let op, let left, let right, let operatorSpan):
      if op == .and || op == .or {
        let lhs = try truth(evaluate(left, scope), left.span)
        if op == .and && !lhs { return .bool(false) }
        if op == .or && lhs { return .bool(true) }
        return .bool(try truth(evaluate(right, scope), right.span))
      }
      let lhs = try evaluate(left, scope)
      let rhs = try evaluate(right, scope)
      return try applyBinary(op, lhs, rhs, operatorSpan: operatorSpan, left: left.span, right: right.span)
    case .list(let elements):
      return try evaluateList(elements, scope)
    case .comprehension(let element, let variable, let source, let condition):
      return try comprehension(
        element, variable: variable, source: source, condition: condition, span: expression.span, scope)
    case .scaled(let inner, let power):
      return try scaled(evaluate(inner, scope), power: power, span: expression.span)
    case .invalid:
      throw fail(.expectedExpression, "cannot evaluate an invalid expression", expression.span)
    }
  }

  func truth(_ value: Value, _ span: Span) throws(Diagnostic) -> Bool {
    guard case .bool(let flag) = value else {
      throw fail(.typeMismatch, "expected true or false, found \(value.typeName)", span)
    }
    return flag
  }

  func lookupName(_ name: String, _ span: Span, _ scope: Scope) throws(Diagnostic) -> Value {
    if let value = scope.locals[name] ?? globals[name] { return value }
    if isCallable(name, company: scope.company ?? currentCompany) { return .function(name) }
    throw unknownName(name, span, scope, kind: "name")
  }

  func isCallable(_ name: String, company: Int?) -> Bool {
    if functions[name] != nil || Builtins.table[name] != nil || metrics[name] != nil { return true }
    if let company, index.hasItem(name, company: company) { return true }
    return ItemCatalogLookup.isKnownItem(name)
  }

  // MARK: Operators

  func applyUnary(_ op: UnaryOperator, _ value: Value, _ span: Span) throws(Diagnostic) -> Value {
    switch (op, value) {
    case (.negate, .quantity(var q)):
      q.amount = q.amount.negated()
      return .quantity(q)
    case (.plus, .quantity):
      return value
    case (.not, .bool(let flag)):
      return .bool(!flag)
    default:
      throw fail(.typeMismatch, "cannot apply '\(op == .not ? "not" : op.rawValue)' to \(value.typeName)", span)
    }
  }

  func applyBinary(
    _ op: BinaryOperator, _ lhs: Value, _ rhs: Value, operatorSpan: Span, left: Span, right: Span
  ) throws(Diagnostic) -> Value {
    switch (lhs, rhs) {
    case (.quantity(let a), .quantity(let b)):
      return try arithmetic(op, a, b, operatorSpan: operatorSpan)
    case (.period(let a), .period(let b)) where op == .range:
      return try periodRange(a, b, span: left.union(right))
    case (.series, _), (_, .series):
      return try applyBinaryToEach(op, lhs, rhs, operatorSpan: operatorSpan, left: left, right: right)
    case (.text(let a), .text(let b)) where op == .equal || op == .notEqual:
      return .bool((a == b) == (op == .equal))
    case (.bool(let a), .bool(let b)) where op == .equal || op == .notEqual:
      return .bool((a == b) == (op == .equal))
    case (.period(let a), .period(let b)) where op.isComparison:
      let x = a.resolve(fiscalYearEnd: fiscalYearEnd(currentCompany))
      let y = b.resolve(fiscalYearEnd: fiscalYearEnd(currentCompany))
      switch op {
      case .equal: return .bool(x == y)
      case .notEqual: return .bool(x != y)
      case .less: return .bool(x.end < y.end)
      case .lessEqual: return .bool(x.end <= y.end)
      case .greater: return .bool(x.end > y.end)
      default: return .bool(x.end >= y.end)
      }
    default:
      if op == .range {
        throw fail(
          .typeMismatch, "a range runs between two periods, not \(lhs.typeName) and \(rhs.typeName)", operatorSpan,
          notes: [DiagnosticNote("for example q1 2008..q3 2009")])
      }
      throw fail(
        .typeMismatch, "cannot apply '\(op.rawValue)' to \(lhs.typeName) and \(rhs.typeName)", operatorSpan,
        notes: hintForFunctionOperand(lhs, rhs))
    }
  }

  /// 1 for 1,000, 2 for 1,000,000, 3 for 1,000,000,000; nil for any other number.
  static func thousandsPower(_ amount: Decimal) -> Int? {
    guard amount.isExact, amount.significand == 1, amount.exponent > 0, amount.exponent % 3 == 0 else { return nil }
    return amount.exponent / 3
  }

  /// A result in money or shares keeps the scale its operands were shown in, the left one's first.
  static func keptScale(_ a: Quantity, _ b: Quantity, _ unit: Unit) -> Int {
    guard Quantity.isScalable(unit) else { return 0 }
    return a.scale > 0 && a.unit == unit ? a.scale : (b.unit == unit ? b.scale : 0)
  }

  func hintForFunctionOperand(_ values: Value...) -> [DiagnosticNote] {
    for value in values {
      if case .function(let name) = value {
        return [DiagnosticNote("'\(name)' needs a period: write \(name)(q3 2009)")]
      }
    }
    return []
  }

  func arithmetic(_ op: BinaryOperator, _ a: Quantity, _ b: Quantity, operatorSpan: Span) throws(Diagnostic) -> Value {
    let derived = a.isDerived || b.isDerived
    do {
      switch op {
      case .add, .subtract:
        guard let unit = Unit.sum(a.unit, b.unit, subtracting: op == .subtract) else {
          throw fail(
            .unitMismatch,
            op == .add ? "cannot add \(a.unit) and \(b.unit)" : "cannot subtract \(b.unit) from \(a.unit)",
            operatorSpan,
            notes: [DiagnosticNote("the left side is \(a.unit) and the right side is \(b.unit)")])
        }
        let amount = op == .add ? try a.amount.adding(b.amount) : try a.amount.subtracting(b.amount)
        return .quantity(Quantity(amount, unit, derived: derived, scale: Self.keptScale(a, b, unit)))
      case .multiply:
        guard let unit = Unit.product(a.unit, b.unit) else {
          throw fail(.unitMismatch, "cannot multiply \(a.unit) by \(b.unit)", operatorSpan)
        }
        // `revenue / 1M * 1M` is back in dollars: a power of a thousand takes the scale off.
        for (scaled, factor) in [(a, b), (b, a)] where scaled.scale > 0 && factor.unit == .none {
          if let power = Self.thousandsPower(factor.amount), power <= scaled.scale {
            return .quantity(Quantity(scaled.amount, scaled.unit, derived: derived, scale: scaled.scale - power))
          }
        }
        return .quantity(
          Quantity(try a.amount.multiplying(by: b.amount), unit, derived: derived, scale: Self.keptScale(a, b, unit)))
      case .divide:
        guard let unit = Unit.quotient(a.unit, b.unit) else {
          throw fail(.unitMismatch, "cannot divide \(a.unit) by \(b.unit)", operatorSpan)
        }
        if b.amount.isZero { throw fail(.divisionByZero, "division by zero", operatorSpan) }
        // Money or shares over 1K, 1M or 1bn is the same amount shown in thousands, millions
        // or billions ($11.85M), never a smaller amount of dollars ($11.85).
        if b.unit == .none, Quantity.isScalable(a.unit), let power = Self.thousandsPower(b.amount),
          a.scale + power <= Quantity.maximumScale
        {
          return .quantity(Quantity(a.amount, a.unit, derived: derived, scale: a.scale + power))
        }
        return .quantity(
          Quantity(try a.amount.dividing(by: b.amount), unit, derived: derived, scale: Self.keptScale(a, b, unit)))
      case .power:
        guard b.unit == .none, b.amount.isInteger, let n = b.amount.intValue, abs(n) <= 10_000 else {
          throw fail(.invalidArgument, "the exponent of '^' must be a whole plain number", operatorSpan)
        }
        guard a.unit == .none || n == 1 else {
          throw fail(.unitMismatch, "cannot raise \(a.unit) to a power", operatorSpan)
        }
        if a.amount.isZero && n < 0 { throw fail(.divisionByZero, "division by zero", operatorSpan) }
        return .quantity(Quantity(try a.amount.power(n), a.unit, derived: derived))
      default:
        // A difference of percentages compares with a percentage: `… > 2%` (there is no pp literal).
        let percentages: Set<Unit> = [.percent, .percentagePoints]
        if a.unit != b.unit && !(percentages.contains(a.unit) && percentages.contains(b.unit)) {
          // Zero is zero in any unit (`net_income(q3 2009) > 0`); any other plain number
          // against a quantity with a unit is ambiguous: is 5 five percent or 500%?
          let plain = a.unit == .none ? a : (b.unit == .none ? b : nil)
          if let plain, plain.amount.isZero {
            // compared below
          } else if let plain {
            let other = plain.unit == a.unit ? b : a
            let unit = other.unit
            // Against an amount shown in millions, 11 means $11M.
            let number =
              plain.amount.plainString + (Quantity.isScalable(unit) ? Quantity.scaleSuffixes[other.scale] : "")
            throw fail(
              .unitMismatch, "cannot compare \(unit) with a plain number", operatorSpan,
              notes: [DiagnosticNote("give the number its unit: \(Self.withUnit(number, unit))")])
          } else {
            throw fail(.unitMismatch, "cannot compare \(a.unit) with \(b.unit)", operatorSpan)
          }
        }
        let order = Decimal.compare(a.amount, b.amount)
        switch op {
        case .equal: return .bool(order == 0)
        case .notEqual: return .bool(order != 0)
        case .less: return .bool(order < 0)
        case .lessEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
      }
    } catch let error as ArithmeticError {
      switch error {
      case .divisionByZero: throw fail(.divisionByZero, "division by zero", operatorSpan)
      case .overflow: throw fail(.overflow, "the result of '\(op.rawValue)' is too large", operatorSpan)
      }
    } catch let diagnostic as Diagnostic {
      throw diagnostic
    } catch {
      throw fail(.overflow, "arithmetic failed", operatorSpan)
    }
  }

  // MARK: Explain support

  /// Runs `body`; when explaining, records a node for the call with whatever nodes the body
  /// recorded as its children.
  /// How many levels of calls `explain` shows.
  static let maximumExplainDepth = 40

  func traced(_ description: @autoclosure () -> String, _ body: () throws(Diagnostic) -> Value) throws(Diagnostic)
    -> Value
  {
    guard trace != nil else { return try body() }
    // A deep recursion (`explain f(5000)`) is shown to a depth, then one line says the rest is
    // not: the tree, its text and its memory stay bounded, and nothing recurses per level.
    if trace!.count > Evaluator.maximumExplainDepth {
      let saved = trace
      trace = nil
      let value: Value
      do {
        value = try body()
      } catch {
        trace = saved
        throw error
      }
      trace = saved
      let marker = "…"
      if trace![trace!.count - 1].last?.expression != marker {
        trace![trace!.count - 1].append(
          Explanation(
            expression: marker, value: value,
            remarks: ["deeper calls are not shown: explain shows \(Evaluator.maximumExplainDepth) levels"]))
      }
      return value
    }
    trace!.append([])
    let value: Value
    do {
      value = try body()
    } catch {
      trace!.removeLast()
      throw error
    }
    var children = trace!.removeLast()
    var node = Explanation(expression: description(), value: value)
    // Details recorded with `annotate` arrive as a first child with no expression.
    if let first = children.first, first.expression.isEmpty {
      node.formula = first.formula
      node.source = first.source
      node.remarks = first.remarks
      children.removeFirst()
    }
    node.children = children
    trace![trace!.count - 1].append(node)
    return value
  }

  /// Records details (formula, source, remarks) for the call being traced.
  func annotate(formula: String? = nil, source: SourceReference? = nil, remarks: [String] = []) {
    guard trace != nil, !trace!.isEmpty else { return }
    let note = Explanation(expression: "", formula: formula, value: .nothing, source: source, remarks: remarks)
    trace![trace!.count - 1].insert(note, at: 0)
  }

  /// Adds a remark to the details already recorded for the call being traced.
  func remark(_ text: String) {
    guard trace != nil, !trace!.isEmpty else { return }
    let level = trace!.count - 1
    if let first = trace![level].first, first.expression.isEmpty {
      trace![level][0].remarks.append(text)
    } else {
      annotate(remarks: [text])
    }
  }

  /// A call as fsq would write it, with the arguments' values substituted for parameters.
  func describeCall(_ expression: Expression, _ scope: Scope) -> String {
    guard case .call(let callee, _, let arguments) = expression.kind else { return text(expression.span) }
    let rendered = arguments.map { argument -> String in
      if case .name(let name) = argument.kind, let value = scope.locals[name] {
        return ValueFormatter.source(value)
      }
      return text(argument.span)
    }
    var name = callee.displayName
    if let company = scope.company, case .name = callee, company != currentCompany {
      name = "\(model.companies[company].id).\(name)"
    }
    return "\(name)(\(rendered.joined(separator: ", ")))"
  }
}
