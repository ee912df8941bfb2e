// MARK: - XBRL instance documents (a 10-K's or 10-Q's .xml)

/// Reads an XBRL 2.1 instance: contexts (entity, period, dimensions), units (USD, shares,
/// USD/shares, pure), and every numeric fact, mapped to items as company facts are
/// (`XBRLConcepts`). Facts of a context with dimensions (a segment, a class of stock, an equity
/// column) are kept apart from the consolidated figures: their item is the concept's own name
/// with the members (`revenues__beer_member`) and their section names the members, so
/// `revenue(p)` is always the consolidated figure.
enum XBRLInstanceImporter {
  /// An XML document whose root element is `xbrl` (any prefix).
  static func looksLikeInstance(_ bytes: [UInt8]) -> Bool {
    let head = String(decoding: bytes.prefix(8192), as: UTF8.self)
    guard head.contains("<?xml") || head.hasPrefix("<") else { return false }
    return head.contains("<xbrl ") || head.contains("<xbrl>") || head.contains(":xbrl ") || head.contains(":xbrl>")
  }

  struct Context {
    var period: ResolvedPeriod
    var members: [String]
  }

  static func importInstance(bytes: [UInt8], documentName: String) throws(ImportError) -> Company {
    let root = try XMLReader.parse(bytes)
    guard root.localName == "xbrl" else {
      throw ImportError(message: "not an XBRL instance: \(documentName) has no xbrl root element")
    }
    var contexts: [String: Context] = [:]
    var units: [String: Unit] = [:]
    var dei: [String: String] = [:]
    for element in root.children {
      switch element.localName {
      case "context":
        guard let id = element.attribute("id"), let context = context(element) else { continue }
        contexts[id] = context
      case "unit":
        guard let id = element.attribute("id") else { continue }
        units[id] = unit(element)
      default:
        if element.prefix == "dei" { dei[String(element.localName)] = element.text }
      }
    }
    let name = dei["EntityRegistrantName"] ?? documentName
    let ticker = dei["TradingSymbol"].map { $0.uppercased() }
    var company = Company(
      id: ticker.map { TextTools.lowercasedASCII($0) } ?? CompanyFactsImporter.companyID(name), name: name,
      documents: [documentName])
    company.cik = dei["EntityCentralIndexKey"].map { String($0.drop { $0 == "0" }) }
    let form = dei["DocumentType"] ?? "XBRL"
    let focus = [dei["DocumentFiscalPeriodFocus"], dei["DocumentFiscalYearFocus"]].compactMap { $0 }.joined(
      separator: " ")
    let periodEnd = dei["DocumentPeriodEndDate"].flatMap { CivilDate(iso: $0) }
    if let ticker {
      company.listings = [
        Listing(
          ticker: ticker, exchange: "", seen: periodEnd.map { DatedFact(date: $0) }, until: nil,
          source: SourceReference(document: documentName, statement: "dei", label: "TradingSymbol", column: "", line: 1)
        )
      ]
    }
    var skipped = 0
    var seen: Set<String> = []
    for element in root.children {
      guard let contextRef = element.attribute("contextRef"), let unitRef = element.attribute("unitRef"),
        let prefix = element.prefix, prefix != "dei"
      else { continue }
      guard let context = contexts[contextRef], let unit = units[unitRef],
        element.attribute("nil") != "true", let value = Decimal(parsing: element.text)
      else {
        skipped += 1
        continue
      }
      let concept = String(element.localName)
      let qualified = "\(prefix):\(concept)"
      // The same fact may be repeated (once per table it appears in).
      guard seen.insert("\(qualified) \(contextRef) \(unitRef) \(value)").inserted else { continue }
      var item =
        XBRLConcepts.item(for: qualified)
        ?? (prefix == "us-gaap" ? XBRLConcepts.itemName(concept) : XBRLConcepts.itemName(qualified))
      var section: String? = prefix == "us-gaap" ? nil : String(prefix)
      var statement: StatementKind = context.period.isInstant ? .balanceSheet : .incomeStatement
      if !context.members.isEmpty {
        item =
          (prefix == "us-gaap" ? XBRLConcepts.itemName(concept) : XBRLConcepts.itemName(qualified)) + "__"
          + context.members.map(XBRLConcepts.itemName).joined(separator: "__")
        section = context.members.joined(separator: ", ")
        statement = .segment
      }
      var source = SourceReference(
        document: documentName, statement: "\(form) \(focus)", label: concept, column: contextRef, line: 1)
      if XBRLConcepts.item(for: qualified) != nil, context.members.isEmpty {
        source.namedBy = "the XBRL concept \(qualified)"
      }
      company.facts.append(
        Fact(
          item: item, label: concept, statement: statement, section: section, period: context.period, value: value,
          unit: unit, source: source))
    }
    guard !company.facts.isEmpty else {
      throw ImportError(message: "not an XBRL instance with figures: \(documentName) holds no numeric fact")
    }
    XBRLConcepts.separateAlternatives(&company.facts)
    if let yearEnd = dei["CurrentFiscalYearEndDate"], let fiscal = fiscalYearEnd(yearEnd) {
      company.fiscalYearEnd = fiscal
    } else if form.hasPrefix("10-K"), let periodEnd {
      company.fiscalYearEnd = FiscalYearEnd(
        month: periodEnd.month, day: CivilDate.daysIn(month: periodEnd.month, year: periodEnd.year))
    }
    var report = ImportReport(document: documentName, format: "XBRL instance")
    report.parts = [
      "\(form) \(focus): \(contexts.count) contexts, \(units.count) units, \(company.facts.count) numeric facts"
        + (skipped > 0 ? "; \(skipped) facts without a usable context, unit or number were skipped" : "")
    ]
    company.importReports = [report]
    return company
  }

  /// A context's period and the members of its dimensions (none: the consolidated entity).
  static func context(_ element: XMLElement) -> Context? {
    guard let period = element.children.first(where: { $0.localName == "period" }) else { return nil }
    let date = { (name: String) -> CivilDate? in
      period.children.first { $0.localName == name }.flatMap { CivilDate(iso: $0.text) }
    }
    let resolved: ResolvedPeriod
    if let instant = date("instant") {
      resolved = ResolvedPeriod(start: nil, end: instant)
    } else if let start = date("startDate"), let end = date("endDate") {
      resolved = ResolvedPeriod(start: start, end: end)
    } else {
      return nil
    }
    var members: [String] = []
    for scenario in element.descendants("explicitMember") {
      members.append(String(scenario.text.split(separator: ":").last ?? Substring(scenario.text)))
    }
    for typed in element.descendants("typedMember") {
      members.append(String((typed.attribute("dimension") ?? "typed").split(separator: ":").last ?? "typed"))
    }
    return Context(period: resolved, members: members)
  }

  static func unit(_ element: XMLElement) -> Unit {
    let measures = element.descendants("measure").map { String($0.text.split(separator: ":").last ?? "") }
    if element.descendants("divide").isEmpty {
      return CompanyFactsImporter.unit(measures.first.map { $0 == "shares" ? "shares" : $0 } ?? "")
    }
    // USD per share: a numerator currency over shares.
    if measures.count == 2, measures[1] == "shares" { return CompanyFactsImporter.unit(measures[0] + "/shares") }
    return .none
  }

  /// "--12-28" → a December year end (a 52/53-week year within a week of the month's end).
  static func fiscalYearEnd(_ text: String) -> FiscalYearEnd? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else { return nil }
    if parts[1] <= 7 { return PeriodHeaders.nearMonthEnd(parts[0]) }
    return FiscalYearEnd(
      month: parts[0], day: parts[1] >= 24 ? CivilDate.daysIn(month: parts[0], year: 2001) : parts[1])
  }
}

extension XBRLConcepts {
  /// Where one document files an item's own catalog concept (`Revenues`) and an alternative
  /// (`SalesRevenueGoodsNet`) for the same period with different figures, the alternative is
  /// something else (Boston Beer's gross sales of 793,705,000 beside revenues of 739,053,000):
  /// it keeps its own concept's item, so the item answers with its catalog concept.
  static func separateAlternatives(_ facts: inout [Fact]) {
    struct Key: Hashable {
      var document: String
      var item: String
      var period: ResolvedPeriod
    }
    var catalog: [Key: Decimal] = [:]
    for fact in facts where fact.statement != .segment {
      guard let element = ItemCatalog.entry(named: fact.item)?.element, element == "us-gaap:" + fact.label else {
        continue
      }
      catalog[Key(document: fact.source.document, item: fact.item, period: fact.period)] = fact.value
    }
    guard !catalog.isEmpty else { return }
    for index in facts.indices {
      let fact = facts[index]
      guard let element = ItemCatalog.entry(named: fact.item)?.element, element != "us-gaap:" + fact.label,
        let own = catalog[Key(document: fact.source.document, item: fact.item, period: fact.period)],
        own != fact.value
      else { continue }
      facts[index].item = itemName(fact.label)
      facts[index].source.namedBy = nil
    }
  }
}
