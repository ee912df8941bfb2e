// MARK: - Companies

/// A date that may have been inferred rather than printed, with the reason.
public struct DatedFact: Hashable, Sendable, CustomStringConvertible {
  public var date: CivilDate
  /// Why the date (or its year) is not as printed, e.g. "year inferred from …"; nil if printed.
  public var inference: String?
  public init(date: CivilDate, inference: String? = nil) {
    self.date = date
    self.inference = inference
  }
  public var description: String {
    inference.map { "\(date) (\($0))" } ?? date.description
  }
}

/// A ticker on an exchange over a span of time.
public struct Listing: Hashable, Sendable {
  public var ticker: String
  public var exchange: String
  /// The earliest date the listing is known to hold, and the date it ended (if known).
  public var seen: DatedFact?
  public var until: DatedFact?
  public var source: SourceReference
  public init(ticker: String, exchange: String, seen: DatedFact?, until: DatedFact?, source: SourceReference) {
    self.ticker = ticker
    self.exchange = exchange
    self.seen = seen
    self.until = until
    self.source = source
  }
}

/// A dated event in a company's life (a release, a delisting announcement).
public struct CompanyEvent: Hashable, Sendable {
  public var date: DatedFact
  public var kind: String
  public var description: String
  public var source: SourceReference
  public init(date: DatedFact, kind: String, description: String, source: SourceReference) {
    self.date = date
    self.kind = kind
    self.description = description
    self.source = source
  }
}

/// A figure stated only in the text: "The 173 corporate customers sold as of the end of the
/// third quarter of 2009".
public struct NarrativeFact: Hashable, Sendable {
  public var item: String
  public var label: String
  public var period: ResolvedPeriod?
  public var value: Decimal
  public var unit: Unit
  public var source: SourceReference
  public init(item: String, label: String, period: ResolvedPeriod?, value: Decimal, unit: Unit, source: SourceReference)
  {
    self.item = item
    self.label = label
    self.period = period
    self.value = value
    self.unit = unit
    self.source = source
  }
}

/// One company: profile, events, reported facts, statements as printed, narrative figures
/// and the claims its text makes.
public struct Company: Sendable {
  /// Short lower-case identifier used in expressions (`fsnn`).
  public var id: String
  public var name: String
  public var fiscalYearEnd: FiscalYearEnd
  public var currency: String
  public var listings: [Listing]
  public var events: [CompanyEvent]
  public var facts: [Fact]
  public var narrative: [NarrativeFact]
  public var claims: [Claim]
  public var statements: [StatementTable]
  public var documents: [String]
  /// What each document's import read and left out (`fsq --import-report`, `:report`).
  public var importReports: [ImportReport] = []
  /// The SEC's Central Index Key, without leading zeros, when a document names it (an EDGAR
  /// submission's header): releases with the same CIK are one company whatever its name.
  public var cik: String?

  public init(
    id: String, name: String, fiscalYearEnd: FiscalYearEnd = .december, currency: String = "USD",
    listings: [Listing] = [], events: [CompanyEvent] = [], facts: [Fact] = [],
    narrative: [NarrativeFact] = [], claims: [Claim] = [], statements: [StatementTable] = [],
    documents: [String] = []
  ) {
    self.id = id
    self.name = name
    self.fiscalYearEnd = fiscalYearEnd
    self.currency = currency
    self.listings = listings
    self.events = events
    self.facts = facts
    self.narrative = narrative
    self.claims = claims
    self.statements = statements
    self.documents = documents
  }
}

/// Every company fsq knows in a session. Value semantics: a failed import leaves it unchanged.
public struct Model: Sendable {
  /// Changing the array from outside drops `keys`; `add(imported:)` keeps it up to date.
  public var companies: [Company] { didSet { keys = nil } }
  /// Where to find a company by id, ticker or name word, and the loaded documents; nil until
  /// the first import needs it (built from `companies`).
  var keys: CompanyKeys?
  public init(companies: [Company] = []) { self.companies = companies }

  /// Finds a company by id, ticker (any listing) or a case-insensitive name prefix.
  public func company(named query: String) -> Company? {
    let needle = query.lowercased()
    if let exact = companies.first(where: { $0.id == needle }) { return exact }
    if let byTicker = companies.first(where: { $0.listings.contains { $0.ticker.lowercased() == needle } }) {
      return byTicker
    }
    return companies.first { $0.name.lowercased().hasPrefix(needle) }
  }

  public func index(ofCompany id: String) -> Int? { companies.firstIndex { $0.id == id } }

  /// Adds a company, or merges into the one with the same id (facts of a later release join
  /// the earlier ones; profile details fill gaps).
  public mutating func merge(_ company: Company) {
    guard let index = index(ofCompany: company.id) else {
      companies.append(company)
      return
    }
    // In place: the company's arrays grow without being copied.
    let listings = company.listings.filter { !companies[index].listings.contains($0) }
    let events = company.events.filter { !companies[index].events.contains($0) }
    companies[index].listings += listings
    companies[index].events += events
    companies[index].facts += company.facts
    companies[index].narrative += company.narrative
    companies[index].claims += company.claims
    companies[index].statements += company.statements
    companies[index].documents += company.documents
    companies[index].importReports += company.importReports
    if companies[index].name.count < company.name.count { companies[index].name = company.name }
  }
}

/// `keys` is a cache, not part of the model's value: mirrors (`dump`, the snapshot test) show
/// the companies only, as before the cache existed.
extension Model: CustomReflectable {
  public var customMirror: Mirror { Mirror(self, children: ["companies": companies], displayStyle: .struct) }
}
