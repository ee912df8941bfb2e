import FSQTestSupport
import Foundation
import Testing

/// Every figure of SEED-NUMBERS.md, from `fsq --format json -e …` on the bundled model.
@Suite struct SeedNumbersTests {
  static let cases: [(String, String, String)] = [
    ("revenue(q3 2009)", "11853020", "USD"),
    ("revenue(q3 2008)", "14301428", "USD"),
    ("gross_profit(q3 2009)", "987196", "USD"),
    ("gross_profit(q3 2008)", "886452", "USD"),
    ("margin(q3 2009)", "8.328645357891913", "%"),
    ("margin(q3 2008)", "6.198346067259857", "%"),
    ("margin(q3 2009) - margin(q3 2008)", "2.130299290632056", "pp"),
    ("growth(revenue, q3 2009)", "-17.12002465767754", "%"),
    ("revenue(q3 2009) / revenue(q3 2008) - 1", "-17.12002465767754", "%"),
    ("operating_margin(q3 2009)", "-13.50402682185637", "%"),
    ("net_margin(q3 2009)", "-15.278713779273131", "%"),
    ("ebitda(q3 2009)", "-1294522", "USD"),
    ("ebitda(q3 2008)", "-1622921", "USD"),
    ("adjusted_ebitda(q3 2009)", "-1109057", "USD"),
    ("adjusted_ebitda(q3 2008)", "-1474471", "USD"),
    ("change(adjusted_ebitda, q3 2009)", "365414", "USD"),
    // Issue 12: one convention for change, over the base's size. The Adjusted EBITDA loss
    // narrowed from (1,474,471) to (1,109,057): +365,414 / 1,474,471 = +24.78%, a rise (the
    // brief's now / base − 1 gave −24.78% for an improvement).
    ("pct_change(adjusted_ebitda, q3 2009)", "24.78271868351429", "%"),
    ("change(sga, q3 2009)", "-244988", "USD"),
    ("pct_change(sga, q3 2009)", "-9.703678706155047", "%"),
    ("eps(q3 2009)", "-0.03", "USD/share"),
    ("eps(q3 2008)", "-0.07", "USD/share"),
    ("weighted_average_shares(q3 2009)", "67663257", "shares"),
    ("total_assets(2009-09-30)", "6749842", "USD"),
    ("total_assets(q3 2009)", "6749842", "USD"),
    ("total_assets(2008-12-31)", "9467791", "USD"),
    ("current_ratio(2009-09-30)", "0.28551515421704127", "x"),
    ("current_ratio(2008-12-31)", "0.33100173544270445", "x"),
    ("working_capital(2009-09-30)", "-9183243", "USD"),
    ("working_capital(2008-12-31)", "-8554440", "USD"),
    ("change(stockholders_equity, 2009-09-30, 2008-12-31)", "-1691530", "USD"),
    ("change(property_equipment, 2009-09-30, 2008-12-31)", "-1844133", "USD"),
    ("corporate_customers(q3 2009)", "173", ""),
  ]

  @Test func everySeedNumber() throws {
    let result = try FSQBinary.run(["--format", "json"] + Self.cases.flatMap { ["-e", $0.0] })
    #expect(result.status == 0, "\(result.err)")
    let lines = result.out.split(separator: "\n").map(String.init)
    #expect(lines.count == Self.cases.count)
    for (line, (expression, value, unit)) in zip(lines, Self.cases) {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let number = try #require(object["value"] as? NSNumber, "\(expression): \(line)")
      let expected = try #require(Double(value))
      // Full precision: the brief's figures were computed in binary floating point, fsq's are
      // correctly rounded from exact decimals, so they agree to a few units in the last place.
      #expect(abs(number.doubleValue - expected) <= abs(expected) * 1e-14, "\(expression): \(line)")
      if unit.isEmpty {
        #expect(object["unit"] is NSNull, "\(expression)")
      } else {
        #expect(object["unit"] as? String == unit, "\(expression)")
      }
    }
  }

  @Test func aPrintedLabelFindsTheRowPrintedSo() throws {
    // Issue 14, item 2: "Forgiveness of debt" (the reconciliation's line 166, printed
    // (25,000)) answered $25,000 from "Gain on Settlements of Debt" (line 60).
    let result = try FSQBinary.run(["-e", "explain \"Forgiveness of debt\"(q3 2008)"])
    #expect(result.out.hasPrefix("\"Forgiveness of debt\"(q3 2008) = -$25,000\n"))
    #expect(result.out.contains("line 166"))
    // The export gives each item and period one figure: the reconciliation's line is its own.
    let csv = try FSQBinary.run(["--export", "csv"])
    let settlement = csv.out.split(separator: "\r\n").filter {
      $0.contains(",gain_on_debt_settlement,") && $0.contains(",2008-07-01,2008-09-30,")
    }
    #expect(settlement.count == 1)
    #expect(settlement.first?.contains(",25000,") == true)
  }

  @Test func aListingWhoseEndWasAnnouncedIsNotCarriedForward() throws {
    // Issue 14, item 1: the delisting release (2009-05-29) announces leaving NYSE Amex; the Q3
    // release shows FSNN on the OTC Bulletin Board by 2009-11-17. In between, not known.
    for date in ["2009-09-30", "2009-11-16"] {
      for function in ["ticker", "exchange"] {
        let result = try FSQBinary.run(["-e", "\(function)(\(date))"])
        #expect(result.status == 4, "\(function)(\(date))")
        #expect(result.err.contains("which listing held on \(date) is not known"))
        #expect(result.err.contains("004_d53717f43ada5e04.txt announced on 2009-05-29"))
      }
    }
    #expect(try FSQBinary.run(["-e", "ticker(2009-05-29)", "-e", "ticker(2009-11-17)"]).out == "FSN\nFSNN\n")
  }

  @Test func tickersOverTime() throws {
    let result = try FSQBinary.run([
      "-e", "ticker(2009-05-29)", "-e", "exchange(2009-05-29)", "-e", "ticker(2009-11-17)", "-e",
      "exchange(2009-11-17)",
    ])
    // Strings print as themselves, so `$(fsq -e 'ticker(…)')` gives the ticker.
    #expect(result.out == "FSN\nNYSE Amex\nFSNN\nOTC Bulletin Board\n")
  }

  @Test func productExamplesInText() throws {
    let result = try FSQBinary.run([
      "-e", "revenue(q3 2009)", "-e", "margin(q3 2009)", "-e", "margin(q3 2009) - margin(q3 2008)", "-e",
      "current_ratio(2009-09-30)", "-e", "eps(q3 2009)",
    ])
    #expect(result.out == "$11,853,020\n8.33%\n+2.13 pp\n0.29x\n-$0.03 per share\n")
    let missing = try FSQBinary.run(["-e", "revenue(q4 2009)"])
    #expect(missing.status == 4)
    #expect(
      missing.err.hasPrefix(
        "<command line>:1:1: error: Fusion reports no revenue for Q4 2009; it has Q3 2009 and Q3 2008"))
    let units = try FSQBinary.run(["-e", "revenue(q3 2009) + margin(q3 2009)"])
    #expect(units.err.contains("cannot add USD and %"))
    let typo = try FSQBinary.run(["-e", "revnue(q3 2009)"])
    #expect(typo.err.contains("unknown item 'revnue'; did you mean 'revenue'?"))
  }
}
