import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// A figure a release prints twice must be printed the same (issue 12): the summary table and
/// the statement, or the two columns a table heads with the same quarter. Each test changes
/// one printed figure of a real release and requires the finding that names it.
@Suite struct CheckRepeatedFigureTests {
  static func text(_ name: String) throws -> String { try RealReleaseRegressionTests.text(name) }

  static func repeated(_ text: String, _ name: String) throws -> [Finding] {
    let company = try ReleaseImporter.importRelease(bytes: Array(text.utf8), documentName: name)
    return Checker.check(company).filter { $0.rule == "repeated-figure" }
  }

  /// `text` with the `n`-th (from 0) printing of `old` replaced.
  static func replacing(_ old: String, occurrence n: Int, with new: String, in text: String) throws -> String {
    var range = text.startIndex..<text.startIndex
    for _ in 0...n { range = try #require(text.range(of: old, range: range.upperBound..<text.endIndex)) }
    var changed = text
    changed.replaceSubrange(range, with: new)
    return changed
  }

  @Test func theCorpusAsPrintedHasNone() throws {
    for name in ["pnc_q2_2021.htm", "keycorp_q1_2022.htm", "usbancorp_q4_2021.htm", "hartford_q1_2020.htm"] {
      #expect(try Self.repeated(Self.text(name), name).isEmpty, "\(name)")
    }
  }

  @Test func aSummaryAndTheStatementThatDisagree() throws {
    // PNC Q2 2021 prints net income of $1,103 million in its summary ("2Q21") and in the
    // consolidated income statement; they agree on five other figures (diluted EPS, the
    // other quarters). The statement's figure changed to 1,113:
    let text = try Self.text("pnc_q2_2021.htm")
    let changed = try Self.replacing("1,103", occurrence: 3, with: "1,113", in: text)
    let findings = try Self.repeated(changed, "pnc_q2_2021.htm")
    #expect(findings.count == 1)
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.message.hasPrefix("net_income (Three months ended June 30 2021)") == true)
    #expect(findings.first?.difference?.amount == FSQCore.Decimal(parsing: "10000000"))
  }

  @Test func twoColumnsOfOneQuarterThatDisagree() throws {
    // KeyCorp Q1 2022 heads "Three months ended 3/31/2022" twice (the trend and the
    // comparison); total interest expense is $66 million in both. One changed to 67: the
    // importer withholds the table (its columns no longer agree), and check says why.
    let text = try Self.text("keycorp_q1_2022.htm")
    let at = try #require(text.range(of: "Total interest expense"))
    let figure = try #require(text.range(of: ">66<", range: at.upperBound..<text.endIndex))
    var changed = text
    changed.replaceSubrange(figure, with: ">67<")
    let findings = try Self.repeated(changed, "keycorp_q1_2022.htm")
    #expect(findings.count == 1)
    #expect(findings.first?.message.hasPrefix("\"Total interest expense\" is printed as two figures") == true)
    // Columns that disagree on most lines are columns read out of line, not a finding: the
    // corpus as printed has none (above), and Danaos's mis-headed segment columns stay quiet.
    #expect(try Self.repeated(Self.text("danaos_q4_2024.md"), "danaos_q4_2024.md").isEmpty)
  }
}
