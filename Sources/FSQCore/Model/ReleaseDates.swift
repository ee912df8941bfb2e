// MARK: - Which release is newer

extension Company {
  /// Each document's date, which orders releases when two print the same item and period
  /// differently (a restatement): the release's own date from its dateline when it prints one
  /// with its year, else the latest period end it reports. The order of loading plays no part.
  public func releaseDates() -> [String: CivilDate] {
    var dates: [String: CivilDate] = [:]
    // Facts come document by document: one dictionary update per run of one document's facts.
    var document = ""
    var latest = CivilDate(unchecked: 1, 1, 1)
    for fact in facts {
      if fact.source.document != document {
        if !document.isEmpty, latest > dates[document] ?? CivilDate(unchecked: 1, 1, 1) { dates[document] = latest }
        document = fact.source.document
        latest = dates[document] ?? CivilDate(unchecked: 1, 1, 1)
      }
      if fact.period.end > latest { latest = fact.period.end }
    }
    if !document.isEmpty, latest > dates[document] ?? CivilDate(unchecked: 1, 1, 1) { dates[document] = latest }
    for event in events
    where (event.kind == "earnings release" || event.kind == "filing") && event.date.inference == nil {
      let document = event.source.document
      // A dateline before the periods it reports is not the release's date (a misread).
      if let latest = dates[document], event.date.date < latest { continue }
      dates[document] = event.date.date
    }
    return dates
  }

  /// A release's date as `explain` and `check` name it: "2009-11-17" or "periods to 2009-09-30".
  func releaseDateText(_ document: String) -> String {
    if let event = events.first(where: {
      ($0.kind == "earnings release" || $0.kind == "filing") && $0.source.document == document
        && $0.date.inference == nil
    }) {
      return "\(event.kind == "filing" ? "filed" : "released") \(event.date.date)"
    }
    return releaseDates()[document].map { "periods to \($0)" } ?? "undated"
  }
}
