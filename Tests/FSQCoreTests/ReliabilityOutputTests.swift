import Testing

@testable import FSQCore

// MARK: - Bounded output, and nothing runs that the user did not ask for

@Suite struct ReliabilityOutputTests {
  func findings(_ count: Int) -> [Finding] {
    (0..<count).map { index in
      Finding(
        severity: index % 2 == 0 ? .error : .warning, rule: "subtotal", company: "acme", document: "q.htm",
        message: "finding \(index)", figures: [], difference: nil)
    }
  }

  @Test func checkPrintsAtMostAThousandFindingsAndSaysHowManyMore() {
    let many = findings(FindingLimit.printed + 234)
    for format in [OutputFormat.text, .markdown] {
      let text = OutputRenderer(format: format).render(.findings(many))
      let lines = text.split(separator: "\n")
      #expect(lines.filter { $0.contains("[subtotal]") }.count == FindingLimit.printed)
      #expect(lines.contains("… 234 more findings not shown"))
      // The summary still counts them all.
      #expect(lines.last == "check: 617 errors, 617 warnings, 0 notes")
    }
    // Programs get every finding.
    #expect(OutputRenderer(format: .json).render(.findings(many)).split(separator: "\n").count == many.count)
    #expect(OutputRenderer(format: .csv).render(.findings(many)).split(separator: "\r\n").count == many.count + 1)  // RFC 4180 line ends
    // At the limit, no "more" line.
    let exact = OutputRenderer(format: .text).render(.findings(findings(FindingLimit.printed)))
    #expect(!exact.contains("more findings"))
  }
}
