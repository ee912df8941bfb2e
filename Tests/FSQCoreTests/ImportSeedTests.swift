import Testing

@testable import FSQCore

/// The bundled model reproduces every reported figure of SEED-NUMBERS.md.
@Suite struct ImportSeedTests {
  let model = Model.bundledModel()
  var fusion: Company { model.companies[0] }
  let q3_2009 = period("2009-07-01", "2009-09-30")
  let q3_2008 = period("2008-07-01", "2008-09-30")
  let september2009 = period(nil, "2009-09-30")
  let december2008 = period(nil, "2008-12-31")

  @Test func oneCompanyFromBothReleases() {
    #expect(model.companies.count == 1)
    #expect(fusion.id == "fsnn")
    #expect(fusion.name == "Fusion Telecommunications International, Inc.")
    #expect(fusion.documents == ["000_025e3925ba55d56f.txt", "004_d53717f43ada5e04.txt"])
    #expect(fusion.fiscalYearEnd == .december)
    #expect(model.company(named: "fsn")?.id == "fsnn")
    #expect(model.company(named: "Fusion")?.id == "fsnn")
  }

  @Test func incomeStatementFigures() {
    #expect(fusion.value("revenue", q3_2009) == Decimal(11_853_020))
    #expect(fusion.value("revenue", q3_2008) == Decimal(14_301_428))
    #expect(fusion.value("cost_of_revenue", q3_2009) == Decimal(10_865_824))
    #expect(fusion.value("cost_of_revenue", q3_2008) == Decimal(13_414_976))
    #expect(fusion.value("sga", q3_2009) == Decimal(2_279_704))
    #expect(fusion.value("sga", q3_2008) == Decimal(2_524_692))
    #expect(fusion.value("operating_income", q3_2009) == Decimal(-1_600_635))
    #expect(fusion.value("net_income", q3_2009) == Decimal(-1_810_989))
    #expect(fusion.value("depreciation_amortization", q3_2009) == Decimal(304_121))
    // Gross profit = revenue − cost of revenue.
    let gross = try? fusion.value("revenue", q3_2009)!.subtracting(fusion.value("cost_of_revenue", q3_2009)!)
    #expect(gross == Decimal(987_196))
    // Unmapped rows keep a name made from the label.
    #expect(fusion.value("advertising_and_marketing", q3_2009) == Decimal(4_006))
  }

  @Test func reconciliationFigures() {
    #expect(fusion.value("ebitda", q3_2009) == Decimal(-1_294_522))
    #expect(fusion.value("ebitda", q3_2008) == Decimal(-1_622_921))
    #expect(fusion.value("adjusted_ebitda", q3_2009) == Decimal(-1_109_057))
    #expect(fusion.value("adjusted_ebitda", q3_2008) == Decimal(-1_474_471))
    #expect(fusion.facts("ebitda", q3_2009).first?.statement == .reconciliation)
  }

  @Test func perShareAndShareCounts() throws {
    let eps = try #require(fusion.facts("eps", q3_2009).first)
    #expect(eps.value == dec("-0.03"))
    #expect(eps.unit == .perShare("USD"))
    #expect(eps.section == "Net Loss Per Common Share: Basic and Diluted")
    #expect(fusion.value("eps", q3_2008) == dec("-0.07"))
    let shares = try #require(fusion.facts("weighted_average_shares", q3_2009).first)
    #expect(shares.value == Decimal(67_663_257))
    #expect(shares.unit == .shares)
    #expect(fusion.value("weighted_average_shares", q3_2008) == Decimal(37_151_093))
  }

  @Test func sameLabelInTwoSectionsStaysTwoFacts() {
    let label = "Net Loss Applicable to Common Stockholders"
    let facts = fusion.facts.filter { $0.label == label && $0.period == q3_2009 }
    #expect(facts.count == 2)
    #expect(Set(facts.map(\.item)) == ["net_income_to_common", "eps"])
    #expect(fusion.value("net_income_to_common", q3_2009) == Decimal(-1_972_203))
    // The per-share section repeats dollar totals: kept, in their section, not overwriting.
    let repeated = fusion.facts.filter {
      $0.label.lowercased() == "loss from continuing operations" && $0.period == q3_2009
    }
    #expect(repeated.count == 3)  // money section, per-share section, reconciliation
    #expect(Set(repeated.map(\.item)).count == 3)
    #expect(repeated.contains { $0.unit == .perShare("USD") && $0.value == Decimal(-1_708_089) })
    #expect(fusion.value("income_continuing_operations", q3_2009) == Decimal(-1_708_089))
  }

  @Test func balanceSheetFigures() {
    #expect(fusion.value("total_assets", september2009) == Decimal(6_749_842))
    #expect(fusion.value("total_assets", december2008) == Decimal(9_467_791))
    #expect(fusion.value("total_current_assets", september2009) == Decimal(3_669_714))
    #expect(fusion.value("total_current_assets", december2008) == Decimal(4_232_499))
    #expect(fusion.value("total_current_liabilities", september2009) == Decimal(12_852_957))
    #expect(fusion.value("total_current_liabilities", december2008) == Decimal(12_786_939))
    #expect(fusion.value("stockholders_equity", september2009) == Decimal(-6_456_109))
    #expect(fusion.value("stockholders_equity", december2008) == Decimal(-4_764_579))
    #expect(fusion.value("property_equipment", september2009) == Decimal(1_985_536))
    #expect(fusion.value("property_equipment", december2008) == Decimal(3_829_669))
    #expect(fusion.value("cash", september2009) == Decimal(376_250))
    #expect(fusion.value("intangible_assets", september2009) == Decimal(563_781))
    #expect(fusion.value("preferred_stock", september2009) == Decimal(80))
    #expect(fusion.value("additional_paid_in_capital", september2009) == Decimal(130_125_893))
    #expect(fusion.value("accumulated_deficit", september2009) == Decimal(-137_450_680))
    #expect(fusion.value("total_liabilities_and_equity", september2009) == Decimal(6_749_842))
  }

  @Test func statementsAreJoinedTitledAndRuled() throws {
    let kinds = fusion.statements.map(\.kind)
    #expect(kinds == [.incomeStatement, .balanceSheet, .reconciliation])
    let balance = fusion.statements[1]
    #expect(balance.title == "CONSOLIDATED BALANCE SHEET")
    // Split over two tables, joined into one.
    #expect(balance.rows.contains { $0.label == "Cash and cash equivalents" })
    #expect(balance.rows.contains { $0.label == "TOTAL ASSETS" })
    let deposits = try #require(balance.rows.first { $0.label == "Security deposits" })
    #expect(deposits.section == "Other assets")
    let reconciliation = fusion.statements[2]
    #expect(reconciliation.title == "RECONCILIATION OF NET LOSS TO ADJUSTED EBITDA")
    #expect(reconciliation.rows.contains { $0.item == "adjusted_ebitda" })
    let income = fusion.statements[0]
    #expect(income.columns.map(\.kind) == [.period, .period])
    #expect(income.columns.map(\.period) == [q3_2009, q3_2008])
    let total = try #require(income.rows.first { $0.label == "Total Operating Expenses" })
    #expect(total.ruleAbove)
    let netLoss = try #require(income.rows.first { $0.label == "Net Loss" })
    #expect(netLoss.doubleRuleBelow)
    let heading = try #require(income.rows.first { $0.label == "Operating Expenses:" })
    #expect(heading.isHeading)
    let cost = try #require(income.rows.first { $0.label == "Cost of Revenues" })
    #expect(cost.section == "Operating Expenses")
  }

  @Test func everyFactPointsAtTheLineThatPrintsIt() throws {
    let texts = Dictionary(uniqueKeysWithValues: ReleaseImporter.bundledReleases.map { ($0.name, $0.text) })
    for fact in fusion.facts {
      let text = try #require(texts[fact.source.document])
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(fact.source.line >= 1 && fact.source.line <= lines.count)
      let printed = squeeze(String(lines[fact.source.line - 1]))
      #expect(
        printed.contains(squeeze(fact.label)), "\(fact.item): line \(fact.source.line) does not print \(fact.label)")
      #expect(!fact.source.statement.isEmpty)
      #expect(fact.source.column.contains("2009") || fact.source.column.contains("2008"))
    }
  }

  /// Letters and digits only, lower case: compares a label with the raw Markdown line.
  func squeeze(_ text: String) -> String {
    text.split(separator: "<br>").joined().lowercased().filter { $0.isLetter || $0.isNumber }
  }

  @Test func narrativeFigures() throws {
    let customers = try #require(fusion.narrative.first { $0.item == "corporate_customers" })
    #expect(customers.value == Decimal(173))
    #expect(customers.period == q3_2009)
    #expect(customers.source.line == 11)
    #expect(customers.source.sentence?.contains("173 corporate customers") == true)
    let byItem = Dictionary(fusion.narrative.map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byItem["average_contract_term"]?.value == dec("2.7"))
    #expect(byItem["average_contract_term"]?.unit == .years)
    #expect(byItem["total_contract_value"]?.value == Decimal(4_200_000))
    #expect(byItem["equity_raised"]?.value == Decimal(1_300_000))
    #expect(byItem["debt_converted"]?.value == Decimal(3_000_000))
    #expect(byItem["corporate_services_gross_margin"]?.value == dec("0.34"))
    #expect(byItem["corporate_services_gross_margin"]?.unit == .percent)
  }

  @Test func claimsForCheck() throws {
    let claims = fusion.claims
    let revenueDecline = try #require(
      claims.first { $0.item == "revenue" && $0.kind == .changePercent && $0.value.isNegative })
    #expect(revenueDecline.value == dec("-0.17"))
    #expect(revenueDecline.tolerance == dec("0.005"))
    #expect(revenueDecline.period == q3_2009)
    #expect(revenueDecline.comparedPeriod == q3_2008)
    let margin = try #require(claims.first { $0.item == "gross_margin" && $0.period == q3_2009 })
    #expect(margin.value == dec("0.083"))
    #expect(margin.tolerance == dec("0.0005"))
    let sga = try #require(claims.first { $0.item == "sga" && $0.kind == .changeAmount })
    #expect(sga.value == Decimal(-200_000))
    #expect(sga.tolerance == Decimal(50_000))
    let sgaPercent = try #require(claims.first { $0.item == "sga" && $0.kind == .changePercent })
    #expect(sgaPercent.value == dec("-0.097"))
    let adjusted = try #require(claims.first { $0.item == "adjusted_ebitda" && $0.kind == .changeAmount })
    #expect(adjusted.value == Decimal(400_000))
    let assets = try #require(claims.first { $0.item == "total_assets" && $0.period == september2009 })
    #expect(assets.value == Decimal(6_700_000))
    let assetsBefore = try #require(claims.first { $0.item == "total_assets" && $0.period == december2008 })
    #expect(assetsBefore.value == Decimal(9_500_000))
    let equity = try #require(claims.first { $0.item == "stockholders_equity" && $0.period == september2009 })
    #expect(equity.value == Decimal(-6_500_000))
    // A segment's margin is not the company's.
    #expect(!claims.contains { $0.item == "gross_margin" && $0.value == dec("0.34") })
  }

  @Test func listingsAndTheInferredYear() throws {
    let fsnn = try #require(fusion.listings.first { $0.ticker == "FSNN" })
    #expect(fsnn.exchange == "OTC Bulletin Board")
    #expect(fsnn.seen?.date == date("2009-11-17"))
    #expect(fsnn.seen?.inference == nil)
    let fsn = try #require(fusion.listings.first { $0.ticker == "FSN" })
    #expect(fsn.exchange == "NYSE Amex")
    #expect(fsn.seen?.date == date("2009-05-29"))
    let reason = try #require(fsn.seen?.inference)
    #expect(reason.hasPrefix("year 2009 inferred"))
    #expect(reason.contains("OTC Bulletin Board by 2009-11-17 (000_025e3925ba55d56f.txt)"))
    #expect(fsn.until?.date == date("2009-11-17"))
    let delisting = try #require(fusion.events.first { $0.kind == "delisting announced" })
    #expect(delisting.date.date == date("2009-05-29"))
    #expect(delisting.date.inference == reason)
    #expect(delisting.source.document == "004_d53717f43ada5e04.txt")
    let release = try #require(fusion.events.first { $0.kind == "earnings release" })
    #expect(release.date == DatedFact(date: date("2009-11-17")))
  }

  @Test func delistingAloneSaysTheYearIsUnknown() throws {
    let text = try #require(ReleaseImporter.bundledReleases.first { $0.name == "004_d53717f43ada5e04.txt" })
    let company = try ReleaseImporter.importRelease(bytes: Array(text.text.utf8), documentName: text.name)
    #expect(company.id == "fsn")
    #expect(company.facts.isEmpty)
    let event = try #require(company.events.first)
    #expect(event.kind == "delisting announced")
    #expect(event.date.inference?.hasPrefix("year unknown in this document") == true)
    #expect(event.date.date.month == 5 && event.date.date.day == 29)
  }

  @Test func mergingInEitherOrderGivesTheSameCompany() throws {
    var model = Model()
    for release in ReleaseImporter.bundledReleases.reversed() {
      try model.importRelease(bytes: Array(release.text.utf8), documentName: release.name)
    }
    #expect(model.companies.count == 1)
    let company = model.companies[0]
    #expect(company.id == "fsnn")
    #expect(company.listings.first { $0.ticker == "FSN" }?.seen?.date == date("2009-05-29"))
    #expect(company.facts.count == fusion.facts.count)
  }

  @Test func bundledTextsAreTheSeedsByteForByte() throws {
    for release in ReleaseImporter.bundledReleases {
      guard let seed = ImportFixtures.seedBytes(release.name) else { continue }  // the shared folder is optional
      #expect(seed == Array(release.text.utf8), "\(release.name) differs from the seed")
    }
  }
}

extension ImportSeedTests {
  @Test func sectionsEndWhereTheTotalsSay() {
    let netLoss = fusion.facts("net_income", q3_2009).first { $0.statement == .incomeStatement }
    #expect(netLoss?.section == nil)
    #expect(fusion.facts("loss_discontinued_operations", q3_2009).first?.section == "Discontinued Operations")
    #expect(fusion.facts("property_equipment", september2009).first?.section == nil)
    #expect(fusion.facts("eps", q3_2009).first?.section == "Net Loss Per Common Share: Basic and Diluted")
  }
}
