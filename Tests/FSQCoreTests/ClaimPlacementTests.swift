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

  /// Mobile-health's "… increase in revenue; and a $0.1 million increase in depreciation and
  /// amortization expenses" was checked as the revenue change: the figure is about what follows
  /// "increase in". Named items there are still checked; a mutation of the change is caught.
  @Test func aFigureIsAboutWhatFollowsIncreaseIn() throws {
    let part =
      "Costs for the quarter ended June 30, 2010 rose with higher revenue; and a $0.1 million increase in depreciation and amortization expenses."
    let found = try Self.findings(part)
    #expect(found.allSatisfy { $0.hasPrefix("note: cannot verify") }, "\(found)")
    #expect(found.contains { $0.contains("depreciation and amortization expenses") })
    // 5,000 − 4,545 = 455: "$0.5 million increase in revenue" ties; "$0.9 million" does not.
    let named =
      "In the quarter ended June 30, 2010 there was a $0.5 million increase in revenue compared to the quarter ended June 30, 2009."
    #expect(try Self.findings(named).isEmpty)
    let wrong = try Self.findings(named.replacingOccurrences(of: "$0.5 million", with: "$0.9 million"))
    #expect(wrong.contains { $0.hasPrefix("error:") }, "\(wrong)")
  }

  /// Forian: "Revenue for the quarter was $4.7 million, a $0.6 decrease from $5.3 million":
  /// "$0.6" is in the sentence's millions, and 4.7 − 5.3 is the change of the rounded levels,
  /// while the change itself (662 thousand) rounds to $0.7 million: a rounding warning, not an
  /// error. A change that is neither is still an error.
  @Test func aChangeOfTheRoundedLevelsIsARoundingWarning() throws {
    let table = """

      | | Three Months Ended September 30, 2024 | Three Months Ended September 30, 2023 |
      |---|---|---|
      | Revenue | 4,651 | 5,313 |
      | Cost of revenue | 1,000 | 1,100 |

      """
    func findings(_ sentence: String) throws -> [String] {
      let text =
        "# Acme Reports Results\n\nAcme (NYSE: ACME) today reported results.\n\n" + sentence + "\n\n"
        + "CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n" + table
      return try CheckFixtureTests.findings(text, name: "r.md").filter {
        $0.rule == "text-claim" && $0.severity != .note
      }.map {
        "\($0.severity.rawValue): \($0.message)"
      }
    }
    let sentence =
      "Revenue for the quarter ended September 30, 2024 was $4.7 million, a $0.6 decrease from $5.3 million in the prior year."
    let found = try findings(sentence)
    #expect(found.count == 1 && found[0].hasPrefix("warning:") && found[0].contains("rounded"), "\(found)")
    #expect(try findings(sentence.replacingOccurrences(of: "$0.6", with: "$0.7")).isEmpty)
    let wrong = try findings(sentence.replacingOccurrences(of: "$0.6", with: "$0.4"))
    #expect(wrong.count == 1 && wrong[0].hasPrefix("error:"), "\(wrong)")
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
