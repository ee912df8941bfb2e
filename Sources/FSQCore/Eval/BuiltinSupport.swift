// MARK: - Argument checks and shared pieces of built-ins

extension Evaluator {
  func value(_ argument: Argument) throws(Diagnostic) -> Value {
    switch argument {
    case .value(let value, _): return value
    case .unevaluated(let expression): return try evaluate(expression, Scope(company: currentCompany))
    }
  }

  func function(_ argument: Argument) throws(Diagnostic) -> Value {
    let value = try value(argument)
    guard case .function = value else {
      throw fail(.typeMismatch, "expected an item or metric name such as revenue, found \(value.typeName)", argument.span)
    }
    return value
  }

  func period(_ argument: Argument) throws(Diagnostic) -> PeriodSpec {
    let value = try value(argument)
    guard case .period(let period) = value else {
      throw fail(.typeMismatch, "expected a period such as q3 2009 or a date such as 2009-09-30, found \(value.typeName)", argument.span)
    }
    return period
  }

  func quantity(_ argument: Argument) throws(Diagnostic) -> Quantity {
    let value = try value(argument)
    guard case .quantity(let quantity) = value else {
      throw fail(.typeMismatch, "expected a number, found \(value.typeName)", argument.span)
    }
    return quantity
  }

  /// item(period) / item(base) - 1, in percent.
  func relativeChange(_ item: Value, _ period: PeriodSpec, base: PeriodSpec, span: Span, _ scope: Scope, formula: String) throws(Diagnostic) -> Value {
    annotate(formula: formula)
    let now = try apply(item, [.period(period)], span: span, scope)
    let then = try apply(item, [.period(base)], span: span, scope)
    if case .quantity(let b) = then, b.amount.isZero {
      throw fail(.divisionByZero, "cannot compute a change from zero: \(ValueFormatter.source(item))(\(base)) is 0", span)
    }
    let ratio = try applyBinary(.divide, now, then, operatorSpan: span, left: span, right: span)
    guard case .quantity(var q) = ratio else { return ratio }
    q.amount = (try? q.amount.subtracting(.one)) ?? q.amount
    q.unit = q.unit == .none || q.unit == .multiple ? .percent : q.unit
    return .quantity(q)
  }

  /// The base for change(): a year earlier, or for a balance date the prior fiscal year end.
  func defaultBase(_ period: PeriodSpec, _ scope: Scope) -> PeriodSpec {
    guard case .instant(let date) = period.kind else { return period.yearEarlier }
    let fye = fiscalYearEnd(scope.company ?? currentCompany)
    var yearEnd = fye.endOfFiscalYear(date.year)
    if yearEnd >= date { yearEnd = fye.endOfFiscalYear(date.year - 1) }
    return .instant(yearEnd)
  }

  /// The listing in force on a date: the latest one first seen on or before it.
  func listing(at period: PeriodSpec, span: Span, _ scope: Scope) throws(Diagnostic) -> Listing {
    guard let company = scope.company ?? currentCompany else { throw noCompany(span) }
    let listings = model.companies[company].listings
    guard !listings.isEmpty else {
      throw fail(.missingFigure, "\(model.companies[company].displayName) has no ticker in its releases", span)
    }
    let date = period.resolve(fiscalYearEnd: model.companies[company].fiscalYearEnd).end
    let sorted = listings.sorted { ($0.seen?.date ?? CivilDate(unchecked: 1, 1, 1)) < ($1.seen?.date ?? CivilDate(unchecked: 1, 1, 1)) }
    var chosen = sorted.last { ($0.seen?.date ?? CivilDate(unchecked: 1, 1, 1)) <= date && ($0.until.map { date <= $0.date } ?? true) }
    if chosen == nil { chosen = sorted.last { ($0.seen?.date ?? CivilDate(unchecked: 1, 1, 1)) <= date } }
    guard let chosen else {
      let first = sorted.first!
      throw fail(.missingFigure, "no ticker is known for \(date); the earliest known is \(first.ticker) from \(first.seen?.description ?? "an undated release")", span)
    }
    var remarks: [String] = []
    if let inference = chosen.seen?.inference { remarks.append("seen \(chosen.seen!.date): \(inference)") }
    annotate(source: chosen.source, remarks: remarks)
    return chosen
  }

  /// Sum of the non-total debt lines at a balance date.
  func totalDebt(_ period: PeriodSpec, span: Span, _ scope: Scope) throws(Diagnostic) -> Value {
    guard let company = scope.company ?? currentCompany else { throw noCompany(span) }
    let wanted = period.resolve(fiscalYearEnd: fiscalYearEnd(company)).end
    var total = Decimal.zero
    var found = false
    for (item, figures) in index.items[company] {
      let isDebt = ["debt", "borrowing", "notes_payable", "financing_obligation", "capital_lease", "credit_facility"].contains { item.contains($0) }
      guard isDebt, !item.hasPrefix("total"), !item.contains("debt_converted") else { continue }
      guard let figure = ModelIndex.best(figures, for: ResolvedPeriod(start: nil, end: wanted)), figure.period.isInstant else { continue }
      total = (try? total.adding(figure.quantity.amount)) ?? total
      found = true
      if trace != nil {
        trace![trace!.count - 1].append(Explanation(expression: "\(item)(\(wanted))", value: .quantity(figure.quantity), source: figure.source))
      }
    }
    guard found else {
      throw fail(.missingFigure, "\(model.companies[company].displayName) reports no debt lines at \(wanted)", span)
    }
    annotate(formula: "sum of debt and financing-obligation lines")
    return .quantity(Quantity(total, .currency(model.companies[company].currency), derived: true))
  }
}

extension Value {
  var isNegativeQuantity: Bool {
    if case .quantity(let q) = self { return q.amount.isNegative }
    return false
  }
}

/// Canonical item names known before any release is loaded, for suggestions and for telling
/// "not reported" from "no such item".
enum ItemCatalogLookup {
  static let names: [String] = [
    "revenue", "cost_of_revenue", "gross_profit", "sga", "depreciation_amortization", "research_development",
    "operating_expenses", "operating_income", "interest_income", "interest_expense", "other_income",
    "income_continuing_operations", "loss_discontinued_operations", "net_income", "net_income_to_common",
    "preferred_dividends", "eps", "eps_basic", "eps_diluted", "weighted_average_shares", "income_taxes",
    "cash", "accounts_receivable", "inventory", "prepaid_expenses", "total_current_assets", "property_equipment",
    "intangible_assets", "goodwill", "total_assets", "accounts_payable", "total_current_liabilities",
    "long_term_debt", "total_liabilities", "stockholders_equity", "total_liabilities_and_equity",
    "ebitda", "adjusted_ebitda", "stock_compensation", "retained_earnings", "accumulated_deficit",
  ]
  static let set = Set(names)
  static func isKnownItem(_ name: String) -> Bool { set.contains(name) }
}
