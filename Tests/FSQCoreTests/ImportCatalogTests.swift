import Testing

@testable import FSQCore

@Suite struct ImportCatalogTests {
  @Test func byteLevelTableEqualsTheReferenceParse() {
    #expect(ItemCatalog.table == ItemCatalog.referenceTable(ItemCatalog.data))
    let odd = """
      a_b |  x:Y | balance |money-| One;;  Two\tWords ;R&D; Café  au lait ;\u{00A0}Net\u{00A0}sales
      not a line | with | four | fields

        _lead__under_ | e | cashflow | pershare |  ; 
      """
    #expect(ItemCatalog.parse(odd) == ItemCatalog.referenceTable(odd))
    #expect(ItemCatalog.parse(odd).entries.count == 2)
  }

  @Test func requiredItemsAreInTheCatalog() {
    let required = [
      "revenue", "cost_of_revenue", "gross_profit", "sga", "depreciation_amortization", "research_development",
      "operating_expenses", "operating_income", "interest_income", "interest_expense", "other_income_total",
      "income_continuing_operations", "loss_discontinued_operations", "net_income", "preferred_dividends",
      "net_income_to_common", "eps", "eps_basic", "eps_diluted", "weighted_average_shares", "cash",
      "accounts_receivable", "prepaid_expenses", "total_current_assets", "property_equipment", "intangible_assets",
      "total_other_assets", "total_assets", "accounts_payable", "total_current_liabilities", "long_term_debt",
      "total_long_term_liabilities", "total_liabilities", "preferred_stock", "common_stock",
      "additional_paid_in_capital", "accumulated_deficit", "stockholders_equity", "total_liabilities_and_equity",
      "ebitda", "adjusted_ebitda", "income_taxes", "operating_cash_flow",
    ]
    for name in required {
      #expect(ItemCatalog.entry(named: name) != nil, "\(name) missing")
    }
    #expect(Set(ItemCatalog.all.map(\.name)).count == ItemCatalog.all.count)
    #expect(ItemCatalog.entry(named: "revenue")?.element == "us-gaap:Revenues")
    #expect(ItemCatalog.entry(named: "operating_income")?.element == "us-gaap:OperatingIncomeLoss")
    #expect(ItemCatalog.entry(named: "net_income")?.element == "us-gaap:NetIncomeLoss")
    #expect(ItemCatalog.entry(named: "eps")?.unitKind == .perShare)
    #expect(ItemCatalog.entry(named: "weighted_average_shares")?.unitKind == .shares)
    #expect(ItemCatalog.entry(named: "sga")?.isCost == true)
  }

  @Test(arguments: [
    ("Revenues", "revenue"), ("NET SALES", "revenue"), ("Total revenues", "revenue"), ("Sales", "revenue"),
    ("Cost of sales", "cost_of_revenue"), ("Cost of goods sold", "cost_of_revenue"),
    ("Selling, general & administrative", "sga"), ("Gross profit", "gross_profit"), ("Gross margin", "gross_profit"),
    ("Operating Loss", "operating_income"), ("Income (loss) from operations", "operating_income"),
    ("Total Other Income (Expenses)", "other_income_total"), ("Net income (loss)", "net_income"),
    ("Net Loss", "net_income"), ("Stockholders’ equity", "stockholders_equity"),
    ("Total stockholders' deficit", "stockholders_equity"), ("Preferred stock, Class A-1", "preferred_stock"),
    ("Advertising and Marketing", "advertising_and_marketing"),
    ("Research and development (1)", "research_development"),
  ])
  func labelsMapToItems(label: String, item: String) {
    #expect(
      ItemCatalog.item(forLabel: label, section: nil, statement: .incomeStatement) == item
        || ItemCatalog.item(forLabel: label, section: nil, statement: .balanceSheet) == item)
  }

  @Test func sectionsDecidePerShareAndShareRows() {
    let perShare = "Net Loss Per Common Share: Basic and Diluted"
    #expect(
      ItemCatalog.item(
        forLabel: "Net Loss Applicable to Common Stockholders", section: perShare, statement: .incomeStatement) == "eps"
    )
    #expect(
      ItemCatalog.item(
        forLabel: "Net Loss Applicable to Common Stockholders", section: nil, statement: .incomeStatement)
        == "net_income_to_common")
    #expect(
      ItemCatalog.item(forLabel: "Basic", section: "Earnings per share", statement: .incomeStatement) == "eps_basic")
    #expect(
      ItemCatalog.item(forLabel: "Diluted", section: "Net income per share:", statement: .incomeStatement)
        == "eps_diluted")
    #expect(
      ItemCatalog.item(
        forLabel: "Basic and diluted", section: "Weighted Average Common Shares Outstanding",
        statement: .incomeStatement) == "weighted_average_shares")
    #expect(
      ItemCatalog.item(forLabel: "Diluted", section: "Weighted average shares outstanding", statement: .incomeStatement)
        == "weighted_average_shares_diluted")
    #expect(
      ItemCatalog.item(forLabel: "Gross margin", section: nil, statement: .incomeStatement, rowKind: .percent)
        == "gross_margin")
  }

  @Test(arguments: [
    ("$11,853,020", "11853020", false), ("\\$ (1,810,989)", "-1810989", false), ("(4%)", "-4", true),
    ("-9%", "-9", true), ("<u>$ (0.03)</u>", "-0.03", false), ("$—", "0", false), ("—", "0", false), ("-", "0", false),
    ("(1,234)(1)", "-1234", false), ("12.5 %", "12.5", true), ("1,234 (a)", "1234", false),
    ("(\\$1,109,057)", "-1109057", false),
  ])
  func cellsReadAsFigures(text: String, value: String, percent: Bool) {
    let cleaned = TextTools.cleanInline(Substring(text))
    #expect(CellReader.read(cleaned) == .number(Decimal(parsing: value)!, isPercent: percent), "\(text)")
  }

  @Test func cellsThatAreNotFigures() {
    #expect(CellReader.read("NM") == .notMeaningful)
    #expect(CellReader.read("n/m") == .notMeaningful)
    #expect(CellReader.read("") == .empty)
    #expect(CellReader.read("$") == .empty)
    #expect(CellReader.read("12,3x4") == .invalid)
    #expect(CellReader.read("1,23,4") == .invalid)
    #expect(CellReader.year(in: "2003*") == 2003)
    #expect(CellReader.year(in: "2008(1)") == 2008)
    #expect(CellReader.year(in: "2,009") == nil)
  }

  @Test func periodHeaders() {
    func read(_ headers: [String]) -> ColumnReading {
      PeriodHeaders.read(headers: headers, context: [], statement: .incomeStatement)
    }
    #expect(read(["Three Months Ended", "September 30,", "2009"]).period == period("2009-07-01", "2009-09-30"))
    #expect(read(["Nine Months Ended September 30,", "2009"]).period == period("2009-01-01", "2009-09-30"))
    #expect(read(["13 Weeks Ended July 3, 2004"]).period == period("2004-04-04", "2004-07-03"))
    #expect(read(["For the 26 weeks ended", "July 3, 2004"]).period == period("2004-01-04", "2004-07-03"))
    #expect(read(["Year Ended December 31,", "2008"]).period == period("2008-01-01", "2008-12-31"))
    #expect(read(["September 30, 2009"]).period == period(nil, "2009-09-30"))
    #expect(read(["Three Months Ended", "% Change"]).kind == .percentChange)
    #expect(read(["$ Change"]).kind == .change)
    #expect(read(["Increase (Decrease)"]).kind == .change)
    #expect(read(["% of revenues"]).kind == .percentOfTotal)
    #expect(PeriodHeaders.scale(in: ["(in millions, except per share data)"]).money == Decimal(1_000_000))
    #expect(PeriodHeaders.scale(in: ["(000's omitted)"]).money == Decimal(1_000))
    #expect(PeriodHeaders.scale(in: ["(in thousands, except share and per share data)"]).shares == Decimal.one)
  }

  @Test func fiscalYearFromText() {
    let apple =
      "CUPERTINO, Calif., Jan. 18, 2011 -- Apple announced results for its fiscal 2011 first quarter ended December 25, 2010."
    #expect(PeriodHeaders.fiscalYearEnd(text: [apple], columnHeaders: [])?.month == 9)
    #expect(
      PeriodHeaders.fiscalYearEnd(text: ["for the fiscal year ended June 30, 2010"], columnHeaders: [])
        == FiscalYearEnd(month: 6, day: 30))
    #expect(
      PeriodHeaders.fiscalYearEnd(text: [], columnHeaders: ["Year Ended March 31, 2010"])
        == FiscalYearEnd(month: 3, day: 31))
    #expect(
      PeriodHeaders.fiscalYearEnd(text: ["revenue grew"], columnHeaders: ["Three Months Ended June 30, 2010"]) == nil)
  }
}

@Test func linesSplitLikeAnEditorShowsThem() {
  func lines(_ text: String) -> [String] { SourceLines.split(Array(text.utf8)).map(String.init) }
  #expect(lines("") == [])
  #expect(lines("a") == ["a"])
  #expect(lines("a\n") == ["a"])
  #expect(lines("a\r\nb\r\n\r\nc") == ["a", "b", "", "c"])
  #expect(lines("\n") == [""])
  #expect(lines("é\n\u{FFFD}x\n") == ["é", "\u{FFFD}x"])
  #expect(SourceLines.split([0x61, 0xFF, 0x0A, 0x62]).map(String.init) == ["a\u{FFFD}", "b"])
}
