// MARK: - Lists, ranges and series

/// A function given a list is applied to each element (`revenue(q1 2008..q3 2009)` is one
/// figure per quarter); arithmetic on series goes period by period; series functions (`sum`,
/// `avg`, `cagr`, …) reduce a series to one value.
extension Evaluator {
  /// The most periods one range holds: 100 years of quarters, and then some.
  static let maximumRange = 1_000

  func evaluateList(_ elements: [Expression], _ scope: Scope) throws(Diagnostic) -> Value {
    var values: [Value] = []
    values.reserveCapacity(elements.count)
    for element in elements { values.append(try evaluate(element, scope)) }
    return .list(values)
  }

  /// `[EXPR for x in LIST if COND]`: a list; over periods, a series.
  func comprehension(
    _ element: Expression, variable: String, source: Expression, condition: Expression?, span: Span, _ scope: Scope
  ) throws(Diagnostic) -> Value {
    let elements: [Value]
    switch try evaluate(source, scope) {
    case .list(let values): elements = values
    case .series(let series): elements = series.values.compactMap { $0 }
    case let other:
      throw fail(
        .typeMismatch, "'for \(variable) in' needs a list or a period range, found \(other.typeName)", source.span)
    }
    var inner = scope
    var periods: [PeriodSpec] = []
    var values: [Value?] = []
    let overPeriods = !elements.isEmpty && elements.allSatisfy { if case .period = $0 { true } else { false } }
    for value in elements {
      inner.locals[variable] = value
      if let condition {
        // An element whose figure the condition needs is missing, or in another unit than
        // the condition's, does not pass it (as a table's `where`).
        do throws(Diagnostic) {
          guard try truth(evaluate(condition, inner), condition.span) else { continue }
        } catch {
          guard error.id == .missingFigure || error.id == .unitMismatch else { throw error }
          continue
        }
      }
      do throws(Diagnostic) {
        values.append(try evaluate(element, inner))
      } catch {
        guard overPeriods, error.id == .missingFigure else { throw error }
        values.append(nil)
      }
      if case .period(let period) = value { periods.append(period) }
    }
    if overPeriods { return .series(Series(name: text(element.span), periods: periods, values: values)) }
    return .list(values.compactMap { $0 })
  }

  /// `… in millions`: money and share counts shown in thousands, millions or billions.
  func scaled(_ value: Value, power: Int, span: Span) throws(Diagnostic) -> Value {
    switch value {
    case .quantity(var q):
      guard Quantity.isScalable(q.unit) else {
        throw fail(
          .unitMismatch, "only money and share counts are shown in \(Quantity.scaleWords[power]), not \(q.unit)", span)
      }
      q.scale = power
      return .quantity(q)
    case .series(var series):
      for index in series.values.indices {
        if let value = series.values[index] { series.values[index] = try scaled(value, power: power, span: span) }
      }
      return .series(series)
    case .list(let values):
      var out: [Value] = []
      for value in values { out.append(try scaled(value, power: power, span: span)) }
      return .list(out)
    default:
      throw fail(.typeMismatch, "cannot show \(value.typeName) in \(Quantity.scaleWords[power])", span)
    }
  }

  // MARK: Ranges

  /// `q1 2008..q3 2009`: every period of that length from the first to the last, as a list.
  func periodRange(_ first: PeriodSpec, _ last: PeriodSpec, span: Span) throws(Diagnostic) -> Value {
    func sameKind(_ a: PeriodSpec.Kind, _ b: PeriodSpec.Kind) -> Bool {
      switch (a, b) {
      case (.quarter, .quarter), (.half, .half), (.year, .year): true
      case (.monthsToDate(let m), .monthsToDate(let n)): m == n
      default: false
      }
    }
    guard sameKind(first.kind, last.kind), first.calendar == last.calendar else {
      throw fail(
        .invalidPeriod, "a range runs between two periods of the same kind, not \(first) and \(last)", span,
        notes: [DiagnosticNote("for example q1 2008..q3 2009, fy2005..fy2009 or h1 2008..h2 2009")])
    }
    var periods: [PeriodSpec] = [first]
    var current = first
    while current != last {
      current = current.next
      periods.append(current)
      if periods.count > Evaluator.maximumRange || current.year > last.year {
        if current.year > last.year {
          throw fail(
            .invalidPeriod, "the range \(first)..\(last) runs backwards; write the earlier period first", span)
        }
        throw fail(.stepLimit, "a range holds at most 1,000 periods", span)
      }
    }
    return .list(periods.map(Value.period))
  }

  /// `last(8, quarters, q3 2009)`: the eight quarters that end with q3 2009, oldest first.
  func lastPeriods(_ count: Int, unit: String, ending period: PeriodSpec, span: Span, countSpan: Span)
    throws(Diagnostic)
    -> Value
  {
    // The period of the unit asked for that holds the given period's last month:
    // last(2, halves, q1 2009) ends with h1 2009; last(2, quarters, 9m 2009) with q3 2009.
    let month: Int
    switch period.kind {
    case .quarter(let q): month = 3 * q
    case .half(let h): month = 6 * h
    case .year: month = 12
    case .monthsToDate(let n): month = n
    case .instant, .range:
      throw fail(.invalidArgument, "last(n, \(unit), …) ends with a period such as q3 2009, not a date", span)
    }
    var current: PeriodSpec
    switch unit {
    case "quarters": current = PeriodSpec(.quarter((month + 2) / 3), year: period.year, calendar: period.calendar)
    case "halves": current = PeriodSpec(.half((month + 5) / 6), year: period.year, calendar: period.calendar)
    case "years": current = PeriodSpec(.year, year: period.year, calendar: period.calendar)
    default:
      throw fail(.invalidArgument, "last(n, UNIT, period) counts quarters, halves or years, not '\(unit)'", span)
    }
    guard count >= 1, count <= Evaluator.maximumRange else {
      throw fail(.invalidArgument, "last() takes from 1 to \(Evaluator.maximumRange) periods, not \(count)", countSpan)
    }
    var periods = [current]
    for _ in 1..<count {
      current = current.prior
      periods.append(current)
    }
    return .list(periods.reversed().map(Value.period))
  }

  // MARK: Mapping functions over lists

  /// Whether a value is a list that a call maps over.
  static func isList(_ value: Value) -> Bool {
    if case .list = value { return true }
    return false
  }

  /// Calls `name` once per element of the list in argument `position`: over periods the
  /// results are a series (a period with no figure is a gap), otherwise a list.
  func broadcast(
    _ name: String, _ values: [Value], at position: Int, argumentSpans: [Span], calleeSpan: Span, span: Span,
    _ scope: Scope
  ) throws(Diagnostic) -> Value {
    if values.indices.contains(where: { $0 != position && Evaluator.isList(values[$0]) }) {
      throw fail(
        .invalidArgument, "only one argument of '\(name)' may be a list or range; use [… for x in …] for more",
        calleeSpan)
    }
    guard case .list(let elements) = values[position] else { return .nothing }
    let overPeriods = !elements.isEmpty && elements.allSatisfy { if case .period = $0 { true } else { false } }
    var arguments = values
    var results: [Value?] = []
    var periods: [PeriodSpec] = []
    results.reserveCapacity(elements.count)
    for element in elements {
      arguments[position] = element
      do throws(Diagnostic) {
        let argumentsNow = arguments
        results.append(
          try traced("\(name)(\(argumentsNow.map(ValueFormatter.source).joined(separator: ", ")))") {
            () throws(Diagnostic) -> Value in
            try invoke(name, argumentsNow, argumentSpans: argumentSpans, calleeSpan: calleeSpan, span: span, scope)
          })
      } catch {
        guard overPeriods, error.id == .missingFigure else { throw error }
        results.append(nil)
      }
      if case .period(let period) = element { periods.append(period) }
    }
    if overPeriods { return .series(Series(name: name, periods: periods, values: results)) }
    return .list(results.compactMap { $0 })
  }

  /// A built-in that works on one value applied to each value of a series (`round`, `abs`).
  func mapSeries(
    _ name: String, _ values: [Value], at position: Int, argumentSpans: [Span], calleeSpan: Span, span: Span,
    _ scope: Scope
  ) throws(Diagnostic) -> Value {
    guard case .series(var series) = values[position] else { return .nothing }
    var arguments = values
    for index in series.values.indices {
      guard let value = series.values[index] else { continue }
      arguments[position] = value
      series.values[index] = try invoke(
        name, arguments, argumentSpans: argumentSpans, calleeSpan: calleeSpan, span: span, scope)
    }
    series.name = "\(name)(\(series.name))"
    return .series(series)
  }

  // MARK: Operators on lists and series

  /// `-series`, `not series`: applied to each value.
  func applyUnaryToEach(_ op: UnaryOperator, _ value: Value, _ span: Span) throws(Diagnostic) -> Value {
    switch value {
    case .series(var series):
      for index in series.values.indices {
        if let v = series.values[index] { series.values[index] = try applyUnary(op, v, span) }
      }
      return .series(series)
    case .list(let values):
      var out: [Value] = []
      for v in values { out.append(try applyUnary(op, v, span)) }
      return .list(out)
    default:
      return try applyUnary(op, value, span)
    }
  }

  /// Series with series (the same periods) or with one value: period by period. A gap on
  /// either side is a gap in the result.
  func applyBinaryToEach(
    _ op: BinaryOperator, _ lhs: Value, _ rhs: Value, operatorSpan: Span, left: Span, right: Span
  ) throws(Diagnostic) -> Value {
    func each(_ a: Value?, _ b: Value?) throws(Diagnostic) -> Value? {
      guard let a, let b else { return nil }
      return try applyBinary(op, a, b, operatorSpan: operatorSpan, left: left, right: right)
    }
    switch (lhs, rhs) {
    case (.series(var a), .series(let b)):
      guard a.periods == b.periods else {
        throw fail(
          .invalidArgument, "cannot apply '\(op.rawValue)' to series over different periods", operatorSpan,
          notes: [
            DiagnosticNote(
              "the left side runs \(Self.rangeText(a.periods)) and the right side \(Self.rangeText(b.periods))")
          ])
      }
      for index in a.values.indices { a.values[index] = try each(a.values[index], b.values[index]) }
      a.name = "\(a.name) \(op.rawValue) \(b.name)"
      return .series(a)
    case (.series(var a), _):
      for index in a.values.indices { a.values[index] = try each(a.values[index], rhs) }
      return .series(a)
    case (_, .series(var b)):
      for index in b.values.indices { b.values[index] = try each(lhs, b.values[index]) }
      return .series(b)
    default:
      throw fail(
        .typeMismatch, "cannot apply '\(op.rawValue)' to \(lhs.typeName) and \(rhs.typeName)", operatorSpan,
        notes: [DiagnosticNote("arithmetic works on numbers and on series; a list needs [… for x in …]")])
    }
  }

  static func rangeText(_ periods: [PeriodSpec]) -> String {
    guard let first = periods.first, let last = periods.last else { return "over no periods" }
    return periods.count == 1 ? "\(first)" : "\(first)..\(last)"
  }
}

extension PeriodSpec {
  /// The period of the same length immediately after.
  var next: PeriodSpec {
    switch kind {
    case .quarter(let q):
      return q == 4
        ? PeriodSpec(.quarter(1), year: year + 1, calendar: calendar)
        : PeriodSpec(
          .quarter(q + 1), year: year, calendar: calendar)
    case .half(let h):
      return h == 2
        ? PeriodSpec(.half(1), year: year + 1, calendar: calendar)
        : PeriodSpec(
          .half(2), year: year, calendar: calendar)
    default: return PeriodSpec(kind, year: year + 1, calendar: calendar)
    }
  }
}
