import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// `explain`: derived quarters are marked derived down to the figures they come from, text
/// facts carry their sentence, and the JSON tree is pinned.
@Suite struct CheckExplainTests {
  static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

  /// A company printing revenue for fiscal 2009 and its first nine months only.
  static func yearAndNineMonths() -> Model {
    func fact(_ start: String, _ end: String, _ value: Int, line: Int, column: String) -> Fact {
      Fact(
        item: "revenue", label: "Revenues", statement: .incomeStatement,
        period: ResolvedPeriod(start: date(start), end: date(end)), value: Decimal(value), unit: .usd,
        source: SourceReference(
          document: "acme.md", statement: "Statement of Operations", label: "Revenues", column: column, line: line))
    }
    let company = Company(
      id: "acme", name: "Acme Corp",
      facts: [
        fact("2009-01-01", "2009-12-31", 1_000, line: 12, column: "Year Ended December 31, 2009"),
        fact("2009-01-01", "2009-09-30", 700, line: 40, column: "Nine Months Ended September 30, 2009"),
      ])
    return Model(companies: [company])
  }

  @Test func aDerivedQuarterIsMarkedDerivedWithBothFigures() {
    let session = Session(model: Self.yearAndNineMonths())
    let (out, err, _) = TestSupport.run("explain revenue(q4 2009)", session: session)
    #expect(err.isEmpty)
    #expect(
      out == """
        revenue(q4 2009) = $300 (derived)    [revenue(fy 2009) - revenue(9m 2009)]
        │  derived: fy 2009 minus 9m 2009
        ├─ revenue(fy 2009) = $1,000
        │     from acme.md line 12: Statement of Operations, "Revenues", column "Year Ended December 31, 2009"
        └─ revenue(9m 2009) = $700
              from acme.md line 40: Statement of Operations, "Revenues", column "Nine Months Ended September 30, 2009"

        """)
    let json = TestSupport.run("explain revenue(q4 2009)", session: session, format: .json).out
    #expect(json.contains("\"derived\":true"))
    #expect(json.contains("\"remarks\":[\"derived: fy 2009 minus 9m 2009\"]"))
  }

  @Test func jsonExplanationsOfTheSeed() {
    let session = Session(model: ReleaseImporter.bundledModel())
    let script =
      "explain margin(q3 2009)\nexplain corporate_customers(q3 2009)\nexplain ticker(2009-05-29)\nexplain formula(ebitda, q3 2009)"
    let (out, err, _) = TestSupport.run(script, session: session, format: .json)
    #expect(err.isEmpty)
    #expect(out.split(separator: "\n").count == 4)
    // The narrative fact's source carries its sentence; the ticker its inferred year.
    #expect(out.contains("\"sentence\":\"The 173 corporate customers sold"))
    #expect(out.contains("year 2009 inferred"))
    let url = TestSupport.packageRoot.appendingPathComponent("Tests/Golden/explain/seed.jsonl")
    if let problem = TestSupport.compareGolden(out, url) { Issue.record(Comment(rawValue: problem)) }
  }
}
