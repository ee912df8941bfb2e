// MARK: - Fast access to a model's facts

/// A fact or narrative figure as the evaluator sees it.
struct IndexedFigure {
  var period: ResolvedPeriod
  var quantity: Quantity
  var label: String
  var section: String?
  var source: SourceReference
  /// Primary statements win over reconciliations and the text when the same item appears in
  /// several places for one period (a reconciliation prints losses as positive add-backs).
  var priority: Int
  /// How recent the document that printed it is: the day number of its release date (its
  /// dateline, else the latest period end it reports). Of two figures for one period, the later
  /// release's wins (a restatement), however the releases were loaded.
  var asOf: Int = 0
}

extension StatementKind {
  var lookupPriority: Int {
    switch self {
    case .incomeStatement, .balanceSheet, .cashFlow: 3
    case .segment, .other: 2
    case .reconciliation: 1
    case .text: 0
    }
  }
}

/// Per company: figures by item name, and item names by normalised printed label. Built once
/// when the model changes, so each lookup is a dictionary access.
struct ModelIndex {
  var items: [[String: [IndexedFigure]]]
  var labels: [[String: [String]]]

  /// Set when the index holds only some of a company's items (a screen over the library):
  /// what the evaluator asked for that the index lacks is noted there.
  var partial: PartialIndex?

  init(model: Model) {
    items = []
    labels = []
    for company in model.companies {
      let indexed = ModelIndex.index(company)
      items.append(indexed.items)
      labels.append(indexed.labels)
    }
  }

  /// An index of one company from some of its items (stored figures), the rest named in `partial`.
  init(items: [String: [IndexedFigure]], partial: PartialIndex) {
    self.items = [items]
    self.labels = [[:]]
    self.partial = partial
  }

  /// One company's figures by item and items by normalised label.
  static func index(_ company: Company) -> (items: [String: [IndexedFigure]], labels: [String: [String]]) {
    var byItem: [String: [IndexedFigure]] = [:]
    var byLabel: [String: [String]] = [:]
    var asOf: [String: Int] = [:]
    for (document, date) in company.releaseDates() { asOf[document] = date.dayNumber }
    // Facts come row by row, document by document: the figures of one row share item and
    // label, so each is hashed once per row rather than once per figure (the index is built
    // at start-up, for the company a query names).
    var lastDocument = ""
    var lastAsOf = 0
    var lastLabel = ""
    var lastItem = ""
    var pending: [IndexedFigure] = []
    for fact in company.facts {
      if fact.source.document != lastDocument {
        lastDocument = fact.source.document
        lastAsOf = asOf[lastDocument] ?? 0
      }
      if fact.item != lastItem {
        if !pending.isEmpty { byItem[lastItem, default: []].append(contentsOf: pending) }
        pending.removeAll(keepingCapacity: true)
      }
      pending.append(
        IndexedFigure(
          period: fact.period, quantity: Quantity(fact.value, fact.unit, derived: fact.isDerived), label: fact.label,
          section: fact.section, source: fact.source, priority: fact.statement.lookupPriority, asOf: lastAsOf))
      if fact.label != lastLabel || fact.item != lastItem {
        let key = ModelIndex.normalize(fact.label)
        if !(byLabel[key]?.contains(fact.item) ?? false) { byLabel[key, default: []].append(fact.item) }
        lastLabel = fact.label
      }
      lastItem = fact.item
    }
    if !pending.isEmpty { byItem[lastItem, default: []].append(contentsOf: pending) }
    for figure in company.narrative {
      byItem[figure.item, default: []].append(
        IndexedFigure(
          period: figure.period ?? ResolvedPeriod(start: nil, end: CivilDate(unchecked: 1, 1, 1)),
          quantity: Quantity(figure.value, figure.unit), label: figure.label, section: "text",
          source: figure.source, priority: 0, asOf: asOf[figure.source.document] ?? 0))
    }
    return (byItem, byLabel)
  }

  func hasItem(_ name: String, company: Int) -> Bool {
    guard company < items.count else { return false }
    if items[company][name] != nil { return true }
    guard let partial else { return false }
    return partial.lacks(name)
  }

  func figures(_ name: String, company: Int) -> [IndexedFigure] {
    guard company < items.count else { return [] }
    if let figures = items[company][name] { return figures }
    _ = partial?.lacks(name)
    return []
  }

  func itemNames(company: Int) -> [String] {
    if let partial { return partial.allItems.sorted() }
    return company < items.count ? Array(items[company].keys) : []
  }

  func items(forLabel label: String, company: Int) -> [String] {
    partial?.needsWholeModel = true
    return company < labels.count ? labels[company][ModelIndex.normalize(label)] ?? [] : []
  }

  /// Every item's figures, for what looks through all of them: with a partial index, the
  /// evaluation must run again on the whole model.
  func allItems(company: Int) -> [String: [IndexedFigure]] {
    partial?.needsWholeModel = true
    return company < items.count ? items[company] : [:]
  }

  /// Lower-case letters and digits with single spaces: "Cost of Revenues" and
  /// "cost of  revenues:" are the same label.
  static func normalize(_ label: String) -> String {
    // ASCII labels (nearly all) take a byte loop: Unicode property lookups made this the
    // largest cost of building the index at start-up.
    var bytes = label
    if bytes.withUTF8({ $0.allSatisfy { $0 < 0x80 } }) { return normalizeASCII(label) }
    var out = ""
    var pendingSpace = false
    for scalar in label.unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingSpace && !out.isEmpty { out.append(" ") }
        pendingSpace = false
        out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      } else if scalar == "&" {
        if !out.isEmpty { out.append(" ") }
        out.append("and")
        pendingSpace = true
      } else if scalar != "'" && scalar != "’" {
        pendingSpace = true
      }
    }
    return out
  }

  /// `normalize` for ASCII text, byte for byte the same result.
  static func normalizeASCII(_ label: String) -> String {
    var label = label
    return label.withUTF8 { bytes in
      // "&" becomes " and": at most four bytes out per byte in.
      String(unsafeUninitializedCapacity: bytes.count * 4) { out in
        var count = 0
        var pendingSpace = false
        for byte in bytes {
          let lower = byte | 0x20
          if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
            if pendingSpace && count > 0 { out[count] = 0x20; count += 1 }
            pendingSpace = false
            out[count] = byte >= 0x41 && byte <= 0x5A ? lower : byte
            count += 1
          } else if byte == 0x26 {  // &
            if count > 0 { out[count] = 0x20; count += 1 }
            out[count] = 0x61
            out[count + 1] = 0x6E
            out[count + 2] = 0x64
            count += 3
            pendingSpace = true
          } else if byte != 0x27 {  // '
            pendingSpace = true
          }
        }
        return count
      }
    }
  }
}

extension Company {
  /// The reported figure `item(period)` answers for this company, found as the evaluator finds
  /// it (the item, else its reported aliases such as `eps_diluted` for `eps`; primary statements
  /// first, an exact date over one within a week), with where it was printed.
  public func reportedFigure(_ item: String, period: ResolvedPeriod) -> (quantity: Quantity, source: SourceReference)? {
    let index = ModelIndex(model: Model(companies: [self]))
    for name in Metrics.reportedAliases[item] ?? [item] {
      if let figure = ModelIndex.best(index.figures(name, company: 0), for: period) {
        return (figure.quantity, figure.source)
      }
    }
    return nil
  }
}
