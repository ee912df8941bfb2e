// MARK: - Reported metrics against their formula

/// Where a company reports a figure fsq also defines as a metric with a standard definition
/// (gross profit, margins …), the reported figure is held against the metric's formula — only
/// where the formula's inputs exist, and only in the statements themselves. One finding per
/// metric and period at most.
///
/// EBITDA, Adjusted EBITDA, the EBITDA margin and net debt have no standard definition in
/// practice: each company adds back (or counts) what it chooses, and its own reconciliation
/// (the `reconciliation` rule) is what verifies them. They are never held against fsq's
/// formula. Per-share metrics are the per-share rule's.
enum ReportedMetricRule {
  static let rule = "reported-metric"
  /// Metrics with no standard definition: a company's figure is verified by its own
  /// reconciliation, not by fsq's formula.
  static let companyDefined: Set<String> = ["adjusted_ebitda", "ebitda_margin", "ebitda", "net_debt"]

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
          // The formula's inputs were printed rounded too (and the gap's, for EBITDA).
          let tolerance =
            row.kind == .money
            ? CheckSupport.roundingTolerance(count: 3, unit: unit)
            : unit.times(.half).plus(computed.amount.magnitude.times(Decimal.power10(-3)))
          guard difference.magnitude > tolerance else { continue }
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
              severity: .error, rule: rule, company: company.id, document: table.document,
              message:
                "reported \"\(row.label)\" (\(table.columns[column].header)) differs from fsq's formula \(definition)",
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
