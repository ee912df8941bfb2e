import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// `check` on releases other than the seed: a made-up release that ties everywhere must be
/// silent, a single figure changed in it must be found, and the importer's fixtures must only
/// produce findings that are real.
@Suite struct CheckFixtureTests {
  static let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/FSQCoreTests/Fixtures")

  static func text(_ name: String) throws -> String {
    try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
  }

  static func findings(_ text: String, name: String) throws -> [Finding] {
    var model = Model()
    try model.importRelease(bytes: Array(text.utf8), documentName: name)
    return model.companies.flatMap(Checker.check)
  }

  static func clean() throws -> String { try text("check/kestrel_q1_2011.md") }

  /// Replaces exactly one occurrence, so a mutation cannot silently miss.
  static func mutate(_ text: String, _ old: String, _ new: String) -> String {
    let parts = text.components(separatedBy: old)
    #expect(parts.count == 2, "'\(old)' must occur once")
    return parts.joined(separator: new)
  }

  @Test func aReleaseThatTiesEverywhereIsSilent() throws {
    let findings = try Self.findings(Self.clean(), name: "kestrel_q1_2011.md")
    #expect(findings.isEmpty, "\(findings.map(\.message))")
    let session = Session(model: Model())
    session.readFile = { _ in .success(Array((try? Self.clean())!.utf8)) }
    let (out, _, status) = TestSupport.run("load \"kestrel_q1_2011.md\"\ncheck", session: session)
    #expect(out.hasSuffix("check: no findings; the statements tie\n"))
    #expect(status == .success)
  }

  func rules(_ text: String) throws -> [String] {
    try Self.findings(text, name: "k.md").map {
      "\($0.severity.rawValue) \($0.rule) \($0.figures.first?.source?.label ?? "")"
    }
  }

  @Test func aComponentChangedBreaksOnlyItsSubtotal() throws {
    // Cash 14,300 → 14,400: Total current assets (43,770) no longer equals its lines; the
    // totals above it use the printed 43,770 and still tie.
    let found = try rules(
      Self.mutate(Self.clean(), "| Cash and cash equivalents | \\$14,300", "| Cash and cash equivalents | \\$14,400"))
    #expect(found == ["error subtotal Total current assets"])
  }

  @Test func aResultThatDoesNotFollowFromItsLinesIsFound() throws {
    // Operating income 3,930 → 3,990: Gross profit 18,130 − Total operating expenses 14,200 =
    // 3,930; and Income before income taxes 3,700 = 3,990 − 230 no longer holds either.
    let found = try rules(Self.mutate(Self.clean(), "| Operating income | 3,930", "| Operating income | 3,990"))
    #expect(found.contains("error subtotal Operating income"))
    #expect(found.contains("error subtotal Income before income taxes"))
  }

  @Test func assetsThatDoNotBalanceAreFound() throws {
    let found = try rules(
      Self.mutate(
        Self.clean(), "| Total liabilities and stockholders' equity | \\$71,870",
        "| Total liabilities and stockholders' equity | \\$71,970"))
    #expect(found.contains("error balance Total assets"))
    #expect(found.contains("error subtotal Total liabilities and stockholders' equity"))
  }

  static let grandTotal =
    "|   | ----- | ----- |\n| Total liabilities and stockholders' equity | \\$71,870 | \\$69,230 |\n"

  @Test func liabilitiesPlusEquityPrintedOnlyAsComponentsStillBalance() throws {
    // Without the grand total: total liabilities 30,040 + equity 41,830 = 71,870 = total assets.
    let found = try rules(Self.mutate(Self.clean(), Self.grandTotal, ""))
    #expect(found.isEmpty, "\(found)")
  }

  @Test func liabilitiesPlusEquityPrintedOnlyAsComponentsThatDoNotBalanceAreFound() throws {
    // Retained earnings and the equity total both 100 higher: equity ties (121 + 25,300 +
    // 16,509 = 41,930) but 30,040 + 41,930 = 71,970 ≠ total assets 71,870.
    var text = Self.mutate(try Self.clean(), Self.grandTotal, "")
    text = Self.mutate(text, "| Retained earnings | 16,409", "| Retained earnings | 16,509")
    text = Self.mutate(text, "| Total stockholders' equity | 41,830", "| Total stockholders' equity | 41,930")
    let findings = try Self.findings(text, name: "k.md")
    #expect(findings.map(\.rule) == ["balance"])
    #expect(findings.first?.figures.last?.value.amount == Decimal(71_970_000))
  }

  @Test func earningsPerShareOffByMoreThanRoundingIsFound() throws {
    // Diluted 2,405,000 / 12,410,000 = 0.1938 → 0.19; printed 0.21 is wrong.
    let found = try rules(Self.mutate(Self.clean(), "| Diluted | \\$0.19 |", "| Diluted | \\$0.21 |"))
    #expect(found == ["error per-share Diluted"])
  }

  @Test func aReconciliationThatDoesNotAddUpIsFound() throws {
    // EBITDA 5,080 → 5,180: 2,405 + 1,295 + 230 + 1,150 = 5,080.
    let found = try rules(Self.mutate(Self.clean(), "| EBITDA | 5,080", "| EBITDA | 5,180"))
    #expect(found.contains("error reconciliation EBITDA"))
    #expect(found.contains("error reconciliation Adjusted EBITDA"))
  }

  @Test func aClaimOutsideItsStatedPrecisionIsFound() throws {
    // 48,270 / 42,100 − 1 = 14.66%: "15%" ties, "17%" does not.
    let found = try rules(Self.mutate(Self.clean(), "an increase of 15%", "an increase of 17%"))
    #expect(found == ["error text-claim increase of 17%"])
    // Revenue rose 14.66%: "a decrease of 15%" has the size right and the direction wrong.
    let wrongWay = try rules(Self.mutate(Self.clean(), "an increase of 15%", "a decrease of 15%"))
    #expect(wrongWay == ["error text-claim decrease of 15%"])
  }

  // MARK: The importer's fixtures

  @Test func importerFixturesTie() throws {
    // cascade: 512.3 − 301.2 = 211.1; 211.1 − 120.5 − 0 = 90.6; 90.6 − 8.2 = 82.4; 82.4 − 29.7
    // = 52.7; EPS 52.7 / 50.19 = 1.050, 52.7 / 51.16 = 1.030.
    #expect(try Self.findings(Self.text("cascade_q2_2004.txt"), name: "cascade_q2_2004.txt").isEmpty)
    // northwind ties (21,749 − 15,980 = 5,769; 5,769 − 412 = 5,357; 5,357 − 1,875 = 3,482;
    // assets 79,850 = 33,730 + 46,120; cash 13,582 − 3,435 − 4,787 = 5,360, 11,440 − 2,980 −
    // 6,790 = 1,670). Its condensed cash flow statement prints one financing line, repayment
    // of debt (4,000) | (6,000), under "Net cash used in financing activities" (4,787) |
    // (6,790): 787 | 790 of financing flows are omitted — a note per column, not an error.
    let northwind = try Self.findings(Self.text("northwind_fy2010_q4.htm"), name: "northwind_fy2010_q4.htm")
    #expect(
      northwind.map { "\($0.severity.rawValue) \($0.rule) \($0.figures[0].source?.line ?? 0)" } == [
        "note subtotal 79", "note subtotal 79",
      ])
    #expect(northwind.map { $0.difference?.amount.description } == ["-787000", "-790000"])
  }

  @Test func harborLanePrintsANetIncomeItsLinesDoNotReach() throws {
    // The condensed statement goes from Gross margin 63,160 less R&D 15,400 and amortization
    // 0 straight to Net income 4,120 (2002: 57,195 − 14,950 − 1,200 = 41,045 vs (2,310)):
    // the lines in between are not printed. No one reading of the lines ties either column,
    // so fsq cannot tell what the line totals: one note says so (with the closest reading),
    // never an error against a guess (issue 12).
    let findings = try Self.findings(Self.text("harborlane_fy2003.md"), name: "harborlane_fy2003.md")
    #expect(findings.map { "\($0.severity.rawValue) \($0.rule)" } == ["note subtotal"])
    #expect(findings.map { $0.figures[0].value.amount.description } == ["4120000"])
    #expect(findings.map { $0.figures[1].value.amount.description } == ["47760000"])
    #expect(findings.allSatisfy { $0.message.hasPrefix("cannot tell what \"Net income (loss)\" totals") })
  }
}

/// Layouts other than the fixtures': totals with no heading above their lines.
@Suite struct CheckLayoutTests {
  static let release = """
    Plover Labs, Inc. (NASDAQ: PLVR) today announced results for the year ended December 31, 2012.

    PLOVER LABS, INC.  
    CONSOLIDATED STATEMENTS OF OPERATIONS  
    (in thousands)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Revenue | \\$9,000 | \\$8,000 |
    | Cost of revenue | 4,000 | 3,700 |
    |   | ----- | ----- |
    | Gross profit | 5,000 | 4,300 |
    | Sales and marketing | 1,500 | 1,400 |
    | Research and development | 1,200 | 1,100 |
    |   | ----- | ----- |
    | Total operating expenses | 2,700 | 2,500 |
    |   | ----- | ----- |
    | Operating income | 2,300 | 1,800 |
    | Provision for income taxes | 800 | 600 |
    |   | ----- | ----- |
    | Net income | \\$1,500 | \\$1,200 |
    |   | ===== | ===== |

    """

  @Test func aTotalOfTheLinesAfterAResultTies() throws {
    // 1,500 + 1,200 = 2,700 and 1,400 + 1,100 = 2,500; 5,000 − 2,700 = 2,300 and 4,300 − 2,500
    // = 1,800; 2,300 − 800 = 1,500 and 1,800 − 600 = 1,200.
    let findings = try CheckFixtureTests.findings(Self.release, name: "plover.md")
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  @Test func andWhenItDoesNotItIsFound() throws {
    let text = CheckFixtureTests.mutate(
      Self.release, "| Research and development | 1,200", "| Research and development | 1,300")
    let findings = try CheckFixtureTests.findings(text, name: "plover.md")
    #expect(findings.map { "\($0.rule) \($0.figures[0].source?.label ?? "")" } == ["subtotal Total operating expenses"])
  }
}

extension CheckLayoutTests {
  static let cashFlow = """
    Plover Labs, Inc. (NASDAQ: PLVR) today announced results for the year ended December 31, 2012.

    PLOVER LABS, INC.  
    CONSOLIDATED STATEMENTS OF CASH FLOWS  
    (in thousands)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Net income | \\$1,500 | \\$1,200 |
    | Depreciation and amortization | 640 | 610 |
    | Changes in working capital | (215) | 95 |
    |   | ----- | ----- |
    | Net cash provided by operating activities | 1,925 | 1,905 |
    | Purchases of property and equipment | (730) | (650) |
    | Purchases of investments | (300) | - |
    |   | ----- | ----- |
    | Net cash used in investing activities | (1,030) | (650) |
    | Repayment of debt | (500) | (500) |
    | Dividends paid | (120) | (110) |
    |   | ----- | ----- |
    | Net cash used in financing activities | (620) | (610) |
    |   | ----- | ----- |
    | Net increase in cash | 275 | 645 |
    |   | ===== | ===== |

    """

  @Test func sectionResultsAddUpToTheNetChange() throws {
    // 1,500 + 640 − 215 = 1,925; 1,200 + 610 + 95 = 1,905. −730 − 300 = −1,030; −650.
    // −500 − 120 = −620; −500 − 110 = −610. 1,925 − 1,030 − 620 = 275; 1,905 − 650 − 610 = 645.
    let findings = try CheckFixtureTests.findings(Self.cashFlow, name: "plover_cf.md")
    #expect(findings.isEmpty, "\(findings.map(\.message))")
    let broken = CheckFixtureTests.mutate(Self.cashFlow, "| Net increase in cash | 275", "| Net increase in cash | 285")
    let found = try CheckFixtureTests.findings(broken, name: "plover_cf.md")
    #expect(
      found.map { "\($0.rule) \($0.figures[0].source?.label ?? "") \($0.figures[1].value.amount)" } == [
        "subtotal Net increase in cash 275000"
      ])
  }
}
