// MARK: - Calls: user functions, built-ins, metrics and items

extension Evaluator {
  /// Resolves a call: a variable holding a function, a user function, a built-in, a reported
  /// item, a metric formula, in that order; then an error with a suggestion.
  func call(_ callee: Callee, calleeSpan: Span, arguments: [Expression], span: Span, _ scope: Scope) throws(Diagnostic)
    -> Value
  {
    var scope = scope
    let name: String
    switch callee {
    case .name(let n):
      if let value = scope.locals[n] ?? globals[n] {
        guard case .function(let target) = value else {
          throw fail(.typeMismatch, "'\(n)' is \(value.typeName), not a function", calleeSpan)
        }
        name = target
      } else {
        name = n
      }
    case .label(let label, let section):
      return try callLabel(
        callee, label: label, section: section, arguments: arguments, calleeSpan: calleeSpan, span: span, scope)
    case .qualified(let company, let n):
      scope.company = try companyIndex(company, calleeSpan)
      name = n
    case .qualifiedLabel(let company, let label, let section):
      scope.company = try companyIndex(company, calleeSpan)
      return try callLabel(
        callee, label: label, section: section, arguments: arguments, calleeSpan: calleeSpan, span: span, scope)
    }
    if functions[name] == nil, let builtin = Builtins.table[name], builtin.lazy {
      try checkArity(builtin.name, arguments.count, builtin.arity, calleeSpan)
      return try builtin.body(self, arguments.map { .unevaluated($0) }, span, scope)
    }
    var values: [Value] = []
    values.reserveCapacity(arguments.count)
    for argument in arguments { values.append(try evaluate(argument, scope)) }
    return try invoke(name, values, argumentSpans: arguments.map(\.span), calleeSpan: calleeSpan, span: span, scope)
  }

  /// Calls a function by name with evaluated arguments.
  func invoke(_ name: String, _ values: [Value], argumentSpans: [Span], calleeSpan: Span, span: Span, _ scope: Scope)
    throws(Diagnostic) -> Value
  {
    // A function given a list is applied to each element; a built-in of one value is applied
    // to each value of a series. Series functions (sum, cagr, …) take lists and series whole.
    let builtin = functions[name] == nil ? Builtins.table[name] : nil
    if builtin?.takesLists != true {
      if let position = values.firstIndex(where: Evaluator.isList) {
        return try broadcast(
          name, values, at: position, argumentSpans: argumentSpans, calleeSpan: calleeSpan, span: span, scope)
      }
      if builtin != nil, let position = values.firstIndex(where: { if case .series = $0 { true } else { false } }) {
        return try mapSeries(
          name, values, at: position, argumentSpans: argumentSpans, calleeSpan: calleeSpan, span: span, scope)
      }
    }
    if !rowCells.isEmpty, let cells = rowCells[name], values.count == 1, case .period(let period) = values[0] {
      guard let cell = cells[period] else {
        throw fail(.missingFigure, "the row has no figure for \(period)", calleeSpan)
      }
      return cell
    }
    if let function = functions[name] {
      return try callUser(function, values, calleeSpan: calleeSpan, scope, isMetric: false)
    }
    if let callee = labelFunctions[name] { return try invokeLabel(callee, values, argumentSpans, calleeSpan, scope) }
    // Looked up once above (a user function of the same name would have returned already).
    if let builtin {
      try checkArity(builtin.name, values.count, builtin.arity, calleeSpan)
      let arguments = zip(values, argumentSpans).map { Argument.value($0, $1) }
      return try builtin.body(self, arguments, span, scope)
    }
    let company = scope.company ?? currentCompany
    if let company, let aliases = Metrics.reportedAliases[name] {
      for alias in aliases where index.hasItem(alias, company: company) {
        do throws(Diagnostic) {
          let value = try lookupItem(
            alias, values, argumentSpans: argumentSpans, calleeSpan: calleeSpan, company: company)
          if alias == name && metrics[name] != nil {
            remark("reported by the company; formula(\(name), p) gives fsq's own definition")
          }
          return value
        } catch {
          guard error.id == .missingFigure else { throw error }
        }
      }
    } else if let company, index.hasItem(name, company: company) {
      do {
        let value = try lookupItem(name, values, argumentSpans: argumentSpans, calleeSpan: calleeSpan, company: company)
        if metrics[name] != nil { remark("reported by the company; formula(\(name), p) gives fsq's own definition") }
        return value
      } catch let error where error.id == .missingFigure && metrics[name] != nil {
        // The company does not report it for this period: fall back to the formula.
      }
    }
    if let metric = metrics[name] {
      guard company != nil else { throw noCompany(calleeSpan) }
      return try callUser(metric, values, calleeSpan: calleeSpan, scope, isMetric: true)
    }
    if ItemCatalogLookup.isKnownItem(name) {
      guard let company else { throw noCompany(calleeSpan) }
      throw missingItem(name, company: company, calleeSpan)
    }
    throw unknownName(name, calleeSpan, scope, kind: "function or item")
  }

  /// Invokes a function value (from a parameter such as `item` in `growth(item, p)`) with
  /// one period, recording it for `explain`.
  func apply(_ function: Value, _ arguments: [Value], span: Span, _ scope: Scope) throws(Diagnostic) -> Value {
    guard case .function(let name) = function else {
      throw fail(.typeMismatch, "expected an item or function name, found \(function.typeName)", span)
    }
    return try traced("\(name)(\(arguments.map(ValueFormatter.source).joined(separator: ", ")))") {
      () throws(Diagnostic) -> Value in
      try invoke(name, arguments, argumentSpans: arguments.map { _ in span }, calleeSpan: span, span: span, scope)
    }
  }

  func callUser(_ function: UserFunction, _ values: [Value], calleeSpan: Span, _ scope: Scope, isMetric: Bool)
    throws(Diagnostic) -> Value
  {
    try checkArity(function.name, values.count, function.parameters.count...function.parameters.count, calleeSpan)
    depth += 1
    defer { depth -= 1 }
    if depth > Evaluator.maximumDepth || stackBase &- StackGuard.address() > UInt(stackBudget) {
      throw fail(
        .recursionTooDeep,
        "calls nested more than \(Evaluator.maximumDepth) deep in '\(function.name)'; does it recurse without end?",
        calleeSpan)
    }
    var inner = Scope(company: scope.company)
    for (parameter, value) in zip(function.parameters, values) { inner.locals[parameter] = value }
    annotate(formula: "\(function.name)(\(function.parameters.joined(separator: ", "))) = \(function.bodyText)")
    let saved = source
    source = function.source
    defer { source = saved }
    do {
      return try evaluate(function.body, inner)
    } catch {
      // An error inside a function body is reported where the function was called, with a
      // note pointing into the body when the body is user code.
      if error.source === saved { throw error }
      var diagnostic = error
      let inside = function.source.text(of: error.span)
      // One note per call level, up to a few: a recursion 10,000 deep printed 10,000 of them.
      let shown = 8
      if diagnostic.notes.count < shown {
        diagnostic.notes.insert(DiagnosticNote("in '\(function.name)', at '\(inside)': \(error.message)"), at: 0)
      } else if diagnostic.notes.last?.message.hasPrefix("… ") != true {
        diagnostic.notes.append(DiagnosticNote("… and the calls between them, not shown"))
      }
      diagnostic.source = saved
      diagnostic.span = calleeSpan
      throw diagnostic
    }
  }

  func checkArity(_ name: String, _ count: Int, _ arity: ClosedRange<Int>, _ span: Span) throws(Diagnostic) {
    guard !arity.contains(count) else { return }
    let expected =
      arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
    var notes: [DiagnosticNote] = []
    if let help = Builtins.table[name]?.signature ?? functions[name].map({
      "\($0.name)(\($0.parameters.joined(separator: ", ")))"
    })
      ?? metrics[name].map({ "\($0.name)(\($0.parameters.joined(separator: ", ")))" })
    {
      notes.append(DiagnosticNote("usage: \(help)"))
    }
    throw fail(
      .wrongArgumentCount, "'\(name)' takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), not \(count)",
      span, notes: notes)
  }

  // MARK: Companies

  func companyIndex(_ name: String, _ span: Span) throws(Diagnostic) -> Int {
    if let company = model.company(named: name), let position = model.index(ofCompany: company.id) { return position }
    // Not in the session: from the library, which is read one company at a time as it is named.
    if let lookup = companyLookup {
      switch lookup(name) {
      case .failure(let error):
        throw fail(.unreadableFile, error.reason, span)
      case .success(let found?):
        if let position = model.index(ofCompany: found.id) { return position }
        var grown = model
        grown.companies.append(found)
        replaceModel(grown)
        return grown.companies.count - 1
      case .success(nil):
        break
      }
    }
    var candidates = model.companies.flatMap { [$0.id] + $0.listings.map { $0.ticker.lowercased() } }
    candidates += libraryCompanies?() ?? []
    var notes: [DiagnosticNote] = []
    if let suggestion = Suggest.closest(to: name.lowercased(), in: candidates) {
      notes.append(DiagnosticNote("did you mean '\(suggestion)'?"))
    }
    let known = (model.companies.map(\.id) + (libraryCompanies?().prefix(20) ?? [])).joined(separator: ", ")
    notes.append(DiagnosticNote(known.isEmpty ? "no company is loaded" : "known companies: \(known)"))
    throw fail(.unknownCompany, "unknown company '\(name)'", span, notes: notes)
  }

  func noCompany(_ span: Span) -> Diagnostic {
    if let names = libraryCompanies?(), let first = names.first {
      let shown = names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "")
      return fail(
        .noCompany, "no company is current", span,
        notes: [
          DiagnosticNote("the library holds \(names.count) compan\(names.count == 1 ? "y" : "ies"): \(shown)"),
          DiagnosticNote("name one: \(first).revenue(…), use \(first), or --company \(first)"),
        ])
    }
    return fail(
      .noCompany, "no company is loaded", span, notes: [DiagnosticNote("load a release with 'load \"file\"' or --load")]
    )
  }

  func fiscalYearEnd(_ company: Int?) -> FiscalYearEnd {
    guard let company, company < model.companies.count else { return .december }
    return model.companies[company].fiscalYearEnd
  }

  // MARK: Unknown names

  func unknownName(_ name: String, _ span: Span, _ scope: Scope, kind: String) -> Diagnostic {
    var candidates = Array(scope.locals.keys) + Array(globals.keys) + Array(functions.keys)
    candidates += Builtins.table.keys
    candidates += metrics.keys
    if let company = scope.company ?? currentCompany { candidates += index.itemNames(company: company) }
    candidates += ItemCatalogLookup.names
    var notes: [DiagnosticNote] = []
    if let suggestion = Suggest.closest(to: name, in: candidates) {
      let message = kind == "name" ? "unknown name '\(name)'" : "unknown item '\(name)'"
      return fail(kind == "name" ? .unknownName : .unknownItem, "\(message); did you mean '\(suggestion)'?", span)
    }
    notes.append(DiagnosticNote("':items' lists the items of the current company; ':help' lists the functions"))
    let message = kind == "name" ? "unknown name '\(name)'" : "unknown item '\(name)'"
    return fail(kind == "name" ? .unknownName : .unknownItem, message, span, notes: notes)
  }
}

/// An argument to a built-in: evaluated, or left for the built-in to evaluate (`if`, `first`).
enum Argument {
  case value(Value, Span)
  case unevaluated(Expression)

  var span: Span {
    switch self {
    case .value(_, let span): span
    case .unevaluated(let expression): expression.span
    }
  }
}

extension Evaluator {
  /// A label held as a function value (`growth("Net income", fy2024)`), called with periods.
  func invokeLabel(_ callee: Callee, _ values: [Value], _ argumentSpans: [Span], _ calleeSpan: Span, _ scope: Scope)
    throws(Diagnostic) -> Value
  {
    var company = scope.company ?? currentCompany
    let label: String
    let section: String?
    switch callee {
    case .label(let l, let s): (label, section) = (l, s)
    case .qualifiedLabel(let c, let l, let s):
      company = try companyIndex(c, calleeSpan)
      (label, section) = (l, s)
    default: throw fail(.typeMismatch, "expected a printed label, found \(callee.displayName)", calleeSpan)
    }
    let item = try resolveLabel(label, section: section, company: company, calleeSpan)
    return try lookupItem(
      item, values, argumentSpans: argumentSpans, calleeSpan: calleeSpan, company: company!, printedLabel: label)
  }

  /// A printed label given where an item goes (`pct_change("Net income", q4 2024)`): the line
  /// it names, as a function value; an error at the label when the company printed no such line.
  func labelFunction(_ label: String, _ span: Span) throws(Diagnostic) -> Value {
    let callee = Callee.label(label, section: nil)
    _ = try resolveLabel(label, section: nil, company: currentCompany, span)
    labelFunctions[callee.displayName] = callee
    return .function(callee.displayName)
  }
}
