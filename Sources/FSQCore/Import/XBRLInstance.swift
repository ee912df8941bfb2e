// MARK: - XBRL instance documents (a 10-K's or 10-Q's .xml)

/// Reads an XBRL 2.1 instance: contexts (entity, period, dimensions), units (USD, shares,
/// USD/shares, pure), and every numeric fact, mapped to items as company facts are
/// (`XBRLConcepts`). Facts of a context with dimensions (a segment, a class of stock, an equity
/// column) are kept apart from the consolidated figures: their item is the concept's own name
/// with the members (`revenues__beer_member`) and their section names the members, so
/// `revenue(p)` is always the consolidated figure.
enum XBRLInstanceImporter {
  /// An XML document whose root element is `xbrl` (any prefix). Only the prolog (declaration,
  /// comments, doctype) and the root element's name are looked at, so a release is not scanned.
  static func looksLikeInstance(_ bytes: [UInt8]) -> Bool {
    rootElementName(bytes)?.elementsEqual("xbrl".utf8) ?? false
  }

  /// The local name (after any prefix) of the first element of an XML document, or nil when the
  /// bytes do not open as XML (a byte-order mark and white space may come first).
  static func rootElementName(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let limit = min(bytes.count, 1 << 16)
    while index < limit {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
        index += 1
        continue
      }
      guard byte == UInt8(ascii: "<"), index + 1 < limit else { return nil }
      let next = bytes[index + 1]
      if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
        // Declaration, processing instruction, comment or doctype: skip to its end.
        let closing: [UInt8] =
          bytes[index...].starts(with: Array("<!--".utf8)) ? Array("-->".utf8) : [UInt8(ascii: ">")]
        guard let end = firstIndex(of: closing, in: bytes, from: index + 2, limit: limit) else { return nil }
        index = end + closing.count
        continue
      }
      var end = index + 1
      while end < limit, bytes[end] != 0x20, bytes[end] != 0x0A, bytes[end] != 0x0D, bytes[end] != 0x09,
        bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/")
      {
        end += 1
      }
      let name = bytes[(index + 1)..<end]
      if let colon = name.lastIndex(of: UInt8(ascii: ":")) { return bytes[(colon + 1)..<end] }
      return name
    }
    return nil
  }

  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int, limit: Int) -> Int? {
    guard limit - needle.count >= start else { return nil }
    for candidate in start...(limit - needle.count) where bytes[candidate] == needle[0] {
      if bytes[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
    }
    return nil
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
    var reading = XBRLReading()
    for element in root.children {
      switch element.localName {
      case "context":
        guard let id = element.attribute("id"), let context = context(element) else { continue }
        reading.contexts[id] = context
      case "unit":
        guard let id = element.attribute("id") else { continue }
        reading.units[id] = unit(element)
      default:
        guard let prefix = element.prefix else { continue }
        if prefix == "dei" {
          reading.dei.append(
            XBRLReading.DEIFact(
              name: String(element.localName), contextRef: element.attribute("contextRef"), text: element.text))
          continue
        }
        guard let contextRef = element.attribute("contextRef"), let unitRef = element.attribute("unitRef") else {
          continue
        }
        reading.facts.append(
          XBRLReading.NumericFact(
            prefix: String(prefix), concept: String(element.localName), contextRef: contextRef, unitRef: unitRef,
            value: element.attribute("nil") == "true" ? nil : Decimal(parsing: element.text),
            isNil: element.attribute("nil") == "true", decimals: XBRLReading.decimals(element.attribute("decimals")),
            line: element.line))
      }
    }
    return try company(from: reading, documentName: documentName, format: "XBRL instance")
  }

  /// A company from what a filing's XBRL holds, read from an instance or an inline document:
  /// the dei cover facts name it, each numeric fact of a known context and unit becomes a fact
  /// (dimensional ones apart, as segment facts), repeats and less precise duplicates are dropped.
  static func company(from reading: XBRLReading, documentName: String, format: String) throws(ImportError)
    -> Company
  {
    let contexts = reading.contexts
    let dei = reading.coverFacts()
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
    let (facts, skipped, nils, lessPrecise) = reading.usableFacts()
    for raw in facts {
      guard let context = contexts[raw.contextRef], let unit = reading.units[raw.unitRef], let value = raw.value
      else { continue }
      let prefix = raw.prefix
      let concept = raw.concept
      let qualified = "\(prefix):\(concept)"
      var item =
        XBRLConcepts.item(for: qualified)
        ?? (prefix == "us-gaap" ? XBRLConcepts.itemName(concept) : XBRLConcepts.itemName(qualified))
      var section: String? = prefix == "us-gaap" ? nil : prefix
      var statement: StatementKind = context.period.isInstant ? .balanceSheet : .incomeStatement
      if !context.members.isEmpty {
        item =
          (prefix == "us-gaap" ? XBRLConcepts.itemName(concept) : XBRLConcepts.itemName(qualified)) + "__"
          + context.members.map(XBRLConcepts.itemName).joined(separator: "__")
        section = context.members.joined(separator: ", ")
        statement = .segment
      }
      var source = SourceReference(
        document: documentName, statement: "\(form) \(focus)", label: concept, column: raw.contextRef,
        line: raw.line)
      if XBRLConcepts.item(for: qualified) != nil, context.members.isEmpty {
        source.namedBy = "the XBRL concept \(qualified)"
      }
      company.facts.append(
        Fact(
          item: item, label: concept, statement: statement, section: section, period: context.period, value: value,
          unit: unit, source: source))
    }
    guard !company.facts.isEmpty else {
      let what = format == "XBRL instance" ? "an XBRL instance" : "an \(format) document"
      throw ImportError(message: "not \(what) with figures: \(documentName) holds no numeric fact")
    }
    XBRLConcepts.separateAlternatives(&company.facts)
    if let yearEnd = dei["CurrentFiscalYearEndDate"], let fiscal = fiscalYearEnd(yearEnd) {
      company.fiscalYearEnd = fiscal
    } else if form.hasPrefix("10-K"), let periodEnd {
      company.fiscalYearEnd = FiscalYearEnd(
        month: periodEnd.month, day: CivilDate.daysIn(month: periodEnd.month, year: periodEnd.year))
    }
    var report = ImportReport(document: documentName, format: format)
    var summary =
      "\(form) \(focus): \(contexts.count) contexts, \(reading.units.count) units, \(company.facts.count) numeric facts"
    if skipped > 0 { summary += "; \(skipped) facts without a usable context, unit or number were skipped" }
    if nils > 0 { summary += "; \(nils) nil facts (filed without a value)" }
    if lessPrecise > 0 {
      summary +=
        "; \(lessPrecise) facts repeating a more precise fact of the same concept and context, rounded, were left out"
    }
    report.parts = [summary] + reading.notes
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
