// MARK: - Charts

extension Session {
  /// `chart revenue(q1 2008..q3 2009), …`: one line per series over the periods of all of them.
  func chart(_ expressions: [Expression], file: String?, fileSpan: Span?, span: Span, _ scope: Scope)
    throws(Diagnostic) -> ResultItem
  {
    var all: [(Series, Span)] = []
    for expression in expressions {
      switch try evaluator.evaluate(expression, scope) {
      case .series(var series):
        if expressions.count > 1 || series.name.isEmpty { series.name = evaluator.text(expression.span) }
        all.append((series, expression.span))
      case .list(let values):
        for value in values {
          guard case .series(let series) = value else {
            throw evaluator.fail(
              .typeMismatch, "chart draws series, found a list of \(value.typeName)", expression.span)
          }
          all.append((series, expression.span))
        }
      case let other:
        throw evaluator.fail(
          .typeMismatch, "chart draws series such as revenue(q1 2008..q3 2009), found \(other.typeName)",
          expression.span)
      }
    }
    let data = try chartData(all, scope)
    guard let file else { return .chart(data) }
    let svg = ChartRenderer.svg(data)
    if case .failure(let error) = writeFile(file, Array(svg.utf8)) {
      throw evaluator.fail(.unreadableFile, "cannot write '\(file)': \(error.reason)", fileSpan ?? span)
    }
    return .message("wrote a chart of \(data.series.map(\.name).joined(separator: ", ")) to \(file)")
  }

  func chartData(_ all: [(Series, Span)], _ scope: Scope) throws(Diagnostic) -> ChartData {
    // One axis: every value in one unit (and money in one scale).
    var unit: Unit?
    var largest = Decimal.zero
    for (series, span) in all {
      for case .quantity(let q)? in series.values {
        if let unit, unit != q.unit {
          throw evaluator.fail(
            .unitMismatch, "cannot chart \(unit) and \(q.unit) on one axis", span,
            notes: [DiagnosticNote("chart them one at a time")])
        }
        unit = q.unit
        if Decimal.compare(q.amount.magnitude, largest) > 0 { largest = q.amount.magnitude }
      }
      if series.values.contains(where: { if case .quantity? = $0 { false } else { $0 != nil } }) {
        throw evaluator.fail(.typeMismatch, "chart draws amounts; \(series.name) holds other values", span)
      }
    }
    // Money and shares are drawn in the thousands that suit the largest figure.
    // A scale asked for (`revenue(…) in thousands`) is kept.
    var asked: Int?
    for (series, _) in all {
      for case .quantity(let q)? in series.values where q.scale > 0 { asked = max(asked ?? 0, q.scale) }
    }
    var scale = asked ?? 0
    if asked == nil, let unit, Quantity.isScalable(unit) {
      let digits = largest.digitCount + largest.exponent
      scale = min(Quantity.maximumScale, max(0, (digits - 1) / 3))
    }
    let fye = evaluator.fiscalYearEnd(scope.company ?? evaluator.currentCompany)
    var periods: [PeriodSpec] = []
    for (series, _) in all { for period in series.periods where !periods.contains(period) { periods.append(period) } }
    periods.sort { $0.resolve(fiscalYearEnd: fye).end < $1.resolve(fiscalYearEnd: fye).end }
    var lines: [ChartSeries] = []
    for (series, _) in all {
      var values: [Double?] = []
      var texts: [String?] = []
      for period in periods {
        guard let index = series.periods.firstIndex(of: period), case .quantity(var q)? = series.values[index] else {
          values.append(nil)
          texts.append(nil)
          continue
        }
        if Quantity.isScalable(q.unit) { q.scale = scale }
        values.append(q.displayAmount.doubleValue)
        texts.append(ValueFormatter.amountText(q))
      }
      lines.append(ChartSeries(name: series.name, values: values, texts: texts))
    }
    let probe = Quantity(.zero, unit ?? .none, scale: scale)
    let title = all.count == 1 ? all[0].0.name : nil
    return ChartData(
      title: title, categories: periods.map(\.description), series: lines,
      unitLabel: probe.unitSymbol ?? "")
  }
}
