// MARK: - screen: one condition over every company

extension Session {
  /// Runs a screen's condition for every company the session holds and every company of the
  /// library (read one at a time, not kept in the session), and lists those that pass: id,
  /// name and, with `order by`, the key, sorted and limited. A company that lacks a figure the
  /// condition or the key needs is left out and counted in the table's title, not an error.
  func screen(_ spec: ScreenSpec, _ scope: Scope) throws(Diagnostic) -> ResultTable {
    var ids = evaluator.model.companies.map(\.id)
    for id in evaluator.libraryCompanies?() ?? [] where !ids.contains(id) { ids.append(id) }
    var passed: [(id: String, name: String, key: Value?)] = []
    var missing = 0
    for id in ids {
      try checkInterrupt(spec.condition.span)
      let company: Company
      if let held = evaluator.model.companies.first(where: { $0.id == id }) {
        company = held
      } else {
        switch evaluator.companyLookup?(id) {
        case .success(let found?): company = found
        case .failure(let error): throw evaluator.fail(.unreadableFile, error.reason, spec.condition.span)
        default: continue
        }
      }
      // The condition is evaluated as if the company were current, with the session's own
      // definitions and variables.
      let child = Evaluator(model: Model(companies: [company]), metrics: evaluator.metrics)
      child.functions = evaluator.functions
      child.globals = evaluator.globals
      child.source = evaluator.source
      child.currentCompany = 0
      // The same stack and work bounds as the statement that runs the screen.
      child.stackBase = evaluator.stackBase
      child.stackBudget = evaluator.stackBudget
      child.stepLimit = evaluator.stepLimit
      var inner = scope
      inner.company = 0
      do throws(Diagnostic) {
        guard try child.truth(child.evaluate(spec.condition, inner), spec.condition.span) else { continue }
        let key = try spec.order.map { (order) throws(Diagnostic) in try child.evaluate(order, inner) }
        passed.append((company.id, company.name, key))
      } catch {
        guard error.id == .missingFigure || error.id == .unknownItem else { throw error }
        missing += 1
      }
    }
    if spec.order != nil {
      // Keys of one unit compare by amount; others keep their order after them.
      let indices = passed.indices.sorted { a, b in
        guard case .quantity(let x)? = passed[a].key, case .quantity(let y)? = passed[b].key, x.unit == y.unit else {
          return a < b
        }
        if x.amount == y.amount { return a < b }
        return spec.descending ? x.amount > y.amount : x.amount < y.amount
      }
      passed = indices.map { passed[$0] }
    }
    if let limit = spec.limit, passed.count > limit { passed = Array(passed.prefix(limit)) }
    var columns = ["name"]
    if let order = spec.order { columns.append(evaluator.text(order.span)) }
    var table = ResultTable(
      columns: columns,
      rows: passed.map { ResultTable.Row(label: $0.id, cells: [.text($0.name)] + ($0.key.map { [$0] } ?? [])) })
    table.rowHeader = "company"
    let screened = ids.count
    table.title =
      "screen: \(passed.count) of \(screened) compan\(screened == 1 ? "y" : "ies") pass"
      + (missing > 0 ? "; \(missing) left out for a missing figure" : "")
    return table
  }

  func checkInterrupt(_ span: Span) throws(Diagnostic) {
    if Interrupt.isRequested { throw evaluator.fail(.interrupted, "interrupted", span) }
  }
}
