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
    // A printed label goes wherever an item goes.
    if case .text(let label) = value { return try labelFunction(label, argument.span) }
    guard case .function = value else {
      throw fail(
        .typeMismatch, "expected an item or metric name such as revenue, found \(value.typeName)", argument.span)
    }
    return value
  }

  func period(_ argument: Argument) throws(Diagnostic) -> PeriodSpec {
    let value = try value(argument)
    guard case .period(let period) = value else {
      throw fail(
        .typeMismatch, "expected a period such as q3 2009 or a date such as 2009-09-30, found \(value.typeName)",
        argument.span)
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
  func relativeChange(
    _ item: Value, _ period: PeriodSpec, base: PeriodSpec, span: Span, _ scope: Scope, formula: String
  ) throws(Diagnostic) -> Value {
    annotate(formula: formula)
    let now = try apply(item, [.period(period)], span: span, scope)
    let then = try apply(item, [.period(base)], span: span, scope)
    if case .quantity(let b) = then, b.amount.isZero {
      throw fail(
        .divisionByZero, "cannot compute a change from zero: \(ValueFormatter.source(item))(\(base)) is 0", span)
    }
    // The units must allow the division (a dollar figure against a percentage does not).
    let ratio = try applyBinary(.divide, now, then, operatorSpan: span, left: span, right: span)
    guard case .quantity(var q) = ratio else { return ratio }
    // One convention everywhere (check, growth, qoq, pct_change, tables): the change over the
    // base's size, so a loss that narrowed from (100) to (75) is +25%, an improvement, not
    // the −25% that now / base − 1 would print.
    if case .quantity(let n) = now, case .quantity(let b) = then,
      let change = try? n.amount.subtracting(b.amount), let relative = try? change.dividing(by: b.amount.magnitude)
    {
      q.amount = relative
    } else {
      q.amount = (try? q.amount.subtracting(.one)) ?? q.amount
    }
    q.unit = q.unit == .none || q.unit == .multiple ? .percent : q.unit
    return .quantity(q)
  }

  /// Trailing twelve months ending with a quarter: the four quarters summed, or where a
  /// quarter is not reported, year-to-date plus the prior fiscal year less the prior
  /// year-to-date (the usual way analysts build it from a 10-Q and a 10-K).
  func trailingTwelveMonths(_ item: Value, _ quarter: PeriodSpec, span: Span, _ scope: Scope) throws(Diagnostic)
    -> Value
  {
    guard case .quarter(let q) = quarter.kind else {
      throw fail(.invalidArgument, "ttm needs a quarter such as q3 2009, not \(quarter)", span)
    }
    func derived(_ value: Value) -> Value {
      guard case .quantity(var quantity) = value else { return value }
      quantity.isDerived = true
      return .quantity(quantity)
    }
    if q == 4 {
      annotate(formula: "item(fy)", remarks: ["the fiscal year ending with the quarter"])
      return try apply(
        item, [.period(PeriodSpec(.year, year: quarter.year, calendar: quarter.calendar))], span: span, scope)
    }
    let saved = trace
    do throws(Diagnostic) {
      annotate(
        formula: "item(p) + item(prior(p)) + item(prior²(p)) + item(prior³(p))",
        remarks: ["derived: sum of four quarters"])
      var current = quarter
      var total: Value?
      for _ in 0..<4 {
        let value = try apply(item, [.period(current)], span: span, scope)
        if let sum = total {
          total = try applyBinary(.add, sum, value, operatorSpan: span, left: span, right: span)
        } else {
          total = value
        }
        current = current.prior
      }
      return derived(total!)
    } catch {
      guard error.id == .missingFigure else { throw error }
      trace = saved
    }
    let yearToDate = PeriodSpec(.monthsToDate(3 * q), year: quarter.year, calendar: quarter.calendar)
    let priorYear = PeriodSpec(.year, year: quarter.year - 1, calendar: quarter.calendar)
    let priorYearToDate = PeriodSpec(.monthsToDate(3 * q), year: quarter.year - 1, calendar: quarter.calendar)
    annotate(
      formula: "item(\(yearToDate)) + item(\(priorYear)) - item(\(priorYearToDate))",
      remarks: ["derived: year to date plus the prior fiscal year less its year to date"])
    do throws(Diagnostic) {
      let now = try apply(item, [.period(q == 1 ? quarter : yearToDate)], span: span, scope)
      let year = try apply(item, [.period(priorYear)], span: span, scope)
      let then = try apply(item, [.period(q == 1 ? quarter.yearEarlier : priorYearToDate)], span: span, scope)
      let sum = try applyBinary(.add, now, year, operatorSpan: span, left: span, right: span)
      return derived(try applyBinary(.subtract, sum, then, operatorSpan: span, left: span, right: span))
    } catch {
      guard error.id == .missingFigure else { throw error }
      // Say why ttm wanted the figure it could not find: neither way to the twelve months works.
      var explained = error
      let first = quarter.prior.prior.prior
      let ways =
        q == 1
        ? "the four quarters \(first) to \(quarter), or \(quarter) + \(priorYear) − \(quarter.yearEarlier)"
        : "the four quarters \(first) to \(quarter), or \(yearToDate) + \(priorYear) − \(priorYearToDate)"
      explained.notes.insert(DiagnosticNote("ttm(…, \(quarter)) adds up \(ways); neither set is complete"), at: 0)
      throw explained
    }
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
    // Listings are read with the company's events (delistings announced): the whole model.
    index.partial?.needsWholeModel = true
    let listings = model.companies[company].listings
    guard !listings.isEmpty else {
      throw fail(.missingFigure, "\(model.companies[company].displayName) has no ticker in its releases", span)
    }
    let date = period.resolve(fiscalYearEnd: model.companies[company].fiscalYearEnd).end
    let sorted = listings.sorted {
      ($0.seen?.date ?? CivilDate(unchecked: 1, 1, 1)) < ($1.seen?.date ?? CivilDate(unchecked: 1, 1, 1))
    }
    var chosen = sorted.last {
      ($0.seen?.date ?? CivilDate(unchecked: 1, 1, 1)) <= date && ($0.until.map { date <= $0.date } ?? true)
    }
    if chosen == nil { chosen = sorted.last { ($0.seen?.date ?? CivilDate(unchecked: 1, 1, 1)) <= date } }
    guard let chosen else {
      let first = sorted.first!
      throw fail(
        .missingFigure,
        "no ticker is known for \(date); the earliest known is \(first.ticker) from \(first.seen?.description ?? "an undated release")",
        span)
    }
    // A listing whose end was announced is not carried past the announcement as fact: until
    // the next listing is seen, which one held is not known (issue 14: FSN on NYSE Amex after
    // the delisting release).
    let announcement = model.companies[company].events.first { event in
      event.kind == "delisting announced" && event.source.document == chosen.source.document && event.date.date < date
    }
    if let announcement {
      let next = sorted.first { ($0.seen?.date ?? CivilDate(unchecked: 1, 1, 1)) > announcement.date.date }
      var message =
        "which listing held on \(date) is not known: \(announcement.source.document) announced on \(announcement.date.date) that \(chosen.ticker) would leave the \(chosen.exchange)"
      if let next, let seen = next.seen {
        message +=
          ", and the company is quoted as \(next.ticker) on the \(next.exchange) from \(seen.date) (\(next.source.document))"
      }
      throw fail(
        .missingFigure, message, span,
        notes: [
          DiagnosticNote(
            "ask for a date on or before \(announcement.date.date)\(next?.seen.map { " or from \($0.date)" } ?? "")")
        ])
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
    for (item, figures) in index.allItems(company: company) {
      let isDebt = ["debt", "borrowing", "notes_payable", "financing_obligation", "capital_lease", "credit_facility"]
        .contains { item.contains($0) }
      guard isDebt, !item.hasPrefix("total"), !item.contains("debt_converted") else { continue }
      guard let figure = ModelIndex.best(figures, for: ResolvedPeriod(start: nil, end: wanted)), figure.period.isInstant
      else { continue }
      total = (try? total.adding(figure.quantity.amount)) ?? total
      found = true
      if trace != nil {
        trace![trace!.count - 1].append(
          Explanation(expression: "\(item)(\(wanted))", value: .quantity(figure.quantity), source: figure.source))
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

/// Canonical item names known before any release is loaded (the importer's catalog), for
/// suggestions and for telling "not reported" from "no such item".
enum ItemCatalogLookup {
  static let names: [String] = ItemCatalog.all.map(\.name)
  static let set = Set(names)
  static func isKnownItem(_ name: String) -> Bool { set.contains(name) }
}
