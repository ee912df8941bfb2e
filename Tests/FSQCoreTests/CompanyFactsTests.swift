import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// SEC company facts (issue 16): two real files (Apple, NVIDIA; Tests/Corpus/xbrl/SOURCES.md)
/// against values read off them by hand (Tests/Corpus/xbrl/expected.tsv).
@Suite struct CompanyFactsTests {
  static let folder = Corpus.root.appendingPathComponent("xbrl")

  struct Row {
    var file: String
    var concept: String
    var unit: String
    var start: String
    var end: String
    var value: String
    var form: String
    var accession: String
    var note: String

    var period: ResolvedPeriod {
      func date(_ text: String) -> CivilDate {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])!
      }
      return ResolvedPeriod(start: start.isEmpty ? nil : date(start), end: date(end))
    }
    var item: String {
      XBRLConcepts.item(for: concept)
        ?? XBRLConcepts.itemName(concept.hasPrefix("us-gaap:") ? String(concept.dropFirst(8)) : concept)
    }
  }

  static func rows(_ file: String) throws -> [Row] {
    let text = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return Row(
        file: f[0], concept: f[1], unit: f[2], start: f[3], end: f[4], value: f[5], form: f[6], accession: f[9],
        note: f.count > 10 ? f[10] : "")
    }.filter { $0.file == file }
  }

  static let cache = Cache()
  final class Cache: @unchecked Sendable {
    let lock = NSLock()
    var companies: [String: Company] = [:]
    func company(_ file: String) throws -> Company {
      lock.lock()
      defer { lock.unlock() }
      if let company = companies[file] { return company }
      let bytes = try [UInt8](Data(contentsOf: CompanyFactsTests.folder.appendingPathComponent(file)))
      let company = try ReleaseImporter.importRelease(bytes: bytes, documentName: file)
      companies[file] = company
      return company
    }
  }

  static func session(_ file: String) throws -> Session {
    Session(model: Model(companies: [try cache.company(file)]))
  }

  static func value(_ session: Session, _ expression: String) -> String {
    let (out, err, _) = TestSupport.run(expression, session: session)
    return (out + err).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Every value read by hand is in the model as filed, with its filing as provenance.
  @Test(arguments: ["companyfacts_AAPL.json", "companyfacts_NVDA.json"])
  func everyFiledValueIsThereWithItsFiling(file: String) throws {
    let company = try Self.cache.company(file)
    let rows = try Self.rows(file).filter { $0.form != "derived" && !$0.note.hasPrefix("suspect") }
    #expect(rows.count >= 12)
    for row in rows {
      let concept = String(row.concept.split(separator: ":").last!)
      let parsed: FSQCore.Decimal? = FSQCore.Decimal(parsing: row.value)
      let expected = try #require(parsed)
      let found = company.facts.contains {
        $0.label == concept && $0.period == row.period && $0.value == expected
          && $0.source.document.hasSuffix(row.accession)
      }
      #expect(found, "\(row.concept) \(row.start)..\(row.end) = \(row.value) in \(row.accession)")
    }
  }

  /// Where a later filing reports a period differently, the later one answers and the earlier
  /// one is beside it in explain; otherwise the value filed answers.
  @Test(arguments: ["companyfacts_AAPL.json", "companyfacts_NVDA.json"])
  func theNewestFilingAnswers(file: String) throws {
    let company = try Self.cache.company(file)
    let rows = try Self.rows(file).filter { $0.form != "derived" && !$0.note.hasPrefix("suspect") }
    let restated = Set(rows.filter { $0.note.hasPrefix("restated") }.map { "\($0.item) \($0.period)" })
    for row in rows {
      let key = "\(row.item) \(row.period)"
      let isOriginal = restated.contains(key) && !row.note.hasPrefix("restated")
      let answer = try #require(company.reportedFigure(row.item, period: row.period), "\(key)")
      let parsed: FSQCore.Decimal? = FSQCore.Decimal(parsing: row.value)
      let expected = try #require(parsed)
      if isOriginal {
        #expect(answer.quantity.amount != expected, "\(key): the original \(row.value) answered")
      } else if row.unit != "shares" || row.concept.hasPrefix("us-gaap") {
        #expect(answer.quantity.amount == expected, "\(key): \(answer.quantity.amount), expected \(row.value)")
      }
    }
  }

  @Test func appleByTheLanguage() throws {
    let session = try Self.session("companyfacts_AAPL.json")
    // FY2023 (10-K 0000320193-23-000106), Q1 FY2024 (10-Q 0000320193-24-000006).
    #expect(Self.value(session, "revenue(fy2023)") == "$383,285,000,000")
    #expect(Self.value(session, "net_income(fy2023)") == "$96,995,000,000")
    #expect(Self.value(session, "eps(fy2023)") == "$6.13 per share")
    #expect(Self.value(session, "total_assets(2023-09-30)") == "$352,583,000,000")
    #expect(Self.value(session, "revenue(q1 2024)") == "$119,575,000,000")
    // Q4 FY2023 is filed only as the year and nine months: 383,285,000,000 − 293,787,000,000.
    #expect(Self.value(session, "revenue(q4 2023)") == "$89,498,000,000 (derived)")
    #expect(Self.value(session, "net_income(q4 2023)") == "$22,956,000,000 (derived)")
    // The 10-K/A of January 2010 restated FY2009: 36,537,000,000 → 42,905,000,000 (repeated by
    // later 10-Ks; the newest that files it answers).
    #expect(Self.value(session, "revenue(fy2009)") == "$42,905,000,000")
    let explained = Self.value(session, "explain revenue(fy2009)")
    #expect(explained.contains("printed $36,537,000,000 (filed 2009-10-27)"), "\(explained)")
    // The 4-for-1 split of 2020: FY2019 diluted EPS 11.89 as filed, 2.97 as restated.
    #expect(Self.value(session, "eps(fy2019)") == "$2.97 per share")
    // Any concept by its own name.
    #expect(Self.value(session, "\"EntityCommonStockSharesOutstanding\"(2024-10-18)") == "15,115,823,000 shares")
  }

  @Test func nvidiaByTheLanguage() throws {
    let session = try Self.session("companyfacts_NVDA.json")
    // A fiscal year ending in late January (FY2024 ended 2024-01-28).
    #expect(Self.value(session, "revenue(fy2024)") == "$60,922,000,000")
    #expect(Self.value(session, "revenue(q3 2025)") == "$35,082,000,000")
    #expect(Self.value(session, "revenue(q4 2024)") == "$22,103,000,000 (derived)")
    // No EPS by subtraction: 11.93 − 7.01 = 4.92, but the quarter's diluted EPS was 4.93.
    #expect(Self.value(session, "eps(q4 2024)").contains("error"))
    // The 10-for-1 split of 2024: Q3 FY2024 diluted EPS 3.71 as filed, 0.37 as restated.
    #expect(Self.value(session, "eps(q3 2024)") == "$0.37 per share")
    // The FY2017 10-K files Q2's 2,230,000,000 under the first half of FY2018; the 10-Qs file
    // 4,167,000,000. The mis-tagged row is not used.
    #expect(Self.value(session, "revenue(h1 2018)") == "$4,167,000,000")
    let report = try Self.cache.company("companyfacts_NVDA.json").importReports[0]
    #expect(report.findings.contains { $0.message.contains("2230000000") }, "\(report.findings)")
  }

  /// XBRL instance documents: every value read by hand is a fact of the consolidated entity,
  /// and its item answers it (no dimensional or alternative fact shadows it).
  @Test(arguments: ["SAM_10-K_2013FY.xml", "AAOI_10-Q_2014Q2.xml", "AAWW_10-Q_2014Q2.xml"])
  func instanceValuesAnswer(file: String) throws {
    let company = try Self.cache.company(file)
    let rows = try Self.rows(file).filter { $0.form != "derived" && !$0.value.isEmpty }
    #expect(rows.count >= 6)
    for row in rows {
      let concept = String(row.concept.split(separator: ":").last!)
      let parsed: FSQCore.Decimal? = FSQCore.Decimal(parsing: row.value)
      let expected = try #require(parsed)
      let fact = company.facts.first {
        $0.label == concept && $0.period == row.period && $0.value == expected && $0.statement != .segment
      }
      guard let fact else {
        Issue.record("\(file): no \(row.concept) \(row.start)..\(row.end) = \(row.value)")
        continue
      }
      let answer = company.reportedFigure(fact.item, period: row.period)?.quantity.amount
      #expect(answer == expected, "\(file): \(fact.item) \(row.period) answered \(String(describing: answer))")
    }
  }

  @Test func instancesByTheLanguage() throws {
    // Boston Beer FY2013 (sam-20131228.xml): revenues 739,053,000, not the gross sales of
    // 793,705,000 filed as SalesRevenueGoodsNet for the same year.
    let sam = try Self.session("SAM_10-K_2013FY.xml")
    #expect(Self.value(sam, "revenue(fy2013)") == "$739,053,000")
    #expect(Self.value(sam, "sales_revenue_goods_net(fy2013)") == "$793,705,000")
    #expect(Self.value(sam, "net_income(q4 2013)") == "$18,079,000")
    #expect(Self.value(sam, "sam.total_assets(2013-12-28)") == "$444,075,000")
    #expect(try Self.cache.company("SAM_10-K_2013FY.xml").cik == "949870")
    // Atlas Air files no NetIncomeLoss: no net_income, rather than another concept's figure.
    let aaww = try Self.session("AAWW_10-Q_2014Q2.xml")
    #expect(Self.value(aaww, "net_income(q2 2014)").contains("error"))
    #expect(Self.value(aaww, "net_income_to_common(q2 2014)") == "$29,593,000")
    #expect(Self.value(aaww, "revenue(q2 2014)") == "$441,169,000")
    // Facts of a dimension stay apart from the consolidated figure.
    let dimensional = try Self.cache.company("SAM_10-K_2013FY.xml").facts.filter { $0.statement == .segment }
    #expect(!dimensional.isEmpty && dimensional.allSatisfy { $0.item.contains("__") && $0.section != nil })
  }

  /// A truncated or damaged filing is refused (or read in part), never a crash or a hang.
  @Test func truncatedAndDamagedFilingsNeverCrash() throws {
    for file in ["SAM_10-K_2013FY.xml", "AAOI_10-Q_2014Q2.xml"] {
      let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(file)))
      for cut in stride(from: 1, to: bytes.count, by: bytes.count / 25) {
        let result = Result { try ReleaseImporter.importRelease(bytes: Array(bytes[..<cut]), documentName: file) }
        if case .success(let company) = result { #expect(!company.facts.isEmpty) }
      }
      var damaged = bytes
      for k in stride(from: 500, to: damaged.count, by: 997) { damaged[k] = UInt8(ascii: "<") }
      _ = try? ReleaseImporter.importRelease(bytes: damaged, documentName: file)
    }
    let deep = "<xbrl>" + String(repeating: "<a>", count: 100_000)
    #expect(throws: ImportError.self) {
      try ReleaseImporter.importRelease(bytes: Array(deep.utf8), documentName: "deep.xml")
    }
  }

  @Test func notJSONOrNotCompanyFactsIsRefused() {
    #expect(throws: ImportError.self) {
      try ReleaseImporter.importRelease(bytes: Array("{\"facts\": {\"us-gaap\": {}}}".utf8), documentName: "e.json")
    }
    #expect(throws: ImportError.self) {
      try ReleaseImporter.importRelease(bytes: Array("{\"facts\": [1, 2".utf8), documentName: "cut.json")
    }
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: ImportError.self) {
      try ReleaseImporter.importRelease(bytes: Array(("{\"facts\": " + deep).utf8), documentName: "deep.json")
    }
  }
}
