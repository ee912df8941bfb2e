import FSQTestSupport
import Foundation
import Testing

@testable import FSQCore

/// One test for each way real releases were read wrong (issue 11), each on a real document of
/// the corpus (`Tests/Corpus/documents`), with values read off the document by hand. The
/// mutation tests change one printed thing in a real release and require the importer to
/// refuse the figures it can no longer trust rather than answer them wrong.
@Suite struct RealReleaseRegressionTests {
  static func text(_ name: String) throws -> String {
    let url = Corpus.root.appendingPathComponent("documents").appendingPathComponent(name)
    return String(decoding: try Data(contentsOf: url), as: UTF8.self)
  }

  static func company(_ name: String, text: String? = nil) throws -> Company {
    try ReleaseImporter.importRelease(bytes: Array((text ?? Self.text(name)).utf8), documentName: name)
  }

  /// `3m 2024-09-30`, `at 2024-09-30`.
  static func value(_ company: Company, _ item: String, _ period: String) -> FSQCore.Decimal? {
    let parts = period.split(separator: " ")
    let end = CivilDate(iso: parts[1])!
    let resolved =
      parts[0] == "at"
      ? ResolvedPeriod(start: nil, end: end)
      : ResolvedPeriod(start: end.adding(months: -Int(parts[0].dropLast())!).adding(days: 1), end: end)
    return company.reportedFigure(item, period: resolved)?.quantity.amount
  }

  static func dec(_ text: String) -> FSQCore.Decimal { FSQCore.Decimal(parsing: text)! }

  // MARK: Newswire copies

  @Test func tablesFlattenedOntoOneLineAreReadBack() throws {
    // Forian Q3 2024, line 143: "Revenue $ 4,686,312 $ 5,348,469 $ 14,340,791 $ 15,112,398Cost of revenue …".
    let forian = try Self.company("forian_q3_2024.md")
    #expect(Self.value(forian, "revenue", "3m 2024-09-30") == Self.dec("4686312"))
    #expect(Self.value(forian, "revenue", "9m 2023-09-30") == Self.dec("15112398"))
    #expect(Self.value(forian, "weighted_average_shares", "3m 2023-09-30") == Self.dec("35068716"))
    #expect(Self.value(forian, "total_assets", "at 2023-12-31") == Self.dec("58888612"))
    // Line 139: "… outstanding as of September 30, 2024 and December 31, 2023   -   -Common
    // Stock …": the dash glued to the next label is a zero, and the year ends the label's date.
    // It was read as a figure of $2,023, and `check` found the equity section off by 2,023.
    let balance = try #require(forian.statements.first { $0.kind == .balanceSheet })
    #expect(!balance.rows.contains { $0.values.contains(Self.dec("2023")) })
    #expect(balance.rows.contains { $0.values.compactMap { $0 } == [Self.dec("31093"), Self.dec("30920")] })
    #expect(FlatTableReader.split("2023     -     -Common Stock").map(\.text) == ["2023", "-", "-", "Common", "Stock"])
    // Aemetis Q4 2024: "December 31,2024 2023" — a day and a year that lost their space.
    let aemetis = try Self.company("aemetis_q4_2024.md")
    #expect(Self.value(aemetis, "total_assets", "at 2024-12-31") == Self.dec("259302000"))
  }

  @Test func cellsPrintedOneALineAreReadAsATable() throws {
    // Microsoft FY2024 Q4 copied from the investor-relations page: every cell on its own line.
    let microsoft = try Self.company("microsoft_q4_fy2024.md")
    #expect(Self.value(microsoft, "revenue", "3m 2024-06-30") == Self.dec("64727000000"))
    #expect(Self.value(microsoft, "revenue", "3m 2023-06-30") == Self.dec("56189000000"))
    // Its balance sheet heads each column with a full date: "June 30, / 2024 / June 30, / 2023".
    #expect(Self.value(microsoft, "total_assets", "at 2024-06-30") == Self.dec("512163000000"))
  }

  @Test func cellsInParagraphsOfTheirOwnWithChangeColumns() throws {
    // Mobile-health Network Solutions (NewMediaWire): every cell a paragraph, three years then
    // "2024 to 2023 … % Change" columns.
    let company = try Self.company("mobilehealth_fy2024.md")
    for (period, value) in try Self.expected("mobilehealth_fy2024.md", item: "revenue") {
      #expect(Self.value(company, "revenue", period) == value, "\(period)")
    }
    // Its balance sheet is headed "As of June, 30 / 2024 / 2023": the day before the years is
    // not a figure of the prose before a table.
    let assets = try Self.expected("mobilehealth_fy2024.md", item: "total_assets")
    #expect(assets.count == 2)
    for (period, value) in assets {
      #expect(Self.value(company, "total_assets", period) == value, "\(period)")
    }
  }

  // MARK: Scale

  @Test func sharesInThousandsBesideDollarsInMillions() throws {
    // "(In millions, except number of shares, which are reflected in thousands, and per-share amounts)"
    let apple = try Self.company("apple_q4_fy2024.md")
    #expect(Self.value(apple, "revenue", "12m 2024-09-28") == Self.dec("391035000000"))
    #expect(Self.value(apple, "weighted_average_shares", "12m 2024-09-28") == Self.dec("15408095000"))
  }

  @Test func wholeSharesUnderADollarCaptionAreReadAsWholeShares() throws {
    // Standard Motor Products Q1 2020: "(In thousands, except per share amounts)" over share
    // counts printed as whole shares; EPS × shares ties only that way, and the report says so.
    let company = try Self.company("standardmotor_q1_2020.htm")
    let notes = company.importReports.flatMap(\.findings).filter(\.repaired)
    #expect(notes.count == 1)
    #expect(notes.first?.message.contains("whole shares") == true)
    let expected = try Self.expected("standardmotor_q1_2020.htm", item: "shares_diluted")
    #expect(!expected.isEmpty)
    for (period, value) in expected {
      #expect(Self.value(company, "weighted_average_shares", period) == value, "\(period)")
    }
  }

  /// AtriCure Q1 2020: "Reconciliation of Non-GAAP Adjusted Loss Per Share" has no caption;
  /// its net loss (16,408) equals the statement's, in thousands, so its dollars are in
  /// thousands, and then its "Basic and diluted 38,671" shares must be too: 13,950 / 38,671 =
  /// $0.36, as printed. The table was withheld as a scale error of the release.
  @Test func sharesBesideDollarsProvenInThousandsAreInThousands() throws {
    let company = try Self.company("atricure_q1_2020.htm")
    #expect(Checker.check(company).filter { $0.rule == "import-scale" && $0.severity == .error }.isEmpty)
    let table = try #require(company.statements.first { $0.title.contains("Adjusted Loss Per Share") })
    let shares = try #require(table.rows.first { $0.kind == .shares })
    #expect(shares.values.compactMap { $0 } == [Self.dec("38671000"), Self.dec("36976000")])
    #expect(company.importReports.flatMap(\.findings).contains { $0.repaired && $0.message.contains("shares × 1,000") })
  }

  /// Innovative Clinical's "Net income (loss) per share - basic" heads "Loss before
  /// extraordinary item $ (0.38)" (line 5766): a part of EPS, not −$380 at the caption's
  /// thousands, which it was read as.
  @Test func thePartsOfEPSUnderAPerShareHeadingArePerShare() throws {
    let company = try Self.company("innovativeclinical_q2_fy2001_submission.txt")
    let parts = company.facts.filter { $0.source.line == 5766 }
    #expect(!parts.isEmpty && parts.allSatisfy { $0.unit == .perShare("USD") })
    #expect(parts.contains { $0.value == Self.dec("-0.38") })
  }

  /// Mutation: Apple's caption made to say thousands for dollars. EPS × shares no longer ties
  /// with net income by a factor of 1,000, and the caption states the share scale itself, so
  /// neither half can be trusted: the statement is withheld and `check` names the caption.
  @Test func aWrongCaptionIsRefusedNotAnsweredWrong() throws {
    let original = try Self.text("apple_q4_fy2024.md")
    let caption = "(In millions, except number of shares, which are reflected in thousands, and per-share amounts)"
    #expect(original.contains(caption))
    let mutated = original.replacingOccurrences(
      of: caption,
      with: "(In thousands, except number of shares, which are reflected in thousands, and per-share amounts)")
    let company = try Self.company("apple_q4_fy2024.md", text: mutated)
    // Never the 1,000× too small figure; the cash flow statement, whose caption was not
    // changed, still answers net income right.
    #expect(Self.value(company, "revenue", "12m 2024-09-28") == nil)
    let netIncome = Self.value(company, "net_income", "12m 2024-09-28")
    #expect(netIncome == nil || netIncome == Self.dec("93736000000"))
    #expect(company.importReports.first?.withheld.contains { $0.contains("STATEMENTS OF OPERATIONS") } == true)
    let errors = Checker.check(company).filter { $0.rule == "import-scale" && $0.severity == .error }
    #expect(!errors.isEmpty)
    #expect(errors.first?.message.contains("In thousands") == true)
  }

  // MARK: Containers and layouts

  @Test func aCompleteSubmissionReadsItsEarningsExhibit() throws {
    let name = "pericom_q1_fy2006_submission.txt"
    let company = try Self.company(name)
    let parts = company.importReports.first?.parts ?? []
    #expect(parts.contains { $0.hasPrefix("read EX-99") })
    #expect(parts.contains { $0.hasPrefix("skipped") })
    let text = try Self.text(name)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // Every figure points at its own line of the whole submission file, not of the exhibit.
    let revenue = company.facts.filter { $0.item == "revenue" }
    #expect(!revenue.isEmpty)
    for fact in revenue {
      #expect(lines[fact.source.line - 1].contains(fact.label), "line \(fact.source.line): \(fact.label)")
    }
    for (period, value) in try Self.expected(name, item: "revenue") {
      #expect(Self.value(company, "revenue", period) == value, "\(period)")
    }
  }

  @Test func columnsAsPreviouslyReportedAreNotThePeriodsFigures() throws {
    // Pericom Q4 FY2005 prints "Previously Reported" beside "As Restated" for the same quarter.
    let company = try Self.company("pericom_q4_fy2005_submission.txt")
    #expect(Self.value(company, "operating_income", "3m 2005-03-31") != Self.dec("-599000"))
    #expect(Self.value(company, "net_income", "3m 2005-03-31") != Self.dec("134000"))
  }

  @Test func aBlankLineInsideAFixedWidthHeaderKeepsTheColumns() throws {
    // Pericom Q3 FY2005 and Asta Funding: EDGAR <TABLE>/<S>/<C> text, the <S> line between
    // the years and the figures.
    let pericom = try Self.company("pericom_q3_fy2005.txt")
    for (period, value) in try Self.expected("pericom_q3_fy2005.txt", item: "net_income") {
      #expect(Self.value(pericom, "net_income", period) == value, "\(period)")
    }
    let asta = try Self.company("asta_q3_fy2005.txt")
    for (period, value) in try Self.expected("asta_q3_fy2005.txt", item: "net_income") {
      #expect(Self.value(asta, "net_income", period) == value, "\(period)")
    }
  }

  @Test func sectionHeadingsSetOffByBlankLinesStayUnderTheHeader() throws {
    // Pericom and Asta balance sheets: "As of / Mar 31, 2005 / (unaudited) / ---- / <S> /
    // Assets / (blank) / Current Assets: / (blank) / Cash …": the section headings between the
    // dates and the first row cut the header off, and the balance sheet was dropped. Pericom Q2
    // FY2007 also prints "(unaudited)   (1)" under its dates: a footnote mark, not a row of −1.
    for document in ["pericom_q3_fy2005.txt", "pericom_q2_fy2007.txt", "asta_q3_fy2005.txt"] {
      let company = try Self.company(document)
      let expected = try Self.expected(document, item: "total_assets")
      #expect(expected.count == 2)
      for (period, value) in expected {
        #expect(Self.value(company, "total_assets", period) == value, "\(document) \(period)")
      }
    }
  }

  @Test func aWideHeaderLineOverARuleAcrossTheTableKeepsItsDates() throws {
    // Horizon Financial Q4 FY2006: "(unaudited)(in 000s, except per share data)   March 31, 2006
    // Change   December 31, 2005 …" (over 100 characters, but set out in columns) above a rule
    // that runs under the labels too. The rule was taken for the underline of each date, which
    // then started in the label area and went to the title; the quarterly statement and the
    // balance sheet were dropped.
    let horizon = try Self.company("horizon_q4_fy2006.txt")
    for item in ["net_income", "eps_diluted", "shares_diluted", "total_assets"] {
      let expected = try Self.expected("horizon_q4_fy2006.txt", item: item)
      #expect(expected.count >= 3)
      for (period, value) in expected {
        #expect(Self.value(horizon, Corpus.items[item]!, period) == value, "\(item) \(period)")
      }
    }
  }

  @Test func theTopLineIsRevenueWhenTheArithmeticSaysSo() throws {
    // Asta Funding Q4 FY2005: "Interest revenue $19,959,000 … Total expenses 4,656,000 …
    // Income before provision for income taxes 15,303,000": first line − total expenses = the
    // line after, in every column, so the first line is the revenue.
    let document = "asta_q4_fy2005_submission.txt"
    let asta = try Self.company(document)
    let expected = try Self.expected(document, item: "revenue")
    #expect(expected.count == 4)
    for (period, value) in expected {
      #expect(Self.value(asta, "revenue", period) == value, "\(period)")
    }
    // Mutation: with one figure of the first line changed, the arithmetic no longer ties and
    // the line stays what its label says (no revenue rather than a guessed one).
    var mutated = try Self.text(document)
    let figure = try #require(
      mutated.range(of: "Interest revenue                                               $19,959,000"))
    mutated.replaceSubrange(figure, with: "Interest revenue                                               $19,959,500")
    let changed = try Self.company(document, text: mutated)
    #expect(Self.value(changed, "revenue", "3m 2005-09-30") == nil)
    #expect(Self.value(changed, "interest_revenue", "3m 2005-09-30") == Self.dec("19959500"))
  }

  @Test func oneHTMLTableHoldingSeveralTablesIsReadAsSeveral() throws {
    // Goldman Sachs Q4 2021: one <TABLE> holds the balance sheet (3 dates), capital ratios and
    // average daily VaR (5 columns, headed "THREE MONTHS ENDED … YEAR ENDED …"). Read as one,
    // the VaR headings headed the balance sheet's empty columns 4 and 5 with "DECEMBER 31,
    // 2020" and the balance sheet was withheld as two columns of one date.
    let goldman = try Self.company("goldmansachs_q4_2021.htm")
    let assets = try Self.expected("goldmansachs_q4_2021.htm", item: "total_assets")
    #expect(assets.count == 3)
    for (period, value) in assets {
      #expect(Self.value(goldman, "total_assets", period) == value, "\(period)")
    }
    // "AVERAGE COMMON SHARES" with a border under it, then "Diluted 355.8" (millions): the
    // border underlines the heading, so the line is a share count, not a per-share amount.
    let shares = try Self.expected("goldmansachs_q4_2021.htm", item: "shares_diluted")
    #expect(shares.count == 5)
    for (period, value) in shares {
      #expect(Self.value(goldman, "weighted_average_shares", period) == value, "\(period)")
    }
  }

  @Test func theConsolidatedStatementSpeaksForTheCompany() throws {
    // U.S. Bancorp Q4 2021 prints a "Condensed Income Statement" for each line of business
    // beside its "CONSOLIDATED STATEMENT OF INCOME"; their net incomes differ. The
    // consolidated statement's figure is the company's.
    let usb = try Self.company("usbancorp_q4_2021.htm")
    let expected = try Self.expected("usbancorp_q4_2021.htm", item: "net_income")
    #expect(expected.count == 4)
    for (period, value) in expected {
      #expect(Self.value(usb, "net_income", period) == value, "\(period)")
    }
  }

  @Test func aSupplementsSegmentPagesDoNotHideTheFirmsFigures() throws {
    // Morgan Stanley's Q1 2022 financial supplement: "Consolidated Financial Summary" then a page
    // per business ("Institutional Securities / Income Statement Information, …"), each with
    // its own "Net revenues". The consolidated page speaks for the firm. "Net Income applicable
    // to Morgan Stanley" is the net income EPS divides; "Earnings per diluted share" is the EPS.
    let ms = try Self.company("morganstanley_q1_2022_supplement.htm")
    for item in ["revenue", "net_income", "eps_diluted"] {
      let expected = try Self.expected("morganstanley_q1_2022_supplement.htm", item: item)
      #expect(expected.count == 3)
      for (period, value) in expected {
        #expect(Self.value(ms, Corpus.items[item]!, period) == value, "\(item) \(period)")
      }
    }
    // The segments' own lines stay theirs.
    let segmentRevenue = ms.facts.filter { $0.item == "revenue" && $0.source.line != 518 }
    #expect(segmentRevenue.isEmpty)
  }

  @Test func aPerShareHeadingCoversItsDilutedLinesAfterTheBasicTotal() throws {
    // PNC Q2 2021: "Per Common Share / Basic … / Total basic earnings / Diluted … / Total
    // diluted earnings". The basic total closed the heading, and the diluted lines were read as
    // dollars in millions (2.43 → $2,430,000). Its "BALANCE SHEET DATA" prints total assets
    // as "Assets".
    let pnc = try Self.company("pnc_q2_2021.htm")
    for item in ["eps_diluted", "total_assets"] {
      let expected = try Self.expected("pnc_q2_2021.htm", item: item)
      #expect(expected.count >= 3)
      for (period, value) in expected {
        #expect(Self.value(pnc, Corpus.items[item]!, period) == value, "\(item) \(period)")
      }
    }
    let diluted = pnc.facts.filter { $0.label == "Diluted earnings (loss) from continuing operations" }
    #expect(!diluted.isEmpty)
    #expect(diluted.allSatisfy { $0.unit == .perShare("USD") })
    #expect(Self.value(pnc, "eps_continuing_operations_diluted", "6m 2021-06-30") == Self.dec("6.53"))
  }

  @Test func ratiosPrintedWithoutAPercentSignAreNotDollars() throws {
    // HomeTrust: "Average equity to average assets 11.80" and "Return on equity (ratio of net
    // income to average equity) 1.15" in a table captioned in thousands came out as $11,800
    // and $1,150. Wells Fargo: "Efficiency ratio (b) 63" under "$ in millions" as $63 million.
    let cases = [
      ("hometrust_q3_fy2020.htm", "Average equity to average assets", "11.80"),
      ("hometrust_q3_fy2020.htm", "Return on equity (ratio of net income to average equity)", "1.15"),
      ("wellsfargo_q4_2021.htm", "Efficiency ratio (b)", "63"),
    ]
    for (document, label, printed) in cases {
      let facts = try Self.company(document).facts.filter { $0.label == label }
      #expect(!facts.isEmpty, "\(label)")
      #expect(facts.allSatisfy { $0.unit != .usd }, "\(label)")
      #expect(facts.contains { $0.value == Self.dec(printed) }, "\(label)")
    }
  }

  @Test func aCaptionThatScalesDollarsAndSharesAlikeIsCaughtByTheText() throws {
    // Microsoft Q3 FY2020 as filed: "Revenue was $35.0 billion", income statement "(In
    // millions, except per share amounts)": no finding, revenue 35,021 million.
    let document = "microsoft_q3_fy2020.htm"
    let (report, _) = ReleaseImporter.importReport(bytes: Array(try Self.text(document).utf8), documentName: document)
    #expect(!report.findings.contains { $0.message.contains("the text states") })
    // Mutation: the caption reads "(In thousands, …)". Dollars and share counts are both 1,000×
    // too small, so EPS × shares still ties; the text's "$35.0 billion" does not, and the
    // statement's dollars are withheld with an error naming the caption.
    let mutated = try Self.text(document).replacingOccurrences(
      of: "In millions, except per share amounts", with: "In thousands, except per share amounts")
    let (mutatedReport, _) = ReleaseImporter.importReport(bytes: Array(mutated.utf8), documentName: document)
    let finding = try #require(mutatedReport.findings.first { $0.message.contains("the text states") })
    #expect(!finding.repaired)
    #expect(finding.message.contains("In thousands, except per share amounts"))
    let changed = try Self.company(document, text: mutated)
    #expect(Self.value(changed, "revenue", "3m 2020-03-31") == nil)
    let findings = Checker.check(changed).filter { $0.rule == ImportScaleRule.rule }
    #expect(findings.contains { $0.severity == .error })
  }

  // MARK: 1990s web pages

  @Test func fixedWidthTextInAPreBlockIsReadByColumns() throws {
    // Stratus Computer Q3 1997, as its web site served it: the statements are fixed-width text
    // in a <PRE> block inside a layout table, dated "9/28/97   9/29/96" (1997, not 2097), with
    // "Weighted average shares / of common stock and common / stock equivalents / outstanding"
    // wrapped over four lines.
    let document = "stratus_q3_1997.html"
    let stratus = try Self.company(document)
    for item in ["revenue", "operating_income", "net_income", "eps_diluted", "shares_diluted", "total_assets"] {
      let expected = try Self.expected(document, item: item)
      #expect(!expected.isEmpty)
      for (period, value) in expected {
        #expect(Self.value(stratus, Corpus.items[item]!, period) == value, "\(item) \(period)")
      }
    }
  }

  @Test func twoDatesJoinedByAndEachHeadTheColumnOfTheirYear() throws {
    // Stratus's balance sheet headed as wire copy often heads it: "September 28, 1997 and
    // December 29, 1996" over the years. The 1996 column took the first date's month and day
    // (September 28, 1996); each column takes the date of its own year.
    let document = "stratus_q3_1997.html"
    let original = "                                               9/28/97         12/29/96\n"
    let mutated = try Self.text(document).replacingOccurrences(
      of: original,
      with: """
                                        September 28, 1997 and December 29, 1996
                                                   1997            1996

        """)
    #expect(mutated != (try Self.text(document)))
    let stratus = try Self.company(document, text: mutated)
    for (period, value) in try Self.expected(document, item: "total_assets") {
      #expect(Self.value(stratus, "total_assets", period) == value, "\(period)")
    }
    #expect(Self.value(stratus, "total_assets", "at 1996-09-28") == nil)
  }

  @Test func periodHeadingsInATableOfTheirOwnHeadTheTableBelow() throws {
    // Atrion Q3 1997 (FrontPage): "Three Months Ended / September 30," and "Six Months Ended /
    // September 30," in a small table, the years and figures in the next; the balance sheet's
    // dates likewise. Read apart, the first table held no figures and the second no periods.
    let document = "atrion_q3_1997.htm"
    let atrion = try Self.company(document)
    for item in ["revenue", "net_income", "total_assets"] {
      let expected = try Self.expected(document, item: item)
      #expect(expected.count >= 2)
      for (period, value) in expected {
        #expect(Self.value(atrion, Corpus.items[item]!, period) == value, "\(item) \(period)")
      }
    }
    // The year-to-date columns read as printed ("Six Months"), each heading over its two years.
    #expect(Self.value(atrion, "revenue", "6m 1996-09-30") == Self.dec("15692000"))
  }

  @Test func aConsolidatingStatementsConsolidatedColumnIsTheCompanys() throws {
    // The Hartford Q1 2020: "CONSOLIDATING INCOME STATEMENTS / Three Months Ended March 31,
    // 2020", one column per segment and a last column "Consolidated". The period is named once,
    // above the columns; the consolidated column is the company's, the segments' are not read.
    let document = "hartford_q1_2020.htm"
    let hartford = try Self.company(document)
    for item in ["revenue", "net_income"] {
      let expected = try Self.expected(document, item: item)
      #expect(expected.count == 2)
      for (period, value) in expected {
        #expect(Self.value(hartford, item, period) == value, "\(item) \(period)")
      }
    }
    // The segments' columns give no facts (Commercial Lines' net income, 121, is not read there).
    let consolidating = hartford.facts.filter { $0.source.statement == "CONSOLIDATING INCOME STATEMENTS" }
    #expect(!consolidating.isEmpty)
    #expect(consolidating.allSatisfy { $0.source.column.hasPrefix("Consolidated") })
  }

  @Test func dashesWhereFiguresStandAreZerosNotRules() throws {
    // Asta Funding Q4 FY2004: "Provision for losses  300,000  --  300,000  --" in the middle of
    // the statement; read as a rule it cut the statement in two and lost net income.
    let asta = try Self.company("asta_q4_fy2004.txt")
    #expect(Self.value(asta, "net_income", "12m 2004-09-30") == Self.dec("22237000"))
    #expect(Self.value(asta, "net_income", "3m 2003-09-30") == Self.dec("4293000"))
    let provision = asta.facts.filter { $0.label == "Provision for losses" }
    #expect(provision.contains { $0.value.isZero })
  }

  @Test func segmentsAreNotTheCompanysFigures() throws {
    // The Hartford: "Commercial Lines … Net income $121" is a segment, not the company's $273.
    let hartford = try Self.company("hartford_q1_2020.htm")
    #expect(Self.value(hartford, "net_income", "3m 2020-03-31") != Self.dec("121000000"))
  }

  @Test func anEquityLabelWrappedOverManyNarrowLinesStaysInItsStatement() throws {
    // Horizon Financial Q2 FY2009 (EDGAR text): "Common stock, / $1.00 par / value; /
    // 30,000,000 / shares / authorized; / 11,960,371, / … shares / outstanding  $ 11,960". The
    // lone numbers of the label were read as a column of figures, so the equity half of the
    // balance sheet was skipped, and with it the total that total assets must equal.
    let horizon = try Self.company("horizon_q2_fy2009_submission.txt")
    #expect(Self.value(horizon, "common_stock", "at 2008-09-30") == Self.dec("11960000"))
    #expect(Self.value(horizon, "stockholders_equity", "at 2008-09-30") == Self.dec("122151000"))
    // "Total / liabili- / ties" and "Total liabilities and stock- / holders' equity".
    #expect(Self.value(horizon, "total_liabilities", "at 2008-09-30") == Self.dec("1329148000"))
    #expect(Self.value(horizon, "total_liabilities_and_equity", "at 2008-09-30") == Self.dec("1451299000"))
    #expect(!horizon.facts.contains { $0.unit == .shares && $0.value == Self.dec("11960000") })
  }

  @Test func aStatementWhoseCaptionIsPrintedOnItsContinuation() throws {
    // Surmodics Q2 FY2020: the segment operating results ("Operating (loss) income: Medical
    // Device $ (1,453)", "Total operating (loss) income (156)") print no caption; the part of
    // the statement that continues them does, "(in thousands)". Read as dollars, the total
    // operating loss was $156 beside the income statement's $156 thousand.
    let surmodics = try Self.company("surmodics_q2_fy2020.htm")
    let segment = surmodics.facts.filter { $0.label == "Medical Device" && $0.value.isNegative }
    #expect(segment.contains { $0.value == Self.dec("-1453000") })
    #expect(!surmodics.facts.contains { $0.value == Self.dec("-156") || $0.value == Self.dec("-1453") })
  }

  @Test func aPercentSignPrintedOnceMakesTheRowPercents() throws {
    // Wells Fargo Q4 2021: "CET1  11.4 %  11.6" and "ROE  12.8 %  6.6": the sign printed
    // once, after the first figure. The second is 11.6%, not $11.6 billion.
    let wf = try Self.company("wellsfargo_q4_2021.htm")
    let cet1 = wf.facts.filter { $0.label == "CET11" }
    #expect(cet1.count == 2)
    #expect(cet1.allSatisfy { $0.unit == .percent })
    #expect(Set(cet1.map(\.value)) == [Self.dec("0.114"), Self.dec("0.116")])
    // Dollars beside a column of percent changes stay dollars: NVIDIA prints "Automotive 604
    // 592 570 2 % 6 %" (revenue by market, in millions, then Q/Q and Y/Y).
    let nvidia = try Self.company("nvidia_q4_fy2026.txt")
    #expect(nvidia.facts.contains { $0.unit == .usd && $0.value == Self.dec("604000000") })
  }

  @Test func netIncomeNamedForTheCompanyUnderABareDate() throws {
    // Wells Fargo Q4 2021, "Selected Company-wide Financial Information": "Wells Fargo net
    // income 5,750 5,122 3,091" under "Dec 31, 2021", "Quarter ended Sep 30, 2021", "Dec 31,
    // 2020" (the heading spans the last two only). The line is the company's net income, and
    // the first column a quarter, not a figure at a date.
    let wf = try Self.company("wellsfargo_q4_2021.htm")
    let table = wf.facts.filter {
      $0.item == "net_income" && $0.source.statement == "Selected Company-wide Financial Information"
    }
    #expect(table.contains { $0.value == Self.dec("5750000000") && $0.period.months == 3 })
    #expect(!table.contains { $0.period.isInstant })
    #expect(Self.value(wf, "net_income", "3m 2021-09-30") == Self.dec("5122000000"))
    // Not a segment's: "Consumer Banking and Lending" lines keep their own names.
    #expect(!wf.facts.contains { $0.item == "net_income" && $0.label.hasPrefix("Consumer") })
  }

  @Test func aFirstQuarterEndedInSeptemberStartsAFiscalYearInJuly() throws {
    // Republic Group: "net sales increased 10% to $31,889,000 for the first quarter ended
    // September 30, 1997" with no word "fiscal": its year ends in June, so the quarter is
    // q1 1998 (it was read as the third quarter of a calendar year).
    let republic = try Self.company("republic_group_q1_fy1998.html")
    #expect(republic.fiscalYearEnd.month == 6)
    let session = Session(model: Model(companies: [republic]))
    let result = session.run("revenue(q1 1998)", origin: .commandLine)
    guard case .value(.quantity(let revenue))? = result.items.last else {
      Issue.record("no revenue: \(result.diagnostics.map(\.message))")
      return
    }
    #expect(revenue.amount == Self.dec("31889000"))
  }

  @Test func aChangeInNetIncomePerShareIsAboutEPS() throws {
    // USA Truck Q3 1997: "Net income increased 106.3% to $2,301,813 … an increase of 100.0% in
    // net income per share to $.24 from $.12" (and 114.8%, $.58 from $.27, for nine months):
    // the second change is EPS's, not net income's, and the release ties.
    let truck = try Self.company("usa_truck_q3_1997.htm")
    let perShare = truck.claims.filter { $0.phrase.contains("100.0%") || $0.phrase.contains("114.8%") }
    #expect(!perShare.isEmpty)
    #expect(perShare.allSatisfy { $0.item == "eps" })
    #expect(Checker.check(truck).filter { $0.severity != .note }.isEmpty)
  }

  @Test func amountsInCanadianDollarsAreCanadianDollars() throws {
    // Goldcorp 1994: "All amounts in this news release are expressed in Canadian dollars",
    // "(in thousands of Canadian dollars …)": revenue 34,295 thousand is CAD, never shown as
    // US dollars; the cost per ounce "(U.S. dollars)" is US dollars as printed ($264, not
    // $264 thousand); gold production "(ounces)" is a count; "Fully diluted" under "Earnings
    // per share" is diluted EPS (it was $60, a per-share figure read as thousands of dollars).
    let goldcorp = try Self.company("goldcorp_q4_1994.html")
    #expect(goldcorp.currency == "CAD")
    let revenue = try #require(goldcorp.facts.first { $0.item == "revenue" && $0.value == Self.dec("34295000") })
    #expect(revenue.unit == .currency("CAD"))
    let cash = goldcorp.facts.filter { $0.label == "Cash production cost" }
    #expect(cash.contains { $0.value == Self.dec("264") && $0.unit == .usd })
    #expect(
      goldcorp.facts.contains { $0.label == "Red Lake Mine" && $0.value == Self.dec("16213") && $0.unit == .none })
    #expect(Self.value(goldcorp, "eps_diluted", "3m 1994-12-31") == Self.dec("0.06"))
    #expect(!goldcorp.facts.contains { $0.label == "Fully diluted" && $0.value == Self.dec("60") })
    // A release that states no currency stays in US dollars, and a currency named for some
    // amounts ("denominated in euros") says nothing of the statements.
    #expect(try Self.company("usa_truck_q3_1997.htm").currency == "USD")
    let truck = try Self.text("usa_truck_q3_1997.htm")
    let euros = try #require(truck.range(of: "USA Truck, Inc. (NASDAQ NMS: USAK) today announced"))
    var mentioned = truck
    mentioned.insert(
      contentsOf: "Amounts of fuel purchased in Europe are denominated in euros. ", at: euros.lowerBound)
    #expect(try Self.company("usa_truck_q3_1997.htm", text: mentioned).currency == "USD")
  }

  @Test func aCaptionAloneOnItsLineAndClaimsOnAnotherBasis() throws {
    // Novametrix Q2 FY1998: "(000's)" alone under the title is the statement's caption (read
    // as a figure, it split the title off and the statement was withheld at dollars);
    // "Primary" and "Fully Diluted" under "Net Income Per Common Share" are EPS (they were
    // $70 and 9 billion shares). The text's "$393,000 … on a comparable fully taxed basis" is
    // another measure than the statement's $696,000, and "It is noteworthy that earnings
    // growth rates of 40% …" is about no revenue named before it: no false error.
    let nova = try Self.company("novametrix_q2_fy1998.html")
    #expect(Self.value(nova, "revenue", "3m 1997-11-02") == Self.dec("7506000"))
    #expect(Self.value(nova, "eps_diluted", "3m 1997-11-02") == Self.dec("0.07"))
    #expect(!nova.facts.contains { $0.label == "Primary" && $0.value == Self.dec("70") })
    let basis = nova.claims.filter { $0.phrase.contains("393,000") }
    #expect(!basis.isEmpty && basis.allSatisfy { $0.unplaced?.contains("fully taxed") == true })
    #expect(Checker.check(nova).filter { $0.severity != .note }.isEmpty)
  }

  @Test func aFigureOneSpaceFromItsLabelIsAFigure() throws {
    // Stratus Q3 1997: "Total cost of sales 96,047   84,211 …" and "Product cost of sales
    // 65,013 …" print the quarter's figure one space after the label; it was read as part of
    // the label ("Total cost of sales 96,047") and the quarter had no cost of sales.
    let stratus = try Self.company("stratus_q3_1997.html")
    #expect(Self.value(stratus, "cost_of_revenue", "3m 1997-09-28") == Self.dec("96047000"))
    #expect(!stratus.facts.contains { $0.label.hasSuffix("96,047") })
    // Goldcorp: "Cash flow from operations 5,701    8,550".
    let goldcorp = try Self.company("goldcorp_q4_1994.html")
    #expect(goldcorp.facts.contains { $0.label == "Cash flow from operations" && $0.value == Self.dec("5701000") })
    // A figure in parentheses cut by a space ("Net loss ( 0.38)") is not split off.
    let clinical = try Self.company("innovativeclinical_q2_fy2001_submission.txt")
    #expect(!clinical.facts.contains { $0.label.hasSuffix("(") })
  }

  @Test func bookValueAndDividendsPerShareAreNotEPS() throws {
    let goldman = try Self.company("goldmansachs_q4_2021.htm")
    #expect(Self.value(goldman, "eps", "3m 2021-12-31") != Self.dec("284.39"))
    let aflac = try Self.company("aflac_q1_2020.htm")
    #expect(Self.value(aflac, "eps", "3m 2020-03-31") == Self.dec("0.78"))
  }

  /// Mutation: an outlook range in a cell of a real release ("($70) to ($61)") is left out and
  /// said; the rest of the release is read.
  @Test func aCellThatIsNotAFigureDoesNotAbortTheRelease() throws {
    let original = try Self.text("forian_q3_2024.md")
    let mutated = original.replacingOccurrences(of: "1,402,920", with: "($70) to ($61)")
    let company = try Self.company("forian_q3_2024.md", text: mutated)
    #expect(Self.value(company, "revenue", "3m 2024-09-30") == Self.dec("4686312"))
    #expect(!company.facts.contains { $0.item == "cost_of_revenue" && $0.value == Self.dec("1402920") })
  }

  @Test func aRoundedHighlightIsTheSameFigureNotAConflict() throws {
    // Mastercard Q1 2020: "Net revenue $4.0" (billions) in the highlights, 4,009 (millions) in
    // the statement of operations.
    let mastercard = try Self.company("mastercard_q1_2020.htm")
    #expect(Self.value(mastercard, "revenue", "3m 2020-03-31") == Self.dec("4009000000"))
    #expect(
      StatementBuilder.samePrintedFigure([Self.dec("4000000000"), Self.dec("4009000000")]) == Self.dec("4009000000"))
    // Figures that differ by more than the rounding of the coarse one are a conflict.
    #expect(StatementBuilder.samePrintedFigure([Self.dec("4400000000"), Self.dec("4009000000")]) == nil)
    #expect(StatementBuilder.samePrintedFigure([Self.dec("121000000"), Self.dec("273000000")]) == nil)
  }

  @Test func headingsWithNoMonthAreCalendarOnlyForADecemberYear() throws {
    // Citizens Financial (December year): "4Q21" and "FULL YEAR 2021" columns.
    let citizens = try Self.company("citizensfinancial_q4_2021.htm")
    for (period, value) in try Self.expected("citizensfinancial_q4_2021.htm", item: "revenue") {
      #expect(Self.value(citizens, "revenue", period) == value, "\(period)")
    }
    #expect(PeriodHeaders.assumesCalendar("FULL YEAR 2021"))
    #expect(PeriodHeaders.assumesCalendar("4Q21"))
    #expect(!PeriodHeaders.assumesCalendar("Year Ended December 31, 2021"))
    #expect(!ReleaseImporter.speaksOfFiscalPeriods("Results reflect continued fiscal stimulus."))
    #expect(ReleaseImporter.speaksOfFiscalPeriods("Revenue for the fiscal 2020 third quarter rose."))
    #expect(ReleaseImporter.speaksOfFiscalPeriods("Q2 FY2009 results"))
    // Alderridge (June year, "Q2 FY2009" columns): those figures are withheld, not placed in April–June.
    let alderridge = try ImportFixtures.company("alderridge_q2_fy2009.md")
    #expect(alderridge.importReports.first?.withheld.contains { $0.contains("Q2 FY2009") } == true)
  }

  @Test func headingRowsWiderThanTheFiguresAreFittedToThem() throws {
    // Cree Q3 FY2020 (Workiva): the heading row's spans add up to 36, the figures' rows to 24.
    let cree = try Self.company("cree_q3_fy2020.htm")
    for (period, value) in try Self.expected("cree_q3_fy2020.htm", item: "revenue") {
      #expect(Self.value(cree, "revenue", period) == value, "\(period)")
    }
  }

  @Test func linesKnownByWhereTheyStand() throws {
    // FICO Q2 FY2020: total assets printed without a label, equal to the (also unlabeled)
    // total of liabilities and equity. Asta Funding: "Finance income", the one line under
    // "REVENUES:", is the revenue; its total assets line has no label either.
    let fico = try Self.company("fico_q2_fy2020.htm")
    for (period, value) in try Self.expected("fico_q2_fy2020.htm", item: "total_assets") {
      #expect(Self.value(fico, "total_assets", period) == value, "\(period)")
    }
    let asta = try Self.company("asta_q4_fy2004.txt")
    #expect(Self.value(asta, "revenue", "12m 2004-09-30") == Self.dec("51175000"))
    // The heading stays a section, never glued onto the label under it ("REVENUES: Finance income").
    #expect(asta.facts.first { $0.item == "revenue" }?.label == "Finance income")
    #expect(asta.facts.first { $0.item == "revenue" }?.section == "REVENUES")
    #expect(Self.value(asta, "total_assets", "at 2004-09-30") == Self.dec("158641000"))
    // The headings in capitals stay headings: "ASSETS" over "Cash and cash equivalents".
    #expect(Self.value(asta, "cash", "at 2004-09-30") == Self.dec("3344000"))
    // Mutation: an unlabeled total that no longer equals liabilities and equity is still the
    // total that closes the assets above "LIABILITIES", as printed, and check says it does
    // not tie (total liabilities 44,175,000 + equity 114,466,000 = 158,641,000).
    var mutated = try Self.text("asta_q4_fy2004.txt")
    let first = try #require(mutated.range(of: "$158,641,000"))
    mutated.replaceSubrange(first, with: "$158,642,000")
    let changed = try Self.company("asta_q4_fy2004.txt", text: mutated)
    #expect(Self.value(changed, "total_assets", "at 2004-09-30") == Self.dec("158642000"))
    let balance = Checker.check(changed).filter { $0.rule == "balance" }
    #expect(balance.count == 1)
    #expect(balance.first?.difference?.amount == Self.dec("1000"))
  }

  @Test func averageDilutedSharesAreTheDilutedCount() throws {
    // PNC Q2 2021: "Average diluted common shares outstanding" (in millions).
    let pnc = try Self.company("pnc_q2_2021.htm")
    for (period, value) in try Self.expected("pnc_q2_2021.htm", item: "shares_diluted") {
      #expect(Self.value(pnc, "weighted_average_shares", period) == value, "\(period)")
    }
  }

  @Test func earningsPerShareNamedByItsIncomeLine() throws {
    // KeyCorp Q1 2022: "Per common share — assuming dilution: Net income (loss) attributable to
    // Key common shareholders .45"; Surmodics: "Operating (loss) income"; Alkermes: "Net Loss — GAAP".
    for (document, item, corpusItem) in [
      ("keycorp_q1_2022.htm", "eps", "eps_diluted"),
      ("surmodics_q2_fy2020.htm", "operating_income", "operating_income"),
      ("alkermes_q1_2020.htm", "net_income", "net_income"),
    ] {
      let company = try Self.company(document)
      let expected = try Self.expected(document, item: corpusItem)
      #expect(!expected.isEmpty)
      for (period, value) in expected {
        #expect(Self.value(company, item, period) == value, "\(document) \(period)")
      }
    }
  }

  @Test func aListAfterACommaIsNotTheItemBeforeIt() throws {
    // NVIDIA Q4 FY2026 prints "Sales, general and administrative $ 7 $ 4 …" in its stock-based
    // compensation table: the words before the comma ("Sales") read as revenue, and
    // revenue for the quarter ended October 26, 2025 came out $4 million. The release's
    // summary table prints it: "Revenue $68,127 $57,006 $39,331" (Q4 FY26, Q3 FY26, Q4 FY25).
    let nvidia = try Self.company("nvidia_q4_fy2026.txt")
    #expect(Self.value(nvidia, "revenue", "3m 2025-10-26") == Self.dec("57006000000"))
    #expect(
      ItemCatalog.item(forLabel: "Sales, general and administrative", section: nil, statement: .incomeStatement)
        == "sga")
    #expect(
      ItemCatalog.item(forLabel: "Sales, marketing and support", section: nil, statement: .incomeStatement) != "revenue"
    )
    // Mastercard's grand total names liabilities first: it is not total liabilities.
    #expect(
      ItemCatalog.item(
        forLabel: "Total Liabilities, Redeemable Non-controlling Interests and Equity", section: nil,
        statement: .balanceSheet) == "total_liabilities_and_equity")
    // The comma rule still reads a qualifier after the item.
    #expect(ItemCatalog.item(forLabel: "Revenue, net", section: nil, statement: .incomeStatement) == "revenue")
  }

  @Test func aSegmentTablesFirstSegmentIsNotTheCompany() throws {
    // Oil States Q1 2020, "SEGMENT EBITDA (B)": "Well Site Services: Completion Services: …
    // EBITDA $ 11,873 $ 8,801 $ 14,373", then "Drilling Services: … EBITDA". The first
    // segment's line took the bare name `ebitda` and answered for the company. The company's
    // is "Consolidated EBITDA (A) $ 21,865 $ 19,707 $ 21,378" (quarters to March 31, 2020,
    // December 31, 2019 and March 31, 2019).
    let oil = try Self.company("oilstates_q1_2020.htm")
    #expect(Self.value(oil, "ebitda", "3m 2020-03-31") == Self.dec("21865000"))
    #expect(Self.value(oil, "ebitda", "3m 2019-12-31") == Self.dec("19707000"))
    #expect(Self.value(oil, "ebitda_completion_services", "3m 2020-03-31") == Self.dec("11873000"))
  }

  @Test func aTelephoneNumberInAPageFooterIsNotAFigure() throws {
    // Pericom Q2 FY2007 ends each page with "3545 North First Street   San Jose, CA 95134
    // (408) 435-0800" (lines 83, 141, 207, 289). After the balance sheet, the footer at line
    // 289 was read as a row continuing it: `item_3545_north_first_street_san_jose_ca_95134`,
    // −$408,000 (the area code as a negative figure in thousands).
    let pericom = try Self.company("pericom_q2_fy2007.txt")
    #expect(!pericom.facts.contains { $0.label.contains("North First Street") })
    #expect(!pericom.facts.contains { $0.statement == .balanceSheet && $0.value == Self.dec("-408000") })
    let balance = try #require(pericom.statements.first { $0.kind == .balanceSheet })
    #expect(!balance.rows.contains { $0.label.contains("North First Street") })
    // The balance sheet itself still reads (in thousands), line 247: "Total assets
    // $ 214,626   $ 213,686"; line 230: "Cash & cash equivalents   $ 13,694   $ 12,577".
    #expect(Self.value(pericom, "total_assets", "at 2006-12-30") == Self.dec("214626000"))
    #expect(Self.value(pericom, "total_assets", "at 2006-07-01") == Self.dec("213686000"))
    #expect(Self.value(pericom, "cash", "at 2006-12-30") == Self.dec("13694000"))
    // Its Q1 FY2006 submission did the same with the footer at line 608, under a balance sheet
    // whose line 574 reads "Total assets   $ 214,004   $ 193,995" (October 1 and July 2, 2005).
    let earlier = try Self.company("pericom_q1_fy2006_submission.txt")
    #expect(!earlier.facts.contains { $0.label.contains("North First Street") })
    #expect(!earlier.facts.contains { $0.statement == .balanceSheet && $0.value == Self.dec("-408000") })
    #expect(Self.value(earlier, "total_assets", "at 2005-10-01") == Self.dec("214004000"))
    #expect(Self.value(earlier, "total_assets", "at 2005-07-02") == Self.dec("193995000"))
  }

  @Test func aTelephoneNumberEndsTheFiguresOfALine() throws {
    // An invented release laid out as Pericom's: a balance sheet, a note, "- END -", a rule,
    // then a page footer. Read as a table of its own, the footer's "(217)" and "555-0142" made
    // two columns, as many as the balance sheet's, so it continued the balance sheet as a row
    // `item_100_main_street_springfield_il_62701` of −$217,000.
    let text = """
      ACME WIDGET CORPORATION
      CONDENSED CONSOLIDATED BALANCE SHEETS
      (In thousands)

                                               December 31,    December 31,
                                                   2024            2023
                                               ------------    ------------
      Cash                                     $     1,200     $     1,100
      Inventories                                      800             700
                                               ------------    ------------
      Total assets                             $     2,000     $     1,800
                                               ============    ============

      Accounts payable                         $       500     $       450
      Shareholders' equity                           1,500           1,350
                                               ------------    ------------
      Total liabilities and equity             $     2,000     $     1,800
                                               ============    ============

      (1) Derived from the audited financial statements for the year ended December 31, 2023.

                                    - END -

      --------------------------------------------------------------------------

      100 Main Street        Springfield, IL 62701         (217) 555-0142
      """
    let company = try Self.company("acme_footer.txt", text: text)
    #expect(Self.value(company, "total_assets", "at 2024-12-31") == Self.dec("2000000"))
    #expect(Self.value(company, "total_liabilities_and_equity", "at 2023-12-31") == Self.dec("1800000"))
    #expect(!company.facts.contains { $0.label.contains("Main Street") })
    #expect(!company.facts.contains { $0.value == Self.dec("-217000") })
    // The footer is a line of text; a row of figures stays one.
    func isText(_ line: Substring) -> Bool {
      if case .text = PlainTextReader.classify(line) { return true }
      return false
    }
    #expect(isText("100 Main Street        Springfield, IL 62701         (217) 555-0142"))
    #expect(isText("Investor relations                  (217) 555 0142"))
    #expect(isText("Telephone                           217-555-0142"))
    #expect(isText("Toll free                           1-800-555-0199"))
    guard case .figures(let row) = PlainTextReader.classify("Net loss                    (217)     (555)     (142)")
    else {
      Issue.record("a row of negative figures is not a row")
      return
    }
    #expect(row.figures.map(\.text) == ["(217)", "(555)", "(142)"])
    guard case .figures(let dotted) = PlainTextReader.classify("Exchange rate            108.84      110.24") else {
      Issue.record("a row of decimals is not a row")
      return
    }
    #expect(dotted.figures.count == 2)
  }

  // MARK: Support

  /// The hand-read values of one item in a corpus file, as (period, value).
  static func expected(_ document: String, item: String) throws -> [(String, FSQCore.Decimal)] {
    let all = try Corpus.documents()
    let doc = try #require(all.first { $0.name == document })
    return doc.expectations.filter { $0.item == item }.map { ($0.periodText, $0.value) }
  }
}
