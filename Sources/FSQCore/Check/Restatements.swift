// MARK: - Figures a later release printed differently

/// Where two releases of one company print the same line for the same period with different
/// figures, the newer release (by its own date, `Company.releaseDates`) restated the older
/// one. Not an error in either release: `check` lists each restatement as its own kind of
/// finding (severity info, rule `restatement`, always shown), and queries use the newer figure.
enum RestatementRule {
  static let rule = "restatement"

  struct Key: Hashable {
    var item: String
    var label: String
    var period: ResolvedPeriod
    var unit: Unit
  }

  static func findings(_ company: Company) -> [Finding] {
    guard company.documents.count > 1 else { return [] }
    // Per line and period, each document's one figure (a document printing the line twice
    // with different figures is left out: which of its figures was restated is unclear).
    var printed: [Key: [String: Fact?]] = [:]
    var order: [Key] = []
    for fact in company.facts
    where !fact.isDerived && [.incomeStatement, .balanceSheet, .cashFlow].contains(fact.statement) {
      let key = Key(item: fact.item, label: ModelIndex.normalize(fact.label), period: fact.period, unit: fact.unit)
      if printed[key] == nil { order.append(key) }
      if let existing = printed[key]?[fact.source.document] {
        if let existing, existing.value != fact.value { printed[key]![fact.source.document] = .some(nil) }
      } else {
        printed[key, default: [:]][fact.source.document] = fact
      }
    }
    let dates = company.releaseDates()
    var findings: [Finding] = []
    for key in order {
      let facts = printed[key]!.values.compactMap { $0 }
      guard facts.count > 1, Set(facts.map(\.value)).count > 1 else { continue }
      let sorted = facts.sorted {
        let a = dates[$0.source.document] ?? $0.period.end
        let b = dates[$1.source.document] ?? $1.period.end
        return a != b ? a > b : $0.source.document > $1.source.document
      }
      let newest = sorted[0]
      for older in sorted.dropFirst() where older.value != newest.value {
        let period = PeriodLabel.describe(key.period, fiscalYearEnd: company.fiscalYearEnd)
        findings.append(
          Finding(
            severity: .note, rule: rule, company: company.id, document: newest.source.document,
            message:
              "\"\(newest.label)\" for \(period) is restated: \(newest.source.document) "
              + "(\(company.releaseDateText(newest.source.document))) prints a different figure than "
              + "\(older.source.document) (\(company.releaseDateText(older.source.document))); the newer one is used",
            figures: [
              Finding.Figure(
                description: "as restated", value: Quantity(newest.value, newest.unit), source: newest.source),
              Finding.Figure(
                description: "as first printed", value: Quantity(older.value, older.unit), source: older.source),
            ],
            difference: Quantity(newest.value.minus(older.value), newest.unit),
            lines: [newest.source.line]))
      }
    }
    return findings
  }
}
