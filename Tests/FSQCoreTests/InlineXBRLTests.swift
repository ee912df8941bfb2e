import FSQTestSupport
import Foundation
import Testing

@testable import FSQCore

/// Inline XBRL 10-K / 10-Q documents (.htm): three real filings (Tests/Corpus/xbrl/SOURCES.md)
/// against values read off them by hand (Tests/Corpus/xbrl/expected.tsv), detection, the
/// transformation formats, and that an inline document and the instance it stands for import to
/// the same facts.
@Suite struct InlineXBRLTests {
  static let filings = ["AAPL_10-K_2024FY.htm", "MARA_10-Q_2023Q2.htm", "RIOT_10-Q_2023Q2.htm"]

  static func bytes(_ file: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: CompanyFactsTests.folder.appendingPathComponent(file)))
  }

  /// Every value read by hand is a fact: a consolidated one answers for its item and period; a
  /// dimensional one (`segment=Member` in the note) is kept apart, as a segment fact, and does
  /// not answer for the consolidated item. A value not found is a failure.
  @Test(arguments: filings)
  func everyHandReadValueIsThere(file: String) throws {
    let company = try CompanyFactsTests.cache.company(file)
    let rows = try CompanyFactsTests.rows(file)
    #expect(rows.count >= 20)
    for row in rows {
      let concept = String(row.concept.split(separator: ":").last!)
      let parsed: FSQCore.Decimal? = FSQCore.Decimal(parsing: row.value)
      let expected = try #require(parsed)
      #expect(row.accession.count == 20)
      if row.note.hasPrefix("segment=") {
        let member = String(row.note.dropFirst(8).prefix { $0 != ":" })
        let fact = company.facts.first {
          $0.label == concept && $0.period == row.period && $0.value == expected && $0.statement == .segment
        }
        guard let fact else {
          Issue.record("\(file): no segment fact \(row.concept) [\(member)] \(row.start)..\(row.end) = \(row.value)")
          continue
        }
        #expect(fact.section?.contains(member) == true, "\(file): \(fact.section ?? "no section")")
        #expect(fact.item.contains("__") && fact.item != row.item, "\(file): \(fact.item)")
        #expect(company.reportedFigure(row.item, period: row.period)?.quantity.amount != expected)
        continue
      }
      let fact = company.facts.first {
        $0.label == concept && $0.period == row.period && $0.value == expected && $0.statement != .segment
      }
      guard let fact else {
        Issue.record("\(file): no \(row.concept) \(row.start)..\(row.end) = \(row.value)")
        continue
      }
      #expect(fact.source.document == file && fact.source.line >= 1 && fact.source.statement.hasPrefix(row.form))
      let answer = company.reportedFigure(fact.item, period: row.period)?.quantity.amount
      #expect(answer == expected, "\(file): \(fact.item) \(row.period) answered \(String(describing: answer))")
    }
  }

  @Test func theCoverPageNamesTheCompany() throws {
    let apple = try CompanyFactsTests.cache.company("AAPL_10-K_2024FY.htm")
    #expect(apple.id == "aapl" && apple.name == "Apple Inc." && apple.cik == "320193")
    #expect(apple.listings.map(\.ticker) == ["AAPL"])
    // CurrentFiscalYearEndDate "September 28" (ixt:date-monthname-day-en), nested inside the
    // DocumentPeriodEndDate "September 28, 2024": a September year.
    #expect(apple.fiscalYearEnd.month == 9)
    #expect(apple.listings.first?.seen?.date == CivilDate(year: 2024, month: 9, day: 28))
    let report = try #require(apple.importReports.first)
    #expect(report.format == "inline XBRL")
    #expect(report.parts.first?.hasPrefix("10-K FY 2024: 193 contexts") == true, "\(report.parts)")
    // The name is printed over two lines of the page.
    let marathon = try CompanyFactsTests.cache.company("MARA_10-Q_2023Q2.htm")
    #expect(marathon.name == "MARATHON DIGITAL HOLDINGS, INC." && marathon.id == "mara" && marathon.cik == "1507605")
    #expect(marathon.fiscalYearEnd.month == 12)
    let parts = try #require(marathon.importReports.first).parts
    #expect(parts.first?.contains("175 nil facts") == true, "\(parts)")
    // Dei facts wrapped in <b>, DocumentPeriodEndDate "June&#160;30,&#160;2023".
    let riot = try CompanyFactsTests.cache.company("RIOT_10-Q_2023Q2.htm")
    #expect(riot.name == "RIOT PLATFORMS, INC." && riot.id == "riot" && riot.cik == "1167419")
    #expect(riot.listings.first?.seen?.date == CivilDate(year: 2023, month: 6, day: 30))
    #expect(riot.importReports[0].parts[0].hasPrefix("10-Q Q2 2023: "), "\(riot.importReports[0].parts)")
  }

  @Test func byTheLanguage() throws {
    let apple = try CompanyFactsTests.session("AAPL_10-K_2024FY.htm")
    #expect(CompanyFactsTests.value(apple, "revenue(fy2024)") == "$391,035,000,000")
    #expect(CompanyFactsTests.value(apple, "revenue(fy2022)") == "$394,328,000,000")
    #expect(CompanyFactsTests.value(apple, "eps(fy2024)") == "$6.08 per share")
    #expect(CompanyFactsTests.value(apple, "total_assets(2024-09-28)") == "$364,980,000,000")
    let explained = CompanyFactsTests.value(apple, "explain revenue(fy2024)")
    #expect(explained.contains("from AAPL_10-K_2024FY.htm line 8"), "\(explained)")
    #expect(explained.contains("RevenueFromContractWithCustomerExcludingAssessedTax"), "\(explained)")
    let marathon = try CompanyFactsTests.session("MARA_10-Q_2023Q2.htm")
    #expect(CompanyFactsTests.value(marathon, "revenue(q2 2023)") == "$81,759,000")
    #expect(CompanyFactsTests.value(marathon, "net_income(q2 2023)") == "-$19,133,000")
    #expect(CompanyFactsTests.value(marathon, "eps(h1 2023)") == "-$0.17 per share")
    // Q1 2022 as restated, not as previously reported (-14,546,000, a RestatementAxis member).
    #expect(CompanyFactsTests.value(marathon, "operating_income(q1 2022)") == "-$20,216,000")
    let riot = try CompanyFactsTests.session("RIOT_10-Q_2023Q2.htm")
    #expect(CompanyFactsTests.value(riot, "revenue(q2 2023)") == "$76,739,000")
    #expect(CompanyFactsTests.value(riot, "eps(q2 2022)") == "-$2.71 per share")
    // The line of the tag is the provenance.
    let eps = CompanyFactsTests.value(marathon, "explain eps(q2 2023)")
    #expect(eps.contains("MARA_10-Q_2023Q2.htm line 2962"), "\(eps)")
  }

  /// Apple files unrecognized tax benefits as 22,038 million in a table and as $22.0 billion in
  /// the text: the rounded repeat is left out, and said so.
  @Test func aRoundedRepeatGivesWayToThePreciseFact() throws {
    let apple = try CompanyFactsTests.cache.company("AAPL_10-K_2024FY.htm")
    let benefits = apple.facts.filter { $0.label == "UnrecognizedTaxBenefits" && $0.period.end == date("2024-09-28") }
    #expect(benefits.map(\.value) == [dec("22038000000")])
    #expect(apple.importReports[0].parts[0].contains("2 facts repeating a more precise fact"))
  }

  // MARK: Detection

  @Test func detectsInlineFilingsOnly() throws {
    for file in Self.filings {
      #expect(InlineXBRLImporter.looksLikeInlineXBRL(try Self.bytes(file)), "\(file)")
    }
    for file in ["SAM_10-K_2013FY.xml", "AAOI_10-Q_2014Q2.xml", "AAWW_10-Q_2014Q2.xml", "companyfacts_AAPL.json"] {
      #expect(!InlineXBRLImporter.looksLikeInlineXBRL(try Self.bytes(file)), "\(file)")
    }
    // Every HTML release of the corpus and of the fixtures is left to the release importer.
    let folders = [Corpus.root.appendingPathComponent("documents"), ImportFixtures.directory]
    var releases = 0
    for folder in folders {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
      where name.hasSuffix(".htm") || name.hasSuffix(".html") {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        #expect(!InlineXBRLImporter.looksLikeInlineXBRL(bytes), "\(name)")
        releases += 1
      }
    }
    #expect(releases >= 20)
    // A release that speaks of inline XBRL, or names its namespace in the text, is a release.
    let release = """
      <html><body><p>ACME reports record revenue. Our 10-K is tagged in inline XBRL
      (http://www.xbrl.org/2013/inlineXBRL); see ix:header.</p></body></html>
      """
    #expect(!InlineXBRLImporter.looksLikeInlineXBRL(Array(release.utf8)))
    #expect(!InlineXBRLImporter.looksLikeInlineXBRL([]))
    #expect(!InlineXBRLImporter.looksLikeInlineXBRL(Array("<".utf8)))
    // Only the head is looked at.
    let late = "<html><body>" + String(repeating: "<p>text</p>", count: 3000) + "<ix:header></ix:header></body></html>"
    #expect(!InlineXBRLImporter.looksLikeInlineXBRL(Array(late.utf8)))
    #expect(InlineXBRLImporter.looksLikeInlineXBRL(Array(Self.inline(body: "").utf8)))
  }

  /// A cut or damaged filing is refused with an ImportError, never a crash or a hang.
  @Test(arguments: filings)
  func truncatedFilingsAreRefused(file: String) throws {
    let bytes = try Self.bytes(file)
    for cut in stride(from: 4096, to: bytes.count, by: bytes.count / 20) {
      #expect(throws: ImportError.self) {
        try ReleaseImporter.importRelease(bytes: Array(bytes[..<cut]), documentName: file)
      }
    }
    #expect(throws: ImportError.self) {
      try ReleaseImporter.importRelease(bytes: Array(bytes.dropLast(20)), documentName: file)
    }
    var damaged = bytes
    for k in stride(from: 4000, to: damaged.count, by: 9973) { damaged[k] = UInt8(ascii: "<") }
    _ = try? ReleaseImporter.importRelease(bytes: damaged, documentName: file)
  }

  // MARK: The same facts as the instance

  static func inline(body: String, resources: String = contexts) -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
      xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:us-gaap="http://fasb.org/us-gaap/2023"
      xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
      xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:dei="http://xbrl.sec.gov/dei/2023">
    <head><title>acme-20231231</title></head>
    <body><div style="display:none"><ix:header><ix:hidden>
    <ix:nonNumeric name="dei:DocumentFiscalYearFocus" contextRef="fy">2023</ix:nonNumeric>
    <ix:nonNumeric name="dei:DocumentFiscalPeriodFocus" contextRef="fy">FY</ix:nonNumeric>
    <ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="fy">0000012345</ix:nonNumeric>
    </ix:hidden><ix:resources>\(resources)</ix:resources></ix:header></div>
    <p>Form <ix:nonNumeric name="dei:DocumentType" contextRef="fy">10-K</ix:nonNumeric> for the year ended
    <ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="fy" format="ixt:date-monthname-day-year-en">December&#160;31, 2023</ix:nonNumeric>,
    <ix:nonNumeric name="dei:EntityRegistrantName" contextRef="fy">ACME &amp; Sons,
    Inc.</ix:nonNumeric> (<ix:nonNumeric name="dei:TradingSymbol" contextRef="fy">acme</ix:nonNumeric>)<br/></p>
    \(body)
    </body></html>
    """
  }

  static let contexts = """
    <xbrli:context id="fy"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000012345</xbrli:identifier>
    </xbrli:entity><xbrli:period><xbrli:startDate>2023-01-01</xbrli:startDate><xbrli:endDate>2023-12-31</xbrli:endDate>
    </xbrli:period></xbrli:context>
    <xbrli:context id="ye"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000012345</xbrli:identifier>
    </xbrli:entity><xbrli:period><xbrli:instant>2023-12-31</xbrli:instant></xbrli:period></xbrli:context>
    <xbrli:context id="fy-west"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000012345</xbrli:identifier>
    <xbrli:segment><xbrldi:explicitMember xmlns:xbrldi="http://xbrl.org/2006/xbrldi" dimension="us-gaap:StatementBusinessSegmentsAxis">acme:WestMember</xbrldi:explicitMember></xbrli:segment>
    </xbrli:entity><xbrli:period><xbrli:startDate>2023-01-01</xbrli:startDate><xbrli:endDate>2023-12-31</xbrli:endDate>
    </xbrli:period></xbrli:context>
    <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
    <xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>
    <xbrli:unit id="usdPerShare"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure>
    </xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator>
    </xbrli:divide></xbrli:unit>
    <xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
    """

  /// Facts in every number format, printed as filers print them.
  static let tagged = """
    <table><tr><td>Revenues</td><td>$<ix:nonFraction name="us-gaap:Revenues" contextRef="fy" unitRef="usd"
      decimals="-6" scale="6" format="ixt:num-dot-decimal"><span style="font-weight:bold" title="a > b">1,<!-- - -->234</span></ix:nonFraction></td>
    <td><ix:nonFraction name="us-gaap:Revenues" contextRef="fy-west" unitRef="usd" decimals="-6" scale="6"
      format="ixt:numdotdecimal">400</ix:nonFraction></td></tr>
    <tr><td>Operating loss</td><td>(<ix:nonFraction name="us-gaap:OperatingIncomeLoss" contextRef="fy" unitRef="usd"
      decimals="-3" scale="3" sign="-" format="ixt:num-comma-decimal">12.345,6</ix:nonFraction>)</td></tr>
    <tr><td>Net income</td><td><ix:nonFraction name="us-gaap:NetIncomeLoss" contextRef="fy" unitRef="usd"
      decimals="-6" scale="6" format="ixt:fixed-zero">&#8212;</ix:nonFraction></td></tr>
    <tr><td>EPS</td><td><ix:nonFraction name="us-gaap:EarningsPerShareBasic" contextRef="fy" unitRef="usdPerShare"
      decimals="2"><ix:nonFraction name="us-gaap:EarningsPerShareDiluted" contextRef="fy" unitRef="usdPerShare"
      decimals="2">0.05</ix:nonFraction></ix:nonFraction></td></tr>
    <tr><td>Shares</td><td><ix:nonFraction name="us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"
      contextRef="fy" unitRef="shares" decimals="-3" scale="3" format="ixt:num-dot-decimal">1&#160;500</ix:nonFraction></td></tr>
    <tr><td>Assets</td><td><ix:nonFraction name="us-gaap:Assets" contextRef="ye" unitRef="usd" decimals="-6"
      scale="6" format="ixt:num-dot-decimal">9,876</ix:nonFraction></td></tr>
    <tr><td>Nil</td><td><ix:nonFraction name="us-gaap:Liabilities" contextRef="ye" unitRef="usd" xsi:nil="true"/></td></tr></table>
    <p>We had <ix:nonFraction name="us-gaap:NumberOfReportableSegments" contextRef="fy" unitRef="pure" decimals="INF"
      format="ixt-sec:numwordsen">two</ix:nonFraction> segments, <ix:nonFraction name="us-gaap:NumberOfStores"
      contextRef="fy" unitRef="pure" decimals="INF" format="ixt-sec:numwordsen">no</ix:nonFraction> stores, a tax rate of
      <ix:nonFraction name="us-gaap:EffectiveIncomeTaxRateContinuingOperations" contextRef="fy" unitRef="pure"
      decimals="3" scale="-2" format="ixt:num-dot-decimal">21.5</ix:nonFraction>% and revenues of $<ix:nonFraction
      name="us-gaap:Revenues" contextRef="fy" unitRef="usd" decimals="-8" scale="9">1.2</ix:nonFraction> billion,
      <ix:nonFraction name="us-gaap:Revenues" contextRef="fy" unitRef="usd" decimals="-6" scale="6"
      format="ixt:num-dot-decimal">1,234</ix:nonFraction> million again.
      <ix:nonFraction name="us-gaap:InterestExpense" contextRef="fy" unitRef="usd" decimals="0"
      format="ixt:date-month-day-year">12/31/2023</ix:nonFraction>
      <ix:nonFraction name="us-gaap:CostOfRevenue" contextRef="fy" unitRef="usd" decimals="0"
      format="ixt:num-dot-decimal">twelve</ix:nonFraction></p>
    """

  /// The instance the document stands for, written as an instance would file the same facts.
  static let instance = """
    <?xml version="1.0" encoding="utf-8"?>
    <xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:us-gaap="http://fasb.org/us-gaap/2023"
      xmlns:dei="http://xbrl.sec.gov/dei/2023" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    \(contexts)
    <dei:DocumentType contextRef="fy">10-K</dei:DocumentType>
    <dei:DocumentPeriodEndDate contextRef="fy">2023-12-31</dei:DocumentPeriodEndDate>
    <dei:DocumentFiscalYearFocus contextRef="fy">2023</dei:DocumentFiscalYearFocus>
    <dei:DocumentFiscalPeriodFocus contextRef="fy">FY</dei:DocumentFiscalPeriodFocus>
    <dei:EntityRegistrantName contextRef="fy">ACME &amp; Sons, Inc.</dei:EntityRegistrantName>
    <dei:TradingSymbol contextRef="fy">acme</dei:TradingSymbol>
    <dei:EntityCentralIndexKey contextRef="fy">0000012345</dei:EntityCentralIndexKey>
    <us-gaap:Revenues contextRef="fy" unitRef="usd" decimals="-6">1234000000</us-gaap:Revenues>
    <us-gaap:Revenues contextRef="fy-west" unitRef="usd" decimals="-6">400000000</us-gaap:Revenues>
    <us-gaap:OperatingIncomeLoss contextRef="fy" unitRef="usd" decimals="-3">-12345600</us-gaap:OperatingIncomeLoss>
    <us-gaap:NetIncomeLoss contextRef="fy" unitRef="usd" decimals="-6">0</us-gaap:NetIncomeLoss>
    <us-gaap:EarningsPerShareBasic contextRef="fy" unitRef="usdPerShare" decimals="2">0.05</us-gaap:EarningsPerShareBasic>
    <us-gaap:EarningsPerShareDiluted contextRef="fy" unitRef="usdPerShare" decimals="2">0.05</us-gaap:EarningsPerShareDiluted>
    <us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding contextRef="fy" unitRef="shares"
      decimals="-3">1500000</us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding>
    <us-gaap:Assets contextRef="ye" unitRef="usd" decimals="-6">9876000000</us-gaap:Assets>
    <us-gaap:Liabilities contextRef="ye" unitRef="usd" xsi:nil="true"/>
    <us-gaap:NumberOfReportableSegments contextRef="fy" unitRef="pure" decimals="INF">2</us-gaap:NumberOfReportableSegments>
    <us-gaap:NumberOfStores contextRef="fy" unitRef="pure" decimals="INF">0</us-gaap:NumberOfStores>
    <us-gaap:EffectiveIncomeTaxRateContinuingOperations contextRef="fy" unitRef="pure"
      decimals="3">0.215</us-gaap:EffectiveIncomeTaxRateContinuingOperations>
    <us-gaap:Revenues contextRef="fy" unitRef="usd" decimals="-8">1200000000</us-gaap:Revenues>
    </xbrli:xbrl>
    """

  @Test func anInlineDocumentImportsAsItsInstanceDoes() throws {
    let document = Self.inline(body: Self.tagged)
    #expect(InlineXBRLImporter.looksLikeInlineXBRL(Array(document.utf8)))
    #expect(!InlineXBRLImporter.looksLikeInlineXBRL(Array(Self.instance.utf8)))
    let inline = try ReleaseImporter.importRelease(bytes: Array(document.utf8), documentName: "acme.htm")
    let instance = try ReleaseImporter.importRelease(bytes: Array(Self.instance.utf8), documentName: "acme.htm")
    struct Seen: Equatable {
      var item, label: String
      var statement: StatementKind
      var section: String?
      var period: ResolvedPeriod
      var value: FSQCore.Decimal
      var unit: FSQCore.Unit
      var column: String
      var namedBy: String?
    }
    func seen(_ company: Company) -> [Seen] {
      company.facts.map {
        Seen(
          item: $0.item, label: $0.label, statement: $0.statement, section: $0.section, period: $0.period,
          value: $0.value, unit: $0.unit, column: $0.source.column, namedBy: $0.source.namedBy)
      }
    }
    #expect(seen(inline) == seen(instance))
    #expect(inline.facts.count == 11)
    #expect(inline.name == "ACME & Sons, Inc." && inline.name == instance.name)
    #expect(inline.id == "acme" && inline.cik == "12345" && inline.cik == instance.cik)
    #expect(inline.listings.map(\.ticker) == ["ACME"] && inline.listings.first?.seen == instance.listings.first?.seen)
    #expect(inline.fiscalYearEnd == instance.fiscalYearEnd)
    #expect(inline.value("operating_income", period("2023-01-01", "2023-12-31")) == dec("-12345.6e3"))
    #expect(inline.value("revenue", period("2023-01-01", "2023-12-31")) == dec("1234000000"))
    #expect(inline.facts.contains { $0.statement == .segment && $0.section == "WestMember" && $0.value == dec("4e8") })
    // Lines of the tags (Assets: line 17 of the page holds the first of `tagged`'s, after the 15
    // lines of `contexts`, 14 more than the one line of the template; then 13 more lines); the two facts in formats fsq does not read (or text that does not fit
    // its format) are skipped and counted, never guessed.
    #expect(inline.facts.first { $0.label == "Assets" }?.source.line == 44)
    let parts = inline.importReports[0].parts
    #expect(parts.contains("1 numeric facts in formats fsq does not read were skipped: ixt:date-month-day-year (1)"))
    #expect(parts.contains("1 numeric facts whose text does not fit their format were skipped"), "\(parts)")
    #expect(parts[0].contains("2 facts without a usable context, unit or number were skipped; 1 nil facts"), "\(parts)")
  }

  @Test func aDocumentWithoutFactsOrHeaderIsRefused() {
    #expect(throws: ImportError.self) {
      try ReleaseImporter.importRelease(bytes: Array(Self.inline(body: "<p>No figures.</p>").utf8), documentName: "a")
    }
    let noHeader = """
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>
      <ix:nonFraction name="us-gaap:Revenues" contextRef="c" unitRef="u">1</ix:nonFraction></body></html>
      """
    #expect(throws: ImportError.self) {
      try ReleaseImporter.importRelease(bytes: Array(noHeader.utf8), documentName: "b")
    }
  }

  @Test func numberFormats() {
    func number(_ text: String, _ format: String?) -> FSQCore.Decimal? { InlineFormats.number(text, format: format) }
    #expect(number("1,234.5", "ixt:num-dot-decimal") == dec("1234.5"))
    #expect(number("1 234\u{00A0}567", "ixt:numdotdecimal") == dec("1234567"))
    #expect(number("1.234,5", "ixt:num-comma-decimal") == dec("1234.5"))
    #expect(number("1,234.5", "ixt:numcommadot") == dec("1234.5") && number("1234,5", "ixt:numcomma") == dec("1234.5"))
    #expect(number("-", "ixt:fixed-zero") == .zero && number("—", "ixt:zerodash") == .zero)
    #expect(number("None", "ixt-sec:numwordsen") == .zero && number("no", "ixt-sec:numwordsen") == .zero)
    #expect(number("nil", "ixt-sec:numwordsen") == .zero)  // American Express, 10-Q Q3 2023
    #expect(number("one thousand, two hundred", "ixt-sec:numwordsen") == dec("1200"))
    #expect(number("twenty-five", "ixt-sec:numwordsen") == dec("25"))
    #expect(number("one hundred and five", "ixt-sec:numwordsen") == dec("105"))
    #expect(number("three thousand two hundred", "ixt-sec:numwordsen") == dec("3200"))
    #expect(number("0.05", nil) == dec("0.05") && number(".12", nil) == dec("0.12"))
    for (text, format) in [
      ("1,234", nil), ("-5", nil), ("1e3", nil), ("(1,234)", "ixt:num-dot-decimal"), ("1.2.3", "ixt:num-dot-decimal"),
      ("", "ixt:num-dot-decimal"), ("a few", "ixt-sec:numwordsen"), ("12", "ixt:date-month-day-year"),
    ] as [(String, String?)] {
      #expect(number(text, format) == nil, "\(text) \(format ?? "")")
    }
    #expect(InlineFormats.scaled(dec("1.5"), by: "9") == dec("1500000000"))
    #expect(InlineFormats.scaled(dec("21.5"), by: "-2") == dec("0.215"))
    #expect(InlineFormats.scaled(dec("1"), by: "x") == nil && InlineFormats.scaled(dec("7"), by: nil) == dec("7"))
    #expect(InlineFormats.isoDate("September 28, 2024", format: "ixt:date-monthname-day-year-en") == "2024-09-28")
    #expect(InlineFormats.isoDate("June 30, 2023", format: "ixt:datemonthdayyearen") == "2023-06-30")
    #expect(InlineFormats.isoDate("Sept. 28", format: "ixt:date-monthname-day-en") == "--09-28")
    #expect(InlineFormats.isoDate("12/31/2023", format: "ixt:date-month-day-year") == "2023-12-31")
    #expect(InlineFormats.isoDate("February 30, 2023", format: "ixt:date-monthname-day-year-en") == nil)
  }

  /// Real filings run to 10 MB of inline styles: reading stays linear (a document four times
  /// as long takes about four times as long, not sixteen).
  @Test func largeDocumentsReadInLinearTime() throws {
    func document(facts: Int) -> [UInt8] {
      let style = "style=\"" + String(repeating: "font-family:Times New Roman;font-size:10pt;", count: 20) + "\""
      var body = ""
      for k in 0..<facts {
        body += "<tr \(style)><td \(style)><span \(style)>Line&#160;\(k)&amp;more<br/></span></td><td \(style)>"
        body +=
          "<ix:nonFraction name=\"us-gaap:Line\(k)\" contextRef=\"fy\" unitRef=\"usd\" decimals=\"-6\" scale=\"6\""
        body += " format=\"ixt:num-dot-decimal\"><span \(style)>\(k + 1),000</span></ix:nonFraction></td></tr>\n"
      }
      return Array(Self.inline(body: "<table>" + body + "</table>").utf8)
    }
    let small = document(facts: 2_000)
    let large = document(facts: 8_000)
    #expect(large.count > 8_000_000)
    func seconds(_ bytes: [UInt8]) throws -> Double {
      let start = Date()
      let company = try ReleaseImporter.importRelease(bytes: bytes, documentName: "big.htm")
      #expect(company.facts.count == (bytes.count == small.count ? 2_000 : 8_000))
      return Date().timeIntervalSince(start)
    }
    _ = try seconds(small)
    let (a, b) = (try seconds(small), try seconds(large))
    #expect(b < 8 * a + 0.5, "2,000 facts: \(a) s; 8,000 facts: \(b) s")
    #expect(b < 30, "8 MB took \(b) s")
  }
}
