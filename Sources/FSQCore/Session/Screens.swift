// MARK: - screen: one condition over every company

extension Session {
  /// What a screen's condition gave for one company.
  enum ScreenOutcome {
    case passed(Value?)
    case failed
    /// The company lacks a figure the condition or the key needs: left out and counted.
    case missing
    /// Evaluated on some of the company's items, it asked for more: evaluate again.
    case incomplete
  }

  /// Runs a screen's condition for every company the session holds and every company of the
  /// library, and lists those that pass: id, name and, with `order by`, the key, sorted and
  /// limited. A company that lacks a figure the condition or the key needs is left out and
  /// counted in the table's title, not an error.
  ///
  /// Library companies are not read whole: the library keeps each company's figures item by
  /// item (`ScreenFigures`), and a screen reads those of the items its condition asks for,
  /// found on the first company and read for all the others in one pass. A company whose
  /// evaluation asks for more (another item, a printed label, its events) gets what it asked
  /// for, or its whole model, and is evaluated again: the answer is always the whole model's.
  func screen(_ spec: ScreenSpec, _ scope: Scope) throws(Diagnostic) -> ResultTable {
    var passed: [(id: String, name: String, key: Value?)] = []
    var missing = 0
    var screened = 0
    func record(_ outcome: ScreenOutcome, _ company: Company) {
      screened += 1
      switch outcome {
      case .passed(let key): passed.append((company.id, company.name, key))
      case .missing: missing += 1
      case .failed, .incomplete: break
      }
    }
    let held = evaluator.model.companies
    for company in held {
      try checkInterrupt(spec.condition.span)
      record(try screenOne(spec, scope, company, index: nil), company)
    }
    let heldIDs = Set(held.map(\.id))
    var stored: [ScreenCompany]?
    if let source = evaluator.screenSource {
      switch source.screenCompanies() {
      case .success(let companies): stored = companies?.filter { !heldIDs.contains($0.id) }
      case .failure(let error): throw evaluator.fail(.unreadableFile, error.reason, spec.condition.span)
      }
    }
    if let stored, let source = evaluator.screenSource {
      try screenStored(spec, scope, stored, source) { record($0, $1) }
    } else {
      for id in evaluator.libraryCompanies?() ?? [] where !heldIDs.contains(id) {
        try checkInterrupt(spec.condition.span)
        guard let company = try wholeCompany(id, spec) else { continue }
        record(try screenOne(spec, scope, company, index: nil), company)
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
    table.title =
      "screen: \(passed.count) of \(screened) compan\(screened == 1 ? "y" : "ies") pass"
      + (missing > 0 ? "; \(missing) left out for a missing figure" : "")
    return table
  }

  /// The library's companies from their stored figures: the items the first company's
  /// evaluation asks for are then read for every company in one pass.
  private func screenStored(
    _ spec: ScreenSpec, _ scope: Scope, _ companies: [ScreenCompany], _ source: ScreenSource,
    record: (ScreenOutcome, Company) -> Void
  ) throws(Diagnostic) {
    guard let first = companies.first else { return }
    var wanted: Set<String> = []
    let (outcome, company) = try screenStored(spec, scope, first, figures: [:], source, wanted: &wanted)
    record(outcome, company)
    guard companies.count > 1 else { return }
    var failure: Diagnostic?
    var position: [String: Int] = [:]
    for (index, company) in companies.enumerated() { position[company.id] = index }
    let visited = source.screenFigures(items: wanted.sorted()) { id, figures in
      // A company the session holds (screened above) or the first one: passed over.
      guard id != first.id, let index = position[id] else { return true }
      do throws(Diagnostic) {
        try checkInterrupt(spec.condition.span)
        let (outcome, company) = try screenStored(
          spec, scope, companies[index], figures: figures, source, wanted: &wanted)
        record(outcome, company)
      } catch {
        failure = error
        return false
      }
      return true
    }
    if let failure { throw failure }
    if case .failure(let error) = visited { throw evaluator.fail(.unreadableFile, error.reason, spec.condition.span) }
  }

  /// One library company from its stored figures, reading more of them while its evaluation
  /// asks for items it lacks, and its whole model when that is what the evaluation needs.
  private func screenStored(
    _ spec: ScreenSpec, _ scope: Scope, _ stored: ScreenCompany, figures: [String: [UInt8]],
    _ source: ScreenSource, wanted: inout Set<String>
  ) throws(Diagnostic) -> (ScreenOutcome, Company) {
    var figures = figures
    if let profile = try? ModelCodec.decode(stored.profile) {
      var decoded: [String: [IndexedFigure]] = [:]
      var readable = true
      for (item, bytes) in figures {
        guard let list = try? ScreenFigures.decode(bytes) else {
          readable = false
          break
        }
        decoded[item] = list
      }
      // Each round reads at least one more item, so this ends.
      while readable {
        let partial = PartialIndex(itemNames: stored.items)
        let outcome = try screenOne(spec, scope, profile, index: ModelIndex(items: decoded, partial: partial))
        if partial.isComplete { return (outcome, profile) }
        let more = partial.missingItems.subtracting(decoded.keys)
        if partial.needsWholeModel || more.isEmpty { break }
        wanted.formUnion(more)
        switch source.screenFigures(company: stored.id, items: more.sorted()) {
        case .failure(let error): throw evaluator.fail(.unreadableFile, error.reason, spec.condition.span)
        case .success(let read):
          for item in more {
            guard let bytes = read[item], let list = try? ScreenFigures.decode(bytes) else {
              readable = false
              break
            }
            figures[item] = bytes
            decoded[item] = list
          }
        }
      }
    }
    guard let company = try wholeCompany(stored.id, spec) else { return (.failed, Company(id: stored.id, name: "")) }
    return (try screenOne(spec, scope, company, index: nil), company)
  }

  private func wholeCompany(_ id: String, _ spec: ScreenSpec) throws(Diagnostic) -> Company? {
    switch evaluator.companyLookup?(id) {
    case .success(let found?): return found
    case .failure(let error): throw evaluator.fail(.unreadableFile, error.reason, spec.condition.span)
    default: return nil
    }
  }

  /// The condition (and key) for one company, as if it were current, with the session's own
  /// definitions and variables; with `index`, on those of its figures the index holds.
  private func screenOne(_ spec: ScreenSpec, _ scope: Scope, _ company: Company, index: ModelIndex?)
    throws(Diagnostic) -> ScreenOutcome
  {
    let child = Evaluator(model: Model(companies: [company]), metrics: evaluator.metrics)
    if let index { child.index = index }
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
      let pass = try child.truth(child.evaluate(spec.condition, inner), spec.condition.span)
      if index?.partial?.isComplete == false { return .incomplete }
      guard pass else { return .failed }
      let key = try spec.order.map { (order) throws(Diagnostic) in try child.evaluate(order, inner) }
      if index?.partial?.isComplete == false { return .incomplete }
      return .passed(key)
    } catch {
      if index?.partial?.isComplete == false { return .incomplete }
      guard error.id == .missingFigure || error.id == .unknownItem else { throw error }
      return .missing
    }
  }

  func checkInterrupt(_ span: Span) throws(Diagnostic) {
    if Interrupt.isRequested { throw evaluator.fail(.interrupted, "interrupted", span) }
  }
}
