import FSQTestSupport
import Foundation
import Testing

@testable import FSQCore

/// One sign for costs (issue 14, item 5): a cost item is the amount of the cost, however the
/// release prints it, so `gross_profit` and `ebitda` subtract and add the right way. Values are
/// read off the real documents by hand; the printed statements keep the printed signs.
@Suite struct CostSignTests {
  typealias R = RealReleaseRegressionTests

  /// A quarter's income statement in thousands, for the rows each test adds.
  static let statement = """
    CONSOLIDATED STATEMENTS OF OPERATIONS
    (In thousands)

    |                            | Three Months Ended March 31, 2020 | Three Months Ended March 31, 2019 |
    |---|---|---|

    """

  /// Danaos prints every operating expense in parentheses: "Depreciation & amortization
  /// (49,627)", "General & administrative (21,709)" (line 484-485, in thousands). Before, D&A
  /// was −$49.6M and EBITDA (operating income + D&A) came out $99M too small.
  @Test func costsPrintedInParenthesesAreCosts() throws {
    let danaos = try R.company("danaos_q4_2024.md")
    #expect(R.value(danaos, "depreciation_amortization", "3m 2024-12-31") == R.dec("49627000"))
    #expect(R.value(danaos, "sga", "12m 2023-12-31") == R.dec("43484000"))
    let row = try #require(danaos.statements.flatMap(\.rows).first { $0.item == "depreciation_amortization" })
    #expect(row.values.contains(R.dec("-49627000")))  // the statement as printed
  }

  /// Oil States: "Loss before income taxes (444,532)", "Income tax benefit 39,491", "Net loss
  /// (405,041)": the benefit is added, so the tax expense is −$39,491K. Tetra Tech: "Income tax
  /// (expense) benefit (7,616)" is an expense of $7,616K, and "11,563" a year earlier a benefit.
  @Test func incomeTaxesFollowTheArithmeticAroundThem() throws {
    let ois = try R.company("oilstates_q1_2020.htm")
    #expect(R.value(ois, "income_taxes", "3m 2020-03-31") == R.dec("-39491000"))
    let ttek = try R.company("tetratech_q2_fy2020.htm")
    #expect(R.value(ttek, "income_taxes", "3m 2020-03-29") == R.dec("7616000"))
    #expect(R.value(ttek, "income_taxes", "3m 2019-03-31") == R.dec("-11563000"))
  }

  /// Mutation: the same Oil States statement with the tax line's figures printed as deducted
  /// ("(39,491)" under a pre-tax line of (444,532) and over a net loss of (405,041), so the
  /// arithmetic says subtracted): now it is a benefit printed as a negative expense, kept.
  @Test func aTaxSubtractedFromPreTaxIncomeKeepsItsSign() throws {
    let text =
      Self.statement + """
        | Revenues                   | 238,141 | 252,981 |
        | Cost of revenues           | 190,000 | 200,000 |
        | Loss before income taxes   | (444,532) | (14,925) |
        | Income tax expense (benefit) | (39,491) | (277) |
        | Net loss                   | (405,041) | (14,648) |
        """
    let company = try R.company("mutated.md", text: text)
    #expect(R.value(company, "income_taxes", "3m 2020-03-31") == R.dec("-39491000"))
    #expect(R.value(company, "cost_of_revenue", "3m 2020-03-31") == R.dec("190000000"))
  }

  /// A cost printed negative where the other costs of its section are printed positive is a
  /// true negative (a reversal), not a deduction: it keeps its sign.
  @Test func aNegativeCostAmongPositiveCostsIsAReversal() throws {
    let text =
      Self.statement + """
        | Revenues                   | 1,000 | 900 |
        | Costs and expenses:        |   |   |
        | Cost of revenues           | 600 | 550 |
        | Selling, general and administrative | 200 | 190 |
        | Impairment                 | (30) | (10) |
        | Total costs and expenses   | 770 | 730 |
        | Operating income           | 230 | 170 |
        """
    let company = try R.company("reversal.md", text: text)
    #expect(R.value(company, "impairment", "3m 2020-03-31") == R.dec("-30000"))
    #expect(R.value(company, "sga", "3m 2020-03-31") == R.dec("200000"))
  }
}
