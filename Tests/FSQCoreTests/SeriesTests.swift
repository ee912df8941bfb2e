import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// Series, lists and reports (issue 13): syntax, values, rendering in every format, charts.
@Suite struct SeriesTests {
  /// Three Pericom releases: Q1–Q4 of fiscal 2005 and Q1 of fiscal 2006 (June year end).
  static let pericom: Model = {
    var model = Model()
    for name in ["pericom_q3_fy2005.txt", "pericom_q4_fy2005_submission.txt", "pericom_q1_fy2006_submission.txt"] {
      let url = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus/documents/\(name)")
      let bytes = Array((try? Data(contentsOf: url)) ?? Data())
      try? model.importRelease(bytes: bytes, documentName: name)
    }
    return model
  }()

  func run(_ text: String, format: OutputFormat = .text) -> (out: String, err: String, status: FSQCore.ExitStatus) {
    TestSupport.run(text, session: Session(model: Self.pericom), format: format)
  }

  // MARK: Syntax

  @Test func rangesListsAndScalesParse() {
    let cases: [(String, String)] = [
      ("revenue(q1 2008..q3 2009)", "(call revenue (.. (period q1 2008) (period q3 2009)))"),
      ("fy2005..fy2009", "(.. (period fy 2005) (period fy 2009))"),
      ("prior(q3 2009)..q3 2009", "(.. (call prior (period q3 2009)) (period q3 2009))"),
      // Tighter than comparisons, looser than arithmetic.
      ("a..b == c", "(== (.. a b) c)"),
      ("[revenue, sga,]", "(list revenue sga)"),
      ("[]", "(list)"),
      (
        "[x(q3 2009) for x in items(income_statement) if x(q3 2009) > 0]",
        "(for x (call items income_statement) (call x (period q3 2009)) (if (> (call x (period q3 2009)) 0)))"
      ),
      ("revenue(q3 2009) in millions", "(in 2 (call revenue (period q3 2009)))"),
      ("1 + 2 in thousands", "(in 1 (+ 1 2))"),
      // 'in' before anything but a scale word is a name after an expression: an error, not a scale.
      ("let in = 3", "(let in 3)"),
      (
        "chart revenue(q1 2008..q3 2009) to \"r.svg\"",
        "(chart (call revenue (.. (period q1 2008) (period q3 2009))) (to \"r.svg\"))"
      ),
      // `chart` followed by '(' is a call, and alone a name.
      ("chart(1)", "(call chart 1)"),
      ("chart", "chart"),
      (
        "table revenue for q in q1 2008..q2 2008 in millions with change, sparkline decimals 1 where row(q) > 0 order by row(q) desc limit 5",
        "(table (revenue) (for (.. (period q1 2008) (period q2 2008))) (var q) change sparkline (scale 2) (decimals 1) (where (> (call row q) 0)) (order (call row q) desc) (limit 5))"
      ),
    ]
    for (input, expected) in cases {
      let program = parsed(input)
      #expect(program.diagnostics.isEmpty, "\(input): \(program.diagnostics)")
      #expect(sexpr(program) == expected, "\(input)")
    }
  }

  @Test func aYearBeforeTwoDotsIsARangeAndBeforeOneIsNot() {
    #expect(lexed("q1 2008..q3 2009").tokens.map(\.0) == [.period, .dotDot, .period, .endOfInput])
    #expect(lexed("fy 2005..fy 2009").tokens.map(\.0) == [.period, .dotDot, .period, .endOfInput])
    #expect(lexed("2009q3..2010q1").tokens.map(\.0) == [.period, .dotDot, .period, .endOfInput])
    // `q3 2009.5` is not a period followed by a fraction.
    #expect(lexed("q3 2009.5").tokens.first?.0 != .period)
    // Brackets hold newlines like parentheses.
    #expect(parsed("[1,\n2]").diagnostics.isEmpty)
  }

  // MARK: Values

  @Test func seriesFunctionsAgreeWithTheReleases() {
    // Q1–Q4 fiscal 2005 net revenues 19,786 / 19,217 / 19,433 / 21,121 thousand sum to the
    // 79,557 printed for the year (pericom_q4_fy2005_submission.txt:346).
    let (out, err, status) = run(
      """
      sum(revenue(q1 2005..q4 2005)) == revenue(fy 2005)
      count(revenue(q1 2005..q4 2005))
      first(revenue(q1 2005..q4 2005))
      last(revenue(q1 2005..q4 2005))
      min(revenue(q1 2005..q4 2005))
      max(revenue(q1 2005..q4 2005))
      """)
    #expect(err.isEmpty, "\(err)")
    #expect(status == .success)
    #expect(out == "true\n4\n$19,786,000\n$21,121,000\n$19,217,000\n$21,121,000\n")
  }

  @Test func aGapIsNeverSummedOver() {
    // Q3 fiscal 2004's release is not loaded: q2 2004 has no figure.
    let (_, err, status) = run("sum(revenue(q2 2004..q1 2005))")
    #expect(status == .evaluation)
    #expect(err.contains("no figure for q2 2004"), "\(err)")
  }

  @Test func cagrAndStdevComputeAsWrittenInTheDocs() throws {
    // 79,557 / 66,417 - 1 = 19.784%; stdev of the four quarters (n - 1) = 854.0009 thousand.
    let (out, _, _) = run("cagr(revenue(fy 2004..fy 2005))\nstdev(revenue(q1 2005..q4 2005))", format: .csv)
    let rows = out.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",") }
    let cagr = try #require(Double(String(rows[0][0])))
    let stdev = try #require(Double(String(rows[1][0])))
    #expect(abs(cagr - 19.7843) < 0.001)
    #expect(abs(stdev - 854_000.9) < 1)
  }

  @Test func aComprehensionFiltersAndMaps() {
    let (out, err, _) = run("[x for x in items(income_statement) if x(fy 2005) > $20M]")
    #expect(err.isEmpty, "\(err)")
    // Fiscal 2005 (thousands): 79,557, 50,764, 28,793 and the operating expenses' "Total"
    // 31,599 (pericom_q4_fy2005_submission.txt:361); the lines with no fiscal 2005 figure are
    // left out rather than stop the list.
    #expect(out == "revenue\ncost_of_revenue\ngross_profit\ntotal\n")
  }

  @Test func scaleWordsApplyToMoneyAndSharesOnly() {
    #expect(run("revenue(q1 2005) in millions").out == "$19.79M\n")
    #expect(run("round(revenue(q1 2005) in millions, 1)").out == "$19.8M\n")
    let (_, err, status) = run("margin(q1 2005) in millions")
    #expect(status == .evaluation)
    #expect(err.contains("only money and share counts"), "\(err)")
  }

  // MARK: Rendering

  @Test func aSeriesRendersWholeInEveryFormat() {
    let csv = run("revenue(q3 2005..q1 2006)", format: .csv).out
    #expect(csv == "period,value,unit\r\nq3 2005,19433000,USD\r\nq4 2005,21121000,USD\r\nq1 2006,22473000,USD\r\n")
    let json = run("revenue(q4 2005..q1 2006)", format: .json).out
    #expect(
      json
        == #"{"type":"series","name":"revenue","points":[{"period":"q4 2005","value":21121000,"unit":"USD","text":"$21,121,000"},{"period":"q1 2006","value":22473000,"unit":"USD","text":"$22,473,000"}]}"#
        + "\n")
    let markdown = run("revenue(q4 2005..q1 2006)", format: .markdown).out
    #expect(markdown.hasPrefix("| period | revenue |\n|---|---:|\n| q4 2005 | $21,121,000 |"))
  }

  @Test func aReportTableIsOneCSVTableWithFullPrecision() {
    let csv = run("table revenue, margin for q4 2005..q1 2006 in millions decimals 1 with change", format: .csv).out
    let lines = csv.split(separator: "\r\n")
    #expect(lines.count == 3)
    #expect(lines[0] == "item,q4 2005,q4 2005 unit,q1 2006,q1 2006 unit,change,change unit")
    // In millions and rounded to one place as asked: 21.1 and 22.5, the change 1.4.
    #expect(lines[1] == "revenue,21.1,USD millions,22.5,USD millions,1.4,USD millions")
  }

  @Test func oneRowShowsOneNumberOfDecimals() {
    let cells: [Value?] = [
      .quantity(Quantity(Decimal(parsing: "0.083")!, .percent)),
      .quantity(Quantity(Decimal(parsing: "0.0833")!, .percent)),
      nil,
    ]
    var table = ResultTable(columns: ["a", "b", "c"], rows: [ResultTable.Row(label: "m", cells: cells)])
    #expect(OutputRenderer(format: .text).render(.value(.table(table))).contains("m     8.30%  8.33%  —"))
    table.decimals = 3
    #expect(OutputRenderer(format: .text).render(.value(.table(table))).contains("m     8.300%  8.330%  —"))
  }

  @Test func whereAndOrderByNameTheRow() {
    let (out, err, _) = run(
      "table items(income_statement) for fy 2004, fy 2005 where row(fy 2005) > $15M order by row(fy 2005) desc")
    #expect(err.isEmpty, "\(err)")
    let labels = out.split(separator: "\n").dropFirst(2).map { $0.split(separator: " $").first.map(String.init) ?? "" }
      .map { $0.trimmingCharacters(in: .whitespaces) }
    // 79,557 > 50,764 > 31,599 > 28,793 > 15,767 > 15,538 (thousands, fiscal 2005).
    #expect(
      labels == [
        "Net revenues", "Cost of revenues", "Total", "Gross profit", "Research and development",
        "Selling, general and administrative",
      ])
  }

  // MARK: Charts

  @Test func aChartToAFileIsAStandaloneSVGWithItsNumbers() throws {
    let session = Session(model: Self.pericom)
    var written: [String: [UInt8]] = [:]
    session.writeFile = { path, bytes in
      written[path] = bytes
      return .success(())
    }
    let (out, err, status) = TestSupport.run(
      "chart revenue(q3 2005..q1 2006) to \"revenue.svg\"", session: session)
    #expect(status == .success, "\(err)")
    #expect(out == "wrote a chart of revenue to revenue.svg\n")
    let svg = String(decoding: try #require(written["revenue.svg"]), as: UTF8.self)
    #expect(svg.hasPrefix("<?xml"))
    #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    // In millions: 19.433, 21.121 and 22.473.
    for value in ["19.433", "21.121", "22.473"] { #expect(svg.contains("data-value=\"\(value)\""), "\(value)") }
    #expect(svg.contains("$21.12M"))
  }

  @Test func aChartIsAlsoDataInJSONAndCSV() {
    let json = run("chart revenue(q4 2005..q1 2006)", format: .json).out
    #expect(json.contains(#""type":"chart""#) && json.contains(#""categories":["q4 2005","q1 2006"]"#))
    let csv = run("chart revenue(q4 2005..q1 2006)", format: .csv).out
    #expect(csv == "period,revenue,unit\r\nq4 2005,21.121,USD millions\r\nq1 2006,22.473,USD millions\r\n")
    #expect(json.contains(#""values":[21.121,22.473]"#), "\(json)")
  }

  // MARK: Found in review

  @Test func aLaterReleasesRestatementWinsWhateverTheLoadOrder() throws {
    // Q3 fiscal 2005 gross profit: 7,171 as first printed (pericom_q3_fy2005.txt:186), 7,451
    // in the next release's "(Restated)" column (pericom_q4_fy2005_submission.txt:350).
    for order in [
      ["pericom_q3_fy2005.txt", "pericom_q4_fy2005_submission.txt"],
      ["pericom_q4_fy2005_submission.txt", "pericom_q3_fy2005.txt"],
    ] {
      var model = Model()
      for name in order {
        let url = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus/documents/\(name)")
        try model.importRelease(bytes: Array(try Data(contentsOf: url)), documentName: name)
      }
      let (out, err, _) = TestSupport.run("gross_profit(q3 2005)", session: Session(model: model))
      #expect(out == "$7,451,000\n", "\(order): \(err)")
    }
  }

  @Test func decimalsRoundTheFullAmountAndNeverPad() {
    // $14,301,428 in millions to four places is 14.3014, not 14.30 with zeros added.
    let out = TestSupport.run(
      "table revenue for q3 2008, q3 2009 in millions decimals 4",
      session: Session(model: ReleaseImporter.bundledModel())
    ).out
    #expect(out.contains("$14.3014M") && out.contains("$11.8530M"), "\(out)")
  }

  @Test func lastCountsInTheUnitThatHoldsThePeriod() {
    let session = Session(model: ReleaseImporter.bundledModel())
    #expect(TestSupport.run("last(2, halves, q1 2009)", session: session).out == "h2 2008\nh1 2009\n")
    #expect(TestSupport.run("last(2, quarters, h1 2009)", session: session).out == "q1 2009\nq2 2009\n")
    #expect(TestSupport.run("last(2, quarters, 9m 2009)", session: session).out == "q2 2009\nq3 2009\n")
    let (_, err, _) = TestSupport.run("last(0, quarters, q3 2009)", session: session)
    #expect(err.contains("1:6:"), "\(err)")
  }
}
