import Testing

@testable import FSQCore

/// Releases in styles the importer was not written against: an SEC EX-99.1 HTML exhibit of a
/// large-cap filer, a 52/53-week retailer's fixed-width EDGAR text, a June-year Markdown
/// release and PR Newswire wire copy. Each is checked fact by fact and through real queries.
@Suite struct ImportStylesTests {
  /// A session on a model holding just this release, imported the way `load` does.
  func session(_ name: String) throws -> Session {
    var model = Model()
    try model.importRelease(bytes: ImportFixtures.bytes(name), documentName: name)
    return Session(model: model)
  }

  /// The amount an fsq expression evaluates to, or nil (with the diagnostics recorded).
  func amount(_ session: Session, _ text: String) -> FSQCore.Decimal? {
    let result = session.run(text, origin: .commandLine)
    guard result.diagnostics.isEmpty, case .value(.quantity(let quantity))? = result.items.last else {
      Issue.record("\(text): \(result.diagnostics.map(\.message)) \(result.items)")
      return nil
    }
    return quantity.amount
  }

  // MARK: (a) SEC EX-99.1 HTML, large-cap style

  @Test func secExhibitHTML() throws {
    let name = "quillfeather_q4_2012_ex99.htm"
    let company = try ImportFixtures.company(name)
    #expect(company.id == "qfnx")
    #expect(company.name == "Quillfeather Networks, Inc.")
    #expect(company.fiscalYearEnd == .december)
    #expect(company.events.first?.date == DatedFact(date: date("2013-01-29")))  // "Calif., January 29, 2013 —"

    let q4 = period("2012-10-01", "2012-12-31")
    let q4Before = period("2011-10-01", "2011-12-31")
    let fy2012 = period("2012-01-01", "2012-12-31")
    let fy2011 = period("2011-01-01", "2011-12-31")

    // The income statement sits in a table nested in a layout table, with rowspan headings,
    // "$" and ")" and "%" in cells of their own, spacer columns and years marked "2011(1)", "2011*".
    let income = company.statements.filter { $0.kind == .incomeStatement }
    #expect(income.count == 1)  // the "(continued)" table joins it
    let statement = try #require(income.first)
    #expect(statement.scaleCaption == "(In millions, except per share amounts)")
    #expect(
      statement.columns.map(\.kind) == [.period, .period, .percentChange, .period, .period, .percentChange, .change])
    #expect(statement.columns.compactMap(\.period) == [q4, q4Before, fy2012, fy2011])
    #expect(statement.columns[1].header == "Three Months Ended December 31, 2011(1)")

    // Money in millions; per-share as printed; share counts in the same millions.
    #expect(company.value("revenue", q4) == Decimal(1_840_000_000))
    #expect(company.value("revenue", fy2011) == Decimal(6_440_000_000))
    #expect(company.value("cost_of_revenue", q4Before) == Decimal(668_000_000))
    #expect(company.value("gross_profit", fy2012) == Decimal(4_269_000_000))
    #expect(company.value("operating_income", q4) == Decimal(492_000_000))  // "Income from operations"
    #expect(company.value("research_development", fy2012) == Decimal(987_000_000))
    #expect(company.value("income_before_taxes", q4) == Decimal(478_000_000))
    #expect(company.value("other_income_total", q4) == Decimal(-14_000_000))  // "(14" and ")" apart
    #expect(company.value("income_taxes", fy2012) == Decimal(390_000_000))  // from the continued table
    #expect(company.facts("net_income", q4).first?.value == Decimal(368_000_000))
    #expect(company.value("restructuring_and_other_charges", q4) == Decimal.zero)  // &#8212;
    let services = try #require(company.facts("services", q4).first)
    #expect(services.value == Decimal(438_000_000))
    #expect(services.section == "Revenue")  // "Services(2)" under "Revenue:"
    #expect(company.facts("revenue", q4).first?.section == "Revenue")
    #expect(company.facts("cost_of_revenue", q4).first?.section == nil)  // closed by "Total revenue"

    let basic = try #require(company.facts("eps_basic", q4).first)
    #expect(basic.value == dec("0.92"))
    #expect(basic.unit == .perShare("USD"))
    #expect(basic.section == "Net income per share")
    #expect(company.value("eps_diluted", fy2011) == dec("2.66"))
    let shares = try #require(company.facts("weighted_average_shares_diluted", q4).first)
    #expect(shares.value == Decimal(409_000_000))
    #expect(shares.unit == .shares)
    #expect(shares.section == "Shares used in computing earnings per share")
    #expect(company.value("weighted_average_shares_basic", fy2012) == Decimal(402_000_000))

    // Change columns keep their figures on the rows and give no facts.
    let revenueRow = try #require(statement.rows.first { $0.item == "revenue" })
    #expect(revenueRow.values[2] == dec("0.09"))
    let restructuring = try #require(statement.rows.first { $0.item == "restructuring_and_other_charges" })
    #expect(restructuring.values[2] == .some(nil))  // n/m
    #expect(restructuring.values[5] == dec("-0.71"))  // "(71" + ")%"
    let netIncomeRow = try #require(statement.rows.first { $0.item == "net_income" })
    #expect(netIncomeRow.values[6] == Decimal(66_000_000))  // "Increase (Decrease)", added by the continued table
    #expect(netIncomeRow.values[2] == .some(nil))
    #expect(netIncomeRow.doubleRuleBelow)
    #expect(company.facts.filter { $0.item == "revenue" }.count == 4)

    // Balance sheet at two dates, cash flows for two years, the non-GAAP reconciliation.
    #expect(company.value("total_assets", period(nil, "2012-12-31")) == Decimal(8_258_000_000))
    #expect(company.value("total_liabilities_and_equity", period(nil, "2011-12-31")) == Decimal(7_670_000_000))
    #expect(company.facts("cash", period(nil, "2012-12-31")).first?.section == "Current assets")
    #expect(company.value("operating_cash_flow", fy2012) == Decimal(1_697_000_000))
    // Printed "(350)" as a cash outflow; fsq keeps costs positive (issue 14, item 5).
    #expect(company.value("capital_expenditures", fy2011) == Decimal(350_000_000))
    #expect(
      company.statements.flatMap(\.rows).first { $0.item == "capital_expenditures" }?.values.contains(
        Decimal(-350_000_000)) == true)
    #expect(company.value("net_change_in_cash", fy2011) == Decimal(160_000_000))
    let reconciliation = try #require(company.statements.first { $0.kind == .reconciliation })
    #expect(reconciliation.title == "RECONCILIATION OF GAAP NET INCOME TO ADJUSTED EBITDA")
    let ebitda = try #require(company.facts("adjusted_ebitda", q4).first)
    #expect(ebitda.value == Decimal(618_000_000))
    #expect(ebitda.label == "Adjusted EBITDA(1)")
    #expect(company.value("adjusted_ebitda", fy2011) == Decimal(1_944_000_000))
    #expect(
      company.facts("net_income", q4).contains { $0.statement == .reconciliation && $0.label == "GAAP net income" })
    // "Adjusted EBITDA(1) for the quarter was $618 million": the footnote mark is not a word.
    #expect(
      company.claims.contains { $0.item == "adjusted_ebitda" && $0.value == Decimal(618_000_000) && $0.period == q4 })

    let session = try session(name)
    #expect(amount(session, "qfnx.revenue(q4 2012)") == Decimal(1_840_000_000))
    #expect(amount(session, "qfnx.revenue(fy 2011)") == Decimal(6_440_000_000))
    #expect(amount(session, "qfnx.eps_diluted(q4 2011)") == dec("0.73"))
    #expect(amount(session, "qfnx.total_assets(2012-12-31)") == Decimal(8_258_000_000))
  }

  // MARK: (b) 52/53-week retailer, fixed-width EDGAR text

  @Test func retailerFixedWidth() throws {
    let name = "pinecrest_q3_fy2005.txt"
    let company = try ImportFixtures.company(name)
    #expect(company.id == "pco")
    #expect(company.name == "Pinecrest Outfitters, Inc.")
    // "fiscal year ends on the Saturday closest to January 31"; "third quarter of fiscal 2005,
    // the 13 weeks ended October 29, 2005": the fiscal year is named for the year it begins.
    #expect(company.fiscalYearEnd == FiscalYearEnd(month: 1, day: 31, namedForStartYear: true))
    #expect(company.events.first?.date == DatedFact(date: date("2005-11-17")))  // "DENVER--(BUSINESS WIRE)--Nov. 17, 2005--"

    let weeks13 = period("2005-07-31", "2005-10-29")
    let weeks13Before = period("2004-08-01", "2004-10-30")
    let weeks39 = period("2005-01-30", "2005-10-29")
    let weeks39Before = period("2004-02-01", "2004-10-30")
    let statement = try #require(company.statements.first)
    #expect(statement.title == "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS")
    #expect(statement.scaleCaption == "(Dollars in thousands, except per share data)")
    // "% of Sales" beside each period: not periods.
    #expect(
      statement.columns.map(\.kind) == [
        .period, .percentOfTotal, .period, .percentOfTotal, .period, .percentOfTotal, .period, .percentOfTotal,
      ])
    #expect(statement.columns.compactMap(\.period) == [weeks13, weeks13Before, weeks39, weeks39Before])
    #expect(statement.columns[0].header == "13 Weeks Ended October 29, 2005")
    #expect(statement.columns[6].header == "39 Weeks Ended October 30, 2004")

    #expect(company.value("revenue", weeks13) == Decimal(412_306_000))  // "Net sales"
    #expect(company.value("revenue", weeks39Before) == Decimal(1_102_318_000))
    let cost = try #require(company.facts("cost_of_revenue", weeks13).first)
    #expect(cost.label == "Cost of sales, including buying and occupancy costs")  // wrapped label
    #expect(cost.source.line == 32)
    #expect(cost.value == Decimal(268_019_000))
    #expect(company.value("gross_profit", weeks39) == Decimal(400_221_000))  // "Gross margin" in dollars
    let sga = try #require(company.facts("sga", weeks13Before).first)
    #expect(sga.value == Decimal(97_560_000))
    #expect(sga.label == "Selling, general and administrative expenses")
    #expect(company.value("store_closing_costs", weeks13) == Decimal.zero)  // "-"
    #expect(company.value("operating_income", weeks13) == Decimal(30_763_000))  // "Income from operations"
    let interest = try #require(company.facts("interest_net", weeks39).first)
    #expect(interest.value == Decimal(-1_025_000))
    #expect(interest.label == "Interest (income) expense, net")  // the " ." leader is gone
    #expect(company.value("net_income", weeks39) == Decimal(40_915_000))
    #expect(company.value("eps_basic", weeks13) == dec("0.61"))  // per share: not scaled
    #expect(company.value("eps_diluted", weeks39Before) == dec("0.89"))
    let shares = try #require(company.facts("weighted_average_shares_diluted", weeks13).first)
    #expect(shares.value == Decimal(32_215_000))  // shares: scaled like the money
    #expect(shares.section == "Weighted average shares outstanding")  // heading wrapped over two lines
    // Percent-of-sales figures stay on the rows as fractions and give no facts.
    #expect(statement.rows.first { $0.item == "gross_profit" }?.values[1] == dec("0.35"))
    #expect(company.facts.filter { $0.item == "revenue" }.count == 4)
    #expect(!company.facts.contains { $0.unit == .percent })

    // Balance sheet: three dates, one of them the last fiscal year end.
    for (end, value) in [("2005-10-29", 660_942_000), ("2005-01-29", 631_659_000), ("2004-10-30", 626_263_000)] {
      #expect(company.value("total_assets", period(nil, end)) == Decimal(value))
    }
    #expect(company.value("inventories", period(nil, "2005-10-29")) == Decimal(298_117_000))  // "Merchandise inventories"
    let equity = try #require(company.facts("total_liabilities_and_equity", period(nil, "2005-01-29")).first)
    #expect(equity.label == "Total liabilities and stockholders' equity")
    #expect(equity.value == Decimal(631_659_000))

    // The evaluator's fiscal calendar: q3 2005 is the 13 weeks ended October 29, 2005.
    #expect(PeriodLabel.describe(weeks13, fiscalYearEnd: company.fiscalYearEnd) == "q3 2005")
    #expect(PeriodLabel.describe(weeks39, fiscalYearEnd: company.fiscalYearEnd) == "9m 2005")
    #expect(PeriodLabel.describe(weeks13Before, fiscalYearEnd: company.fiscalYearEnd) == "q3 2004")
    let session = try session(name)
    #expect(amount(session, "pco.revenue(q3 2005)") == Decimal(412_306_000))
    #expect(amount(session, "pco.revenue(q3 2004)") == Decimal(388_912_000))
    #expect(amount(session, "pco.net_income(9m 2005)") == Decimal(40_915_000))
    #expect(amount(session, "pco.total_assets(2005-01-29)") == Decimal(631_659_000))
    // The text's "third quarter of fiscal 2005" is the same quarter.
    let growth = try #require(company.claims.first { $0.item == "revenue" && $0.kind == .changePercent })
    #expect(growth.value == dec("0.06"))
    #expect(growth.period?.matches(weeks13) == true)
  }

  // MARK: (c) Markdown, fiscal year ending June 30

  @Test func juneYearMarkdown() throws {
    let name = "alderridge_q2_fy2009.md"
    let company = try ImportFixtures.company(name)
    #expect(company.id == "aldr")
    #expect(company.fiscalYearEnd == FiscalYearEnd(month: 6, day: 30))
    #expect(company.events.first?.date == DatedFact(date: date("2009-02-03")))
    let q2 = period("2008-10-01", "2008-12-31")
    let q2Before = period("2007-10-01", "2007-12-31")
    let h1 = period("2008-07-01", "2008-12-31")
    let statement = try #require(company.statements.first)
    #expect(statement.columns.compactMap(\.period) == [q2, q2Before, h1, period("2007-07-01", "2007-12-31")])
    #expect(company.value("revenue", q2) == Decimal(96_412_000))
    #expect(company.value("gross_profit", h1) == Decimal(107_133_000))  // "**Gross margin**" in dollars
    #expect(company.value("sga", q2Before) == Decimal(24_410_000))
    let research = try #require(company.facts("research_development", q2).first)
    #expect(research.section == "Operating expenses")  // "*Operating expenses:*"
    #expect(company.facts("operating_income", q2).first?.section == nil)
    #expect(company.value("operating_income", h1) == Decimal(29_385_000))
    #expect(company.value("net_income", q2) == Decimal(10_269_000))  // "**$ 10,269**"
    let diluted = try #require(company.facts("eps_diluted", q2).first)  // "Diluted" under "Earnings per share:"
    #expect(diluted.value == dec("0.31"))
    #expect(diluted.section == "Earnings per share")
    #expect(company.value("weighted_average_shares_basic", h1) == Decimal(32_250_000))
    let margin = try #require(company.facts("gross_margin", q2).first)
    #expect(margin.value == dec("0.582"))
    #expect(margin.unit == .percent)
    #expect(margin.section == nil)  // not under the share counts above it
    #expect(company.value("total_assets", period(nil, "2008-06-30")) == Decimal(235_539_000))
    // "Q2 FY2009" columns of a supplemental table are no periods: no facts, no statement.
    #expect(company.statements.count == 2)
    #expect(!company.facts.contains { $0.item == "systems_shipped" || $0.item == "employees_at_quarter_end" })

    let session = try session(name)
    #expect(amount(session, "aldr.revenue(q2 2009)") == Decimal(96_412_000))
    #expect(amount(session, "aldr.revenue(h1 2009)") == Decimal(185_044_000))
    #expect(amount(session, "aldr.revenue(q2 2008)") == Decimal(86_905_000))
    #expect(amount(session, "aldr.total_assets(2008-12-31)") == Decimal(244_537_000))
  }

  // MARK: (d) Wire copy

  @Test func wireCopy() throws {
    let name = "granitebay_fy2003_wire.txt"
    let company = try ImportFixtures.company(name)
    #expect(company.id == "gbc")
    #expect(company.fiscalYearEnd == .december)
    // "HOUSTON, Feb. 10 /PRNewswire-FirstCall/ --" has no year; the "-0- 02/10/2004" trailer does.
    #expect(company.events.first?.date == DatedFact(date: date("2004-02-10")))
    let q4 = period("2003-10-01", "2003-12-31")
    let q4Before = period("2002-10-01", "2002-12-31")
    let fy2003 = period("2003-01-01", "2003-12-31")
    let fy2001 = period("2001-01-01", "2001-12-31")
    #expect(company.statements.map(\.title) == ["SUMMARY OF CONSOLIDATED RESULTS", "SELECTED FINANCIAL DATA"])
    let summary = company.statements[0]
    #expect(summary.scaleCaption == "(Millions of dollars, except per share amounts)")
    #expect(summary.columns.map(\.kind) == [.period, .period, .change, .period, .period, .change])
    #expect(summary.columns[3].period == fy2003)  // "2003*"
    let sales = try #require(summary.rows.first { $0.item == "revenue" })
    #expect(sales.values[2] == dec("-0.04"))  // "(4%)"
    #expect(sales.values[5] == dec("-0.09"))  // "-9%"
    #expect(company.value("revenue", q4) == Decimal(1_211_000_000))
    #expect(company.value("restructuring_charges", q4Before) == Decimal.zero)  // "$—"
    #expect(company.value("interest_net", q4) == Decimal(-8_000_000))  // "(8)(a)"
    #expect(company.value("operating_income", q4) == Decimal(-171_000_000))  // "$ (171)"
    #expect(company.value("net_income", q4) == Decimal(-164_000_000))
    #expect(company.value("income_taxes", q4) == Decimal(-18_000_000))  // "Income tax (benefit) expense"
    #expect(company.value("eps_basic", q4) == dec("-1.27"))  // "$(1.27)": not scaled
    let shares = try #require(company.facts("weighted_average_shares_basic", q4).first)
    #expect(shares.value == Decimal(129_104_000))  // "(in thousands)" on its own heading
    #expect(shares.section == "Average shares outstanding (in thousands)")
    // Three years under one centred "Year Ended December 31,".
    let selected = company.statements[1]
    #expect(selected.columns.compactMap(\.period) == [fy2003, period("2002-01-01", "2002-12-31"), fy2001])
    #expect(company.value("revenue", fy2001) == Decimal(5_870_000_000))
    #expect(company.facts("total_assets", period(nil, "2001-12-31")).first?.value == Decimal(6_590_000_000))  // a balance: at year end
    #expect(company.facts.filter { $0.item == "revenue" }.count == 7)
    // "Sales for the quarter were $1,211 million, down 4%": the 4% is the change, not the $1,211 million.
    #expect(company.claims.contains { $0.item == "revenue" && $0.kind == .value && $0.value == Decimal(1_211_000_000) })
    #expect(company.claims.contains { $0.item == "revenue" && $0.kind == .changePercent && $0.value == dec("-0.04") })
    #expect(company.claims.contains { $0.item == "net_income" && $0.value == Decimal(-164_000_000) })  // "net loss of $164 million"

    let session = try session(name)
    #expect(amount(session, "gbc.net_income(q4 2003)") == Decimal(-164_000_000))
    #expect(amount(session, "gbc.revenue(fy 2001)") == Decimal(5_870_000_000))
    #expect(amount(session, "gbc.total_assets(2002-12-31)") == Decimal(6_344_000_000))
  }

  // MARK: Cut-off files

  @Test(arguments: [
    "quillfeather_q4_2012_ex99.htm", "pinecrest_q3_fy2005.txt", "alderridge_q2_fy2009.md", "granitebay_fy2003_wire.txt",
  ])
  func cutAtEveryLine(_ name: String) throws {
    // Whole or a clear error at every cut, mid-line too; never a crash or a figure from a cut row.
    let text = String(decoding: try ImportFixtures.bytes(name), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let full = try ImportFixtures.company(name)
    for cut in 1..<lines.count {
      var bytes = Array(lines[0..<cut].joined(separator: "\n").utf8)
      if cut % 2 == 0 { bytes.removeLast(min(5, bytes.count)) }
      do {
        let company = try ReleaseImporter.importRelease(bytes: bytes, documentName: name)
        // What a cut file yields agrees with the whole file.
        for fact in company.facts where fact.source.line < cut - 1 {
          let match = full.facts.first {
            $0.item == fact.item && $0.period == fact.period && $0.source.line == fact.source.line
          }
          if let match, match.value != fact.value {
            Issue.record("cut \(cut): \(fact.item) \(fact.value) vs \(match.value)")
          }
        }
      } catch {
        #expect(!error.message.isEmpty)
      }
    }
  }

  // MARK: Catalog

  @Test func labelsMapToCanonicalItems() {
    let cases: [(String, String?, StatementKind, String)] = [
      ("Net sales", nil, .incomeStatement, "revenue"),
      ("Gross margin", nil, .incomeStatement, "gross_profit"),
      ("Selling, general and administrative", nil, .incomeStatement, "sga"),
      ("Income from operations", nil, .incomeStatement, "operating_income"),
      ("Diluted", "Earnings per share", .incomeStatement, "eps_diluted"),
      ("Basic", "Shares used in computing earnings per share", .incomeStatement, "weighted_average_shares_basic"),
      ("Diluted", "Average shares outstanding (in thousands)", .incomeStatement, "weighted_average_shares_diluted"),
      ("GAAP net income", nil, .reconciliation, "net_income"),
      ("Income tax (benefit) expense", nil, .incomeStatement, "income_taxes"),
      ("Merchandise inventories", nil, .balanceSheet, "inventories"),
      ("Adjusted EBITDA(1)", nil, .reconciliation, "adjusted_ebitda"),
    ]
    for (label, section, statement, item) in cases {
      #expect(ItemCatalog.item(forLabel: label, section: section, statement: statement) == item, "\(label)")
    }
  }

  // MARK: Readers

  @Test func yearHeadingsWithFootnoteMarks() {
    for text in ["2009", "2003*", "2011(1)", "2010 (a)", "2012†", "2008(1)(2)"] {
      #expect(CellReader.isYearHeading(text), "\(text)")
    }
    for text in ["$2009", "2009.5", "12,009", "2009 restated", "(2009)"] {
      #expect(!CellReader.isYearHeading(text), "\(text)")
    }
  }

  @Test func scaleCaptions() {
    #expect(PeriodHeaders.scale(in: ["(Millions of dollars, except per share amounts)"]).money == Decimal(1_000_000))
    #expect(PeriodHeaders.scale(in: ["($ in thousands)"]).money == Decimal(1000))
    #expect(PeriodHeaders.scale(in: ["(Thousands of U.S. dollars)"]).money == Decimal(1000))
    let mixed = PeriodHeaders.scale(in: ["(in millions, except per share amounts; shares in thousands)"])
    #expect(mixed.money == Decimal(1_000_000))
    #expect(mixed.shares == Decimal(1000))
    #expect(PeriodHeaders.scale(in: ["Millions of customers served"]).caption == nil)
  }

  @Test func rowspanShiftsCellsRight() throws {
    let html = """
      <table>
      <tr><td rowspan="2">(in thousands)</td><td colspan="2">Year Ended June 30,</td></tr>
      <tr><td>2010</td><td>2009</td></tr>
      <tr><td>Revenue</td><td>1,000</td><td>900</td></tr>
      </table>
      """
    let document = ReleaseDocument.read(bytes: Array(html.utf8))
    let table = try #require(document.tables.first)
    #expect(table.columnHeaders == [["Year Ended June 30,", "2010"], ["Year Ended June 30,", "2009"]])
    #expect(table.rows.map(\.values) == [["1,000", "900"]])
  }

  @Test func fiscalLabelsOnBothNamingConventions() {
    let retail = FiscalYearEnd(month: 1, day: 31, namedForStartYear: true)
    #expect(retail.endOfFiscalYear(2005) == date("2006-01-31"))
    #expect(PeriodLabel.describe(period("2005-01-30", "2006-01-28"), fiscalYearEnd: retail) == "fy 2005")
    #expect(PeriodLabel.describe(period("2005-01-30", "2005-04-30"), fiscalYearEnd: retail) == "q1 2005")
    // Named for the year it ends in (Walmart-style) when the text says so.
    let byEnd = FiscalYearEnd(month: 1, day: 31)
    #expect(PeriodLabel.describe(period("2005-01-30", "2006-01-28"), fiscalYearEnd: byEnd) == "fy 2006")
    #expect(
      PeriodHeaders.namesFiscalYearForStart(
        byEnd, latestEnd: date("2005-10-29"), text: ["Results for the third quarter of fiscal 2006."])
        == false)
    #expect(
      PeriodHeaders.namesFiscalYearForStart(
        byEnd, latestEnd: date("2005-10-29"), text: ["Results for the third quarter of fiscal 2005."])
        == true)
    #expect(
      PeriodHeaders.namesFiscalYearForStart(FiscalYearEnd(month: 6, day: 30), latestEnd: date("2008-12-31"), text: [])
        == false)
    // A 52-week December year ending January 3 is still that December's fiscal year.
    #expect(PeriodLabel.describe(period("2002-12-29", "2004-01-03"), fiscalYearEnd: .december) == "fy 2003")
  }

  @Test func smallTableInsideADataCellKeepsTheRowsAfterIt() throws {
    // A label cell holding a one-row layout table (a footnote mark beside the label): the
    // rows after it still belong to the statement.
    let html = """
      <p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(in thousands)</p>
      <table>
      <tr><td></td><td>Year Ended December 31, 2009</td><td>Year Ended December 31, 2008</td></tr>
      <tr><td>Revenue</td><td>1,000</td><td>900</td></tr>
      <tr><td><table><tr><td>Cost of revenue</td><td>(1)</td></tr></table></td><td>600</td><td>500</td></tr>
      <tr><td>Gross profit</td><td>400</td><td>400</td></tr>
      </table>
      <p>NEWCO (NASDAQ: NWCO) January 20, 2010</p>
      """
    let company = try ReleaseImporter.importRelease(bytes: Array(html.utf8), documentName: "nested.htm")
    let fy2009 = period("2009-01-01", "2009-12-31")
    #expect(company.value("revenue", fy2009) == Decimal(1_000_000))
    #expect(company.value("gross_profit", fy2009) == Decimal(400_000))
    let cost = try #require(company.facts("cost_of_revenue", fy2009).first)
    #expect(cost.value == Decimal(600_000))
    #expect(cost.label == "Cost of revenue (1)")
    #expect(company.statements.count == 1)
  }

  @Test func fiscalYearEndFromYearToDateColumns() {
    let sixMonths = period("2008-07-01", "2008-12-31")
    #expect(PeriodHeaders.fiscalYearEnd(yearToDate: [sixMonths]) == FiscalYearEnd(month: 6, day: 30))
    let weeks39 = period("2005-01-30", "2005-10-29")  // 52/53 weeks: the start near a month's turn
    #expect(PeriodHeaders.fiscalYearEnd(yearToDate: [weeks39]) == FiscalYearEnd(month: 1, day: 31))
    #expect(PeriodHeaders.fiscalYearEnd(yearToDate: [period("2009-07-01", "2009-09-30")]) == nil)  // a quarter says nothing
  }
}
