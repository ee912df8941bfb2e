import FSQCore
import Foundation
import Testing

/// How a sentence places a figure on an item and a period (issue 12): a claim the sentence
/// ties down is checked, and a wrong one is an error; one it does not is noted with the reason.
@Suite struct ClaimPlacementTests {
  static let table = """

    | | Three Months Ended June 30, 2010 | Three Months Ended March 31, 2010 | Three Months Ended June 30, 2009 |
    |---|---|---|---|
    | Revenue | 5,000 | 4,800 | 4,545 |
    | Cost of revenue | 3,000 | 2,900 | 2,800 |
    | Gross profit | 2,000 | 1,900 | 1,745 |

    """

  static func findings(_ sentence: String) throws -> [String] {
    let text =
      "# Acme Reports Results\n\nAcme (NYSE: ACME) today reported results.\n\n" + sentence + "\n\n"
      + "CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n" + table
    return try CheckFixtureTests.findings(text, name: "c.md").filter { $0.rule == "text-claim" }.map {
      "\($0.severity.rawValue): \($0.message)"
    }
  }

  @Test func aVerbBeforeTheItemDoesNotQualifyIt() throws {
    // "said revenue" is revenue: 5,000 / 4,545 − 1 = 10.0%; the quarter ended June 30, 2009's
    // 4,545 is the $4.5 million it is compared with.
    let sentence =
      "The company said revenue for the quarter ended June 30, 2010 rose 10% to $5.0 million, compared to $4.5 million for the quarter ended June 30, 2009."
    #expect(try Self.findings(sentence).isEmpty)
    // One digit changed: 20% is not 10.0%.
    let wrong = try Self.findings(sentence.replacingOccurrences(of: "rose 10%", with: "rose 20%"))
    #expect(wrong.count == 1 && wrong[0].hasPrefix("error: the text states \"rose 20%\""))
  }

  @Test func sequentialChangesAreMeasuredFromThePriorQuarter() throws {
    // 5,000 / 4,800 − 1 = 4.2%; a year earlier it would be 10.0%.
    #expect(
      try Self.findings("Revenue for the quarter ended June 30, 2010 was $5.0 million, up 4.2% sequentially.").isEmpty)
    #expect(
      try Self.findings("Revenue for the quarter ended June 30, 2010 was $5.0 million, up 10.0% sequentially.")
        .contains { $0.hasPrefix("error: the text states \"up 10.0%\"") })
  }

  @Test func aQualifiedMeasureIsNotTheStatementsItem() throws {
    for sentence in [
      "Adjusted revenue for the quarter ended June 30, 2010 was $7.0 million.",
      "Services revenue for the quarter ended June 30, 2010 was $7.0 million.",
      "Revenue for the quarter ended June 30, 2010, excluding acquisitions, was $7.0 million.",
      "Revenue for the quarter ended June 30, 2010 is expected to be $7.0 million.",
    ] {
      let found = try Self.findings(sentence)
      #expect(found.allSatisfy { $0.hasPrefix("note: cannot verify") }, "\(sentence): \(found)")
    }
  }

  @Test func aFigureAThousandTimesTheTablesIsAnError() throws {
    // "$5.0 billion" for 5,000 thousand: the same figure at another scale. The importer's
    // cross-check cannot tell the caption from the text here, so it withholds the table's
    // dollar figures and check reports the scale error; the claim is then unverified.
    let text =
      "# Acme Reports Results\n\nAcme (NYSE: ACME) today reported results.\n\n"
      + "Revenue for the quarter ended June 30, 2010 was $5.0 billion.\n\n"
      + "CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n" + Self.table
    let found = try CheckFixtureTests.findings(text, name: "c.md")
    #expect(found.contains { $0.severity == .error && $0.rule == "import-scale" }, "\(found.map(\.message))")
  }
}
