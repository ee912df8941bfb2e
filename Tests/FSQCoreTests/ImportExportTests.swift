import Foundation
import Testing

@testable import FSQCore

/// Import → export → read back → compare every fact; and imports that fail change nothing.
@Suite struct ImportExportTests {
  static let fixtures = [
    "northwind_fy2010_q4.htm", "cascade_q2_2004.txt", "harborlane_fy2003.md", "quillfeather_q4_2012_ex99.htm",
    "pinecrest_q3_fy2005.txt", "alderridge_q2_fy2009.md", "granitebay_fy2003_wire.txt",
  ]

  func fullModel() throws -> Model {
    var model = ReleaseImporter.bundledModel()
    for name in Self.fixtures { try model.importRelease(bytes: ImportFixtures.bytes(name), documentName: name) }
    return model
  }

  // MARK: Round trip

  @Test func csvRoundTripKeepsEveryFact() throws {
    let model = try fullModel()
    let expected = FactExport.facts(model)
    #expect(expected.count == model.companies.reduce(0) { $0 + $1.facts.count })
    #expect(expected.count > 500)
    let csv = FactExport.csv(model)
    let read = try FactExport.readCSV(csv)
    #expect(read.count == expected.count)
    for (a, b) in zip(read, expected) where a != b { Issue.record("\(a) != \(b)") }
    // And back to the model's own values, exactly.
    var index = 0
    for company in model.companies {
      for fact in company.facts {
        let row = read[index]
        index += 1
        #expect(row.company == company.id && row.item == fact.item && row.label == fact.label)
        #expect(row.periodStart == fact.period.start && row.periodEnd == fact.period.end)
        #expect(Decimal.compare(row.value, fact.value) == 0)
        #expect(row.unitValue == fact.unit)
        #expect(row.source == "\(fact.source.document):\(fact.source.line)")
      }
    }
  }

  @Test func csvIsRFC4180() throws {
    var model = Model()
    try model.importRelease(
      bytes: ImportFixtures.bytes("pinecrest_q3_fy2005.txt"), documentName: "pinecrest_q3_fy2005.txt")
    let csv = FactExport.csv(model)
    let lines = csv.components(separatedBy: "\r\n")
    #expect(lines.first == "company,item,label,period_start,period_end,value,unit,source,statement,section,column")
    #expect(lines.last == "")  // every record ends in CRLF
    // A label with a comma is quoted; values are exact, unscaled text; instants have no start.
    #expect(
      lines.contains(
        "pco,cost_of_revenue,\"Cost of sales, including buying and occupancy costs\",2005-07-31,2005-10-29,268019000,USD,pinecrest_q3_fy2005.txt:32,CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS,,\"13 Weeks Ended October 29, 2005\""
      ))
    #expect(lines.contains { $0.hasPrefix("pco,eps_diluted,Diluted,2005-07-31,2005-10-29,0.6,USD/share,") })
    #expect(lines.contains { $0.hasPrefix("pco,total_assets,Total assets,,2005-10-29,660942000,USD,") })
  }

  @Test func quotesNewlinesAndOddTextSurvive() throws {
    let source = SourceReference(
      document: "odd, \"name\".txt", statement: "Line1\nLine2", label: "x", column: "Q\r\n3", line: 7)
    let fact = Fact(
      item: "odd_item", label: "Say \"hi\", then\nleave", statement: .other, section: "A, B",
      period: period("2020-01-01", "2020-03-31"), value: dec("-0.000123456789012345678901234567"), unit: .percent,
      source: source)
    let company = Company(id: "odd", name: "Odd, Inc.", facts: [fact, fact], documents: ["odd, \"name\".txt"])
    let model = Model(companies: [company])
    let read = try FactExport.readCSV(FactExport.csv(model))
    #expect(read == FactExport.facts(model))
    #expect(read.first?.label == "Say \"hi\", then\nleave")
    #expect(read.first?.value.plainString == "-0.000123456789012345678901234567")
    // LF line ends read the same.
    let lf = FactExport.csv(model).replacingOccurrences(of: "\r\n", with: "\n")
    #expect(try FactExport.readCSV(lf).count == 2)
  }

  @Test func jsonLinesOneObjectPerFact() throws {
    let model = try fullModel()
    let text = FactExport.json(model)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let facts = FactExport.facts(model)
    #expect(lines.count == facts.count + 1 && lines.last == "")
    for (line, fact) in zip(lines, facts) {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(object["company"] as? String == fact.company)
      #expect(object["item"] as? String == fact.item)
      #expect(object["label"] as? String == fact.label)
      // The value is a JSON number written with every digit of the exact decimal.
      #expect(object["value"] is NSNumber)
      #expect(line.contains("\"value\":\(fact.value.plainString),"))
      #expect(object["period_end"] as? String == fact.periodEnd.description)
      if let start = fact.periodStart {
        #expect(object["period_start"] as? String == start.description)
      } else {
        #expect(object["period_start"] is NSNull)
      }
      #expect(object["source"] as? String == fact.source)
    }
  }

  @Test func readCSVReportsTheLine() {
    let header = FactExport.columns.joined(separator: ",")
    func error(_ text: String) -> ImportError? {
      do {
        _ = try FactExport.readCSV(text)
        return nil
      } catch { return error }
    }
    #expect(error("")?.line == 1)
    #expect(error("company,item\r\n")?.message == "the CSV header has no column 'label'")
    let good = "acme,revenue,Revenue,2009-01-01,2009-03-31,100,USD,a.txt:3,S,,Q1"
    #expect(error(header + "\n" + good + "\n") == nil)
    #expect(
      error(header + "\n" + good + "\nacme,revenue,Revenue,2009-01-01,2009-03-31,1x0,USD,a.txt:3,S,,Q1\n")?.line == 3)
    #expect(error(header + "\n" + good + "\nacme,revenue\n")?.line == 3)
    #expect(error(header + "\n\"unclosed,revenue\n")?.line == 2)
    #expect(
      error(header + "\nacme,revenue,Revenue,2009-13-01,2009-03-31,100,USD,a.txt:3,S,,Q1\n")?.message.contains(
        "period start") == true)
  }

  // MARK: Errors: reported with their line, and all or nothing

  @Test func unreadableFigureIsReportedWithItsLine() throws {
    var text = String(decoding: try ImportFixtures.bytes("pinecrest_q3_fy2005.txt"), as: UTF8.self)
    text = text.replacingOccurrences(of: "144,287", with: "144,2x7")
    let lineNumber =
      text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("144,2x7") }! + 1
    // The release is read; the one cell is left out and the report says where.
    let company = try ReleaseImporter.importRelease(bytes: Array(text.utf8), documentName: "bad.txt")
    let unread = company.importReports.flatMap { $0.tables.flatMap(\.unread) }
    #expect(unread.map(\.line) == [lineNumber])
    #expect(unread.first?.text.contains("144,2x7") == true)
    #expect(company.importReports.first?.render().contains("line \(lineNumber):") == true)
    #expect(!company.facts.contains { $0.source.line == lineNumber && $0.value == Decimal(144_287_000) })
  }

  @Test func failedImportLeavesTheModelEqual() throws {
    var model = try fullModel()
    let before = FactExport.csv(model)
    let ids = model.companies.map(\.id)
    let documents = model.companies.map(\.documents)
    let statements = model.companies.map(\.statements)

    // An unreadable figure in an otherwise good release is left out and said; it no longer
    // refuses the release (issue 11), so it is imported into a copy.
    var text = String(decoding: try ImportFixtures.bytes("granitebay_fy2003_wire.txt"), as: UTF8.self)
    text = text.replacingOccurrences(of: "4,093", with: "4,0;93")
    var copy = model
    try copy.importRelease(bytes: Array(text.utf8), documentName: "granitebay_v2.txt")
    let report = copy.companies.flatMap(\.importReports).first { $0.document == "granitebay_v2.txt" }
    #expect(report?.tables.flatMap(\.unread).map(\.text) == ["4,0;93"])
    #expect(report?.summary.contains("1 cell not read") == true)
    // A document loaded twice.
    let again = try ImportFixtures.bytes("alderridge_q2_fy2009.md")
    #expect(throws: ImportError.self) { try model.importRelease(bytes: again, documentName: "alderridge_q2_fy2009.md") }
    // Not a release at all.
    do {
      try model.importRelease(bytes: Array("Shopping list: 3 apples, 2 pears.\n".utf8), documentName: "list.txt")
      Issue.record("imported a shopping list")
    } catch {
      #expect(error.message.hasPrefix("not an earnings release"))
    }

    #expect(FactExport.csv(model) == before)
    #expect(model.companies.map(\.id) == ids)
    #expect(model.companies.map(\.documents) == documents)
    #expect(model.companies.map(\.statements) == statements)
  }
}
