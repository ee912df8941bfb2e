import FSQTestSupport
import Testing

@testable import FSQCore

// MARK: - The importer on a model: no crash, and a failed import changes nothing
//
// ImportRobustnessTests throws garbage at `ReleaseImporter` alone; these mutate the real
// releases (truncated, lines shuffled, bytes flipped) and import them into the bundled model
// through `Model.importRelease` and `Session.load`, where all-or-nothing matters.

/// What a test compares to tell whether a model changed: everything but the statement tables.
struct ModelSnapshot: Equatable {
  var companies: [String]
  var facts: [[Fact]]
  var documents: [[String]]
  var listings: [Int]
  var events: [[CompanyEvent]]
  var narrative: [Int]
  var claims: [Int]
  var statements: [Int]

  init(_ model: Model) {
    companies = model.companies.map { "\($0.id)|\($0.name)|\($0.fiscalYearEnd)" }
    facts = model.companies.map(\.facts)
    documents = model.companies.map(\.documents)
    listings = model.companies.map(\.listings.count)
    events = model.companies.map(\.events)
    narrative = model.companies.map(\.narrative.count)
    claims = model.companies.map(\.claims.count)
    statements = model.companies.map(\.statements.count)
  }
}

@Suite struct ReliabilityImportTests {
  /// The seed and fixture releases, as bytes with their names.
  static let releases: [(String, [UInt8])] = {
    var all = ReleaseImporter.bundledReleases.map { ($0.name, Array($0.text.utf8)) }
    for name in ["cascade_q2_2004.txt", "harborlane_fy2003.md", "northwind_fy2010_q4.htm"] {
      if let bytes = try? ImportFixtures.bytes(name) { all.append((name, bytes)) }
    }
    return all
  }()

  /// Regression (found by the importer fuzzer): a run of more than 19 digits overflowed the
  /// year scanner of the release text and of header cells — a trap, not an error.
  @Test func longDigitRunsDoNotOverflow() {
    let digits = String(repeating: "9", count: 40)
    let text = "NEW YORK, May 29 /PRNewswire/ -- Fusion (NYSE Amex: FSN) said \(digits) today, 2009.\n"
    #expect(ReleaseText.latestYear(in: text) == 2009)
    #expect(ReleaseText.latestYear(in: digits + " 2010 " + digits) == 2010)
    #expect(ReleaseText.latestYear(in: "Q" + digits + " 2011") == 2011)  // digits after a letter
    #expect(CellReader.year(in: digits) == nil)
    #expect(CellReader.year(in: "2009") == 2009)
    var model = reliabilityModel
    let table = "| | \(digits) | 2008 |\n|---|---|---|\n| Revenues | $1 | $2 |\n"
    _ = try? model.importRelease(bytes: Array((text + table).utf8), documentName: "digits.txt")
  }

  /// Issue 17, item 6: one 300 KB line of prose took 46 s in the narrative reader (each
  /// figure read against every word of its "sentence"). A sentence of thousands of words is
  /// left unread; a short one beside it is still read.
  @Test(.timeLimit(.minutes(1))) func aHugeProseLineIsNotReadQuadratically() throws {
    var rng = SeededGenerator(seed: 7)
    let words = ["revenue", "increased", "was", "million", "compared", "to", "the", "$4.7", "12%", "quarter", "2009"]
    let body = (0..<50_000).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
    let text =
      "# Acme Reports Results\n\nAcme (NYSE: ACME) today reported results.\n\n" + body + "\n\n"
      + "Revenue for the quarter ended June 30, 2010 was $5.0 million.\n"
    let company = try ReleaseImporter.importRelease(bytes: Array(text.utf8), documentName: "prose.md")
    #expect(company.claims.contains { $0.item == "revenue" && $0.value == Decimal(5_000_000) })
  }

  /// Issue 17, item 6: spans of 1,000 rows stepping right made a 0.7 MB page cubic, a row of
  /// 300,000 cells was quadratic, and colspans filled gigabytes. A grid past 1,000 columns or
  /// 250,000 positions is not laid out (no release prints one); the page still imports.
  @Test(.timeLimit(.minutes(1))) func hugeHTMLGridsAreNotLaidOut() throws {
    let intro = "<html><body><p>Acme (NYSE: ACME) today reported results.</p><table>"
    let staircase = (0..<2_000).map { "<tr><td rowspan=1000>\($0)</td><td>2</td></tr>" }.joined()
    let wide = "<tr>" + String(repeating: "<td>1</td>", count: 100_000) + "</tr>"
    let spans = "<tr>" + String(repeating: "<td colspan=1000>1</td>", count: 2_000) + "</tr>"
    for body in [staircase, wide, spans] {
      let bytes = Array((intro + body + "</table></body></html>").utf8)
      let company = try ReleaseImporter.importRelease(bytes: bytes, documentName: "grid.html")
      #expect(company.statements.isEmpty)
    }
    #expect(GridLayout.maximumColumns == 1_000 && GridLayout.maximumPositions == 250_000)
  }

  /// Issue 17, item 6: a fixed-width table of 10,000 columns took 109 s: each heading group
  /// split its dates by reading the whole header line again. Now each reads its own words.
  @Test(.timeLimit(.minutes(1))) func aTenThousandColumnTextTableIsReadOnce() throws {
    let years = (0..<10_000).map { String(repeating: " ", count: 8) + String(2000 + $0 % 50) }.joined()
    let figures = String(repeating: "       1,234", count: 10_000)
    let text =
      "ACME CORP (NYSE: ACME) today reported results.\n\nSTATEMENTS OF OPERATIONS\n\n        " + years
      + "\n\nRevenues" + figures + "\nNet income" + figures + "\n"
    _ = try? ReleaseImporter.importRelease(bytes: Array(text.utf8), documentName: "wide.txt")
    // The date splitting still reads "Jun 30, Mar 31," set one space apart as two headings.
    let words = [("Jun", 0), ("30,", 4), ("Mar", 8), ("31,", 12)].map {
      PlainTextReader.Token(start: $0.1, end: $0.1 + $0.0.count, text: $0.0)
    }
    let group = PlainTextReader.Token(start: 0, end: 15, text: "Jun 30, Mar 31,")
    #expect(PlainTextReader.splitDates(group, words: words).map(\.text) == ["Jun 30,", "Mar 31,"])
  }

  /// Truncated, shuffled and byte-flipped releases into the bundled model: each import
  /// either succeeds or throws with the model untouched; nothing traps.
  @Test func mutatedReleasesImportWholeOrNotAtAll() {
    #expect(ReliabilityImportTests.releases.count == 5)
    var random = SeededGenerator(seed: 0x696d_706f)
    let base = reliabilityModel
    let before = ModelSnapshot(base)
    var outcomes = (imported: 0, failed: 0)
    for (name, original) in ReliabilityImportTests.releases {
      for round in 0..<42 {
        var bytes = original
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        switch round % 7 {
        case 0:  // truncated anywhere
          bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 1:  // lines shuffled
          lines.shuffle(using: &random)
          bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 2:  // a few lines swapped, the rest in place
          for _ in 0..<3 where lines.count > 1 {
            lines.swapAt(
              Int.random(in: 0..<lines.count, using: &random), Int.random(in: 0..<lines.count, using: &random))
          }
          bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 3:  // bytes flipped
          for _ in 0..<Int.random(in: 1...40, using: &random) where !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
          }
        case 4:  // table-ish bytes inserted
          for _ in 0..<20 {
            let piece = Array(
              ["|", "(", ")", "$", "-", "—", "\n", "<td>", "</tr>", "2009", "99999999999999999999999", ",", "%"]
                .randomElement(using: &random)!.utf8)
            bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &random))
          }
        case 5:  // lines dropped
          lines = lines.filter { _ in Int.random(in: 0..<4, using: &random) != 0 }
          bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        default:  // a slice from the middle, repeated
          let from = Int.random(in: 0...bytes.count, using: &random)
          let slice = Array(bytes[from..<min(bytes.count, from + 3000)])
          bytes = slice + slice + slice
        }
        var model = base
        do {
          try model.importRelease(bytes: bytes, documentName: "mutated-\(round)-\(name)")
          outcomes.imported += 1
          #expect(model.companies.count >= base.companies.count)
        } catch {
          outcomes.failed += 1
          #expect(!error.message.isEmpty)
          #expect(
            ModelSnapshot(model) == before,
            "a failed import of \(name) (round \(round)) changed the model: \(error.message)")
        }
      }
    }
    // Both outcomes must be reached, or the test proves little.
    #expect(outcomes.imported > 5 && outcomes.failed > 5, "\(outcomes)")
  }

  /// The same through `load` in a session: a failed load reports a diagnostic and the
  /// session's model and current company are as before; a loaded release is queryable.
  @Test func aFailedLoadLeavesTheSessionAsItWas() {
    let session = Session(model: reliabilityModel)
    var reads: [String] = []
    session.readFile = { path in
      reads.append(path)
      return .success(Array("| | 2009 |\n|---|---|\n| Revenues | $(1 |\n".utf8) + [0xFF, 0x00])
    }
    let before = ModelSnapshot(session.model)
    let company = session.currentCompanyID
    let result = session.run("load \"broken.md\"", origin: .commandLine)
    #expect(reads == ["broken.md"])
    if result.status != .success {
      #expect(result.diagnostics.map(\.id) == [.importFailed])
      #expect(ModelSnapshot(session.model) == before)
      #expect(session.currentCompanyID == company)
    }
    // Loading the same bundled document twice is refused and changes nothing.
    session.readFile = { _ in .success(Array(ReleaseImporter.bundledReleases[0].text.utf8)) }
    let again = session.run("load \"\(ReleaseImporter.bundledReleases[0].name)\"", origin: .commandLine)
    #expect(again.status == .input)
    #expect(ModelSnapshot(session.model) == before)
  }
}
