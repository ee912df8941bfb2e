import FSQTestSupport
import Foundation
import Testing

@testable import FSQCore

/// `check` compares a release with the structured filing of the same period (issue 16): on
/// Apple's real Q4 FY2024 release and its real FY2024 10-K (inline XBRL) every figure they share
/// agrees to the release's rounding, and changing one printed figure is reported.
@Suite struct FilingCrossCheckTests {
  static func model(release: [UInt8]) throws -> Model {
    var model = Model()
    try model.importRelease(bytes: release, documentName: "apple_q4_fy2024.md")
    let filing = [UInt8](
      try Data(contentsOf: Corpus.root.appendingPathComponent("xbrl").appendingPathComponent("AAPL_10-K_2024FY.htm")))
    try model.importRelease(bytes: filing, documentName: "AAPL_10-K_2024FY.htm")
    return model
  }

  static func release() throws -> [UInt8] {
    [UInt8](try Data(contentsOf: Corpus.root.appendingPathComponent("documents/apple_q4_fy2024.md")))
  }

  @Test func theReleaseAndItsTenKAgree() throws {
    let model = try Self.model(release: try Self.release())
    // One company: the release and the filing are Apple's (ticker AAPL in both).
    #expect(model.companies.count == 1)
    let company = model.companies[0]
    #expect(FilingCrossCheckRule.filingDocuments(company) == ["AAPL_10-K_2024FY.htm"])
    #expect(Checker.check(company).filter { $0.rule == FilingCrossCheckRule.rule }.isEmpty)
  }

  @Test func aFigureChangedInTheReleaseIsReported() throws {
    // Total net sales for the twelve months, printed 391,035 ($ millions) at
    // apple_q4_fy2024.md:13; the 10-K files 391,035,000,000. Printed as 391,135 instead:
    var text = String(decoding: try Self.release(), as: UTF8.self)
    let line = "| Total net sales (1)                          | 94,930               | 89,498               | 391,035 "
    #expect(text.contains(line))
    text = text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "391,035", with: "391,135"))
    let model = try Self.model(release: Array(text.utf8))
    let findings = Checker.check(model.companies[0]).filter { $0.rule == FilingCrossCheckRule.rule }
    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.severity == .warning)
    #expect(finding.message.contains("apple_q4_fy2024.md"))
    #expect(finding.message.contains("AAPL_10-K_2024FY.htm"))
    #expect(finding.difference?.amount == Decimal(100_000_000))
  }

  @Test func theReleasesRoundingIsNotADifference() {
    // A figure in thousands stands for anything within $500; one with cents for itself.
    #expect(FilingCrossCheckRule.roundingTolerance(Decimal(7_171_000)) == Decimal(500))
    #expect(FilingCrossCheckRule.roundingTolerance(Decimal(391_035_000_000)) == Decimal(500_000))
    #expect(FilingCrossCheckRule.roundingTolerance(Decimal(parsing: "0.33")!) == Decimal.zero)
    #expect(FilingCrossCheckRule.roundingTolerance(Decimal(11_853_020)) == Decimal(5))
  }
}
