// MARK: - Adding a release to a model

extension Model {
  /// Imports a release and merges it into the company it is about (matched by ticker, id or the
  /// first word of the name), or adds a new company. All or nothing: on error the model is
  /// unchanged.
  ///
  ///     var model = Model()
  ///     try model.importRelease(bytes: bytes, documentName: "q3.htm")
  public mutating func importRelease(bytes: [UInt8], documentName: String) throws(ImportError) {
    let company = try ReleaseImporter.importRelease(bytes: bytes, documentName: documentName)
    // `add` throws before it changes anything, so the model is changed in place (copying it
    // first would copy the companies array on every import).
    try add(imported: company)
  }

  /// Adds an imported company, merging it with a matching one and inferring what one
  /// document leaves open (a year) from the others.
  /// Throws before changing anything. O(size of the new company), not of the model: the
  /// company and duplicate documents are found through `keys`.
  mutating func add(imported company: Company) throws(ImportError) {
    var index = keys ?? CompanyKeys(companies)
    keys = nil
    for document in company.documents where index.isLoaded(document) {
      keys = index
      throw ImportError(message: "\(document) is already loaded")
    }
    guard let position = index.firstMatch(company) else {
      var company = company
      company.id = company.uniqueID { index.isTaken(id: $0) }
      companies.append(company)
      index.insert(company, at: companies.count - 1)
      keys = index
      return
    }
    let before = CompanyKeys.keys(of: companies[position])
    ReleaseMerging.merge(into: &companies[position], company)
    index.update(at: position, from: before, to: companies[position])
    keys = index
  }
}

extension Company {
  /// The company's id, or, when another company already has it (`isTaken`), the id with the
  /// company's CIK (`first_1274494`) or a number (`acme_2`) after it, so no two companies of one
  /// model or library share an id.
  public func uniqueID(isTaken: (String) throws -> Bool) rethrows -> String {
    guard try isTaken(id) else { return id }
    if let cik, try !isTaken("\(id)_\(cik)") { return "\(id)_\(cik)" }
    var number = 2
    while try isTaken("\(id)_\(number)") { number += 1 }
    return "\(id)_\(number)"
  }
}

enum ReleaseMerging {
  /// The first distinctive word of a name ("The Acme Co." → "acme").
  static func firstWord(_ name: String) -> String {
    let words = TextTools.splitOnSpaces(TextTools.normalize(name)).filter { !["the", "a", "an"].contains($0) }
    return words.first.map(String.init) ?? ""
  }

  static func sameCompany(_ a: Company, _ b: Company) -> Bool {
    // The SEC's number for a filer is its identity: names and ids only match without one.
    if let x = a.cik, let y = b.cik { return x == y }
    if a.id == b.id { return true }
    let tickersA = Set(a.listings.map { TextTools.lowercasedASCII($0.ticker) })
    if b.listings.contains(where: { tickersA.contains(TextTools.lowercasedASCII($0.ticker)) }) { return true }
    let wordA = firstWord(a.name)
    return !wordA.isEmpty && wordA.utf8.count >= 3 && wordA == firstWord(b.name)
  }

  /// Merges `new` into `merged` in place (its arrays are appended to, not copied).
  static func merge(into merged: inout Company, _ new: Company) {
    for listing in new.listings
    where !merged.listings.contains(where: {
      $0.ticker == listing.ticker && $0.exchange == listing.exchange && $0.seen == listing.seen
    }) {
      merged.listings.append(listing)
    }
    merged.events += new.events
    merged.facts += new.facts
    merged.narrative += new.narrative
    merged.claims += new.claims
    merged.statements += new.statements
    merged.documents += new.documents
    merged.importReports += new.importReports
    if merged.cik == nil { merged.cik = new.cik }
    if merged.name.utf8.count < new.name.utf8.count { merged.name = new.name }
    if merged.fiscalYearEnd == .december && new.fiscalYearEnd != .december { merged.fiscalYearEnd = new.fiscalYearEnd }
    inferYears(&merged)
    closeListings(&merged)
    if let newest = merged.listings.max(by: {
      ($0.seen?.date ?? CivilDate(year: 1, month: 1, day: 1)!)
        < ($1.seen?.date ?? CivilDate(year: 1, month: 1, day: 1)!)
    }) {
      merged.id = TextTools.lowercasedASCII(newest.ticker)
    }
  }

  static func isYearUnknown(_ fact: DatedFact?) -> Bool {
    fact?.inference?.hasPrefix(ReleaseText.unknownYearPrefix) ?? false
  }

  /// A date printed without a year takes the latest year in which it still precedes the dated
  /// releases of the other documents.
  static func inferYears(_ company: inout Company) {
    for index in company.events.indices where isYearUnknown(company.events[index].date) {
      let event = company.events[index]
      let document = event.source.document
      let references = company.events.filter {
        $0.source.document != document && !isYearUnknown($0.date) && $0.date.inference == nil
      }
      guard let reference = references.min(by: { $0.date.date < $1.date.date }) else { continue }
      let printed = event.date.date
      var year = reference.date.date.year
      if let candidate = CivilDate(
        year: year, month: printed.month, day: min(printed.day, CivilDate.daysIn(month: printed.month, year: year))),
        candidate >= reference.date.date
      {
        year -= 1
      }
      guard
        let date = CivilDate(
          year: year, month: printed.month, day: min(printed.day, CivilDate.daysIn(month: printed.month, year: year)))
      else {
        continue
      }
      let referenceDocument = reference.source.document
      let left = company.listings.first { $0.source.document == document }
      let current = company.listings.first { $0.source.document == referenceDocument && $0.exchange != left?.exchange }
      let reason: String
      if event.kind == "delisting announced", let left, let current {
        reason =
          "year \(year) inferred: the company is quoted on the \(current.exchange) by \(reference.date.date) (\(referenceDocument)), so the \(left.exchange) listing it announces leaving ended before then"
      } else {
        reason =
          "year \(year) inferred: the latest year in which \(printed.monthName) \(printed.day) precedes \(reference.date.date), the date of \(referenceDocument)"
      }
      let inferred = DatedFact(date: date, inference: reason)
      company.events[index].date = inferred
      for k in company.listings.indices where company.listings[k].source.document == document {
        if isYearUnknown(company.listings[k].seen) { company.listings[k].seen = inferred }
      }
    }
  }

  /// A listing seen before another ticker or exchange was seen ends when that one is seen.
  static func closeListings(_ company: inout Company) {
    for k in company.listings.indices where company.listings[k].until == nil {
      guard let seen = company.listings[k].seen, !isYearUnknown(seen) else { continue }
      let listing = company.listings[k]
      let later = company.listings.filter {
        guard let s = $0.seen, !isYearUnknown(s) else { return false }
        return s.date > seen.date && ($0.ticker != listing.ticker || $0.exchange != listing.exchange)
      }
      guard let next = later.min(by: { $0.seen!.date < $1.seen!.date }) else { continue }
      company.listings[k].until = DatedFact(
        date: next.seen!.date,
        inference:
          "ended by then: the company is quoted as \(next.ticker) on the \(next.exchange) on \(next.seen!.date) (\(next.source.document))"
      )
    }
  }
}

// MARK: - For a store of companies outside the model (the library)

extension Company {
  /// The keys a release is matched to its company by (id, lower-case tickers, first name word),
  /// each prefixed by its kind: what a library indexes companies under.
  public var matchKeys: Set<String> { CompanyKeys.keys(of: self) }

  /// The keys to look up to find the company an imported release belongs to.
  public var lookupKeys: Set<String> {
    var keys = CompanyKeys.keys(of: self)
    let word = ReleaseMerging.firstWord(name)
    if !word.isEmpty { keys.insert("w" + word) }
    return keys
  }
}

extension Model {
  /// Adds an imported company (one release, from `ReleaseImporter.importRelease`), merging it
  /// into the company it belongs to. All or nothing.
  public mutating func add(importedCompany company: Company) throws(ImportError) {
    try add(imported: company)
  }
}
