import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// Issue 18: every printed line is an item an analyst can name. Built from real documents
/// (the corpus, and a 10-Q under Tests/Filings), each with a mutation that shows the
/// rule is what gives the answer.
@Suite struct ItemStructureTests {
  static func text(_ name: String) throws -> String { try RealReleaseRegressionTests.text(name) }

  static func session(_ name: String, text: String? = nil) throws -> Session {
    var model = Model()
    try model.importRelease(bytes: Array((text ?? Self.text(name)).utf8), documentName: name)
    return Session(model: model)
  }

  static func run(_ session: Session, _ query: String) -> (value: Value?, errors: [String]) {
    let result = session.run(query, origin: .commandLine)
    guard case .value(let value)? = result.items.last else { return (nil, result.diagnostics.map(\.message)) }
    return (value, result.diagnostics.map(\.message))
  }

  static func amount(_ session: Session, _ query: String) -> FSQCore.Decimal? {
    guard case .quantity(let q)? = run(session, query).value else { return nil }
    return q.amount
  }

  static func dec(_ text: String) -> FSQCore.Decimal { FSQCore.Decimal(parsing: text)! }

  static func replacing(_ old: String, with new: String, in text: String) throws -> String {
    let range = try #require(text.range(of: old))
    var text = text
    text.replaceSubrange(range, with: new)
    return text
  }

  // MARK: Rows printed one cell to the left

  @Test func aRowPrintedOneCellLeftIsReadUnderItsOwnColumns() throws {
    // Danaos Q4 2024 (line 542): "| **TOTAL ASSETS** |  | **$4,343,654** |  | **$3,661,136** |"
    // while every other row of the balance sheet starts with an empty cell. Read as printed,
    // total assets at 2024-12-31 was 2023's 3,661,136: a wrong number without a word.
    let danaos = try Self.session("danaos_q4_2024.md")
    #expect(Self.amount(danaos, "total_assets(2024-12-31)") == Self.dec("4343654000"))
    #expect(Self.amount(danaos, "total_assets(2023-12-31)") == Self.dec("3661136000"))
    #expect(Self.amount(danaos, "revenue(q4 2024)") == Self.dec("258179000"))
    #expect(Self.amount(danaos, "operating_income(fy 2023)") == Self.dec("580661000"))
    // Mutation: the 2024 figure changed by one is read as changed, in its own column.
    let mutated = try Self.replacing("**$4,343,654**", with: "**$4,343,655**", in: Self.text("danaos_q4_2024.md"))
    let changed = try Self.session("danaos_q4_2024.md", text: mutated)
    #expect(Self.amount(changed, "total_assets(2024-12-31)") == Self.dec("4343655000"))
    #expect(Self.amount(changed, "total_assets(2023-12-31)") == Self.dec("3661136000"))
  }

  // MARK: Items the structure names

  @Test func aFirstLineNamedRevenuesOverExpensesIsTheRevenue() throws {
    // Danaos's income statement opens with "OPERATING REVENUES" (a catalog label). Printed as
    // "VOYAGE REVENUES", no synonym names it; it is still the first line, and an expense follows.
    let text = try Self.replacing(
      "| **OPERATING REVENUES** | **$258,179**", with: "| **VOYAGE REVENUES** | **$258,179**",
      in: Self.text("danaos_q4_2024.md"))
    let danaos = try Self.session("danaos_q4_2024.md", text: text)
    #expect(Self.amount(danaos, "revenue(fy 2024)") == Self.dec("1014110000"))
    let explained = danaos.run("explain revenue(fy 2024)", origin: .commandLine)
    let rendered = explained.items.map { OutputRenderer(format: .text).render($0) }.joined()
    #expect(rendered.contains("item revenue: by the statement's structure, the income statement's first line"))
    // Mutation: a first line followed by another revenue line is not the whole revenue.
    let two = try Self.replacing(
      "|  | Vessel operating expenses |", with: "|  | Charter revenues |", in: text)
    let split = try Self.session("danaos_q4_2024.md", text: two)
    #expect(Self.amount(split, "revenue(fy 2024)") == nil)
  }

  @Test func theLineThatLessCostIsGrossProfitIsTheRevenue() throws {
    // Microsoft Q4 FY2024: "Total revenue" less "Total cost of revenue" is "Gross margin".
    // Relabelled "Total turnover", it is found by that arithmetic.
    let text = try Self.text("microsoft_q4_fy2024.md")
    let relabelled = text.replacingOccurrences(of: "\nTotal revenue\n", with: "\nTotal turnover\n")
    #expect(relabelled != text)
    let msft = try Self.session("microsoft_q4_fy2024.md", text: relabelled)
    #expect(Self.amount(msft, "revenue(q4 2024)") == Self.dec("64727000000"))
    // Mutation: one figure of the line changed, the arithmetic fails and nothing is guessed.
    let broken = try Self.replacing("Total turnover\n64,727", with: "Total turnover\n64,728", in: relabelled)
    let guessless = try Self.session("microsoft_q4_fy2024.md", text: broken)
    #expect(Self.amount(guessless, "revenue(q4 2024)") == nil)
  }

  @Test func aBareTotalClosingTheAssetsIsTotalAssets() throws {
    // Danaos's "TOTAL ASSETS" printed as a bare "Total": it equals total liabilities and equity.
    let text = try Self.replacing(
      "| **TOTAL ASSETS** |", with: "| **Total** |", in: Self.text("danaos_q4_2024.md"))
    let danaos = try Self.session("danaos_q4_2024.md", text: text)
    #expect(Self.amount(danaos, "total_assets(2024-12-31)") == Self.dec("4343654000"))
    // Mutation: when it does not equal the other side, it is not taken for total assets.
    let unequal = try Self.replacing(
      "| **Total** |  | **$4,343,654**", with: "| **Total** |  | **$4,343,650**", in: text)
    let other = try Self.session("danaos_q4_2024.md", text: unequal)
    #expect(Self.amount(other, "total_assets(2024-12-31)") == nil)
  }

  @Test func theLineEarningsPerShareDividesIsNetIncome() throws {
    // Microsoft Q4 FY2024: "Net income $22,036" (millions), basic EPS $2.96 on 7,433 million
    // shares, diluted $2.95 on 7,472. Relabelled "Profit for the period" in all three statements,
    // no catalog label names it; EPS still divides it.
    var text = try Self.replacing(
      "16,950\nNet income\n", with: "16,950\nProfit for the period\n", in: Self.text("microsoft_q4_fy2024.md"))
    text = try Self.replacing("2023\nNet income\n$22,036", with: "2023\nProfit for the period\n$22,036", in: text)
    text = try Self.replacing("Operations\nNet income\n", with: "Operations\nProfit for the period\n", in: text)
    let msft = try Self.session("microsoft_q4_fy2024.md", text: text)
    #expect(Self.amount(msft, "net_income(q4 2024)") == Self.dec("22036000000"))
    #expect(Self.amount(msft, "net_income(fy 2024)") == Self.dec("88136000000"))
    let explained = msft.run("explain net_income(q4 2024)", origin: .commandLine)
    let rendered = explained.items.map { OutputRenderer(format: .text).render($0) }.joined()
    #expect(rendered.contains("by the statement's structure, the line earnings per share divides"))
    // Mutation: one printed figure of the line no longer divides into EPS; nothing is guessed.
    let mutated = try Self.replacing(
      "16,950\nProfit for the period\n$22,036", with: "16,950\nProfit for the period\n$22,136", in: text)
    let broken = try Self.session("microsoft_q4_fy2024.md", text: mutated)
    #expect(Self.amount(broken, "net_income(q4 2024)") == nil)
  }

  @Test func netIncomeAttributableToTheCompanyAndDividendsPerShare() throws {
    // U.S. Bancorp 4Q21: "Net income attributable to U.S. Bancorp $1,673" (millions) is the
    // net income; "Diluted earnings per common share $1.07" the EPS, and "Dividends declared
    // per common share $.46" neither.
    let usb = try Self.session("usbancorp_q4_2021.htm")
    #expect(Self.amount(usb, "net_income(q4 2021)") == Self.dec("1673000000"))
    #expect(Self.amount(usb, "eps(q4 2021)") == Self.dec("1.07"))
    #expect(Self.amount(usb, "dividends_declared_per_common_share(q4 2021)") == Self.dec("0.46"))
    // KeyCorp Q1 2022: "Cash dividends declared per common share $.195" beside EPS of $.45.
    let key = try Self.session("keycorp_q1_2022.htm")
    #expect(Self.amount(key, "eps(q1 2022)") == Self.dec("0.45"))
    #expect(Self.amount(key, "cash_dividends_declared_per_common_share(q1 2022)") == Self.dec("0.195"))
  }

  // MARK: Labels the catalog reaches

  @Test func catalogLabelsInTheirPrintedForms() {
    func item(_ label: String, _ statement: StatementKind = .incomeStatement, section: String? = nil) -> String {
      ItemCatalog.item(forLabel: label, section: section, statement: statement)
    }
    #expect(item("Total cost of revenue") == "cost_of_revenue")
    #expect(item("Costs of revenue") == "cost_of_revenue")
    #expect(item("Gross profit from continuing operations, as reported") == "gross_profit")
    #expect(item("Total other income, net") == "other_income_total")
    // Not the net figures: continuing operations stay their own items.
    #expect(item("Net earnings from continuing operations") != "net_income")
    #expect(
      item("GAAP diluted earnings per share from continuing operations", section: "Per share")
        == "eps_continuing_operations_diluted")
    // "Total other" is not "Other".
    #expect(item("Total other") != "other_income")
  }

  @Test func totalCostOfRevenueIsCostOfRevenue() throws {
    // Microsoft prints "Total cost of revenue" (singular) under "Cost of revenue:".
    let msft = try Self.session("microsoft_q4_fy2024.md")
    #expect(Self.amount(msft, "cost_of_revenue(q4 2024)") == Self.dec("19684000000"))
    // Its "Gross margin" line is in dollars: gross profit, while the margin metrics stay
    // ratios (45,043 / 64,727).
    #expect(Self.amount(msft, "gross_profit(q4 2024)") == Self.dec("45043000000"))
    let margin = try Self.dec("45043").dividing(by: Self.dec("64727"))
    #expect(Self.amount(msft, "gross_margin(q4 2024)")?.rounded(places: 12) == margin.rounded(places: 12))
    #expect(Self.amount(msft, "margin(q4 2024)")?.rounded(places: 12) == margin.rounded(places: 12))
  }

  // MARK: Percentage tables

  @Test func aTableCaptionedAsAPercentageOfRevenueHoldsPercents() throws {
    // Facebook's 10-Q for Q1 2019: "(as a percentage of revenue)": "Cost of revenue 19 16"
    // is 19% and 16%, not $19; the dollar income statement still gives cost_of_revenue.
    let url = TestSupport.packageRoot.appendingPathComponent("Tests/Filings/meta_10q_2019q1.html")
    let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    let meta = try Self.session("meta_10q_2019q1.html", text: text)
    #expect(Self.amount(meta, "cost_of_revenue(q1 2019)") == Self.dec("2816000000"))
    #expect(Self.amount(meta, "cost_of_revenue_percent(q1 2019)") == Self.dec("0.19"))
    #expect(Self.amount(meta, "cost_of_revenue_percent(q1 2018)") == Self.dec("0.16"))
    let company = meta.model.companies[0]
    #expect(!company.facts.contains { $0.unit != .percent && $0.value == Self.dec("19") })
    // Mutation: without the caption the same rows are no percents.
    let uncaptioned = text.replacingOccurrences(of: "(as a percentage of revenue)", with: "")
    let plain = try Self.session("meta_10q_2019q1.html", text: uncaptioned)
    #expect(Self.amount(plain, "cost_of_revenue_percent(q1 2019)") != Self.dec("0.19"))
  }

  // MARK: Labels in the language

  @Test func aLabelInTwoSectionsIsNamedWithItsSection() throws {
    // Microsoft prints "Product" under "Revenue:" and under "Cost of revenue:".
    let msft = try Self.session("microsoft_q4_fy2024.md")
    let ambiguous = Self.run(msft, "\"Product\"(q4 2024)")
    #expect(ambiguous.value == nil)
    #expect(ambiguous.errors.first?.contains("printed in 2 places") == true)
    let result = msft.run("\"Product\"(q4 2024)", origin: .commandLine)
    let note = result.diagnostics.first?.notes.map(\.message).joined() ?? ""
    #expect(note.contains("\"Cost of revenue\".\"Product\""))
    #expect(Self.amount(msft, "\"Cost of revenue\".\"Product\"(fy 2024)") == Self.dec("15272000000"))
    #expect(Self.amount(msft, "\"Revenue\".\"Product\"(fy 2024)") == Self.dec("64773000000"))
    // Company-qualified too.
    let id = msft.model.companies[0].id
    #expect(Self.amount(msft, "\(id).\"Cost of revenue\".\"Product\"(fy 2024)") == Self.dec("15272000000"))
    // A section that does not print the label says where it is printed.
    let wrong = Self.run(msft, "\"Costs\".\"Product\"(fy 2024)")
    #expect(wrong.errors.first?.contains("no \"Product\" under \"Costs\"") == true)
  }

  @Test func aPrintedLabelGoesWhereAnItemGoes() throws {
    let msft = try Self.session("microsoft_q4_fy2024.md")
    // Net income Q4 FY2024 22,036 vs Q4 FY2023 20,081 (millions).
    let byItem = Self.amount(msft, "growth(net_income, q4 2024)")
    #expect(byItem != nil)
    #expect(Self.amount(msft, "growth(\"Net income\", q4 2024)") == byItem)
    #expect(
      Self.amount(msft, "pct_change(\"Net income\", q4 2024)") == Self.amount(msft, "pct_change(net_income, q4 2024)"))
    #expect(Self.amount(msft, "change(\"Net income\", q4 2024)") == Self.dec("1955000000"))
    // Cost of product revenue FY2024 15,272 vs FY2023 17,804.
    let expected = try Self.dec("15272").dividing(by: Self.dec("17804")).subtracting(.one)
    let growth = try #require(Self.amount(msft, "growth(\"Cost of revenue\".\"Product\", fy 2024)"))
    #expect(growth.rounded(places: 10) == expected.rounded(places: 10))
    let misspelt = Self.run(msft, "growth(\"Net incme\", fy 2024)")
    #expect(misspelt.errors.first?.contains("no line labelled \"Net incme\"") == true)
    // Table rows.
    let table = msft.run(
      "table \"Net income\", \"Cost of revenue\".\"Product\" for fy 2024, fy 2023", origin: .commandLine)
    #expect(table.diagnostics.isEmpty)
    guard case .value(.table(let t))? = table.items.last else {
      Issue.record("no table: \(table.diagnostics.map(\.message))")
      return
    }
    #expect(t.rows.map(\.label) == ["Net income", "\"Cost of revenue\".\"Product\""])
  }
}
