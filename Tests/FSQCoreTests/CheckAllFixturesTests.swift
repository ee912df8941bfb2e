import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// `check` over every release fixture in the repository, with the exact set of findings
/// (severity, rule, printed line) each must produce — each justified by hand arithmetic. A
/// new fixture fails here until its findings are established. The bundled seed's are in
/// `CheckSeedTests`.
@Suite struct CheckAllFixturesTests {
  static let roots = ["Tests/FSQCoreTests/Fixtures", "Tests/Fixtures"]

  static let expected: [String: [String]] = [
    // Statements tie: 96,412 − 40,300 = 56,112; 11,840 + 26,705 + 1,210 = 39,755; 56,112 −
    // 39,755 = 16,357; − 312 = 16,045; − 5,776 = 10,269 (likewise the other columns). Balance
    // sheet: 74,118 + 58,240 + 39,455 = 171,813; + 28,604 + 44,120 = 244,537; 18,220 + 22,915 =
    // 41,135; 41,135 + 203,402 = 244,537 (June: 45,786 + 189,753 = 235,539). The headline and
    // text name no period ("Revenue of $96.4 million, up 11%; diluted EPS of $0.31", "Gross
    // margin was 58.2%"): notes. "For the first six months of fiscal 2009, revenue was $185.0
    // million" is the six months to December 31, 2008: 185,044 thousand, it ties.
    "alderridge_q2_fy2009.md": [
      "note text-claim 3", "note text-claim 3", "note text-claim 3", "note text-claim 7",
    ],
    // 512.3 − 301.2 = 211.1; − 120.5 = 90.6; − 8.2 = 82.4; − 29.7 = 52.7 (CheckFixtureTests).
    "cascade_q2_2004.txt": [],
    // Q4: 1,211 − 1,020 − 96 − 22 − 244 = (171); (171) − 8 − 3 = (182); (182) + 18 = (164).
    // Year: 4,838 − 4,093 − 381 − 90 − 244 = 30; 30 − 97 + 15 = (52); (52) − 12 = (64).
    // "Total assets" in SELECTED FINANCIAL DATA is listed under sales and income, not summed
    // from them. "compared to $5,316 million" names no period the reader can resolve: a note.
    "granitebay_fy2003_wire.txt": ["note text-claim 9"],
    // Gross margin 63,160 − R&D 15,400 − amortization 0 = 47,760 ≠ Net income 4,120; 2002:
    // 57,195 − 14,950 − 1,200 = 41,045 ≠ (2,310). The statement goes straight to net income:
    // no one reading ties either column, so what it totals is unknown — one note, not an
    // error against a guess (issue 12).
    "harborlane_fy2003.md": ["note subtotal 20"],
    // Ties (CheckFixtureTests); the condensed cash flow statement omits 787 | 790 of financing
    // flows: repayment (4,000) | (6,000) vs net cash used in financing (4,787) | (6,790).
    "northwind_fy2010_q4.htm": ["note subtotal 79", "note subtotal 79"],
    // 412,306 − 268,019 = 144,287; − 101,118 − 12,406 − 0 = 30,763; "Interest (income) expense,
    // net" (412) is income: 30,763 + 412 = 31,175; − 11,846 = 19,329 (and 21,952 + 188 = 22,140;
    // 64,966 + 1,025 = 65,991; 45,697 + 560 = 46,257). Balance sheet: 61,408 + 298,117 + 24,905
    // = 384,430; + 276,512 = 660,942 = 190,024 + 48,110 + 422,808. "Comparable store sales
    // increased 3.1%" is no figure of the tables: a note.
    "pinecrest_q3_fy2005.txt": ["note text-claim 14"],
    // Balance sheet 3,412 + 1,106 + 312 = 4,830; + 1,288 + 2,140 = 8,258; 402 + 845 = 1,247;
    // 1,247 + 1,500 (long-term debt) + 5,511 (equity) = 8,258 (2011: 1,167 + 1,500 + 5,003 =
    // 7,670). Cash flows: 1,304 + 288 + 201 − 96 = 1,697; 1,697 − 375 − 897 = 425 (2011: 1,529 −
    // 350 − 1,019 = 160). Adjusted EBITDA ties its reconciliation (368 + 110 + 14 + 74 + 52 + 0 =
    // 618), which is what verifies a company-defined metric.
    "quillfeather_q4_2012_ex99.htm": [],
    // Ties everywhere (CheckFixtureTests.aReleaseThatTiesEverywhereIsSilent).
    "kestrel_q1_2011.md": [],
    // 97,000 − 58,100 = 38,900; − 24,300 − 3,100 = 11,500 (2010: 78,000 − 48,200 − 20,600 −
    // 2,800 = 6,400).
    "acme_fy2011.md": [],
    // Condensed balance sheet omitting lines: Total current assets 24,100 | 20,200 vs cash +
    // receivables 20,800 | 17,700; Total current liabilities 9,600 | 9,100 vs payables 5,200 |
    // 4,900 — notes. The rest ties: 24,100 + 15,900 = 40,000; 9,600 + 8,000 = 17,600; 17,600 +
    // 22,400 = 40,000 (2010: 20,200 + 16,400 = 36,600; 9,100 + 8,500; 17,600 + 19,000).
    "acme_q3_fy2011.md": ["note subtotal 33", "note subtotal 33", "note subtotal 37", "note subtotal 37"],
  ]

  static func files() -> [URL] {
    var result: [URL] = []
    for root in roots {
      let url = TestSupport.packageRoot.appendingPathComponent(root)
      guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
      for case let file as URL in walker where ["md", "htm", "html", "txt"].contains(file.pathExtension.lowercased()) {
        result.append(file)
      }
    }
    return result.sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  static func keys(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.severity.rawValue) \($0.rule) \($0.figures.first?.source?.line ?? 0)" }.sorted()
  }

  @Test func everyFixtureHasExactlyItsEstablishedFindings() throws {
    let files = Self.files()
    #expect(Set(files.map(\.lastPathComponent)) == Set(Self.expected.keys))
    for file in files {
      var model = Model()
      try model.importRelease(bytes: Array(try Data(contentsOf: file)), documentName: file.lastPathComponent)
      let found = Self.keys(model.companies.flatMap(Checker.check))
      #expect(
        found == (Self.expected[file.lastPathComponent] ?? ["(no expectation)"]).sorted(), "\(file.lastPathComponent)")
    }
  }

  @Test func aQuarterAndItsYearLoadedTogetherAddNothing() throws {
    // The quarter's notes only: merging the fiscal year adds no finding of its own.
    var model = Model()
    for name in ["acme_q3_fy2011.md", "acme_fy2011.md"] {
      let file = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/acme/\(name)")
      try model.importRelease(bytes: Array(try Data(contentsOf: file)), documentName: name)
    }
    #expect(Self.keys(model.companies.flatMap(Checker.check)) == Self.expected["acme_q3_fy2011.md"]!.sorted())
  }
}
