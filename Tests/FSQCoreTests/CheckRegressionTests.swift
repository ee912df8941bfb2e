import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// Regressions for findings `check` used to make on statements that tie: each release below is
/// internally consistent (the arithmetic is in the comments) and must be silent, and a figure
/// changed in it must still be found.
@Suite struct CheckRegressionTests {
  static func found(_ text: String) throws -> [String] {
    try CheckFixtureTests.findings(text, name: "r.md").map {
      "\($0.severity.rawValue) \($0.rule) \($0.figures.first?.source?.label ?? "")"
    }
  }

  /// Balance sheet: Total current liabilities / Long-term debt / Total liabilities / equity
  /// lines / Total stockholders' equity / Total liabilities and stockholders' equity.
  /// 5,000 + 3,000 = 8,000 | 4,000 + 2,500 = 6,500; + 2,000 = 10,000 | + 2,100 = 8,600.
  /// 1,200 + 800 = 2,000 | 1,000 + 700 = 1,700; + 3,000 = 5,000 | 4,700; 10 + 3,990 + 1,000 =
  /// 5,000 | 10 + 3,890 + 0 = 3,900; 5,000 + 5,000 = 10,000 | 4,700 + 3,900 = 8,600.
  /// Income statement with "(income) expense" lines: 2,500 + (100) = 2,400 | 2,400 + 50 =
  /// 2,450; 5,000 − 2,400 = 2,600 | 4,300 − 2,450 = 1,850; an "Interest (income) expense, net"
  /// of (150) is income: 2,600 + 150 = 2,750 | 1,850 − 250 = 1,600; − 1,000 = 1,750 | − 600 =
  /// 1,000. Cash flows with section headings, an exchange-rate line and the balances:
  /// 1,750 + 400 − 650 = 1,500 | 1,000 + 380 − 180 = 1,200; 100 − 250 = (150) | 50 − 300 =
  /// (250); 1,500 − 300 − 150 − 50 = 1,000 | 1,200 − 400 − 250 + 20 = 570; 4,000 + 1,000 = 5,000
  /// | 3,430 + 570 = 4,000.
  static let wren = """
    Wren Systems, Inc. (NASDAQ: WRNS) today announced results for the year ended December 31, 2012.

    WREN SYSTEMS, INC.  
    CONSOLIDATED BALANCE SHEETS  
    (in thousands)

    |   | December 31, 2012 | December 31, 2011 |
    |---|---|---|
    | Cash and cash equivalents | \\$5,000 | \\$4,000 |
    | Accounts receivable, net | 3,000 | 2,500 |
    |   | ----- | ----- |
    | Total current assets | 8,000 | 6,500 |
    | Property and equipment, net | 2,000 | 2,100 |
    |   | ----- | ----- |
    | Total assets | \\$10,000 | \\$8,600 |
    |   | ===== | ===== |
    | Accounts payable | \\$1,200 | \\$1,000 |
    | Accrued liabilities | 800 | 700 |
    |   | ----- | ----- |
    | Total current liabilities | 2,000 | 1,700 |
    | Long-term debt | 3,000 | 3,000 |
    |   | ----- | ----- |
    | Total liabilities | 5,000 | 4,700 |
    | Common stock | 10 | 10 |
    | Additional paid-in capital | 3,990 | 3,890 |
    | Retained earnings | 1,000 | 0 |
    |   | ----- | ----- |
    | Total stockholders' equity | 5,000 | 3,900 |
    |   | ----- | ----- |
    | Total liabilities and stockholders' equity | \\$10,000 | \\$8,600 |
    |   | ===== | ===== |

    WREN SYSTEMS, INC.  
    CONSOLIDATED STATEMENTS OF OPERATIONS  
    (in thousands)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Revenue | \\$9,000 | \\$8,000 |
    | Cost of revenue | 4,000 | 3,700 |
    |   | ----- | ----- |
    | Gross profit | 5,000 | 4,300 |
    | Operating expenses: | | |
    | Selling, general and administrative | 2,500 | 2,400 |
    | Other (income) expense, net | (100) | 50 |
    |   | ----- | ----- |
    | Total operating expenses | 2,400 | 2,450 |
    |   | ----- | ----- |
    | Operating income | 2,600 | 1,850 |
    | Interest (income) expense, net | (150) | 250 |
    |   | ----- | ----- |
    | Income before income taxes | 2,750 | 1,600 |
    | Provision for income taxes | 1,000 | 600 |
    |   | ----- | ----- |
    | Net income | \\$1,750 | \\$1,000 |
    |   | ===== | ===== |

    WREN SYSTEMS, INC.  
    CONSOLIDATED STATEMENTS OF CASH FLOWS  
    (in thousands)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Cash flows from operating activities: | | |
    | Net income | \\$1,750 | \\$1,000 |
    | Depreciation and amortization | 400 | 380 |
    | Changes in working capital | (650) | (180) |
    | Net cash provided by operating activities | 1,500 | 1,200 |
    | Cash flows from investing activities: | | |
    | Purchases of property and equipment | (300) | (400) |
    | Net cash used in investing activities | (300) | (400) |
    | Cash flows from financing activities: | | |
    | Proceeds from issuance of common stock | 100 | 50 |
    | Repayment of debt | (250) | (300) |
    | Net cash used in financing activities | (150) | (250) |
    | Effect of exchange rate changes on cash | (50) | 20 |
    |   | ----- | ----- |
    | Net increase in cash and cash equivalents | 1,000 | 570 |
    | Cash and cash equivalents at beginning of period | 4,000 | 3,430 |
    |   | ----- | ----- |
    | Cash and cash equivalents at end of period | \\$5,000 | \\$4,000 |
    |   | ===== | ===== |

    """

  @Test func aCommonLayoutThatTiesIsSilent() throws {
    #expect(try Self.found(Self.wren).isEmpty)
  }

  @Test(arguments: [
    // 1,000 → 1,100: 10 + 3,990 + 1,100 = 5,100 ≠ 5,000.
    ("| Retained earnings | 1,000", "| Retained earnings | 1,100", "error subtotal Total stockholders' equity"),
    // 2,000 + 3,100 = 5,100 ≠ 5,000.
    ("| Long-term debt | 3,000 | 3,000", "| Long-term debt | 3,100 | 3,000", "error subtotal Total liabilities"),
    // 2,600 + 160 = 2,760 ≠ 2,750.
    (
      "| Interest (income) expense, net | (150)", "| Interest (income) expense, net | (160)",
      "error subtotal Income before income taxes"
    ),
    // 2,500 − 110 = 2,390 ≠ 2,400.
    (
      "| Other (income) expense, net | (100)", "| Other (income) expense, net | (110)",
      "error subtotal Total operating expenses"
    ),
    // 1,500 − 300 − 150 − 60 = 990 ≠ 1,000.
    (
      "| Effect of exchange rate changes on cash | (50)", "| Effect of exchange rate changes on cash | (60)",
      "error subtotal Net increase in cash and cash equivalents"
    ),
    // 100 − 260 = (160) ≠ (150).
    (
      "| Repayment of debt | (250)", "| Repayment of debt | (260)",
      "error subtotal Net cash used in financing activities"
    ),
    // 4,000 + 1,000 = 5,000 ≠ 5,100.
    (
      "| Cash and cash equivalents at end of period | \\$5,000",
      "| Cash and cash equivalents at end of period | \\$5,100",
      "error subtotal Cash and cash equivalents at end of period"
    ),
  ])
  func aChangedFigureInItIsFound(_ old: String, _ new: String, _ finding: String) throws {
    #expect(try Self.found(CheckFixtureTests.mutate(Self.wren, old, new)) == [finding])
  }

  /// A condensed balance sheet that omits lines: Total current assets 24,100 | 20,200 is more
  /// than Cash + receivables 12,500 + 8,300 = 20,800 | 9,800 + 7,900 = 17,700, and Total
  /// current liabilities 9,600 | 9,100 more than payables 5,200 | 4,900. What is printed ties:
  /// 24,100 + 15,900 = 40,000 | 20,200 + 16,400 = 36,600; 9,600 + 8,000 = 17,600 | 9,100 +
  /// 8,500 = 17,600; 17,600 + 22,400 = 40,000 | 17,600 + 19,000 = 36,600. No total reaches back
  /// across "Total assets" ("Total current liabilities" is not "Total assets" − payables).
  static let finch = """
    Finch Tools Corp. (NASDAQ: FNCH) today announced results for the quarter ended June 30, 2011.

    FINCH TOOLS CORP.  
    CONDENSED CONSOLIDATED BALANCE SHEETS  
    (in thousands)

    |   | June 30, 2011 | December 31, 2010 |
    |---|---|---|
    | Cash and cash equivalents | \\$12,500 | \\$9,800 |
    | Accounts receivable, net | 8,300 | 7,900 |
    | Total current assets | 24,100 | 20,200 |
    | Property and equipment, net | 15,900 | 16,400 |
    | Total assets | \\$40,000 | \\$36,600 |
    | Accounts payable | 5,200 | 4,900 |
    | Total current liabilities | 9,600 | 9,100 |
    | Long-term debt | 8,000 | 8,500 |
    | Total liabilities | 17,600 | 17,600 |
    | Total stockholders' equity | 22,400 | 19,000 |
    | Total liabilities and stockholders' equity | \\$40,000 | \\$36,600 |

    """

  @Test func aCondensedStatementThatOmitsLinesGetsNotesOnly() throws {
    let findings = try CheckFixtureTests.findings(Self.finch, name: "f.md")
    #expect(
      findings.map { "\($0.severity.rawValue) \($0.figures[0].source?.label ?? "")" } == [
        "note Total current assets", "note Total current assets", "note Total current liabilities",
        "note Total current liabilities",
      ])
    #expect(findings.map { $0.difference?.amount.description } == ["3300000", "2500000", "4400000", "4200000"])
    #expect(findings.allSatisfy { !$0.figures[1].description.contains("Total") })
  }

  @Test func linesThatExceedTheirTotalAreNotedWhenNoColumnTies() throws {
    // Payables 9,700 > Total current liabilities 9,600, and 4,900 < 9,100: the lines tie
    // neither column, so what the total sums is unknown (a misread subtotal counted with its
    // parts also makes lines exceed their total): a note that says so, and December's note
    // that the condensed statement omits lines — no error against a guess.
    let found = try Self.found(
      CheckFixtureTests.mutate(Self.finch, "| Accounts payable | 5,200", "| Accounts payable | 9,700"))
    #expect(
      found.filter { $0.hasSuffix("Total current liabilities") } == [
        "note subtotal Total current liabilities", "note subtotal Total current liabilities",
      ])
  }

  @Test func aStatementNotTitledCondensedThatTiesNoColumnIsNoted() throws {
    // Cash + receivables fall short of Total current assets (and payables of Total current
    // liabilities) in both columns: no column shows what the totals sum, so each is noted
    // once as unverified rather than reported as an error in every column.
    let found = try Self.found(
      CheckFixtureTests.mutate(Self.finch, "CONDENSED CONSOLIDATED BALANCE", "CONSOLIDATED BALANCE"))
    #expect(found == ["note subtotal Total current assets", "note subtotal Total current liabilities"])
  }

  @Test func aWrongFigureInOneColumnOfAnUncondensedStatementIsAnError() throws {
    // Receivables 8,300 → 11,600 makes 12,500 + 11,600 = 24,100 tie June, while December
    // (9,800 + 7,900 = 17,700 ≠ 20,200) still misses: the same two lines in both columns.
    // The June column bears the structure out, so December's miss is an error.
    let uncondensed = CheckFixtureTests.mutate(Self.finch, "CONDENSED CONSOLIDATED BALANCE", "CONSOLIDATED BALANCE")
    let found = try Self.found(
      CheckFixtureTests.mutate(uncondensed, "| Accounts receivable, net | 8,300", "| Accounts receivable, net | 11,600")
    )
    #expect(found.filter { $0.hasSuffix("Total current assets") } == ["error subtotal Total current assets"])
  }

  /// Equity printed only as its total after long-term debt, under one "Liabilities and
  /// stockholders' equity" heading: 402 + 845 = 1,247 | 377 + 790 = 1,167; 1,247 + 1,500 +
  /// 3,911 = 6,658 | 1,167 + 1,500 + 3,504 = 6,171 = total assets (4,518 + 2,140 | 4,031 +
  /// 2,140; 3,412 + 1,106 = 4,518 | 2,987 + 1,044 = 4,031). Long-term debt is not a line of
  /// "Total stockholders' equity". And a table of selected data lists "Total assets" under
  /// sales and income: a list of figures, not a sum.
  static let gull = """
    Gull Networks, Inc. (NASDAQ: GULL) today announced results for the year ended December 31, 2012.

    GULL NETWORKS, INC.  
    CONSOLIDATED BALANCE SHEETS  
    (in millions)

    |   | December 31, 2012 | December 31, 2011 |
    |---|---|---|
    | ASSETS | | |
    | Current assets: | | |
    | Cash and cash equivalents | \\$3,412 | \\$2,987 |
    | Accounts receivable, net | 1,106 | 1,044 |
    |   | ----- | ----- |
    | Total current assets | 4,518 | 4,031 |
    | Goodwill | 2,140 | 2,140 |
    |   | ----- | ----- |
    | Total assets | \\$6,658 | \\$6,171 |
    |   | ===== | ===== |
    | LIABILITIES AND STOCKHOLDERS' EQUITY | | |
    | Current liabilities: | | |
    | Accounts payable | \\$402 | \\$377 |
    | Deferred revenue | 845 | 790 |
    |   | ----- | ----- |
    | Total current liabilities | 1,247 | 1,167 |
    | Long-term debt | 1,500 | 1,500 |
    | Total stockholders' equity | 3,911 | 3,504 |
    |   | ----- | ----- |
    | Total liabilities and stockholders' equity | \\$6,658 | \\$6,171 |
    |   | ===== | ===== |

    SELECTED FINANCIAL DATA  
    (in millions)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Revenue | \\$4,838 | \\$5,316 |
    | Operating income | 30 | 481 |
    | Net income | 19 | 301 |
    | Total assets | 6,658 | 6,171 |

    """

  @Test func aTotalPrintedWithoutItsLinesIsNotSummedFromTheLiabilities() throws {
    #expect(try Self.found(Self.gull).isEmpty)
  }

  @Test func andTheGrandTotalIsStillChecked() throws {
    // 1,247 + 1,500 + 3,911 = 6,658 ≠ 6,758 (and ≠ total assets 6,658).
    let found = try Self.found(
      CheckFixtureTests.mutate(
        Self.gull, "| Total liabilities and stockholders' equity | \\$6,658",
        "| Total liabilities and stockholders' equity | \\$6,758"))
    #expect(found == ["error subtotal Total liabilities and stockholders' equity", "error balance Total assets"])
  }

  /// EBITDA reconciled from net income: 1,500 + 820 + 300 + 500 = 3,120 | 1,150 + 630 + 250 +
  /// 450 = 2,480; fsq's operating income + D&A is 2,500 + 500 = 3,000 | 1,950 + 450 = 2,400,
  /// short by exactly "Other income, net" 120 | 80 — the documented gap between the two
  /// definitions. Adjusted EBITDA 3,120 + 210 + 400 = 3,730 | 2,480 + 190 = 2,670 ties its
  /// reconciliation; fsq's ebitda + stock compensation (3,330) is not the company's definition.
  static let heron = """
    Heron Labs, Inc. (NASDAQ: HRNL) today announced results for the year ended December 31, 2012.

    HERON LABS, INC.  
    CONSOLIDATED STATEMENTS OF OPERATIONS  
    (in thousands)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Revenue | \\$9,000 | \\$8,000 |
    | Cost of revenue | 4,000 | 3,700 |
    |   | ----- | ----- |
    | Gross profit | 5,000 | 4,300 |
    | Selling, general and administrative | 2,000 | 1,900 |
    | Depreciation and amortization | 500 | 450 |
    |   | ----- | ----- |
    | Total operating expenses | 2,500 | 2,350 |
    |   | ----- | ----- |
    | Operating income | 2,500 | 1,950 |
    | Interest expense | (300) | (250) |
    | Other income, net | 120 | 80 |
    |   | ----- | ----- |
    | Income before income taxes | 2,320 | 1,780 |
    | Provision for income taxes | 820 | 630 |
    |   | ----- | ----- |
    | Net income | \\$1,500 | \\$1,150 |
    |   | ===== | ===== |

    RECONCILIATION OF NET INCOME TO ADJUSTED EBITDA  
    (in thousands)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Net income | \\$1,500 | \\$1,150 |
    | Provision for income taxes | 820 | 630 |
    | Interest expense | 300 | 250 |
    | Depreciation and amortization | 500 | 450 |
    |   | ----- | ----- |
    | EBITDA | 3,120 | 2,480 |
    | Stock-based compensation | 210 | 190 |
    | Restructuring charges | 400 | - |
    |   | ----- | ----- |
    | Adjusted EBITDA | \\$3,730 | \\$2,670 |
    |   | ===== | ===== |

    """

  @Test func companyDefinedMetricsAreVerifiedByTheirReconciliationOnly() throws {
    #expect(try Self.found(Self.heron).isEmpty)
  }

  @Test func anEbitdaWhoseAddBackIsNotTheStatementsIsAnError() throws {
    // Interest 300 → 400 and EBITDA 3,120 → 3,220: the reconciliation adds up, but Adjusted
    // EBITDA 3,220 + 210 + 400 = 3,830 ≠ 3,730, and the interest added back (400) is not the
    // income statement's 300. EBITDA is the company's own measure (releases add back what
    // they choose), so fsq's formula raises nothing: its reconciliation verifies it.
    var text = CheckFixtureTests.mutate(Self.heron, "| EBITDA | 3,120 | 2,480", "| EBITDA | 3,220 | 2,480")
    text = CheckFixtureTests.mutate(text, "| Interest expense | 300 | 250", "| Interest expense | 400 | 250")
    #expect(
      try Self.found(text) == ["error reconciliation Adjusted EBITDA", "error reconciliation Interest expense"])
  }
}

extension CheckRegressionTests {
  /// A cash flow statement whose operating section nests a "Changes in operating assets and
  /// liabilities" heading, with lines named like balance sheet items: 1,750 + 400 − 400 − 250 =
  /// 1,500 | 1,000 + 380 − 100 − 80 = 1,200; 1,500 − 300 = 1,200 | 1,200 − 400 = 800.
  static let nestedCashFlow = """
    Wren Systems, Inc. (NASDAQ: WRNS) today announced results for the year ended December 31, 2012.

    WREN SYSTEMS, INC.  
    CONSOLIDATED STATEMENTS OF CASH FLOWS  
    (in thousands)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Cash flows from operating activities: | | |
    | Net income | \\$1,750 | \\$1,000 |
    | Depreciation and amortization | 400 | 380 |
    | Changes in operating assets and liabilities: | | |
    | Accounts receivable | (400) | (100) |
    | Accounts payable | (250) | (80) |
    | Net cash provided by operating activities | 1,500 | 1,200 |
    | Cash flows from investing activities: | | |
    | Purchases of property and equipment | (300) | (400) |
    | Net cash used in investing activities | (300) | (400) |
    |   | ----- | ----- |
    | Net increase in cash and cash equivalents | 1,200 | 800 |
    |   | ===== | ===== |

    """

  @Test func aSectionTotalCoversItsNestedLines() throws {
    #expect(try Self.found(Self.nestedCashFlow).isEmpty)
    // 1,750 + 400 − 400 − 260 = 1,490 ≠ 1,500.
    let found = try Self.found(
      CheckFixtureTests.mutate(Self.nestedCashFlow, "| Accounts payable | (250)", "| Accounts payable | (260)"))
    #expect(found == ["error subtotal Net cash provided by operating activities"])
  }
}

extension CheckRegressionTests {
  /// Totals of revenues and of costs, "Total other income (expense), net", an "Income tax
  /// (benefit) expense" benefit, and equity under "Commitments and contingencies" with a
  /// noncontrolling interest: 6,000 + 3,000 = 9,000 | 8,000; 4,000 + 2,000 = 6,000 | 3,700 +
  /// 1,900 = 5,600; 9,000 − 6,000 = 3,000 | 2,400; 50 − 250 = (200) | 40 − 240 = (200); 2,800 |
  /// 2,200; 2,800 − 800 = 2,000 | 2,200 + 100 = 2,300. 5,000 + 5,000 = 10,000 | 4,000 + 4,600 =
  /// 8,600; 1,200 + 3,800 = 5,000 | 1,000 + 3,700 = 4,700; 10 + 3,890 + 900 = 4,800 | 10 + 3,790
  /// − 100 = 3,700; + 200 = 5,000 | 3,900; 5,000 + 5,000 = 10,000 | 4,700 + 3,900 = 8,600.
  static let equityWithMinority = """
    Plover Labs, Inc. (NASDAQ: PLVR) today announced results for the year ended December 31, 2012.

    PLOVER LABS, INC.  
    CONSOLIDATED STATEMENTS OF OPERATIONS  
    (in thousands)

    |   | Year Ended December 31, |   |
    |---|---|---|
    |   | 2012 | 2011 |
    | Product | \\$6,000 | \\$5,000 |
    | Services | 3,000 | 3,000 |
    |   | ----- | ----- |
    | Total revenues | 9,000 | 8,000 |
    | Cost of revenues | 4,000 | 3,700 |
    | Selling, general and administrative | 2,000 | 1,900 |
    |   | ----- | ----- |
    | Total costs and expenses | 6,000 | 5,600 |
    |   | ----- | ----- |
    | Operating income | 3,000 | 2,400 |
    | Interest income | 50 | 40 |
    | Interest expense | (250) | (240) |
    |   | ----- | ----- |
    | Total other income (expense), net | (200) | (200) |
    |   | ----- | ----- |
    | Income before income taxes | 2,800 | 2,200 |
    | Income tax (benefit) expense | 800 | (100) |
    |   | ----- | ----- |
    | Net income | \\$2,000 | \\$2,300 |
    |   | ===== | ===== |

    PLOVER LABS, INC.  
    CONSOLIDATED BALANCE SHEETS  
    (in thousands)

    |   | December 31, 2012 | December 31, 2011 |
    |---|---|---|
    | Assets | | |
    | Cash | \\$5,000 | \\$4,000 |
    | Goodwill | 5,000 | 4,600 |
    |   | ----- | ----- |
    | Total assets | \\$10,000 | \\$8,600 |
    |   | ===== | ===== |
    | Liabilities: | | |
    | Accounts payable | \\$1,200 | \\$1,000 |
    | Long-term debt | 3,800 | 3,700 |
    |   | ----- | ----- |
    | Total liabilities | 5,000 | 4,700 |
    | Commitments and contingencies | | |
    | Stockholders' equity: | | |
    | Common stock | 10 | 10 |
    | Additional paid-in capital | 3,890 | 3,790 |
    | Retained earnings | 900 | (100) |
    |   | ----- | ----- |
    | Total Plover stockholders' equity | 4,800 | 3,700 |
    | Noncontrolling interest | 200 | 200 |
    |   | ----- | ----- |
    | Total equity | 5,000 | 3,900 |
    |   | ----- | ----- |
    | Total liabilities and equity | \\$10,000 | \\$8,600 |
    |   | ===== | ===== |

    """

  @Test func aGrandTotalFindsItsPartsAcrossHeadings() throws {
    #expect(try Self.found(Self.equityWithMinority).isEmpty)
  }

  @Test func aWrongPartIsOneFindingNotACascade() throws {
    // 4,800 + 300 = 5,100 ≠ Total equity 5,000; the grand total still ties with the printed
    // Total equity (5,000 + 5,000 = 10,000), so it is not reported again.
    let found = try Self.found(
      CheckFixtureTests.mutate(
        Self.equityWithMinority, "| Noncontrolling interest | 200 | 200", "| Noncontrolling interest | 300 | 200"))
    #expect(found == ["error subtotal Total equity"])
  }

  /// A net line under a rule that nets only the two lines above it, in a bank's balance sheet
  /// (Horizon Financial, Oil States): 1,265 − 26 = 1,239 | 1,264 − 19 = 1,245; total assets
  /// = cash 40 | 30 + securities 80 | 90 + net loans 1,239 | 1,245 = 1,359 | 1,365.
  static let netLoans = """
    Osprey Bank (NASDAQ: OSPB) today announced results for the quarter ended September 30, 2008.

    CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION
    (in thousands)

    |   | Sept. 30, 2008 | June 30, 2008 |
    |---|---|---|
    | Cash | 40 | 30 |
    | Investment securities | 80 | 90 |
    | Gross loans receivable | 1,265 | 1,264 |
    | Reserve for loan losses | (26) | (19) |
    |   | ----- | ----- |
    | Net loans receivable | 1,239 | 1,245 |
    | Total assets | 1,359 | 1,365 |

    """

  @Test func aNetLineOverTheLastLinesIsCheckedAndTheRestStayInTheTotal() throws {
    #expect(try Self.found(Self.netLoans).isEmpty)
    // Reserve (26) → (36): 1,265 − 36 = 1,229 ≠ 1,239 in September, while June still ties.
    let found = try Self.found(
      CheckFixtureTests.mutate(Self.netLoans, "| Reserve for loan losses | (26)", "| Reserve for loan losses | (36)"))
    #expect(found == ["error subtotal Net loans receivable"])
  }
}
