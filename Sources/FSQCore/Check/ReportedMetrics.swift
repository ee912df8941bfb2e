// MARK: - Reported metrics against their formula

/// Where a company reports a figure fsq also defines as a metric with a standard definition
/// (gross profit, margins, EBITDA …), the reported figure is held against the metric's formula
/// — only where the formula's inputs exist. One finding per metric and period at most.
///
/// Adjusted EBITDA (and the EBITDA margin built on a company's EBITDA) has no standard
/// definition: each company adjusts what it chooses, and the company's own reconciliation
/// (the `reconciliation` rule) is what verifies it. It is never held against fsq's formula.
///
/// EBITDA is defined as earnings before interest, taxes, depreciation and amortization; fsq's
/// formula starts from operating income, so the two differ by design by the non-operating
/// items other than interest ("Other income (expense)"). A difference that gap explains is
/// no finding; one it does not explain is a warning, since companies still vary.
/// Per-share metrics are the per-share rule's.
enum ReportedMetricRule {
  static let rule = "reported-metric"
  /// Metrics with no standard definition: a company's figure is verified by its own
  /// reconciliation, not by fsq's formula.
  /// EBITDA and net debt too: releases add back impairments and other charges, or count
  /// leases and restricted cash, each its own way; the reconciliation is what verifies them.
  static let companyDefined: Set<String> = ["adjusted_ebitda", "ebitda_margin", "ebitda", "net_debt"]
  /// Metrics whose formula differs from the standard definition by a documented gap.
  static let definitional: Set<String> = []

  static func findings(_ company: Company) -> [Finding] {
    let figures = CheckFigures(company)
    var findings: [Finding] = []
    var seen: Set<String> = []
    // Only the statements themselves: a pro forma or non-GAAP table reports another measure
    // under the same name.
    for table in company.statements
    where [.incomeStatement, .balanceSheet, .cashFlow].contains(table.kind) && !Totals.isAdjusted(table.title) {
      for (index, row) in table.rows.enumerated() {
        guard let item = row.item, figures.evaluator.metrics[item] != nil, row.kind != .perShare,
          !companyDefined.contains(item)
        else { continue }
        for column in CheckSupport.periodColumns(table) {
          let cell = Cell(table: table, row: index, column: column)
          guard let value = cell.value, let period = table.columns[column].period,
            !seen.contains("\(item) \(period)"),
            let computed = figures.formula(item, period),
            computed.unit == cell.unit(company)
              || (computed.unit == .none && row.kind == .percent)
          else { continue }
          // A cost printed in parentheses is a cost all the same; the formula subtracts it as
          // a positive figure, so with a negative one it cannot say what the release meant.
          if ["gross_profit", "gross_margin"].contains(item),
            figures.value("cost_of_revenue", period)?.amount.isNegative == true
          {
            continue
          }
          let difference = value.minus(computed.amount)
          // A percentage is as precise as it was printed ("28%" is to the whole point).
          let unit =
            row.kind == .percent
            ? Decimal.power10(min(value.exponent, -2)) : CheckSupport.printedUnit(table, kind: row.kind)
          let byDefinition = definitional.contains(item)
          // The formula's inputs were printed rounded too (and the gap's, for EBITDA).
          let tolerance =
            row.kind == .money
            ? CheckSupport.roundingTolerance(count: byDefinition ? 6 : 3, unit: unit)
            : unit.times(.half).plus(computed.amount.magnitude.times(Decimal.power10(-3)))
          guard difference.magnitude > tolerance else { continue }
          if byDefinition {
            // Unknown gap: the difference may be all definition; known gap: it must explain it.
            let gaps = nonOperatingGaps(figures, period)
            if gaps.isEmpty || gaps.contains(where: { difference.minus($0).magnitude <= tolerance }) { continue }
          }
          seen.insert("\(item) \(period)")
          // The lines the formula read: each item its body names, in this period.
          let names = Set(
            (figures.evaluator.metrics[item]?.bodyText ?? "").split(whereSeparator: { !($0.isLetter || $0 == "_") })
              .map(String.init))
          let inputLines = names.sorted().flatMap { name in
            CheckSupport.cells(company, item: name).filter { $0.table.columns[$0.column].period == period }.prefix(1)
              .map { $0.statementRow.line }
          }
          let definition = figures.evaluator.metrics[item].map { "\($0.name)(p) = \($0.bodyText)" } ?? item
          findings.append(
            Finding(
              severity: byDefinition ? .warning : .error, rule: rule, company: company.id, document: table.document,
              message:
                "reported \"\(row.label)\" (\(table.columns[column].header)) differs from fsq's formula \(definition)"
                + (byDefinition ? " by more than the non-operating items the definitions differ by" : ""),
              figures: [
                cell.figure(company),
                Finding.Figure(
                  description:
                    "formula(\(item), \(PeriodLabel.describe(period, fiscalYearEnd: company.fiscalYearEnd)))",
                  value: Quantity(computed.amount, cell.unit(company)), source: nil),
              ],
              difference: Quantity(difference, cell.unit(company)), lines: [row.line] + inputLines))
        }
      }
    }
    return findings
  }

  /// The amounts by which EBITDA from net income (+ taxes + interest + D&A) may exceed fsq's
  /// operating income + D&A: the non-operating total less its interest part, for each way
  /// the release prints interest (net, either sign; income and expense apart). Empty when the
  /// release prints no non-operating figure.
  static func nonOperatingGaps(_ figures: CheckFigures, _ period: ResolvedPeriod) -> [Decimal] {
    func amount(_ name: String) -> Decimal? { figures.value(name, period)?.amount }
    var totals: [Decimal] = []
    if let total = amount("other_income_total") { totals.append(total) }
    if let pretax = amount("income_before_taxes"), let operating = amount("operating_income") {
      totals.append(pretax.minus(operating))
    }
    guard !totals.isEmpty else { return [] }
    var interest: [Decimal] = [.zero]
    if let net = amount("interest_net") { interest += [net, net.negated()] }
    let income = amount("interest_income")
    let expense = amount("interest_expense").map { $0.magnitude.negated() }
    if let income { interest.append(income) }
    if let expense { interest.append(expense) }
    if let income, let expense { interest.append(income.plus(expense)) }
    return totals.flatMap { total in interest.map { total.minus($0) } }
  }
}

/// Figures and metrics of one company through fsq's own evaluator, for the rules that need
/// a formula's value (reported metrics, text claims).
final class CheckFigures {
  let evaluator: Evaluator
  let span = Span(start: 0, end: 0)

  init(_ company: Company) {
    evaluator = Evaluator(model: Model(companies: [company]), metrics: Metrics.load())
  }

  func spec(_ period: ResolvedPeriod) -> PeriodSpec {
    guard let start = period.start else { return .instant(period.end) }
    return PeriodSpec(.range(start: start, end: period.end), year: period.end.year)
  }

  /// A metric computed by its formula, even where the company reports it.
  func formula(_ name: String, _ period: ResolvedPeriod) -> Quantity? {
    guard let metric = evaluator.metrics[name] else { return nil }
    return run { () throws(Diagnostic) -> Value in
      try self.evaluator.callUser(
        metric, [.period(self.spec(period))], calleeSpan: self.span, Scope(company: 0), isMetric: true)
    }
  }

  /// An item or metric as fsq answers `name(period)`: the reported figure first.
  func value(_ name: String, _ period: ResolvedPeriod) -> Quantity? {
    run { () throws(Diagnostic) -> Value in
      try self.evaluator.invoke(
        name, [.period(self.spec(period))], argumentSpans: [self.span], calleeSpan: self.span, span: self.span,
        Scope(company: 0))
    }
  }

  private func run(_ body: () throws(Diagnostic) -> Value) -> Quantity? {
    evaluator.stackBase = StackGuard.address()
    evaluator.depth = 0
    evaluator.steps = 0
    guard case .quantity(let q)? = try? body() else { return nil }
    return q
  }
}
