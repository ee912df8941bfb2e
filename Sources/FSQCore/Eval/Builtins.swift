// MARK: - Built-in functions

/// A built-in function with its help text. `lazy` built-ins receive unevaluated arguments.
struct Builtin: Sendable {
  var name: String
  var signature: String
  var summary: String
  var arity: ClosedRange<Int>
  var lazy = false
  /// Takes lists and series whole (`sum`, `cagr`) rather than being applied to each element.
  var takesLists = false
  var body: @Sendable (Evaluator, [Argument], Span, Scope) throws(Diagnostic) -> Value
}

enum Builtins {
  static let table: [String: Builtin] = {
    var table: [String: Builtin] = [:]
    for builtin in comparisons + periods + numbers + profile + seriesFunctions + ends { table[builtin.name] = builtin }
    return table
  }()

  // MARK: Comparisons between periods

  static let comparisons: [Builtin] = [
    Builtin(
      name: "growth", signature: "growth(item, period)",
      summary:
        "Year-over-year change in percent: (item(period) - item(a year earlier)) / |item(a year earlier)|, so a loss that narrowed is a rise; n/m (an error) from a zero base.",
      arity: 2...2
    ) { (e, args, span, scope) throws(Diagnostic) -> Value in
      let (item, period) = try (e.function(args[0]), e.period(args[1]))
      return try e.relativeChange(
        item, period, base: period.yearEarlier, span: span, scope,
        formula: "(item(p) - item(year_ago(p))) / |item(year_ago(p))|")
    },
    Builtin(
      name: "qoq", signature: "qoq(item, period)",
      summary:
        "Change in percent against the prior period of the same length: (item(p) - item(prior(p))) / |item(prior(p))|.",
      arity: 2...2
    ) { (e, args, span, scope) throws(Diagnostic) -> Value in
      let (item, period) = try (e.function(args[0]), e.period(args[1]))
      return try e.relativeChange(
        item, period, base: period.prior, span: span, scope, formula: "(item(p) - item(prior(p))) / |item(prior(p))|")
    },
    Builtin(
      name: "change", signature: "change(item, period [, base])",
      summary:
        "Absolute change: item(period) - item(base). The base defaults to the same period a year earlier, or for a balance date to the prior fiscal year end.",
      arity: 2...3
    ) { (e, args, span, scope) throws(Diagnostic) -> Value in
      let (item, period) = try (e.function(args[0]), e.period(args[1]))
      let base = args.count == 3 ? try e.period(args[2]) : e.defaultBase(period, scope)
      e.annotate(formula: "item(p) - item(base), base = \(base)")
      let now = try e.apply(item, [.period(period)], span: span, scope)
      let then = try e.apply(item, [.period(base)], span: span, scope)
      return try e.applyBinary(.subtract, now, then, operatorSpan: span, left: span, right: span)
    },
    Builtin(
      name: "pct_change", signature: "pct_change(item, period [, base]) or pct_change(series)",
      summary:
        "Change in percent: (item(period) - item(base)) / |item(base)|, with the base chosen as for change(); a loss that narrowed is a rise. Of a series, the change from each period to the next.",
      arity: 1...3, takesLists: true
    ) { (e, args, span, scope) throws(Diagnostic) -> Value in
      if args.count == 1 { return try e.periodChanges(args[0], span: span) }
      let values = try args.map { (argument) throws(Diagnostic) -> Value in try e.value(argument) }
      if let position = values.firstIndex(where: Evaluator.isList) {
        return try e.broadcast(
          "pct_change", values, at: position, argumentSpans: args.map(\.span), calleeSpan: span, span: span, scope)
      }
      let (item, period) = try (e.function(args[0]), e.period(args[1]))
      let base = args.count == 3 ? try e.period(args[2]) : e.defaultBase(period, scope)
      return try e.relativeChange(
        item, period, base: base, span: span, scope, formula: "(item(p) - item(base)) / |item(base)|, base = \(base)")
    },
    Builtin(
      name: "ttm", signature: "ttm(item, quarter)",
      summary: "Trailing twelve months: the sum of the four quarters ending with the quarter given (derived).",
      arity: 2...2
    ) { (e, args, span, scope) throws(Diagnostic) -> Value in
      let (item, period) = try (e.function(args[0]), e.period(args[1]))
      guard case .quarter = period.kind else {
        throw e.fail(.invalidArgument, "ttm needs a quarter such as q3 2009, not \(period)", args[1].span)
      }
      return try e.trailingTwelveMonths(item, period, span: span, scope)
    },
  ]

  // MARK: Periods

  static let periods: [Builtin] = [
    Builtin(
      name: "prior", signature: "prior(period)",
      summary: "The period of the same length immediately before: prior(q1 2009) is q4 2008.", arity: 1...1
    ) {
      (e, args, _, _) throws(Diagnostic) -> Value in
      let period = try e.period(args[0]).prior
      guard period.year >= 1 else {
        throw e.fail(.invalidPeriod, "there is no period before \(try e.period(args[0]))", args[0].span)
      }
      return .period(period)
    },
    Builtin(name: "year_ago", signature: "year_ago(period)", summary: "The same period one year earlier.", arity: 1...1)
    {
      (e, args, _, _) throws(Diagnostic) -> Value in
      let period = try e.period(args[0]).yearEarlier
      guard period.year >= 1 else {
        throw e.fail(.invalidPeriod, "there is no year before \(try e.period(args[0]))", args[0].span)
      }
      return .period(period)
    },
    Builtin(
      name: "period_end", signature: "period_end(period)",
      summary: "The date a period ends, on the current company's fiscal calendar.", arity: 1...1
    ) {
      (e, args, _, scope) throws(Diagnostic) -> Value in
      let period = try e.period(args[0])
      return .period(.instant(period.resolve(fiscalYearEnd: e.fiscalYearEnd(scope.company ?? e.currentCompany)).end))
    },
    Builtin(
      name: "period_start", signature: "period_start(period)",
      summary: "The first day of a period, on the current company's fiscal calendar.", arity: 1...1
    ) {
      (e, args, _, scope) throws(Diagnostic) -> Value in
      let period = try e.period(args[0])
      let resolved = period.resolve(fiscalYearEnd: e.fiscalYearEnd(scope.company ?? e.currentCompany))
      return .period(.instant(resolved.start ?? resolved.end))
    },
    Builtin(
      name: "formula", signature: "formula(metric, period)",
      summary: "A metric computed by its formula even where the company reports the figure.", arity: 2...2
    ) {
      (e, args, span, scope) throws(Diagnostic) -> Value in
      guard case .function(let name) = try e.function(args[0]), let metric = e.metrics[name] else {
        throw e.fail(.invalidArgument, "formula() takes a metric such as ebitda or eps", args[0].span)
      }
      let period = try e.period(args[1])
      return try e.traced("formula(\(name), \(period))") { () throws(Diagnostic) -> Value in
        try e.callUser(metric, [.period(period)], calleeSpan: span, scope, isMetric: true)
      }
    },
    Builtin(
      name: "reported", signature: "reported(item, period)",
      summary: "The figure as the company printed it, never a formula.", arity: 2...2
    ) {
      (e, args, span, scope) throws(Diagnostic) -> Value in
      guard case .function(let name) = try e.function(args[0]) else {
        throw e.fail(.invalidArgument, "reported() takes an item", args[0].span)
      }
      guard let company = scope.company ?? e.currentCompany else { throw e.noCompany(span) }
      guard e.index.hasItem(name, company: company) else { throw e.missingItem(name, company: company, args[0].span) }
      return try e.lookupItem(
        name, [.period(try e.period(args[1]))], argumentSpans: [args[1].span], calleeSpan: span, company: company)
    },
  ]

  // MARK: Numbers and logic

  static let numbers: [Builtin] = [
    Builtin(name: "abs", signature: "abs(x)", summary: "The absolute value.", arity: 1...1) {
      (e, args, _, _) throws(Diagnostic) -> Value in
      var q = try e.quantity(args[0])
      q.amount = q.amount.magnitude
      return .quantity(q)
    },
    Builtin(
      name: "round", signature: "round(x [, places])",
      summary:
        "Rounded half-even to a number of decimal places (default 0), in the unit shown: round(8.33%, 1) is 8.3%.",
      arity: 1...2
    ) {
      (e, args, _, _) throws(Diagnostic) -> Value in
      var q = try e.quantity(args[0])
      var places = 0
      if args.count == 2 {
        guard let n = try e.quantity(args[1]).amount.intValue, (-30...30).contains(n) else {
          throw e.fail(.invalidArgument, "places must be a whole number from -30 to 30", args[1].span)
        }
        places = n
      }
      let rounded = q.amount.rounded(places: (q.unit.isScaledByHundred ? places + 2 : places) - 3 * q.scale)
      // A deliberate rounding is exact at the places asked for.
      q.amount = (try? Decimal(significand: rounded.significand, exponent: rounded.exponent)) ?? rounded
      return .quantity(q)
    },
    Builtin(
      name: "multiple", signature: "multiple(ratio)", summary: "A ratio shown as a multiple: multiple(0.29) is 0.29x.",
      arity: 1...1
    ) {
      (e, args, _, _) throws(Diagnostic) -> Value in
      var q = try e.quantity(args[0])
      guard q.unit.isDimensionless else {
        throw e.fail(.unitMismatch, "multiple() takes a ratio, not \(q.unit)", args[0].span)
      }
      if q.unit == .percentagePoints { throw e.fail(.unitMismatch, "multiple() takes a ratio, not pp", args[0].span) }
      q.unit = .multiple
      return .quantity(q)
    },
    Builtin(
      name: "percent", signature: "percent(ratio)", summary: "A ratio shown as a percentage: percent(0.083) is 8.3%.",
      arity: 1...1
    ) {
      (e, args, _, _) throws(Diagnostic) -> Value in
      var q = try e.quantity(args[0])
      guard q.unit == .none || q.unit == .multiple || q.unit == .percent else {
        throw e.fail(.unitMismatch, "percent() takes a ratio, not \(q.unit)", args[0].span)
      }
      q.unit = .percent
      return .quantity(q)
    },
    Builtin(
      name: "if", signature: "if(condition, then, else)",
      summary: "Evaluates and returns `then` when the condition is true, else `else`.", arity: 3...3, lazy: true
    ) {
      (e, args, _, scope) throws(Diagnostic) -> Value in
      guard case .unevaluated(let condition) = args[0], case .unevaluated(let yes) = args[1],
        case .unevaluated(let no) = args[2]
      else { return .nothing }
      return try e.evaluate(try e.truth(e.evaluate(condition, scope), condition.span) ? yes : no, scope)
    },
  ]

  // MARK: Company profile

  static let profile: [Builtin] = [
    Builtin(
      name: "ticker", signature: "ticker(date)", summary: "The company's ticker on a date, from its releases.",
      arity: 1...1
    ) {
      (e, args, span, scope) throws(Diagnostic) -> Value in
      .text(try e.listing(at: try e.period(args[0]), span: span, scope).ticker)
    },
    Builtin(
      name: "exchange", signature: "exchange(date)",
      summary: "The exchange or quotation system the company traded on at a date.", arity: 1...1
    ) {
      (e, args, span, scope) throws(Diagnostic) -> Value in
      .text(try e.listing(at: try e.period(args[0]), span: span, scope).exchange)
    },
    Builtin(name: "company_name", signature: "company_name()", summary: "The current company's name.", arity: 0...0) {
      (e, _, span, scope) throws(Diagnostic) -> Value in
      guard let company = scope.company ?? e.currentCompany else { throw e.noCompany(span) }
      return .text(e.model.companies[company].name)
    },
    Builtin(
      name: "gaap_element", signature: "gaap_element(item)",
      summary: "The US-GAAP taxonomy element a canonical item maps to: gaap_element(revenue) is \"us-gaap:Revenues\".",
      arity: 1...1
    ) {
      (e, args, _, _) throws(Diagnostic) -> Value in
      guard case .function(let name) = try e.function(args[0]) else { return .nothing }
      let base = Metrics.reportedAliases.first { $0.value.contains(name) }?.key
      guard let entry = ItemCatalog.entry(named: name) ?? base.flatMap(ItemCatalog.entry(named:)) else {
        throw e.fail(.unknownItem, "'\(name)' is not a canonical item with a US-GAAP element", args[0].span)
      }
      return .text(entry.element)
    },
    Builtin(
      name: "total_debt", signature: "total_debt(date)",
      summary:
        "Debt on the balance sheet at a date: the sum of the debt, borrowing, note and financing-obligation lines that are not totals.",
      arity: 1...1
    ) {
      (e, args, span, scope) throws(Diagnostic) -> Value in
      try e.totalDebt(try e.period(args[0]), span: span, scope)
    },
  ]
}
