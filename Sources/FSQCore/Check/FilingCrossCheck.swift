// MARK: - A release against the 10-Q or 10-K that files the same quarter

/// Where a company's model holds an earnings release and a structured filing (XBRL instance,
/// inline XBRL, SEC company facts) for the same period, every primary-statement figure the
/// release prints is compared with the filing's consolidated figure for the same item, period
/// and unit. A difference larger than the release's printed rounding (a figure in thousands
/// agrees with the filing's dollars to within $500) is a warning naming both documents: the
/// release and the filing disagree, and queries use the newer of the two.
enum FilingCrossCheckRule {
  static let rule = "release-vs-filing"

  /// Figures compared: one item and unit, periods ending the same day. A release's period may
  /// start a few days off the filing's (a 52/53-week year whose start the release does not
  /// print): durations within a week of each other are the same period.
  struct Key: Hashable {
    var item: String
    var unit: Unit
    var end: CivilDate
  }

  static func samePeriod(_ a: ResolvedPeriod, _ b: ResolvedPeriod) -> Bool {
    switch (a.start, b.start) {
    case (nil, nil): return true
    case (let x?, let y?): return abs(x.dayNumber - y.dayNumber) <= 7
    default: return false
    }
  }

  /// The model's documents that are structured filings: those an XBRL reader made, and each
  /// filing of a company-facts file (dated by a "filing" event).
  static func filingDocuments(_ company: Company) -> Set<String> {
    var filings: Set<String> = []
    for report in company.importReports where report.format == "XBRL instance" || report.format == "inline XBRL" {
      filings.insert(report.document)
    }
    for event in company.events where event.kind == "filing" { filings.insert(event.source.document) }
    return filings
  }

  static func findings(_ company: Company) -> [Finding] {
    guard company.documents.count > 1 else { return [] }
    let filings = filingDocuments(company)
    guard !filings.isEmpty, filings.count < company.documents.count else { return [] }
    let primary: Set<StatementKind> = [.incomeStatement, .balanceSheet, .cashFlow]
    // The filings' consolidated figures (no dimension: section nil), the newest filing's first.
    let dates = company.releaseDates()
    var filed: [Key: [Fact]] = [:]
    for fact in company.facts
    where filings.contains(fact.source.document) && fact.section == nil && !fact.isDerived
      && primary.contains(fact.statement)
    {
      filed[Key(item: fact.item, unit: fact.unit, end: fact.period.end), default: []].append(fact)
    }
    func newest(_ facts: [Fact]) -> Fact? {
      facts.max { (dates[$0.source.document] ?? $0.period.end) < (dates[$1.source.document] ?? $1.period.end) }
    }
    var findings: [Finding] = []
    var seen: Set<String> = []
    for fact in company.facts
    where !filings.contains(fact.source.document) && !fact.isDerived && primary.contains(fact.statement) {
      let candidates = filed[Key(item: fact.item, unit: fact.unit, end: fact.period.end)] ?? []
      guard let filing = newest(candidates.filter { samePeriod($0.period, fact.period) }) else { continue }
      let difference = fact.value.minus(filing.value)
      guard roundingTolerance(fact.value) < difference.magnitude else { continue }
      // A release that prints a line twice (a summary and the statement) is reported once.
      guard seen.insert("\(fact.source.document) \(fact.item) \(fact.period) \(fact.value)").inserted else { continue }
      let period = PeriodLabel.describe(fact.period, fiscalYearEnd: company.fiscalYearEnd)
      findings.append(
        Finding(
          severity: .warning, rule: rule, company: company.id, document: fact.source.document,
          message:
            "\"\(fact.label)\" for \(period): the release \(fact.source.document) prints "
            + "\(ValueFormatter.text(Quantity(fact.value, fact.unit))), the filing \(filing.source.document) "
            + "(\(company.releaseDateText(filing.source.document))) reports "
            + "\(ValueFormatter.text(Quantity(filing.value, filing.unit))) for \(filing.label)",
          figures: [
            Finding.Figure(description: "in the release", value: Quantity(fact.value, fact.unit), source: fact.source),
            Finding.Figure(
              description: "in the filing", value: Quantity(filing.value, filing.unit), source: filing.source),
          ],
          difference: Quantity(difference, fact.unit),
          lines: [fact.source.line]))
    }
    return findings
  }

  /// Half the unit of the last digit a release printed, judged from the figure itself: a
  /// figure of whole thousands (7,171,000) may stand for anything from 7,170,500 to 7,171,500.
  /// At most half a million (a figure in millions); a figure with cents has no slack.
  static func roundingTolerance(_ value: Decimal) -> Decimal {
    // Decimals are kept without trailing zeros: the exponent counts them.
    let zeros = min(value.exponent, 6)
    guard zeros > 0, !value.isZero else { return .zero }
    return Decimal(uncheckedSignificand: 5, exponent: zeros - 1, exact: true)
  }
}
