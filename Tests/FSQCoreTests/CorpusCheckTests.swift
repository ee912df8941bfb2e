import FSQCore
import FSQTestSupport
import Foundation
import Testing

/// `check` over the real-release corpus (issue 12): every error and warning it raises, each
/// labelled by hand as a real mismatch or a false alarm, with the arithmetic read off the
/// document. The test fails when the set changes, so a change that removes a false alarm (or
/// adds one) is seen and its label reviewed. Documents not listed raise no error or warning.
@Suite struct CorpusCheckTests {
  /// "severity rule line" of each error and warning (line 0: a finding with no figure), and
  /// whether it is real. Lines are the printed figure's line in the document. (Tables whose
  /// figures the importer withheld — Timberland's and Mastercard's with two columns under one
  /// heading — are not checked.)
  static let labelled: [String: [(key: String, real: Bool, why: String)]] = [
    "aflac_q1_2020.htm": [
      // Book value per share reconciliation, per-share lines printed to the cent: the lines
      // sum one cent from the printed total (2020 and 2019), a rounding difference in print.
      ("warning reconciliation 13", true, "AOCI per share lines sum one cent from their printed total (2020)"),
      ("warning reconciliation 13", true, "the same, 2019"),
      ("warning reconciliation 13", true, "adjusted book value per share one cent from its lines, 2019"),
    ],
    "atricure_q1_2020.htm": [
      // "Gross profit … was $38.9 million compared to $40.0 million for the first quarter of
      // 2019": the statement prints 39,871 (thousands), $39.9 million.
      ("error text-claim 101", true, "the text's $40.0 million is $39,871 thousand in the statement")
    ],
    "atrion_q3_1997.htm": [
      // "For the third quarter, income from continuing operations increased 48% to $658,000
      // … versus $443,000": 215 / 443 = 48.5%, printed as 48% (the text truncates).
      ("error text-claim 68", true, "48.53% stated as 48%"),
      // "For the nine-month period, income from continuing operations advanced 89% to
      // $1,413,000": the statement prints 1,413 under "Six Months Ended September 30, 1997"
      // (revenue 23,375 is three quarters of about 7,300): the heading is wrong, and fsq
      // answers the nine months' figures as h1 1998.
      ("error text-claim 68", true, "the text's nine-month figure printed under a six-month heading"),
    ],
    "forian_q3_2024.md": [
      // 2023 EPS (0.01) printed; net income / shares = (0.0038): the printed EPS rounds a loss
      // of under half a cent to a cent — a rounding difference in print.
      ("warning per-share 143", true, "basic EPS rounded away from its quotient"),
      ("warning per-share 143", true, "diluted EPS, the same"),
      // "Revenue for the quarter was $4.7 million, a $0.6 decrease from $5.3 million": the
      // statement's 4,651,xxx − 5,313,xxx = 662,157 rounds to $0.7 million; the text subtracted
      // its rounded levels (4.7 − 5.3). A rounding in print.
      ("warning text-claim 95", true, "the change of the rounded levels, $0.6M for $662,157"),
    ],
    "hometrust_q3_fy2020.htm": [
      // The "Loans" table prints figures with a point where the thousands comma belongs:
      // June 30, 2019 "HELOCs - originated 139.435" and "Consumer 11.416", March 31, 2019
      // "Equipment finance 109.175". Read as printed, the lines fall short of "Total retail
      // consumer loans 1,162,464" by 139,435 − 139.435 + 11,416 − 11.416 = 150,700.149
      // (thousands), and of "Total commercial loans 1,482,607" by 109,065.825: typos in the
      // release, which fsq must not read as the intended figures.
      ("error subtotal 11", true, "June 30, 2019 lines printed 139.435 and 11.416 for 139,435 and 11,416"),
      ("error subtotal 11", true, "March 31, 2019 line printed 109.175 for 109,175"),
    ],
    "republic_group_q1_fy1998.html": [
      // 1996 column: net sales 29,004,000 less the costs' total 20,760,000 is 8,244,000; the
      // release prints "Operating profit 8,224,000", while its income before income taxes,
      // 7,915,000, is 8,244,000 − 329,000: the operating profit is a typo, and both lines
      // that depend on it fail to tie by 20,000.
      ("error subtotal 66", true, "operating profit printed 8,224,000 for 29,004,000 − 20,760,000 = 8,244,000"),
      ("error subtotal 70", true, "income before taxes 7,915,000 is not 8,224,000 − 329,000 = 7,895,000"),
    ],
    "total_renal_care_q2_1996.html": [
      // Six months 1995: operating income 10,534,000 − interest expense 4,712,000 + interest
      // income 174,000 = 5,996,000; printed "Income before income taxes and minority
      // interests 5,987,000" (the other three columns tie).
      ("error subtotal 323", true, "5,987,000 printed for 10,534,000 − 4,712,000 + 174,000 = 5,996,000")
    ],
    "olympicsteel_q3_1997.html": [
      // Statement of operations, three months ended September 30, 1996: net income 3,530 /
      // 9,801 shares = $0.36, and the summary table prints $0.36; the statement prints $0.30.
      ("error per-share 877", true, "the statement's $0.30 is $0.36 by its own figures and its summary")
    ],
  ]

  static func keys(_ company: Company) -> [String] {
    Checker.check(company).filter { $0.severity != .note }.map {
      "\($0.severity.rawValue) \($0.rule) \($0.figures.first?.source?.line ?? 0)"
    }.sorted()
  }

  static let documents: [String] = (try? Corpus.documents().map(\.name)) ?? []

  @Test(arguments: documents) func everyErrorAndWarningIsLabelled(_ name: String) throws {
    let document = try #require(try Corpus.documents().first { $0.name == name })
    let company = try ReleaseImporter.importRelease(bytes: Corpus.bytes(document), documentName: name)
    let expected = (Self.labelled[name] ?? []).map(\.key).sorted()
    #expect(Self.keys(company) == expected, "\(name)")
  }

  @Test func theFalseAlarmCountIsKnown() {
    let all = Self.labelled.values.flatMap { $0 }
    // 15 errors and warnings over 53 documents, all real (rounding in print, a text that
    // truncates, Hometrust's figures printed with points for commas, Atricure's $40.0
    // million, Atrion's six-month heading over nine months, Olympic Steel's $0.30, Forian's
    // $0.6M change of rounded levels, Republic Group's operating profit and Total Renal
    // Care's pre-tax income that their own lines do not make), and no false
    // alarm: the last four were misreadings, fixed (FlatTableReader, claim placement, the scale
    // of a sentence, share counts in proven thousands).
    #expect(all.count == 15)
    #expect(all.filter { !$0.real }.isEmpty)
  }

  /// Forian's balance sheet lost its convertible-notes row (its label prints "$6,000,000"), so
  /// "Total current liabilities" is more than its lines read: a note, since the import left
  /// rows out. Mutation: lines that exceed their total are still an error ("Accrued expenses"
  /// 2,618,108 → 32,618,108 makes the lines 35.7 million against a total of 30.1 million).
  @Test func rowsLeftOutExcuseOnlyAShortTotal() throws {
    let document = try #require(try Corpus.documents().first { $0.name == "forian_q3_2024.md" })
    let text = String(decoding: try Corpus.bytes(document), as: UTF8.self)
    func errors(_ text: String) throws -> [Finding] {
      let company = try ReleaseImporter.importRelease(bytes: Array(text.utf8), documentName: "forian_q3_2024.md")
      return Checker.check(company).filter { $0.severity == .error && $0.rule == "subtotal" }
    }
    #expect(try errors(text).isEmpty)
    #expect(text.contains("2,618,108"))
    let mutated = try errors(text.replacingOccurrences(of: "2,618,108", with: "32,618,108"))
    #expect(mutated.contains { $0.message.contains("Total current liabilities") })
  }
}
