// MARK: - Looking up reported figures

extension Evaluator {
  /// `revenue(q3 2009)`: the figure for an item and period, from the company's facts, with a
  /// quarter derived from year-to-date figures when it is not printed.
  func lookupItem(
    _ name: String, _ values: [Value], argumentSpans: [Span], calleeSpan: Span, company: Int,
    printedLabel: String? = nil
  )
    throws(Diagnostic) -> Value
  {
    var figures = index.figures(name, company: company)
    // Asked for by the label printed ("Forgiveness of debt"), the rows printed so are the
    // answer, not another statement's row of the same item ("Gain on Settlements of Debt").
    if let printedLabel {
      let wanted = ModelIndex.normalize(printedLabel)
      let printed = figures.filter { ModelIndex.normalize($0.label) == wanted }
      if !printed.isEmpty { figures = printed }
    }
    // Text items (none yet) and zero-argument access are not supported: an item needs a period.
    guard values.count == 1 else {
      throw fail(
        .wrongArgumentCount, "item '\(name)' takes one period, not \(values.count) arguments", calleeSpan,
        notes: [DiagnosticNote("for example \(name)(q3 2009) or \(name)(2009-09-30)")])
    }
    guard case .period(let spec) = values[0] else {
      throw fail(.typeMismatch, "item '\(name)' needs a period, found \(values[0].typeName)", argumentSpans[0])
    }
    let fye = model.companies[company].fiscalYearEnd
    let wanted = spec.resolve(fiscalYearEnd: fye)
    if let figure = ModelIndex.best(figures, for: wanted) {
      var remarks = figure.quantity.isDerived ? ["derived"] : []
      if trace != nil, let how = Evaluator.howNamed(name, figure) { remarks.append(how) }
      if trace != nil, let sign = figure.source.signNote { remarks.append("sign: \(sign)") }
      if trace != nil { remarks += restatements(of: figure, among: figures, company: company) }
      annotate(source: figure.source, remarks: remarks)
      return .quantity(figure.quantity)
    }
    if let derived = try deriveQuarter(name, figures, wanted: wanted, spec: spec, fye: fye) { return derived }
    throw missingFigure(name, figures, spec: spec, wanted: wanted, company: company, calleeSpan)
  }

  /// For `explain`: the other releases that printed the same period differently, beside the
  /// figure used (the newest release's).
  func restatements(of figure: IndexedFigure, among figures: [IndexedFigure], company: Int) -> [String] {
    var notes: [String] = []
    var seen: Set<String> = [figure.source.document]
    let owner = model.companies[company]
    for other in figures
    where other.period == figure.period && other.priority == figure.priority
      && other.quantity.amount != figure.quantity.amount && !seen.contains(other.source.document)
    {
      seen.insert(other.source.document)
      notes.append(
        "restated: \(other.source.document):\(other.source.line) printed \(ValueFormatter.text(other.quantity)) "
          + "(\(owner.releaseDateText(other.source.document))); the figure used is the newer release's, "
          + "\(figure.source.document) (\(owner.releaseDateText(figure.source.document)))")
    }
    return notes
  }

  /// A quarter not printed, from year-to-date figures: Q4 = fiscal year − nine months, and
  /// likewise Q2 = 6m − 3m, Q3 = 9m − 6m. Marked derived.
  func deriveQuarter(
    _ name: String, _ figures: [IndexedFigure], wanted: ResolvedPeriod, spec: PeriodSpec, fye: FiscalYearEnd
  ) throws(Diagnostic) -> Value? {
    guard case .quarter(let q) = spec.kind, q > 1, !wanted.isInstant else { return nil }
    let longer = PeriodSpec(q == 4 ? .year : .monthsToDate(q * 3), year: spec.year, calendar: spec.calendar)
    let shorter = PeriodSpec(.monthsToDate((q - 1) * 3), year: spec.year, calendar: spec.calendar)
    guard let whole = ModelIndex.best(figures, for: longer.resolve(fiscalYearEnd: fye)),
      let part = ModelIndex.best(figures, for: shorter.resolve(fiscalYearEnd: fye))
    else { return nil }
    // Only flows subtract. Per-share amounts and ratios do not: a year's EPS minus nine months'
    // is not the quarter's (NVIDIA's FY2024 11.93 − 7.01 = 4.92; the quarter was 4.93). Nor do
    // weighted-average share counts, which are averages, not sums. No figure rather than a
    // wrong one.
    switch whole.quantity.unit {
    case .perShare, .shares, .percent, .percentagePoints, .multiple, .years: return nil
    default: break
    }
    guard let amount = try? whole.quantity.amount.subtracting(part.quantity.amount) else { return nil }
    annotate(
      formula: "\(name)(\(longer)) - \(name)(\(shorter))",
      remarks: ["derived: \(longer) minus \(shorter)"])
    if trace != nil {
      trace![trace!.count - 1].append(
        Explanation(expression: "\(name)(\(longer))", value: .quantity(whole.quantity), source: whole.source))
      trace![trace!.count - 1].append(
        Explanation(expression: "\(name)(\(shorter))", value: .quantity(part.quantity), source: part.source))
    }
    return .quantity(Quantity(amount, whole.quantity.unit, derived: true))
  }

  /// `"Cost of Revenues"(q3 2009)`: an item by the label the company printed;
  /// `"Cost of revenue"."Product"(fy2024)`: the one printed under that section. With no
  /// arguments, the line itself: a function value, as a bare item name is.
  func callLabel(
    _ callee: Callee, label: String, section: String?, arguments: [Expression], calleeSpan: Span, span: Span,
    _ scope: Scope
  )
    throws(Diagnostic) -> Value
  {
    let item = try resolveLabel(label, section: section, company: scope.company ?? currentCompany, calleeSpan)
    if arguments.isEmpty {
      labelFunctions[callee.displayName] = callee
      return .function(callee.displayName)
    }
    var values: [Value] = []
    for argument in arguments { values.append(try evaluate(argument, scope)) }
    if values.contains(where: Evaluator.isList) {
      // "Net income"(fy2020..fy2024): the line once per period.
      labelFunctions[callee.displayName] = callee
      return try invoke(
        callee.displayName, values, argumentSpans: arguments.map(\.span), calleeSpan: calleeSpan, span: span, scope)
    }
    return try lookupItem(
      item, values, argumentSpans: arguments.map(\.span), calleeSpan: calleeSpan,
      company: (scope.company ?? currentCompany)!, printedLabel: label)
  }

  /// The one item a printed label (under `section`, when given) names, or an error that says
  /// how to name it: a did-you-mean, or the section-qualified forms of the candidates.
  func resolveLabel(_ label: String, section: String?, company: Int?, _ calleeSpan: Span) throws(Diagnostic)
    -> String
  {
    guard let company else { throw noCompany(calleeSpan) }
    var items = index.items(forLabel: label, company: company)
    if items.isEmpty {
      var all: [String] = []
      for figures in index.allItems(company: company).values { all += figures.map(\.label) }
      let suggestion = Suggest.closest(to: label, in: Array(Set(all)))
      throw fail(
        .unknownItem, "\(model.companies[company].name) printed no line labelled \"\(label)\"", calleeSpan,
        notes: suggestion.map { [DiagnosticNote("did you mean \"\($0)\"?")] } ?? [])
    }
    let wantedLabel = ModelIndex.normalize(label)
    func sections(_ item: String) -> [String] {
      var seen: [String] = []
      for figure in index.figures(item, company: company)
      where ModelIndex.normalize(figure.label) == wantedLabel {
        let section = figure.section ?? ""
        if !seen.contains(section) { seen.append(section) }
      }
      return seen
    }
    if let section {
      let wanted = ModelIndex.normalize(section)
      let under = items.filter { sections($0).contains { ModelIndex.normalize($0) == wanted } }
      if under.isEmpty {
        let printed = items.flatMap(sections).filter { !$0.isEmpty }
        let suggestion = Suggest.closest(to: section, in: printed)
        throw fail(
          .unknownItem, "\(model.companies[company].name) printed no \"\(label)\" under \"\(section)\"", calleeSpan,
          notes: [
            suggestion.map { DiagnosticNote("did you mean \(Callee.quoted(label, section: $0))?") }
              ?? DiagnosticNote("\"\(label)\" is printed under: \(printed.map { "\"\($0)\"" }.joined(separator: ", "))")
          ])
      }
      items = under
    }
    if items.count > 1 {
      let forms = items.map { item -> String in
        let section = sections(item).first(where: { !$0.isEmpty })
        return section.map { "\(Callee.quoted(label, section: $0)) (\(item))" } ?? "\(item) (no section)"
      }
      throw fail(
        .unknownItem, "the label \"\(label)\" is printed in \(items.count) places; name the one you mean", calleeSpan,
        notes: [DiagnosticNote("write one of: \(forms.joined(separator: ", "))")])
    }
    return items[0]
  }

  /// How a printed line became the item `explain` shows: by the statement's structure (the
  /// rule), by its label in the catalog, or named after its label.
  static func howNamed(_ item: String, _ figure: IndexedFigure) -> String? {
    let source = figure.source
    guard source.sentence == nil, source.statement != StatementKind.text.rawValue else { return nil }
    if let rule = source.namedBy {
      // A structured filing names its items by concept, not by a statement's structure.
      if rule.hasPrefix("the XBRL concept") { return "item \(item): \(rule)" }
      return "item \(item): by the statement's structure, \(rule)"
    }
    guard let entry = ItemCatalog.entry(named: item) ?? ItemCatalog.entry(named: ItemCatalog.baseName(item)) else {
      return "item \(item): named after its label"
    }
    let label = TextTools.normalize(figure.label)
    if entry.synonyms.contains(where: { TextTools.normalize($0) == label }) {
      return "item \(item): its label is a catalog name"
    }
    return "item \(item): read from its label and section"
  }

  // MARK: Missing figures

  func missingFigure(
    _ name: String, _ figures: [IndexedFigure], spec: PeriodSpec, wanted: ResolvedPeriod, company: Int, _ span: Span
  ) -> Diagnostic {
    let companyName = model.companies[company].displayName
    let fye = model.companies[company].fiscalYearEnd
    var seen: [String] = []
    for figure in figures.sorted(by: { $0.period.end > $1.period.end }) {
      let label = PeriodLabel.describe(figure.period, fiscalYearEnd: fye)
      if !seen.contains(label) { seen.append(label) }
    }
    let has = seen.isEmpty ? "" : "; it has \(PeriodLabel.list(seen))"
    let kind = figures.first.map { $0.period.isInstant } ?? false
    var notes: [DiagnosticNote] = []
    if !figures.isEmpty && !kind && wanted.isInstant {
      let ending = figures.first { $0.period.end == wanted.end } ?? figures[0]
      let example = PeriodLabel.describe(ending.period, fiscalYearEnd: fye)
      notes.append(
        DiagnosticNote("\(name) is reported over periods, not at a date; ask for a period such as \(example)"))
    }
    if kind && !wanted.isInstant {
      // Balance items are read at the period's end; say which date that was.
      notes.append(DiagnosticNote("\(name) is a balance at an instant; \(spec) ends on \(wanted.end)"))
    }
    return fail(
      .missingFigure, "\(companyName) reports no \(name) for \(PeriodLabel.display(spec))\(has)", span, notes: notes)
  }

  func missingItem(_ name: String, company: Int, _ span: Span) -> Diagnostic {
    let companyName = model.companies[company].displayName
    return fail(
      .missingFigure, "\(companyName) reports no \(name) in any period", span,
      notes: [DiagnosticNote("':items' lists what \(companyName) reports")])
  }
}

extension ModelIndex {
  /// The figure for a period: durations must match in length and end (within a week, for
  /// 52/53-week years); balances are read at the instant, or at a duration's end.
  static func best(_ figures: [IndexedFigure], for wanted: ResolvedPeriod) -> IndexedFigure? {
    var match: IndexedFigure?
    var matchScore = -1
    for figure in figures {
      let period = figure.period
      // Score: statement priority first, then an exact date over one within a week.
      var score = -1
      if period.isInstant {
        if period.end == wanted.end {
          score = figure.priority * 2 + 1
        } else if abs(period.end.dayNumber - wanted.end.dayNumber) <= 7 {
          score = figure.priority * 2
        }
      } else if !wanted.isInstant && period.matches(wanted) {
        score = figure.priority * 2 + (period.end == wanted.end ? 1 : 0)
      }
      if score > matchScore || (score == matchScore && score >= 0 && figure.asOf > match!.asOf) {
        match = figure
        matchScore = score
      }
    }
    return match
  }
}

extension Company {
  /// The short name used in messages: "Fusion" rather than the full legal caption.
  public var displayName: String {
    if name.count <= 24 { return name }
    let words = name.split(separator: " ")
    return words.first.map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() } ?? name
  }
}

/// How periods are named back to the analyst: fiscal labels where they fit.
public enum PeriodLabel {
  /// `q3 2009`, `9m 2009`, `fy 2009`, `2009-09-30`.
  public static func describe(_ period: ResolvedPeriod, fiscalYearEnd fye: FiscalYearEnd) -> String {
    guard let start = period.start else { return period.end.description }
    // The first fiscal year (within a week's slack) that ends on or after the period's end.
    var fiscalYear = period.end.year - 1
    while fiscalYear <= period.end.year + 1, period.end.dayNumber > fye.endOfFiscalYear(fiscalYear).dayNumber + 7 {
      fiscalYear += 1
    }
    let fiscalStart = fye.endOfFiscalYear(fiscalYear - 1).adding(days: 1)
    let monthsIntoYear = Int((Double(period.end.dayNumber - fiscalStart.dayNumber + 1) / 30.44).rounded())
    let startsWithYear = abs(start.dayNumber - fiscalStart.dayNumber) <= 7
    switch period.months {
    case 3 where monthsIntoYear % 3 == 0 && monthsIntoYear >= 3:
      return "q\(monthsIntoYear / 3) \(fiscalYear)"
    case 12 where startsWithYear:
      return "fy \(fiscalYear)"
    case 6 where monthsIntoYear == 6 || monthsIntoYear == 12:
      return "h\(monthsIntoYear / 6) \(fiscalYear)"
    case let months where startsWithYear:
      return "\(months)m \(fiscalYear)"
    default:
      return period.description
    }
  }

  /// `Q3 2009` for messages.
  static func display(_ spec: PeriodSpec) -> String {
    let text = spec.description
    guard let first = text.first, first.isLetter else { return text }
    if text.hasPrefix("fy ") || text.hasPrefix("cy ") { return text.uppercased() }
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  static func list(_ labels: [String]) -> String {
    let shown = labels.prefix(6).map { label -> String in
      guard let first = label.first, first.isLetter else { return label }
      return label.hasPrefix("fy ") ? label.uppercased() : label.prefix(1).uppercased() + label.dropFirst()
    }
    var text: String
    if shown.count <= 1 {
      text = shown.first ?? ""
    } else {
      text = shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }
    if labels.count > 6 { text += " (and \(labels.count - 6) more)" }
    return text
  }
}
