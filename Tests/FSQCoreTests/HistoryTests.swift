import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// One company's history from several releases (issue 15): loading a folder or a pattern,
/// restatements decided by the releases' own dates, periods derived across releases.
/// Expected values are read by hand off the real Pericom releases in Tests/Corpus/documents
/// (file:line given beside each).
@Suite struct HistoryTests {
  static let documents = Corpus.root.appendingPathComponent("documents").path

  static func session(loading statements: String) -> (Session, String, String, FSQCore.ExitStatus) {
    let session = Session(model: Model())
    let (out, err, status) = TestSupport.run(statements, session: session)
    return (session, out, err, status)
  }

  static func value(_ session: Session, _ expression: String) -> String {
    TestSupport.run(expression, session: session).0.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func aPatternLoadsEveryReleaseOfOneCompanyIntoOneHistory() {
    let (session, out, err, status) = Self.session(loading: "load \"\(Self.documents)/pericom_*.txt\"")
    #expect(status == .success, "\(err)")
    #expect(out.contains("loaded 5 releases: Pericom Semiconductor Corporation (psem) 5"), "\(out)")
    #expect(session.model.companies.count == 1)
    #expect(session.model.companies[0].documents.count == 5)
    // Figures from different releases answer side by side (net revenues, thousands):
    // FY2003 44,958 (pericom_q4_fy2003.txt), FY2005 79,557 (pericom_q4_fy2005_submission.txt:346),
    // Q1 FY2006 22,473 (pericom_q1_fy2006_submission.txt:365), Q2 FY2007 30,842 (pericom_q2_fy2007.txt:161).
    #expect(Self.value(session, "revenue(fy2005)") == "$79,557,000")
    #expect(Self.value(session, "revenue(q1 2006)") == "$22,473,000")
    #expect(Self.value(session, "revenue(q2 2007)") == "$30,842,000")
  }

  @Test func severalFilesAndAFolderLoadAsOneStatement() throws {
    let named = Self.session(
      loading:
        "load \"\(Self.documents)/pericom_q3_fy2005.txt\", \"\(Self.documents)/pericom_q4_fy2005_submission.txt\"")
    #expect(named.1.contains("loaded 2 releases"), "\(named.1)\(named.2)")
    #expect(named.0.model.companies.count == 1)
    // A folder: a file that is not a release is skipped and named, the releases load.
    let temporary = try TemporaryFolder("fsq-history")
    let folder = temporary.url
    for name in ["pericom_q3_fy2005.txt", "pericom_q4_fy2005_submission.txt"] {
      try FileManager.default.copyItem(
        atPath: "\(Self.documents)/\(name)", toPath: folder.appendingPathComponent(name).path)
    }
    try "notes for myself\n".write(to: folder.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
    let (session, out, err, status) = Self.session(loading: "load \"\(folder.path)\"")
    #expect(status == .success, "\(err)")
    #expect(out.contains("loaded 2 releases") && out.contains("skipped 1: README.txt"), "\(out)")
    #expect(session.model.companies[0].documents.count == 2)
    // A named file that is not a release fails the whole statement: nothing is loaded.
    let (failed, _, failure, failedStatus) = Self.session(
      loading: "load \"\(Self.documents)/pericom_q3_fy2005.txt\", \"\(folder.path)/README.txt\"")
    #expect(failedStatus != .success)
    #expect(failure.contains("README.txt"), "\(failure)")
    #expect(failed.model.companies.isEmpty)
  }

  /// Pericom restated fiscal 2005: the Q3 FY2005 release printed gross profit of 7,171 for
  /// the quarter ended March 31, 2005 (pericom_q3_fy2005.txt:186); the Q4 release prints it
  /// restated as 7,451 (pericom_q4_fy2005_submission.txt:350).
  @Test(arguments: [false, true]) func theNewerReleaseWinsWhateverTheLoadOrder(newerFirst: Bool) {
    var files = ["pericom_q3_fy2005.txt", "pericom_q4_fy2005_submission.txt"].map { "\"\(Self.documents)/\($0)\"" }
    if newerFirst { files.reverse() }
    let (session, _, err, _) = Self.session(loading: "load \(files.joined(separator: ", "))")
    #expect(err.isEmpty, "\(err)")
    #expect(Self.value(session, "gross_profit(q3 2005)") == "$7,451,000")
    let explained = Self.value(session, "explain gross_profit(q3 2005)")
    #expect(explained.contains("pericom_q4_fy2005_submission.txt line 350"), "\(explained)")
    #expect(
      explained.contains("restated: pericom_q3_fy2005.txt:186 printed $7,171,000 (released 2005-04-21)"),
      "\(explained)")
    // check lists the restatement as its own kind of finding, newer figure first.
    let result = session.run("check", origin: .commandLine)
    guard case .findings(let findings)? = result.items.first else {
      Issue.record("check returned \(result.items)")
      return
    }
    let restated = findings.filter { $0.rule == "restatement" && $0.message.hasPrefix("\"Gross profit\"") }
    #expect(restated.count == 2, "\(restated.map(\.message))")
    let march = restated.first { $0.figures.first?.source?.line == 350 }
    #expect(march?.figures.map { ValueFormatter.text($0.value) } == ["$7,451,000", "$7,171,000"])
    #expect(march?.figures.last?.source?.document == "pericom_q3_fy2005.txt")
    let text = TestSupport.run("check", session: session).0
    #expect(text.contains("info [restatement] \"Gross profit\""), "\(text)")
    #expect(text.contains("restatements"), "\(text)")
  }

  /// Trailing twelve months ending Q1 FY2006 from three releases: Q1 FY2006 22,473
  /// (pericom_q1_fy2006_submission.txt:365), Q4 FY2005 21,121 and Q3 FY2005 19,433
  /// (pericom_q4_fy2005_submission.txt:346), Q2 FY2005 19,217 (pericom_q4_fy2005_submission.txt:582;
  /// also pericom_q3_fy2005.txt:182). Sum 82,244.
  @Test func trailingTwelveMonthsAcrossReleases() {
    let (session, _, err, _) = Self.session(loading: "load \"\(Self.documents)/pericom_*fy200[56]*.txt\"")
    #expect(err.isEmpty, "\(err)")
    #expect(Self.value(session, "ttm(revenue, q1 2006)") == "$82,244,000 (derived)")
    let explained = Self.value(session, "explain ttm(revenue, q1 2006)")
    #expect(explained.contains("pericom_q1_fy2006_submission.txt line 365"))
    #expect(explained.contains("pericom_q4_fy2005_submission.txt line 346"))
  }

  /// A 52/53-week year: "fiscal 2006 first quarter ended October 1, 2005"
  /// (pericom_q1_fy2006_submission.txt:173) is the quarter of a year ending near June 30.
  @Test func aFiftyTwoWeekQuarterEndingInTheFirstDaysOfAMonth() {
    let (session, _, err, _) = Self.session(loading: "load \"\(Self.documents)/pericom_q1_fy2006_submission.txt\"")
    #expect(err.isEmpty, "\(err)")
    #expect(session.model.companies[0].fiscalYearEnd.month == 6)
    #expect(Self.value(session, "revenue(q1 2006)") == "$22,473,000")
  }

  /// The filer's CIK from an EDGAR submission's header ("CENTRAL INDEX KEY: 0001001426",
  /// pericom_q1_fy2006_submission.txt:27) is kept, and releases with one CIK are one company
  /// whatever their names say.
  @Test func releasesWithOneCIKAreOneCompany() throws {
    let bytes = try [UInt8](
      Data(contentsOf: URL(fileURLWithPath: "\(Self.documents)/pericom_q1_fy2006_submission.txt")))
    let pericom = try ReleaseImporter.importRelease(bytes: bytes, documentName: "q1.txt")
    #expect(pericom.cik == "1001426")
    // A plain release has none.
    let plain = try ReleaseImporter.importRelease(
      bytes: Array(ReleaseImporter.bundledReleases[0].text.utf8), documentName: "seed.txt")
    #expect(plain.cik == nil)
    // The same filer under another name and ticker (a renamed company): merged by CIK.
    var renamed = Company(id: "dios", name: "Diodes Pericom Holdings", documents: ["later.txt"])
    renamed.cik = "1001426"
    var other = Company(id: "zzzz", name: "Unrelated Corp", documents: ["other.txt"])
    other.cik = "999"
    var model = Model()
    try model.add(importedCompany: pericom)
    try model.add(importedCompany: renamed)
    try model.add(importedCompany: other)
    #expect(model.companies.count == 2)
    #expect(model.companies[0].documents == ["q1.txt", "later.txt"])
  }

  /// Q4 printed by neither release: the annual release prints only the year, the Q3 release
  /// the nine months. Invented releases (no real pair prints so little).
  @Test func aQuarterDerivedFromTwoReleases() {
    func release(_ title: String, _ header: String, _ revenue: String, _ date: String) -> String {
      """
      # Wrenfield Tools Reports \(title)

      DAYTON, Ohio, \(date) -- Wrenfield Tools Inc. (NYSE: WRFT) today reported results.

      ## Consolidated Statements of Income

      *(in thousands, except per share data)*

      | | \(header) |
      |---|---:|
      | Net sales | \(revenue) |
      | Cost of sales | 100 |
      | Net income | 20 |
      | Diluted earnings per share | $ 0.50 |
      | Weighted average diluted shares | 40 |
      """
    }
    let session = Session(model: Model())
    session.readFile = { path in
      path.hasSuffix("q3.md")
        ? .success(
          Array(release("Third Quarter 2011", "Nine Months Ended September 30, 2011", "$ 900", "October 25, 2011").utf8)
        )
        : .success(Array(release("Year 2011", "Year Ended December 31, 2011", "$ 1,250", "February 8, 2012").utf8))
    }
    let (_, err, _) = TestSupport.run("load \"wrft-fy.md\", \"wrft-q3.md\"", session: session)
    #expect(err.isEmpty, "\(err)")
    #expect(Self.value(session, "revenue(q4 2011)") == "$350,000 (derived)")
    let explained = Self.value(session, "explain revenue(q4 2011)")
    #expect(explained.contains("derived: fy 2011 minus 9m 2011"), "\(explained)")
    #expect(explained.contains("wrft-fy.md") && explained.contains("wrft-q3.md"), "\(explained)")
    // Per-share amounts and share counts are not flows: no Q4 by subtraction (a year's EPS
    // minus nine months' is not the quarter's), so no EPS for the quarter either.
    #expect(Self.value(session, "eps_diluted(fy2011)") == "$0.50 per share")
    for expression in ["eps_diluted(q4 2011)", "weighted_average_shares_diluted(q4 2011)", "eps(q4 2011)"] {
      let result = session.run(expression, origin: .commandLine)
      #expect(result.status != .success, "\(expression) answered \(result.items)")
    }
  }
}
