// MARK: - Finding the company a release belongs to without scanning the model

/// What `Model.add(imported:)` looks companies up by: the positions of the companies with each
/// id, CIK, lower-case ticker and first name word (`ReleaseMerging.sameCompany`'s three tests), and
/// every loaded document name. Kept next to `Model.companies` and dropped whenever the array is
/// changed from outside (see `Model.companies`' `didSet`), so it is rebuilt from the array
/// rather than trusted when stale.
struct CompanyKeys: Sendable {
  private var positions: [String: [Int]] = [:]
  private var documents: Set<String> = []
  /// Each company's CIK, by position: two companies with different CIKs are never one, whatever
  /// their names (First Solar and First Horizon share a first word).
  private var ciks: [Int: String] = [:]

  init(_ companies: [Company]) {
    for (index, company) in companies.enumerated() { insert(company, at: index) }
  }

  /// The keys `sameCompany(a, b)` compares, prefixed so the three kinds never collide.
  static func keys(of company: Company) -> Set<String> {
    var keys: Set<String> = ["i" + company.id]
    if let cik = company.cik { keys.insert("c" + cik) }
    for listing in company.listings { keys.insert("t" + TextTools.lowercasedASCII(listing.ticker)) }
    let word = ReleaseMerging.firstWord(company.name)
    if !word.isEmpty && word.utf8.count >= 3 { keys.insert("w" + word) }
    return keys
  }

  /// The first company `sameCompany` matches, as `companies.firstIndex { sameCompany($0, company) }`.
  func firstMatch(_ company: Company) -> Int? {
    var best: Int?
    var probe: Set<String> = ["i" + company.id]
    if let cik = company.cik { probe.insert("c" + cik) }
    for listing in company.listings { probe.insert("t" + TextTools.lowercasedASCII(listing.ticker)) }
    let word = ReleaseMerging.firstWord(company.name)
    if !word.isEmpty { probe.insert("w" + word) }
    for key in probe {
      for position in positions[key] ?? [] where position < best ?? Int.max {
        if let cik = company.cik, let other = ciks[position], other != cik { continue }
        best = position
        break
      }
    }
    return best
  }

  /// Whether a company already has this id (one the new company did not match: it needs another).
  func isTaken(id: String) -> Bool { positions["i" + id] != nil }

  func isLoaded(_ document: String) -> Bool { documents.contains(document) }

  mutating func insert(_ company: Company, at index: Int) {
    for key in Self.keys(of: company) { add(index, to: key) }
    documents.formUnion(company.documents)
    ciks[index] = company.cik
  }

  /// The company at `index` (whose keys were `before`) changed to `new` (a merge).
  mutating func update(at index: Int, from before: Set<String>, to new: Company) {
    let after = Self.keys(of: new)
    for key in before.subtracting(after) {
      positions[key]?.removeAll { $0 == index }
      if positions[key]?.isEmpty == true { positions[key] = nil }
    }
    for key in after.subtracting(before) { add(index, to: key) }
    documents.formUnion(new.documents)
    ciks[index] = new.cik
  }

  private mutating func add(_ index: Int, to key: String) {
    var list = positions.removeValue(forKey: key) ?? []
    let at = list.firstIndex { $0 > index } ?? list.count
    if at == 0 || list[at - 1] != index { list.insert(index, at: at) }
    positions[key] = list
  }
}
