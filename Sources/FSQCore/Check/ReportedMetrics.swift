// MARK: - Reported metrics against their formula

/// Where a company reports a figure fsq also defines as a metric (EBITDA, Adjusted EBITDA,
/// gross margin …), the reported figure is held against the metric's formula — only where
/// the formula's inputs exist. Metrics whose definition varies from company to company
/// (EBITDA, Adjusted EBITDA) differ by definition, not by mistake: a warning. Per-share
/// metrics are the per-share rule's.
enum ReportedMetricRule {
  static let rule = "reported-metric"
  /// Metrics companies define in their own way; fsq's formula is one common definition.
  static let definitional: Set<String> = ["ebitda", "adjusted_ebitda", "ebitda_margin"]

  static func findings(_ company: Company) -> [Finding] {
    let figures = CheckFigures(company)
    var findings: [Finding] = []
    for table in company.statements {
      for (index, row) in table.rows.enumerated() {
        guard let item = row.item, figures.evaluator.metrics[item] != nil, row.kind != .perShare else { continue }
        for column in CheckSupport.periodColumns(table) {
          let cell = Cell(table: table, row: index, column: column)
          guard let value = cell.value, let period = table.columns[column].period,
            let computed = figures.formula(item, period), computed.unit == cell.unit(company)
              || (computed.unit == .none && row.kind == .percent)
          else { continue }
          let difference = value.minus(computed.amount)
          let unit = CheckSupport.printedUnit(table, kind: row.kind)
          // The formula's inputs were printed rounded too.
          let tolerance = row.kind == .money
            ? CheckSupport.roundingTolerance(count: 3, unit: unit)
            : unit.times(.half).plus(computed.amount.magnitude.times(Decimal.power10(-3)))
          guard difference.magnitude > tolerance else { continue }
          let definition = figures.evaluator.metrics[item].map { "\($0.name)(p) = \($0.bodyText)" } ?? item
          let byDefinition = definitional.contains(item)
          findings.append(
            Finding(
              severity: byDefinition ? .warning : .error, rule: rule, company: company.id, document: table.document,
              message: "reported \"\(row.label)\" (\(table.columns[column].header)) differs from fsq's formula \(definition)"
                + (byDefinition ? "; the company defines it differently" : ""),
              figures: [
                cell.figure(company),
                Finding.Figure(description: "formula(\(item), \(PeriodLabel.describe(period, fiscalYearEnd: company.fiscalYearEnd)))", value: Quantity(computed.amount, cell.unit(company)), source: nil),
              ],
              difference: Quantity(difference, cell.unit(company))))
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
      try self.evaluator.callUser(metric, [.period(self.spec(period))], calleeSpan: self.span, Scope(company: 0), isMetric: true)
    }
  }

  /// An item or metric as fsq answers `name(period)`: the reported figure first.
  func value(_ name: String, _ period: ResolvedPeriod) -> Quantity? {
    run { () throws(Diagnostic) -> Value in
      try self.evaluator.invoke(name, [.period(self.spec(period))], argumentSpans: [self.span], calleeSpan: self.span, span: self.span, Scope(company: 0))
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
