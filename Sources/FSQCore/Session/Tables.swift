// MARK: - Tables as reports

extension Session {
  /// The most cells one `table` statement builds: a 6,000 × 6,000 table took 4.3 GB.
  static let maximumTableCells = 250_000

  /// Where a row's figures come from.
  enum RowSource {
    /// An item, metric or printed label, applied to each column's period.
    case function(Value)
    /// A series: its values matched to the columns by period.
    case series(Series)
    /// Any expression, evaluated once per column with the column variable bound.
    case expression(Expression)
  }

  struct TableRow {
    var label: String
    var source: RowSource
    var cells: [Value?] = []
  }

  func buildTable(_ spec: TableSpec, _ scope: Scope) throws(Diagnostic) -> ResultTable {
    let periods = try tableColumns(spec, scope)
    var rows: [TableRow] = []
    for expression in spec.rows { rows += try tableRows(expression, spec, periods: periods, scope) }
    let (cells, overflow) = rows.count.multipliedReportingOverflow(by: max(periods.count, 1))
    if overflow || cells > Session.maximumTableCells, let first = spec.rows.first {
      throw evaluator.fail(
        .stepLimit,
        "a table of \(rows.count) rows by \(periods.count) periods is more than \(Session.maximumTableCells) cells",
        first.span.union(spec.columns.last?.span ?? first.span))
    }
    for index in rows.indices { rows[index].cells = try tableCells(rows[index], spec, periods: periods, scope) }
    if spec.filter != nil || spec.order != nil { rows = try filterAndSort(rows, spec, periods: periods, scope) }
    if let limit = spec.limit, rows.count > limit { rows.removeLast(rows.count - limit) }

    var columns = periods.map(\.description)
    // The earliest and latest columns, for the change columns.
    let fye = evaluator.fiscalYearEnd(scope.company ?? evaluator.currentCompany)
    let ends = periods.map { $0.resolve(fiscalYearEnd: fye).end }
    let earliest = ends.indices.min { ends[$0] < ends[$1] }
    let latest = ends.indices.max { ends[$0] < ends[$1] }
    let change = spec.change || (!spec.hasColumnOptions && periods.count == 2)
    if change { columns.append("change") }
    if spec.percentChange { columns.append("% change") }
    if spec.sparkline { columns.append("trend") }
    var result = ResultTable(columns: columns, rows: [])
    result.decimals = spec.decimals
    let span = spec.rows[0].span
    for row in rows {
      var cells: [Value?] = []
      for cell in row.cells { cells.append(cell == nil ? nil : try styled(cell!, spec, span)) }
      let (old, new) = (earliest.flatMap { row.cells[$0] }, latest.flatMap { row.cells[$0] })
      if change {
        cells.append(
          old.flatMap { o in
            new.flatMap { n in try? evaluator.applyBinary(.subtract, n, o, operatorSpan: span, left: span, right: span)
            }
          }.flatMap { try? styled($0, spec, span) })
      }
      if spec.percentChange { cells.append(relativeChange(from: old, to: new)) }
      if spec.sparkline {
        let ordered = ends.indices.sorted { ends[$0] < ends[$1] }.map { row.cells[$0] }
        cells.append(.text(ChartRenderer.sparkline(ordered.map { $0.flatMap(Session.chartNumber) })))
      }
      result.rows.append(ResultTable.Row(label: row.label, cells: cells))
    }
    return result
  }

  /// The columns: periods, ranges or lists of periods, or the periods of a series.
  func tableColumns(_ spec: TableSpec, _ scope: Scope) throws(Diagnostic) -> [PeriodSpec] {
    var periods: [PeriodSpec] = []
    for expression in spec.columns {
      let value = try evaluator.evaluate(expression, scope)
      let values: [Value]
      switch value {
      case .list(let list): values = list
      case .series(let series): values = series.periods.map(Value.period)
      default: values = [value]
      }
      for element in values {
        guard case .period(let period) = element else {
          throw evaluator.fail(
            .typeMismatch, "table columns must be periods or period ranges, found \(element.typeName)",
            expression.span)
        }
        periods.append(period)
      }
    }
    return periods
  }

  /// One row expression as rows: an item is one row, a list of items one row each.
  func tableRows(_ expression: Expression, _ spec: TableSpec, periods: [PeriodSpec], _ scope: Scope)
    throws(Diagnostic) -> [TableRow]
  {
    var inner = scope
    if let variable = spec.columnVariable, let first = periods.first { inner.locals[variable] = .period(first) }
    let written = evaluator.text(expression.span)
    let value: Value
    do throws(Diagnostic) {
      value = try evaluator.evaluate(expression, inner)
    } catch {
      // A figure missing for the first column: the row is computed column by column.
      guard error.id == .missingFigure, spec.columnVariable != nil else { throw error }
      return [TableRow(label: written, source: .expression(expression))]
    }
    switch value {
    case .function:
      return [TableRow(label: written, source: .function(value))]
    case .text(let label):
      return [TableRow(label: label, source: .function(try evaluator.labelFunction(label, expression.span)))]
    case .series(let series):
      return [TableRow(label: written, source: .series(series))]
    case .list(let elements):
      var rows: [TableRow] = []
      for element in elements {
        switch element {
        case .function(let name):
          let label = evaluator.printedLabel(name, company: scope.company ?? evaluator.currentCompany) ?? name
          rows.append(TableRow(label: label, source: .function(element)))
        case .text(let label):
          rows.append(
            TableRow(label: label, source: .function(try evaluator.labelFunction(label, expression.span))))
        case .series(let series):
          rows.append(TableRow(label: series.name, source: .series(series)))
        default:
          throw evaluator.fail(
            .typeMismatch, "a list of table rows holds items or series, found \(element.typeName)", expression.span)
        }
      }
      return rows
    default:
      guard spec.columnVariable != nil else {
        throw evaluator.fail(
          .typeMismatch,
          "table rows must be items, metrics, lists of items or series, found \(value.typeName)", expression.span,
          notes: [
            DiagnosticNote("to compute a row from each column's period, name it: table growth(revenue, q) for q in …")
          ])
      }
      return [TableRow(label: written, source: .expression(expression))]
    }
  }

  func tableCells(_ row: TableRow, _ spec: TableSpec, periods: [PeriodSpec], _ scope: Scope) throws(Diagnostic)
    -> [Value?]
  {
    var cells: [Value?] = []
    cells.reserveCapacity(periods.count)
    for period in periods {
      do throws(Diagnostic) {
        switch row.source {
        case .function(let function):
          cells.append(try evaluator.apply(function, [.period(period)], span: spec.rows[0].span, scope))
        case .series(let series):
          cells.append(series.periods.firstIndex(of: period).flatMap { series.values[$0] })
        case .expression(let expression):
          var inner = scope
          if let variable = spec.columnVariable { inner.locals[variable] = .period(period) }
          cells.append(try evaluator.evaluate(expression, inner))
        }
      } catch {
        guard error.id == .missingFigure else { throw error }
        cells.append(nil)
      }
    }
    return cells
  }

  /// `where` and `order by`: `row` names the row (its item, or its figures by period), and the
  /// column variable is the last column.
  func filterAndSort(_ rows: [TableRow], _ spec: TableSpec, periods: [PeriodSpec], _ scope: Scope)
    throws(Diagnostic) -> [TableRow]
  {
    var kept: [(row: TableRow, key: Value?)] = []
    defer { evaluator.rowCells["row"] = nil }
    for row in rows {
      var inner = scope
      if let variable = spec.columnVariable, let last = periods.last { inner.locals[variable] = .period(last) }
      if case .function(let function) = row.source {
        inner.locals["row"] = function
      } else {
        var cells: [PeriodSpec: Value] = [:]
        for (period, cell) in zip(periods, row.cells) { cells[period] = cell }
        evaluator.rowCells["row"] = cells
        inner.locals["row"] = .function("row")
      }
      if let filter = spec.filter {
        do throws(Diagnostic) {
          guard try evaluator.truth(evaluator.evaluate(filter, inner), filter.span) else { continue }
        } catch {
          // A row whose figure the condition needs is missing, or is in another unit (a
          // per-share line against `> $1M`), does not pass it.
          guard error.id == .missingFigure || error.id == .unitMismatch else { throw error }
          continue
        }
      }
      var key: Value?
      if let order = spec.order {
        do throws(Diagnostic) {
          key = try evaluator.evaluate(order, inner)
        } catch {
          guard error.id == .missingFigure else { throw error }
        }
      }
      kept.append((row, key))
    }
    guard let order = spec.order else { return kept.map(\.row) }
    // Keys in different units do not compare: each unit is a group, in the order first seen,
    // and rows with no key go last. The sort is stable.
    var units: [Unit] = []
    func group(_ key: Value?) -> Int {
      guard case .quantity(let q)? = key else { return key == nil ? Int.max : Int.max - 1 }
      if let index = units.firstIndex(of: q.unit) { return index }
      units.append(q.unit)
      return units.count - 1
    }
    let groups = kept.map { group($0.key) }
    var failure: Diagnostic?
    let sorted = kept.indices.sorted { a, b in
      if groups[a] != groups[b] { return groups[a] < groups[b] }
      guard let x = kept[a].key, let y = kept[b].key else { return a < b }
      do throws(Diagnostic) {
        let less = try evaluator.applyBinary(.less, x, y, operatorSpan: order.span, left: order.span, right: order.span)
        let more = try evaluator.applyBinary(
          .greater, x, y, operatorSpan: order.span, left: order.span, right: order.span)
        if less == more { return a < b }
        return spec.descending ? more == .bool(true) : less == .bool(true)
      } catch {
        failure = failure ?? error
        return a < b
      }
    }
    if let failure { throw failure }
    return sorted.map { kept[$0].row }
  }

  /// A cell as the options ask: rounded to `decimals`, shown `in millions`.
  func styled(_ value: Value, _ spec: TableSpec, _ span: Span) throws(Diagnostic) -> Value {
    guard case .quantity(var q) = value else { return value }
    if let scale = spec.scale, Quantity.isScalable(q.unit) { q.scale = scale }
    if let places = spec.decimals {
      let rounded = q.amount.rounded(places: (q.unit.isScaledByHundred ? places + 2 : places) - 3 * q.scale)
      q.amount = (try? Decimal(significand: rounded.significand, exponent: rounded.exponent)) ?? rounded
    }
    return .quantity(q)
  }

  /// (new - old) / |old| in percent; nil where either is missing or old is zero.
  func relativeChange(from old: Value?, to new: Value?) -> Value? {
    // A change of a percentage is in points (the change column), not a percentage of one.
    guard case .quantity(let a)? = old, case .quantity(let b)? = new, a.unit == b.unit, !a.amount.isZero,
      !a.unit.isScaledByHundred, a.unit != .percentagePoints,
      let change = try? b.amount.subtracting(a.amount), let relative = try? change.dividing(by: a.amount.magnitude)
    else { return nil }
    return .quantity(Quantity(relative, .percent))
  }

  /// A figure as a number for a chart or sparkline, in the unit shown.
  static func chartNumber(_ value: Value) -> Double? {
    guard case .quantity(let q) = value else { return nil }
    return q.displayAmount.doubleValue
  }
}
