// MARK: - SEC company facts (data.sec.gov/api/xbrl/companyfacts/CIK##########.json)

/// XBRL concepts to fsq's items: the release catalog's own element for each item
/// (`us-gaap:Revenues` → `revenue`, `ItemCatalogData`), and the alternatives companies file
/// instead. A concept that maps to no item keeps its own name as its label, so any concept is
/// reachable: `"OperatingLeaseLiability"(2023-12-31)`.
public enum XBRLConcepts {
  /// Concepts filed for an item whose catalog element is another one.
  static let alternatives: [String: String] = [
    "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax": "revenue",
    "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax": "revenue",
    "us-gaap:SalesRevenueNet": "revenue",
    "us-gaap:SalesRevenueGoodsNet": "revenue",
    "us-gaap:SalesRevenueServicesNet": "revenue",
    "us-gaap:RevenuesNetOfInterestExpense": "revenue",
    "us-gaap:CostOfGoodsAndServicesSold": "cost_of_revenue",
    "us-gaap:CostOfGoodsSold": "cost_of_revenue",
    "us-gaap:CostOfServices": "cost_of_revenue",
    "us-gaap:ProfitLoss": "net_income_consolidated",
    "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest": "total_equity",
    "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents": "cash_and_restricted_cash",
    "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments":
      "income_before_taxes",
  ]

  /// The item a concept (`us-gaap:Revenues`) files, if fsq has one for it.
  public static func item(for concept: String) -> String? {
    if let item = byElement[concept] { return item }
    return alternatives[concept]
  }

  static let byElement: [String: String] = {
    var table: [String: String] = [:]
    for entry in ItemCatalog.all where entry.element.hasPrefix("us-gaap:") && table[entry.element] == nil {
      table[entry.element] = entry.name
    }
    return table
  }()

  /// `OperatingLeaseLiability` → `operating_lease_liability`: a concept's own item name.
  public static func itemName(_ concept: String) -> String {
    var out = ""
    var previousLower = false
    for scalar in concept.unicodeScalars {
      let isUpper = scalar.properties.isUppercase
      if isUpper && previousLower { out.append("_") }
      if scalar == "-" || scalar == ":" || scalar == "." {
        out.append("_")
        previousLower = false
        continue
      }
      out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      previousLower = !isUpper
    }
    return out
  }
}

/// Reads a company-facts file: every fact of every concept in every filing, each with its filing
/// (form, accession, filed date) as provenance. Each filing is a document of its own, dated by
/// the day it was filed, so a later filing that reports a period differently (an amendment, a
/// restatement, a stock split) is the figure used and `explain` shows the earlier one. Quarters
/// filed only as year to date (Q4 = fiscal year minus nine months) are derived at query time,
/// as for releases.
enum CompanyFactsImporter {
  /// A JSON object with a "facts" member near its start.
  static func looksLikeCompanyFacts(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF }),
      first == UInt8(ascii: "{")
    else { return false }
    let needle = Array("\"facts\"".utf8)
    let limit = min(bytes.count, 1 << 16)
    guard limit >= needle.count else { return false }
    for start in 0...(limit - needle.count) where bytes[start] == needle[0] {
      if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  static func importFacts(bytes: [UInt8], documentName: String) throws(ImportError) -> Company {
    let root = try JSONReader.parse(bytes)
    guard case .object = root, let facts = root["facts"], case .object = facts else {
      throw ImportError(message: "not SEC company facts: \(documentName) has no \"facts\" object")
    }
    let name = root["entityName"]?.string ?? documentName
    let cik = root["cik"]?.numberText.map { String($0.drop { $0 == "0" }) }
    var company = Company(id: companyID(name), name: name)
    company.cik = cik
    var filings: [String: (document: String, form: String, filed: CivilDate?)] = [:]
    var unread = 0
    var concepts = 0
    var fiscalYearEnds: [CivilDate] = []
    for (taxonomy, conceptsOfTaxonomy) in facts.members {
      for (concept, body) in conceptsOfTaxonomy.members {
        concepts += 1
        let qualified = "\(taxonomy):\(concept)"
        let item =
          XBRLConcepts.item(for: qualified)
          ?? (taxonomy == "us-gaap" ? XBRLConcepts.itemName(concept) : XBRLConcepts.itemName(qualified))
        for (unitName, rows) in (body["units"]?.members ?? []) {
          let unit = self.unit(unitName)
          for row in rows.elements {
            try ImportError.checkInterrupt()
            guard let endText = row["end"]?.string, let end = CivilDate(iso: endText),
              let valueText = row["val"]?.numberText, let value = Decimal(parsing: valueText)
            else {
              unread += 1
              continue
            }
            let start = row["start"]?.string.flatMap { CivilDate(iso: $0) }
            let form = row["form"]?.string ?? "filing"
            let accession = row["accn"]?.string ?? "unknown"
            let filed = row["filed"]?.string.flatMap { CivilDate(iso: $0) }
            let document = "\(documentName) \(form) \(accession)"
            if filings[accession] == nil { filings[accession] = (document, form, filed) }
            let fp = row["fp"]?.string ?? ""
            let fy = row["fy"]?.numberText ?? ""
            if fp == "FY", form.hasPrefix("10-K"), let start, end.dayNumber - start.dayNumber > 350 {
              fiscalYearEnds.append(end)
            }
            let period = ResolvedPeriod(start: start, end: end)
            let column = row["frame"]?.string ?? "\(form) fy \(fy) \(fp)"
            var source = SourceReference(
              document: document, statement: "\(form) filed \(filed?.description ?? "?")", label: concept,
              column: column, line: 1)
            source.namedBy = XBRLConcepts.item(for: qualified) != nil ? "the XBRL concept \(qualified)" : nil
            company.facts.append(
              Fact(
                item: item, label: concept, statement: start == nil ? .balanceSheet : .incomeStatement,
                section: taxonomy == "us-gaap" ? nil : taxonomy, period: period, value: value, unit: unit,
                source: source))
          }
        }
      }
    }
    guard !company.facts.isEmpty else {
      throw ImportError(message: "not SEC company facts: \(documentName) holds no fact that can be read")
    }
    let mistagged = dropMistaggedDurations(&company.facts)
    XBRLConcepts.separateAlternatives(&company.facts)
    // Each filing: a document, dated by its filing.
    for (_, filing) in filings.sorted(by: { $0.value.document < $1.value.document }) {
      company.documents.append(filing.document)
      if let filed = filing.filed {
        company.events.append(
          CompanyEvent(
            date: DatedFact(date: filed), kind: "filing", description: "\(filing.form) filed \(filed)",
            source: SourceReference(
              document: filing.document, statement: "filing", label: filing.form, column: "", line: 1)))
      }
    }
    if let latest = fiscalYearEnds.max() {
      // A 52/53-week year ends near a month end: the month's end, with a week's slack.
      company.fiscalYearEnd =
        latest.day <= 7
        ? PeriodHeaders.nearMonthEnd(latest.month)
        : FiscalYearEnd(month: latest.month, day: CivilDate.daysIn(month: latest.month, year: latest.year))
    }
    var report = ImportReport(document: documentName, format: "SEC company facts (JSON)")
    report.parts = [
      "\(concepts) concepts, \(company.facts.count) facts from \(filings.count) filings"
        + (unread > 0 ? "; \(unread) rows without a date or a number were skipped" : "")
    ]
    report.findings = mistagged.map { ImportReport.Finding(message: $0, line: nil, repaired: true) }
    company.importReports = [report]
    return company
  }

  /// A longer period filed with the figure of a shorter one that ends the same day, where other
  /// filings report the longer period with another figure, is a duration tagged wrong (NVIDIA's
  /// FY2017 10-K files 2,230,000,000, the second quarter's revenue, for the six months to
  /// 2017-07-30, which its 10-Qs report as 4,167,000,000). Such rows are dropped, with a note:
  /// as the newer filing they would otherwise be the figure used.
  static func dropMistaggedDurations(_ facts: inout [Fact]) -> [String] {
    struct Key: Hashable {
      var item: String
      var unit: Unit
      var end: CivilDate
    }
    var byEnd: [Key: [Int]] = [:]
    for (index, fact) in facts.enumerated() where fact.period.start != nil {
      byEnd[Key(item: fact.item, unit: fact.unit, end: fact.period.end), default: []].append(index)
    }
    var dropped: Set<Int> = []
    var notes: [String] = []
    for indices in byEnd.values where indices.count > 2 {
      for index in indices {
        let fact = facts[index]
        guard let start = fact.period.start else { continue }
        let shorterWithSameFigure = indices.contains {
          facts[$0].period.start! > start && facts[$0].value == fact.value
        }
        let samePeriodOtherFigure = indices.contains {
          facts[$0].period.start == start && facts[$0].value != fact.value
        }
        if shorterWithSameFigure && samePeriodOtherFigure {
          dropped.insert(index)
          notes.append(
            "\(fact.source.document): \(fact.label) \(fact.value) for \(fact.period) is the figure of a shorter period "
              + "ending the same day, where other filings report another; not used")
        }
      }
    }
    if !dropped.isEmpty {
      facts = facts.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
    return notes
  }

  /// "Apple Inc." → "apple", as a release's company without a ticker is named.
  static func companyID(_ name: String) -> String {
    let word = ReleaseMerging.firstWord(name)
    return word.isEmpty ? "company" : word
  }

  static func unit(_ name: String) -> Unit {
    switch name {
    case "USD": return .currency("USD")
    case "shares": return .shares
    case "pure": return .none
    default:
      if name.hasSuffix("/shares") { return .perShare(String(name.dropLast(7))) }
      if name.utf8.count == 3, name.allSatisfy({ $0.isUppercase }) { return .currency(name) }
      return .none
    }
  }
}
