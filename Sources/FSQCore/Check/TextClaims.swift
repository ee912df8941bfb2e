// MARK: - Claims in the text against the tables

/// A figure the text states ("revenues of $11.9 million", "a decrease of 17%", "improved
/// $0.2 million") must agree with the tables at the precision the text states it. A claim
/// the tables cannot settle — no item named, a period the tables do not cover, or a figure
/// of a different size altogether (a segment's, not the company's) — is a note, not an error.
enum TextClaimRule {
  static let rule = "text-claim"

  static func findings(_ company: Company) -> [Finding] {
    let figures = CheckFigures(company)
    // A sentence whose stated level of an item is of another size altogether is about
    // another figure (a segment's revenue): its changes of that item are too.
    var first = company.claims.map { check($0, company, figures) }
    var elsewhere: Set<String> = []
    for (claim, finding) in zip(company.claims, first) where claim.kind == .value {
      if let finding, finding.severity == .note, finding.message.hasSuffix(aboutAnotherFigure) {
        elsewhere.insert(sentenceKey(claim))
      }
    }
    for (index, claim) in company.claims.enumerated() where claim.kind != .value {
      if elsewhere.contains(sentenceKey(claim)), first[index]?.severity == .error {
        first[index] = note(
          claim, company, "the same sentence states a level of another size; it is about another figure")
      }
    }
    return first.compactMap { $0 }
  }

  static let aboutAnotherFigure = "it is probably about another figure"

  static func sentenceKey(_ claim: Claim) -> String { "\(claim.line) \(claim.item ?? "") \(claim.sentence)" }

  static func source(_ claim: Claim) -> SourceReference {
    SourceReference(
      document: claim.document, statement: "text", label: claim.phrase, column: "", line: claim.line,
      sentence: claim.sentence)
  }

  static func stated(_ claim: Claim) -> Finding.Figure {
    Finding.Figure(
      description: "stated: \"\(claim.phrase)\"", value: Quantity(claim.value, claim.unit), source: source(claim))
  }

  static func note(_ claim: Claim, _ company: Company, _ reason: String) -> Finding {
    Finding(
      severity: .note, rule: rule, company: company.id, document: claim.document,
      message: "cannot verify \"\(claim.phrase)\": \(reason)", figures: [stated(claim)], difference: nil)
  }

  /// The statement column periods the company printed, to match the text's periods against.
  static func printedPeriods(_ company: Company, item: String?) -> [ResolvedPeriod] {
    var periods: [ResolvedPeriod] = []
    for table in company.statements {
      let hasItem = item.map { name in table.rows.contains { $0.item == name } } ?? true
      for column in CheckSupport.periodColumns(table) {
        if let period = table.columns[column].period, hasItem || item == nil, !periods.contains(period) {
          periods.append(period)
        }
      }
    }
    return periods
  }

  /// A printed period within a week of the stated one at both ends.
  static func printed(_ period: ResolvedPeriod, in periods: [ResolvedPeriod]) -> ResolvedPeriod? {
    if periods.contains(period) { return period }
    return periods.first { candidate in
      abs(candidate.end.dayNumber - period.end.dayNumber) <= 7 && candidate.isInstant == period.isInstant
        && (candidate.isInstant || abs(candidate.days - period.days) <= 7)
    }
  }

  /// The period a change is measured from when the text names none: the same period a year
  /// earlier, or for a balance the latest earlier balance date printed.
  static func basePeriod(_ period: ResolvedPeriod, _ periods: [ResolvedPeriod]) -> ResolvedPeriod? {
    let earlier = periods.filter {
      $0.end < period.end && $0.isInstant == period.isInstant && (period.isInstant || abs($0.days - period.days) <= 7)
    }
    if period.isInstant { return earlier.max { $0.end < $1.end } }
    let yearAgo = period.end.adding(months: -12)
    return earlier.first { abs($0.end.dayNumber - yearAgo.dayNumber) <= 7 }
  }

  /// Items a claim may mean: "$1.05 per share" is earnings per share, basic or diluted.
  static func candidates(_ item: String) -> [String] {
    item == "eps" ? ["eps", "eps_diluted", "eps_basic"] : [item]
  }

  /// What the tables give for a claim about `item` in `period`: the level, or the change
  /// against `base` (in amount or in percent of the base's size).
  /// `aboutALoss`: either figure is negative, so words of direction are ambiguous.
  static func actual(
    _ claim: Claim, _ item: String, _ period: ResolvedPeriod, base: ResolvedPeriod?, _ figures: CheckFigures
  ) -> (value: Quantity, aboutALoss: Bool)? {
    guard let current = figures.value(item, period) else { return nil }
    // "A net loss of $164 million, or $(1.27) per share": a level of a negative figure is
    // often stated by its size.
    if claim.kind == .value { return (current, current.amount.isNegative) }
    guard let base, let earlier = figures.value(item, base) else { return nil }
    let change = current.amount.minus(earlier.amount)
    let loss = current.amount.isNegative || earlier.amount.isNegative
    if claim.kind == .changeAmount { return (Quantity(change, current.unit), loss) }
    return change.over(earlier.amount.magnitude).map { (Quantity($0, .percent), loss) }
  }

  /// A level the text states for a period the tables do not head, printed in the tables
  /// for the same item over another length ending the same day ("For the nine-month period,
  /// income from continuing operations advanced 89% to $1,413,000" beside a column headed
  /// "Six Months Ended September 30" printing 1,413): the text and the heading disagree on
  /// what the column covers, and fsq answers its figures for the heading's period.
  static func periodConflict(_ claim: Claim, _ item: String, _ when: ResolvedPeriod, _ company: Company)
    -> Finding?
  {
    guard claim.kind == .value, !when.isInstant else { return nil }
    for cell in CheckSupport.cells(company, item: item) {
      guard let period = cell.table.columns[cell.column].period, !period.isInstant, let value = cell.value,
        abs(period.end.dayNumber - when.end.dayNumber) <= 7, abs(period.days - when.days) > 20,
        ties(claim, value)
      else { continue }
      let fye = company.fiscalYearEnd
      return Finding(
        severity: .error, rule: rule, company: company.id, document: claim.document,
        message:
          "the text states \"\(claim.phrase)\" for \(PeriodLabel.describe(when, fiscalYearEnd: fye)), but the table prints that figure under \"\(cell.table.columns[cell.column].header)\" (\(PeriodLabel.describe(period, fiscalYearEnd: fye))): the text and the column heading disagree on the period",
        figures: [stated(claim), cell.figure(company)], difference: nil, lines: [claim.line, cell.statementRow.line])
    }
    return nil
  }

  /// Whether a stated change is the difference of the two levels rounded to the claim's own
  /// precision (a tolerance of 0.05 million rounds to tenths of a million).
  static func roundedLevelsTie(
    _ claim: Claim, _ item: String, _ period: ResolvedPeriod, _ base: ResolvedPeriod, _ figures: CheckFigures
  ) -> Bool {
    guard let now = figures.value(item, period)?.amount, let then = figures.value(item, base)?.amount,
      let step = try? claim.tolerance.multiplying(by: Decimal(2)), !step.isZero
    else { return false }
    func rounded(_ x: Decimal) -> Decimal? {
      guard let units = try? x.dividing(by: step) else { return nil }
      return try? units.rounded(places: 0).multiplying(by: step)
    }
    guard let a = rounded(now), let b = rounded(then) else { return false }
    return ties(claim, a.minus(b), aboutALoss: now.isNegative || then.isNegative)
  }

  static func ties(_ claim: Claim, _ actual: Decimal, aboutALoss: Bool = false) -> Bool {
    if claim.value.minus(actual).magnitude <= claim.tolerance { return true }
    // "A decrease in the net loss of ($0.76) million": words of direction about a loss are
    // ambiguous (a smaller loss is a rise); the size is what the text states.
    return aboutALoss && claim.value.magnitude.minus(actual.magnitude).magnitude <= claim.tolerance
  }

  static func check(_ claim: Claim, _ company: Company, _ figures: CheckFigures) -> Finding? {
    guard let named = claim.item else { return note(claim, company, "the text does not say which figure it is about") }
    if let reason = claim.unplaced { return note(claim, company, reason) }
    let fye = company.fiscalYearEnd
    let periods = printedPeriods(company, item: nil)
    guard let statedPeriod = claim.period else {
      // Not knowing the period is no reason to say the tables lack the figure.
      return note(claim, company, "the text does not say which period it is about")
    }
    guard let period = printed(statedPeriod, in: periods) else {
      if let conflict = periodConflict(claim, named, statedPeriod, company) { return conflict }
      return note(
        claim, company, "the tables have no \(named) for \(PeriodLabel.describe(statedPeriod, fiscalYearEnd: fye))")
    }
    var base: ResolvedPeriod?
    if claim.kind != .value {
      if var compared = claim.comparedPeriod {
        // "grew 12% from $998 million at the end of fiscal 2005": a balance is compared at the
        // end of the period the text names.
        if period.isInstant && !compared.isInstant { compared = ResolvedPeriod(start: nil, end: compared.end) }
        guard let printedBase = printed(compared, in: periods) else {
          return note(
            claim, company, "the tables have no \(named) for \(PeriodLabel.describe(compared, fiscalYearEnd: fye))")
        }
        base = printedBase
      } else {
        // A balance compared with no date named: the prior quarter-end, the year-end and the
        // year-ago date are all usual, so with more than one printed it cannot be placed.
        let earlier = periods.filter { $0.isInstant && $0.end < period.end }
        if period.isInstant && earlier.count > 1 {
          return note(claim, company, "the text does not say which earlier date the change is measured from")
        }
        base = basePeriod(period, periods)
      }
    }
    var found: (item: String, actual: Quantity)?
    for item in candidates(named) {
      guard let (actual, aboutALoss) = actual(claim, item, period, base: base, figures) else { continue }
      if ties(claim, actual.amount, aboutALoss: aboutALoss) { return nil }
      if found == nil { found = (item, actual) }
    }
    guard let (item, actualFigure) = found else {
      let when = base.map { " for \(PeriodLabel.describe($0, fiscalYearEnd: fye))" } ?? " to compare with"
      return note(
        claim, company,
        "the tables have no \(named) for \(PeriodLabel.describe(period, fiscalYearEnd: fye))"
          + (claim.kind == .value ? "" : " or\(when)"))
    }
    let actual = actualFigure.amount
    var scaleSlip = false
    if claim.kind == .value {
      // A sentence comparing two periods: the stated level may be the other period's.
      for other in periods where other != period && other.isInstant == period.isInstant {
        let year = String(other.end.year)
        if claim.sentence.contains(year), let value = figures.value(item, other), ties(claim, value.amount) {
          return nil
        }
      }
      // A figure a thousand (or a million) times the table's, to the text's precision, is the
      // same figure at the wrong scale: an error, not another figure.
      // (A figure printed with no scale word at all may be one the reader cut from its word.)
      let phrase = claim.phrase.lowercased()
      scaleSlip =
        ["thousand", "million", "billion"].contains { phrase.contains($0) }
        && [Decimal.power10(3), Decimal.power10(6), Decimal.power10(-3), Decimal.power10(-6)].contains {
          claim.value.minus(actual.times($0)).magnitude <= claim.tolerance
        }
      // A level of another size altogether is about another figure (a segment's revenue).
      if !scaleSlip, let ratio = claim.value.over(actual), ratio < Decimal.half || ratio > Decimal(2) {
        return note(
          claim, company,
          "it is far from \(item) in the tables (\(CheckSupport.text(actual, actualFigure.unit))); \(aboutAnotherFigure)"
        )
      }
    }
    let label = PeriodLabel.describe(period, fiscalYearEnd: fye)
    let baseLabel = base.map { PeriodLabel.describe($0, fiscalYearEnd: fye) } ?? ""
    var description: String
    switch claim.kind {
    case .value: description = "\(item)(\(label))"
    case .changeAmount: description = "\(item)(\(label)) − \(item)(\(baseLabel))"
    case .changePercent: description = "(\(item)(\(label)) − \(item)(\(baseLabel))) ÷ |\(item)(\(baseLabel))|"
    }
    let tableSource = CheckSupport.cells(company, item: item).first { $0.table.columns[$0.column].period == period }?
      .source
    // EBITDA the tables do not print is the company's own measure ("Consolidated EBITDA
    // (Note A)"): fsq's formula is not its definition, so it cannot settle the claim.
    if tableSource == nil, ReportedMetricRule.companyDefined.contains(item) {
      return note(
        claim, company, "the tables do not print \(item), and fsq's formula is not the company's definition of it")
    }
    // A figure the tables do not print but fsq computes: say how.
    if tableSource == nil, let metric = figures.evaluator.metrics[item] {
      description += ", where \(metric.name)(p) = \(metric.bodyText)"
    }
    // Figures carry full precision; text output rounds them for display.
    let shown = actual
    let difference = claim.value.minus(actual)
    // "$4.7 million, a $0.6 decrease from $5.3 million": the text subtracted its own rounded
    // levels; the change itself rounds to $0.7 million. A rounding in print, a warning.
    let fromRounded =
      claim.kind == .changeAmount && base.map { roundedLevelsTie(claim, item, period, $0, figures) } == true
    return Finding(
      severity: fromRounded ? .warning : .error, rule: rule, company: company.id, document: claim.document,
      message:
        "the text states \"\(claim.phrase)\" but the tables give \(CheckSupport.text(shown, actualFigure.unit)) (\(description))"
        + (scaleSlip ? "; the stated figure is the table's at another scale" : "")
        + (fromRounded ? "; the text's change is the difference of the two figures rounded as it states them" : ""),
      figures: [
        stated(claim),
        Finding.Figure(description: description, value: Quantity(shown, actualFigure.unit), source: tableSource),
      ],
      difference: actualFigure.unit == .percent
        ? Quantity(difference, .percentagePoints) : Quantity(difference, actualFigure.unit))
  }
}
