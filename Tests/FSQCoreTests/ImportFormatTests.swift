import Testing

@testable import FSQCore

/// Made-up releases in the three formats, with what they must import to.
@Suite struct ImportFormatTests {
  // MARK: HTML, September fiscal year

  @Test func htmlRelease() throws {
    let company = try ImportFixtures.company("northwind_fy2010_q4.htm")
    #expect(company.id == "nwin")
    #expect(company.name == "Northwind Instruments, Inc.")
    #expect(company.fiscalYearEnd == FiscalYearEnd(month: 9, day: 30))
    #expect(company.listings.map(\.ticker) == ["NWIN"])
    #expect(company.listings.first?.exchange == "NASDAQ")
    #expect(company.events.first?.date == DatedFact(date: date("2010-11-04")))

    let q4 = period("2010-07-01", "2010-09-30")
    let q4Before = period("2009-07-01", "2009-09-30")
    let fiscal2010 = period("2009-10-01", "2010-09-30")
    let fiscal2009 = period("2008-10-01", "2009-09-30")
    // "(in thousands, except per share data)": money ×1000, per-share as printed, shares ×1000.
    #expect(company.value("revenue", q4) == Decimal(52_412_000))
    #expect(company.value("revenue", q4Before) == Decimal(46_790_000))
    #expect(company.value("revenue", fiscal2010) == Decimal(198_305_000))
    #expect(company.value("revenue", fiscal2009) == Decimal(181_220_000))
    #expect(company.value("sga", q4) == Decimal(9_860_000))  // label split by <br>
    #expect(company.value("restructuring_charges", q4) == Decimal.zero)  // &#151;
    #expect(company.value("restructuring_charges", fiscal2010) == Decimal.zero)  // &mdash;
    #expect(company.value("interest_net", q4) == Decimal(-412_000))  // "(412" and ")" in separate cells
    #expect(company.value("net_income", fiscal2010) == Decimal(11_012_000))
    let eps = try #require(company.facts("eps_basic", q4).first)
    #expect(eps.value == dec("0.29"))
    #expect(eps.unit == .perShare("USD"))
    #expect(eps.section == "Net income per share")
    #expect(company.value("eps_diluted", fiscal2010) == dec("0.9"))
    let shares = try #require(company.facts("weighted_average_shares_basic", q4).first)
    #expect(shares.value == Decimal(12_010_000))
    #expect(shares.unit == .shares)

    let income = company.statements[0]
    #expect(income.kind == .incomeStatement)
    #expect(income.scaleCaption?.contains("in thousands") == true)
    #expect(income.columns.map(\.kind) == [.period, .period, .period, .period, .percentChange])
    // The % Change column is kept on the rows, as a fraction, but yields no facts.
    let revenueRow = try #require(income.rows.first { $0.item == "revenue" })
    #expect(revenueRow.values.last == dec("0.12"))
    let restructuring = try #require(income.rows.first { $0.item == "restructuring_charges" })
    #expect(restructuring.values.last == .some(nil))  // NM
    #expect(company.facts.filter { $0.item == "revenue" }.count == 4)
    #expect(income.rows.first { $0.item == "operating_expenses" }?.ruleAbove == true)
    #expect(income.rows.first { $0.item == "net_income" }?.doubleRuleBelow == true)
    #expect(income.rows.first { $0.item == "research_development" }?.section == "Operating expenses")

    // The balance sheet is split over two tables and joined.
    let balanceSheets = company.statements.filter { $0.kind == .balanceSheet }
    #expect(balanceSheets.count == 1)
    let september2010 = period(nil, "2010-09-30")
    #expect(company.value("total_assets", september2010) == Decimal(79_850_000))
    #expect(company.value("stockholders_equity", september2010) == Decimal(46_120_000))
    #expect(company.value("total_liabilities_and_equity", period(nil, "2009-09-30")) == Decimal(74_690_000))
    #expect(company.value("property_equipment", september2010) == Decimal(18_340_000))

    // Cash flows: <th> headers, a colspan year heading over single cells.
    let cashFlow = try #require(company.statements.first { $0.kind == .cashFlow })
    #expect(cashFlow.title == "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS")
    #expect(company.value("operating_cash_flow", fiscal2010) == Decimal(13_582_000))
    #expect(company.value("capital_expenditures", fiscal2009) == Decimal(-2_980_000))
    #expect(company.value("net_change_in_cash", fiscal2010) == Decimal(5_360_000))
    #expect(cashFlow.rows.first { $0.item == "operating_cash_flow" }?.ruleAbove == true)

    // Text.
    #expect(company.narrative.first { $0.item == "spectrometers" }?.value == Decimal(1_250))
    #expect(company.narrative.first { $0.item == "backlog" }?.value == Decimal(31_500_000))
    let growth = try #require(company.claims.first { $0.item == "revenue" && $0.kind == .changePercent })
    #expect(growth.value == dec("0.12"))
    #expect(growth.period == q4)  // "fourth quarter of fiscal 2010" on a September year
    #expect(growth.comparedPeriod == q4Before)
  }

  // MARK: Fixed-width text

  @Test func fixedWidthRelease() throws {
    let company = try ImportFixtures.company("cascade_q2_2004.txt")
    #expect(company.id == "csf")
    #expect(company.name == "Cascade Foods Corporation")
    #expect(company.fiscalYearEnd == .december)
    let weeks13 = period("2004-04-04", "2004-07-03")
    let weeks13Before = period("2003-03-30", "2003-06-28")
    let weeks26 = period("2004-01-04", "2004-07-03")
    let statement = try #require(company.statements.first)
    #expect(statement.title == "CONDENSED CONSOLIDATED STATEMENTS OF EARNINGS")
    #expect(statement.columns.map(\.period) == [weeks13, weeks13Before, weeks26, period("2002-12-29", "2003-06-28")])
    #expect(statement.columns[0].header == "13 Weeks Ended July 3, 2004")
    // "(in millions, …; shares in thousands)".
    #expect(company.value("revenue", weeks13) == Decimal(512_300_000))
    #expect(company.value("revenue", weeks26) == Decimal(1_001_200_000))
    #expect(company.value("interest_net", weeks13) == Decimal(-8_200_000))
    #expect(company.value("restructuring_charges", weeks13) == Decimal.zero)
    #expect(company.value("restructuring_charges", weeks13Before) == Decimal(4_100_000))
    // A label wrapped over two lines, its line the first one.
    let sga = try #require(company.facts("sga", weeks13).first)
    #expect(sga.value == Decimal(120_500_000))
    #expect(sga.label == "Selling, general and administrative expenses")
    #expect(sga.source.line == 25)
    #expect(company.facts("revenue", weeks13).first?.label == "Net sales")  // leader dots gone
    #expect(company.value("eps_basic", weeks13) == dec("1.05"))
    #expect(company.value("eps_diluted", weeks26) == dec("1.93"))
    let shares = try #require(company.facts("weighted_average_shares_basic", weeks13).first)
    #expect(shares.value == Decimal(50_190_000))
    #expect(shares.section == "Weighted average shares outstanding")
    let margin = try #require(company.facts("gross_margin", weeks13).first)
    #expect(margin.value == dec("0.412"))
    #expect(margin.unit == .percent)
    #expect(margin.section == nil)  // back at the left margin: out of the shares section
    #expect(statement.rows.first { $0.item == "net_income" }?.doubleRuleBelow == true)
    #expect(statement.rows.first { $0.item == "gross_profit" }?.ruleAbove == true)
    #expect(company.narrative.first { $0.item == "distribution_centers" }?.value == Decimal(214))
    // "Net earnings for the quarter were $52.7 million … compared to $38.7 million … a year ago."
    let earnings = company.claims.filter { $0.item == "net_income" }
    #expect(earnings.map(\.period) == [weeks13, period("2003-04-04", "2003-07-03")])
    #expect(company.claims.first { $0.item == "eps" }?.period == weeks13)
    let growth = try #require(company.claims.first { $0.item == "revenue" && $0.kind == .changePercent })
    #expect(growth.value == dec("0.07"))
    #expect(growth.tolerance == dec("0.0005"))
  }

  // MARK: Markdown

  @Test func markdownRelease() throws {
    let company = try ImportFixtures.company("harborlane_fy2003.md")
    #expect(company.id == "hlsw")
    #expect(company.name == "Harbor Lane Software, Inc.")
    let fy2003 = period("2003-01-01", "2003-12-31")
    let fy2002 = period("2002-01-01", "2002-12-31")
    let statement = try #require(company.statements.first)
    #expect(statement.columns.map(\.kind) == [.period, .period, .change, .percentOfTotal])
    #expect(statement.columns[0].period == fy2003)  // "2003*": footnote mark ignored
    // "(000's omitted, except per share data)".
    #expect(company.value("revenue", fy2003) == Decimal(84_210_000))
    #expect(company.value("gross_profit", fy2002) == Decimal(57_195_000))  // "Gross margin" in dollars
    #expect(company.value("research_development", fy2003) == Decimal(15_400_000))  // "(1)" after the label
    #expect(company.value("amortization_of_intangibles", fy2003) == Decimal.zero)  // "—"
    #expect(company.value("net_income", fy2002) == Decimal(-2_310_000))  // <u>$ (2,310)</u>
    #expect(company.value("eps_diluted", fy2002) == dec("-0.12"))
    #expect(company.value("weighted_average_shares_diluted", fy2003) == Decimal(19_620_000))
    // Change and percent-of-revenue columns give no facts.
    #expect(company.facts.filter { $0.item == "revenue" }.count == 2)
    let amortization = try #require(statement.rows.first { $0.item == "amortization_of_intangibles" })
    #expect(amortization.values[2] == Decimal(-1_200_000))
    #expect(amortization.values[3] == nil)  // NM
    #expect(company.narrative.first { $0.item == "enterprise_customers" }?.value == Decimal(412))
  }

  // MARK: Format detection

  @Test func formatComesFromContentNotName() throws {
    let html = try ImportFixtures.bytes("northwind_fy2010_q4.htm")
    let renamed = try ReleaseImporter.importRelease(bytes: html, documentName: "release.txt")
    #expect(renamed.value("revenue", period("2010-07-01", "2010-09-30")) == Decimal(52_412_000))
    #expect(ReleaseFormat.detect(html) == .html)
    #expect(ReleaseFormat.detect(try ImportFixtures.bytes("cascade_q2_2004.txt")) == .plainText)
    #expect(ReleaseFormat.detect(try ImportFixtures.bytes("harborlane_fy2003.md")) == .markdown)
  }

  @Test func modelHoldsSeveralCompanies() throws {
    var model = Model.bundledModel()
    for name in ["northwind_fy2010_q4.htm", "cascade_q2_2004.txt", "harborlane_fy2003.md"] {
      try model.importRelease(bytes: ImportFixtures.bytes(name), documentName: name)
    }
    #expect(model.companies.map(\.id) == ["fsnn", "nwin", "csf", "hlsw"])
  }
}
