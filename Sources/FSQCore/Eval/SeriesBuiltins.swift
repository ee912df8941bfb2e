// MARK: - Built-ins over series and lists

extension Builtins {
  static let seriesFunctions: [Builtin] = [
    Builtin(
      name: "sum", signature: "sum(series)",
      summary:
        "The total of a series or list of amounts in one unit: sum(revenue(q1 2009..q4 2009)). A gap is an error.",
      arity: 1...1, takesLists: true
    ) { (e, args, span, _) throws(Diagnostic) -> Value in
      let values = try e.seriesQuantities(args[0], function: "sum")
      return .quantity(try e.total(values, span: span))
    },
    Builtin(
      name: "avg", signature: "avg(series)",
      summary: "The mean of a series or list of amounts: avg(margin(q1 2008..q4 2009)). A gap is an error.",
      arity: 1...1, takesLists: true
    ) { (e, args, span, _) throws(Diagnostic) -> Value in
      let values = try e.seriesQuantities(args[0], function: "avg")
      var mean = try e.total(values, span: span)
      mean.amount = (try? mean.amount.dividing(by: Decimal(values.count))) ?? mean.amount
      mean.isDerived = true
      return .quantity(mean)
    },
    Builtin(
      name: "min", signature: "min(series) or min(a, b)",
      summary: "The smallest value of a series or list, or the smaller of two amounts in the same unit.",
      arity: 1...2, takesLists: true
    ) { (e, args, span, _) throws(Diagnostic) -> Value in
      try e.extreme(args, span: span, largest: false)
    },
    Builtin(
      name: "max", signature: "max(series) or max(a, b)",
      summary: "The largest value of a series or list, or the larger of two amounts in the same unit.",
      arity: 1...2, takesLists: true
    ) { (e, args, span, _) throws(Diagnostic) -> Value in
      try e.extreme(args, span: span, largest: true)
    },
    Builtin(
      name: "count", signature: "count(series)",
      summary: "How many periods of a series have a figure (gaps are not counted), or how long a list is.",
      arity: 1...1, takesLists: true
    ) { (e, args, _, _) throws(Diagnostic) -> Value in
      switch try e.value(args[0]) {
      case .series(let series): return .quantity(Quantity(Decimal(series.values.count { $0 != nil })))
      case .list(let values): return .quantity(Quantity(Decimal(values.count)))
      case let other:
        throw e.fail(.typeMismatch, "count() takes a series or list, found \(other.typeName)", args[0].span)
      }
    },
    Builtin(
      name: "cagr", signature: "cagr(series)",
      summary:
        "Compound annual growth from the first value of a series to the last: (last / first)^(1 / years) - 1, in percent, the years counted between the periods' ends.",
      arity: 1...1, takesLists: true
    ) { (e, args, span, scope) throws(Diagnostic) -> Value in
      try e.compoundGrowth(args[0], span: span, scope)
    },
    Builtin(
      name: "stdev", signature: "stdev(series)",
      summary: "The sample standard deviation of a series or list (n - 1 in the denominator), in its unit.",
      arity: 1...1, takesLists: true
    ) { (e, args, span, _) throws(Diagnostic) -> Value in
      try e.standardDeviation(args[0], span: span)
    },
    Builtin(
      name: "items", signature: "items(statement) or items(\"pattern\")",
      summary:
        "The items of the current company, in printed order: items(income_statement), items(balance_sheet), items(cash_flow), items(reconciliation), items(segments); or those whose printed label matches a pattern with * and ?: items(\"Interest*\").",
      arity: 1...1, lazy: true, takesLists: true
    ) { (e, args, span, scope) throws(Diagnostic) -> Value in
      guard case .unevaluated(let argument) = args[0] else { return .nothing }
      return try e.listItems(argument, span: span, scope)
    },
  ]

  /// `first` and `last`: of a series, or (first) a fallback, or (last) the last n periods.
  static let ends: [Builtin] = [
    Builtin(
      name: "first", signature: "first(series) or first(a, b)",
      summary:
        "The first value of a series or list; with two arguments `a`, or `b` when the company reports no figure for `a`.",
      arity: 1...2, lazy: true, takesLists: true
    ) {
      (e, args, _, scope) throws(Diagnostic) -> Value in
      guard case .unevaluated(let a) = args[0] else { return .nothing }
      guard args.count == 2, case .unevaluated(let b) = args[1] else {
        return try e.end(of: e.evaluate(a, scope), first: true, span: a.span)
      }
      do throws(Diagnostic) {
        return try e.evaluate(a, scope)
      } catch {
        guard error.id == .missingFigure || error.id == .unknownItem else { throw error }
        return try e.evaluate(b, scope)
      }
    },
    Builtin(
      name: "last", signature: "last(series) or last(n, quarters|halves|years, period)",
      summary:
        "The last value of a series or list; or the n periods that end with a period, oldest first: last(8, quarters, q3 2009).",
      arity: 1...3, lazy: true, takesLists: true
    ) {
      (e, args, span, scope) throws(Diagnostic) -> Value in
      let expressions = args.compactMap { argument -> Expression? in
        if case .unevaluated(let expression) = argument { return expression }
        return nil
      }
      guard expressions.count == args.count else { return .nothing }
      if expressions.count == 1 { return try e.end(of: e.evaluate(expressions[0], scope), first: false, span: span) }
      guard expressions.count == 3, case .name(let unit) = expressions[1].kind else {
        throw e.fail(
          .invalidArgument, "last() takes a series, or a count, a unit and a period: last(8, quarters, q3 2009)", span)
      }
      guard case .quantity(let n) = try e.evaluate(expressions[0], scope), n.unit == .none,
        let count = n.amount.intValue
      else {
        throw e.fail(.invalidArgument, "the count of last() must be a whole number", expressions[0].span)
      }
      guard case .period(let period) = try e.evaluate(expressions[2], scope) else {
        throw e.fail(.typeMismatch, "last() needs the period the range ends with", expressions[2].span)
      }
      return try e.lastPeriods(
        count, unit: unit, ending: period, span: expressions[1].span, countSpan: expressions[0].span)
    },
  ]
}

extension Evaluator {
  /// The amounts of a series or list, or an error naming the periods with no figure.
  func seriesQuantities(_ argument: Argument, function: String) throws(Diagnostic) -> [Quantity] {
    let value = try value(argument)
    var values: [Value] = []
    switch value {
    case .series(let series):
      let gaps = series.gaps
      if !gaps.isEmpty {
        throw fail(
          .missingFigure,
          "\(function)() needs every period of \(series.name): \(gaps.count) of \(series.periods.count) have no figure",
          argument.span, notes: [DiagnosticNote("no figure for \(gaps.map(\.description).joined(separator: ", "))")])
      }
      values = series.values.compactMap { $0 }
    case .list(let list): values = list
    default:
      throw fail(
        .typeMismatch, "\(function)() takes a series such as revenue(q1 2009..q4 2009), found \(value.typeName)",
        argument.span)
    }
    guard !values.isEmpty else { throw fail(.invalidArgument, "\(function)() of an empty series", argument.span) }
    var quantities: [Quantity] = []
    for element in values {
      guard case .quantity(let q) = element else {
        throw fail(.typeMismatch, "\(function)() takes amounts, found \(element.typeName)", argument.span)
      }
      quantities.append(q)
    }
    return quantities
  }

  func total(_ values: [Quantity], span: Span) throws(Diagnostic) -> Quantity {
    var sum = values[0]
    for value in values.dropFirst() {
      guard case .quantity(let next) = try arithmetic(.add, sum, value, operatorSpan: span) else { break }
      sum = next
    }
    sum.isDerived = true
    return sum
  }

  func extreme(_ args: [Argument], span: Span, largest: Bool) throws(Diagnostic) -> Value {
    let values: [Quantity]
    if args.count == 2 {
      values = [try quantity(args[0]), try quantity(args[1])]
    } else {
      values = try seriesQuantities(args[0], function: largest ? "max" : "min")
    }
    var best = values[0]
    for value in values.dropFirst() {
      let beats = try arithmetic(largest ? .greater : .less, value, best, operatorSpan: span)
      if beats == .bool(true) { best = value }
    }
    return .quantity(best)
  }

  func end(of value: Value, first: Bool, span: Span) throws(Diagnostic) -> Value {
    switch value {
    case .series(let series):
      guard let index = first ? series.values.indices.first : series.values.indices.last else {
        throw fail(.invalidArgument, "an empty series has no \(first ? "first" : "last") value", span)
      }
      guard let found = series.values[index] else {
        throw fail(.missingFigure, "\(series.name) has no figure for \(series.periods[index])", span)
      }
      return found
    case .list(let values):
      guard let found = first ? values.first : values.last else {
        throw fail(.invalidArgument, "an empty list has no \(first ? "first" : "last") element", span)
      }
      return found
    default:
      throw fail(.typeMismatch, "\(first ? "first" : "last")() takes a series or list, found \(value.typeName)", span)
    }
  }

  func compoundGrowth(_ argument: Argument, span: Span, _ scope: Scope) throws(Diagnostic) -> Value {
    guard case .series(let series) = try value(argument), series.periods.count >= 2 else {
      throw fail(.typeMismatch, "cagr() takes a series of two or more periods: cagr(revenue(fy2005..fy2009))", span)
    }
    let first = try end(of: .series(series), first: true, span: argument.span)
    let last = try end(of: .series(series), first: false, span: argument.span)
    guard case .quantity(let a) = first, case .quantity(let b) = last, a.unit == b.unit else {
      throw fail(.typeMismatch, "cagr() takes a series of amounts in one unit", argument.span)
    }
    guard !a.amount.isNegative, !a.amount.isZero, !b.amount.isNegative else {
      throw fail(
        .invalidArgument,
        "cagr() needs positive values at both ends; \(series.name) runs from \(ValueFormatter.text(a)) to \(ValueFormatter.text(b))",
        argument.span)
    }
    let fye = fiscalYearEnd(scope.company ?? currentCompany)
    let start = series.periods[0].resolve(fiscalYearEnd: fye).end
    let end = series.periods[series.periods.count - 1].resolve(fiscalYearEnd: fye).end
    let months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
    guard months > 0 else { throw fail(.invalidArgument, "cagr() needs periods that end at different times", span) }
    let ratio = (try? b.amount.dividing(by: a.amount))?.doubleValue ?? .nan
    annotate(
      formula: "(last / first)^(1 / years) - 1, years = \(months) months / 12",
      remarks: ["from \(series.periods[0]) to \(series.periods[series.periods.count - 1])"])
    let growth = Evaluator.power(ratio, 12.0 / Double(months)) - 1
    return .quantity(Quantity(Evaluator.inexact(growth), .percent, derived: true))
  }

  func standardDeviation(_ argument: Argument, span: Span) throws(Diagnostic) -> Value {
    let values = try seriesQuantities(argument, function: "stdev")
    guard values.count >= 2 else { throw fail(.invalidArgument, "stdev() needs at least two values", argument.span) }
    let mean = try total(values, span: span)
    guard let average = try? mean.amount.dividing(by: Decimal(values.count)) else { return .nothing }
    var squares = Decimal.zero
    for value in values {
      guard let deviation = try? value.amount.subtracting(average),
        let square = try? deviation.multiplying(by: deviation), let sum = try? squares.adding(square)
      else { throw fail(.overflow, "stdev() overflowed", span) }
      squares = sum
    }
    let variance = ((try? squares.dividing(by: Decimal(values.count - 1))) ?? .zero).doubleValue
    var result = values[0]
    result.amount = Evaluator.inexact(variance.squareRoot())
    result.isDerived = true
    return .quantity(result)
  }

  /// A double as a decimal marked inexact, to 15 significant digits (no float noise shows).
  static func inexact(_ double: Double) -> Decimal {
    guard double.isFinite, let parsed = Decimal(parsing: double.description) else { return .zero }
    let rounded = parsed.digitCount > 15 ? parsed.rounded(places: 15 - parsed.digitCount - parsed.exponent) : parsed
    return (try? Decimal(significand: rounded.significand, exponent: rounded.exponent, exact: false)) ?? rounded
  }

  /// x^y for positive x, without Foundation: exp(y · ln x) by series that converge fast.
  static func power(_ x: Double, _ y: Double) -> Double {
    guard x > 0, x.isFinite else { return .nan }
    return exponential(y * logarithm(x))
  }

  static func logarithm(_ x: Double) -> Double {
    // x = m · 2^k with m in [1, 2): ln x = k ln 2 + 2 atanh((m - 1) / (m + 1)).
    let k = Double(x.exponent)
    let m = x.significand
    let t = (m - 1) / (m + 1)
    var term = t
    var sum = 0.0
    var n = 1.0
    while abs(term / n) > 1e-18 && n < 200 {
      sum += term / n
      term *= t * t
      n += 2
    }
    return k * 0.693_147_180_559_945_3 + 2 * sum
  }

  static func exponential(_ x: Double) -> Double {
    guard x.isFinite, abs(x) < 700 else { return x < 0 ? 0 : .infinity }
    // e^x = (e^(x / 2^k))^(2^k) with the reduced argument small.
    var k = 0
    var r = x
    while abs(r) > 0.5 {
      r /= 2
      k += 1
    }
    var term = 1.0
    var sum = 1.0
    for n in 1...30 {
      term *= r / Double(n)
      sum += term
    }
    for _ in 0..<k { sum *= sum }
    return sum
  }
}

extension Evaluator {
  /// `pct_change(series)`: from each period to the next, in percent (a loss that narrowed is
  /// a rise); a gap on either side is a gap.
  func periodChanges(_ argument: Argument, span: Span) throws(Diagnostic) -> Value {
    guard case .series(let series) = try value(argument) else {
      throw fail(
        .typeMismatch, "pct_change() of one argument takes a series such as revenue(q1 2008..q3 2009)", argument.span)
    }
    var values: [Value?] = []
    for index in series.values.indices.dropFirst() {
      guard case .quantity(let now)? = series.values[index], case .quantity(let then)? = series.values[index - 1],
        !then.amount.isZero, let change = try? now.amount.subtracting(then.amount),
        let relative = try? change.dividing(by: then.amount.magnitude)
      else {
        values.append(nil)
        continue
      }
      values.append(.quantity(Quantity(relative, .percent, derived: true)))
    }
    return .series(
      Series(name: "pct_change(\(series.name))", periods: Array(series.periods.dropFirst()), values: values))
  }
}

extension Evaluator {
  /// The statements `items()` names, by the words an analyst writes.
  static let statementWords: [String: StatementKind] = [
    "income_statement": .incomeStatement, "balance_sheet": .balanceSheet, "cash_flow": .cashFlow,
    "cash_flow_statement": .cashFlow, "reconciliation": .reconciliation, "reconciliations": .reconciliation,
    "segments": .segment,
  ]

  /// `items(income_statement)`, `items("Interest*")`: the current company's items, each once,
  /// in the order first printed.
  func listItems(_ argument: Expression, span: Span, _ scope: Scope) throws(Diagnostic) -> Value {
    guard let company = scope.company ?? currentCompany else { throw noCompany(span) }
    index.partial?.needsWholeModel = true
    let facts = model.companies[company].facts
    var wanted: (Fact) -> Bool
    if case .name(let word) = argument.kind, scope.locals[word] == nil, globals[word] == nil {
      guard let kind = Evaluator.statementWords[word] else {
        let words = Evaluator.statementWords.keys.sorted()
        let suggestion = Suggest.closest(to: word, in: words)
        throw fail(
          .unknownName, "'\(word)' is not a statement" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
          argument.span, notes: [DiagnosticNote("items() takes \(words.joined(separator: ", ")) or a label pattern")])
      }
      wanted = { $0.statement == kind }
    } else {
      guard case .text(let pattern) = try evaluate(argument, scope) else {
        throw fail(
          .typeMismatch, "items() takes a statement such as income_statement or a label pattern such as \"Interest*\"",
          argument.span)
      }
      let glob = Array(pattern.lowercased())
      wanted = { Evaluator.matches(glob, Array($0.label.lowercased())) }
    }
    var seen = Set<String>()
    var items: [Value] = []
    for fact in facts where wanted(fact) && seen.insert(fact.item).inserted { items.append(.function(fact.item)) }
    return .list(items)
  }

  /// A label pattern: `*` any run of characters, `?` any one; the whole label must match.
  static func matches(_ pattern: [Character], _ text: [Character]) -> Bool {
    var p = 0
    var t = 0
    var star = -1
    var mark = 0
    while t < text.count {
      if p < pattern.count && (pattern[p] == "?" || pattern[p] == text[t]) {
        p += 1
        t += 1
      } else if p < pattern.count && pattern[p] == "*" {
        star = p
        mark = t
        p += 1
      } else if star >= 0 {
        p = star + 1
        mark += 1
        t = mark
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }

  /// The label a company printed for an item (the first line that carries it), for table rows.
  func printedLabel(_ item: String, company: Int?) -> String? {
    guard let company else { return nil }
    return index.figures(item, company: company).first { $0.priority > 0 }?.label
  }
}
