import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// Structures `check` reads by what they say (issue 12): a consolidating statement's total
/// column, and a total stated after its tax. Each test changes one printed figure of a real
/// release and requires the finding that names it.
@Suite struct CheckCrossFootTests {
  static func text(_ name: String) throws -> String { try RealReleaseRegressionTests.text(name) }

  static func findings(_ text: String, _ name: String, rule: String) throws -> [Finding] {
    let company = try ReleaseImporter.importRelease(bytes: Array(text.utf8), documentName: name)
    return Checker.check(company).filter { $0.rule == rule }
  }

  @Test func aConsolidatingStatementsTotalColumnIsItsSegmentsSum() throws {
    // The Hartford Q1 2020 consolidating income statement: "Income (loss) before income taxes
    // 149 123 6 128 44 (106) 344": the six columns add up to the consolidated 344 (millions),
    // as on every other line.
    let text = try Self.text("hartford_q1_2020.htm")
    #expect(try Self.findings(text, "hartford_q1_2020.htm", rule: "cross-foot").isEmpty)
    let at = try #require(text.range(of: "Income (loss) before income taxes"))
    let figure = try #require(text.range(of: ">344<", range: at.upperBound..<text.endIndex))
    var changed = text
    changed.replaceSubrange(figure, with: ">354<")
    let findings = try Self.findings(changed, "hartford_q1_2020.htm", rule: "cross-foot")
    #expect(findings.count == 1)
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.difference?.amount == FSQCore.Decimal(parsing: "10000000"))
  }

  @Test func aDashAloneBeforeAFigureIsNoMinusSign() throws {
    // The same statement prints "Change in deferred gain on retroactive reinsurance, before
    // tax 29 — — — — — — 29": the dash in the narrow column before "Consolidated" is a zero
    // of its own, and the consolidated figure is +29 million (it was read as −29).
    let company = try ReleaseImporter.importRelease(
      bytes: Array(try Self.text("hartford_q1_2020.htm").utf8), documentName: "hartford_q1_2020.htm")
    let gain = company.facts.filter {
      $0.label == "Change in deferred gain on retroactive reinsurance, before tax" && $0.period.months == 3
        && $0.unit == .usd
    }
    #expect(gain.contains { $0.value == FSQCore.Decimal(parsing: "29000000") })
    #expect(!gain.contains { $0.value == FSQCore.Decimal(parsing: "-29000000") })
  }

  @Test func aTotalStatedAfterTaxIsTheTotalLessItsTax() throws {
    // Morgan Stanley's Q1 2022 supplement: "Total non-interest expenses 75 / Income tax
    // provision 18 / Total non-interest expenses (after-tax) 57" (109 − 24 = 85 and 64 − 15 =
    // 49 in the other quarters). It tied nothing as read before; now it ties, and a changed
    // tax line is an error.
    let text = try Self.text("morganstanley_q1_2022_supplement.htm")
    let afterTax = try Self.findings(text, "morganstanley_q1_2022_supplement.htm", rule: "subtotal")
      .filter { $0.message.contains("(after-tax)") }
    #expect(afterTax.isEmpty)
    var lines = text.components(separatedBy: "\n")
    #expect(lines[14073].contains(">18<"))
    lines[14073] = lines[14073].replacingOccurrences(of: ">18<", with: ">19<")
    let changed = try Self.findings(
      lines.joined(separator: "\n"), "morganstanley_q1_2022_supplement.htm", rule: "subtotal")
    let finding = changed.first { $0.message.contains("\"Total non-interest expenses (after-tax)\" (1Q22)") }
    #expect(finding?.severity == .error)
    #expect(finding?.figures.dropFirst().first?.description.contains("− \"Income tax provision\"") == true)
  }
}
