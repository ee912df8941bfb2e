import FSQTestSupport
import Foundation
import GRDB
import Testing
import ZIPFoundation

@testable import FSQCore
@testable import FSQLibrary

/// Screens over the library (issue 16) read each company's stored figures item by item, not its
/// whole model: the answers must be the whole model's. Bulk company facts come as one ZIP
/// archive, read an entry at a time; filers with different CIKs stay apart whatever their names.
@Suite struct LibraryScreenTests {
  static let xbrl = Corpus.root.appendingPathComponent("xbrl").path
  static let filings = ["companyfacts_AAPL.json", "companyfacts_NVDA.json", "SAM_10-K_2013FY.xml"].map {
    "\(xbrl)/\($0)"
  }

  /// The same screens, each over the library (stored figures) and over the same filings
  /// loaded into the session (whole models): screens that need one item, several, a metric,
  /// derived quarters, a year-on-year growth, a balance, and one that reads listings.
  static let screens = [
    "screen revenue(fy2023) > $1B order by revenue(fy2023) desc",
    "screen margin(fy2013) > 10% order by net_income(fy2013) desc",
    "screen eps(q3 2013) > 0 order by eps(q3 2013)",
    "screen ttm(revenue, q2 2014) > 0 order by ttm(revenue, q2 2014) desc",
    "screen growth(revenue, fy2014) > 0% order by growth(revenue, fy2014)",
    "screen total_assets(fy2013) > $1B and net_income(fy2013) > 0 order by total_assets(fy2013) desc limit 2",
    "screen revenue(q4 2013) > 0 order by revenue(q4 2013)",
    "screen company_name() != \"\" order by operating_income(fy2012)",
  ]

  @Test func screensOverStoredFiguresAnswerAsWholeModelsDo() throws {
    let folder = try TemporaryFolder("fsq-screen")
    let path = folder.file("library.sqlite")
    _ = try Library.openForChanges(path: path).add(paths: Self.filings)
    let library = try #require(try Library.openForQueries(path: path))
    let stored = LibraryTests.session(library)
    stored.libraryCompanies = { (try? library.companyIDs()) ?? [] }
    stored.screenSource = library
    let whole = Session(model: Model())
    for file in Self.filings {
      _ = TestSupport.run("load \"\(file)\"", session: whole)
    }
    #expect(whole.model.companies.count == 3)
    for screen in Self.screens {
      let fromLibrary = TestSupport.run(screen, session: stored)
      let fromModels = TestSupport.run(screen, session: whole)
      #expect(fromLibrary.err.isEmpty, "\(screen): \(fromLibrary.err)")
      #expect(fromLibrary.out == fromModels.out, "\(screen)")
    }
    // Read by hand: Apple's FY2023 revenue 383,285,000,000 and NVIDIA's fiscal 2023 (to
    // 2023-01-29) 26,974,000,000 (Tests/Corpus/xbrl/expected.tsv, from the companyfacts rows).
    let top = TestSupport.run(Self.screens[0], session: stored).out
    #expect(top.contains("$383,285,000,000"))
    #expect(top.contains("$26,974,000,000"))
    #expect(top.contains("screen: 2 of 3 companies pass; 1 left out for a missing figure"))
  }

  @Test func storedFiguresKeepTheFigureTheWholeModelPicks() throws {
    // Apple's FY2009 revenue was restated by a 10-K/A (36,537,000,000 -> 42,905,000,000,
    // expected.tsv): the stored figures keep the amendment's, as the whole model uses it.
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.filings[0])))
    let company = try ReleaseImporter.importRelease(bytes: bytes, documentName: "companyfacts_AAPL.json")
    let items = Dictionary(uniqueKeysWithValues: ScreenFigures.encodeItems(of: company).map { ($0.item, $0.bytes) })
    let revenue = try ScreenFigures.decode(try #require(items["revenue"]))
    let whole = ModelIndex(model: Model(companies: [company])).figures("revenue", company: 0)
    #expect(revenue.count < whole.count)
    let fy2009 = ResolvedPeriod(
      start: CivilDate(year: 2008, month: 9, day: 28), end: CivilDate(year: 2009, month: 9, day: 26)!)
    #expect(ModelIndex.best(revenue, for: fy2009)?.quantity.amount == Decimal(parsing: "42905000000"))
    #expect(ModelIndex.best(whole, for: fy2009)?.quantity.amount == Decimal(parsing: "42905000000"))
    #expect(throws: ModelCodecError.self) { try ScreenFigures.decode(Array(items["revenue"]!.dropLast(3))) }
  }

  @Test func aLibraryOfTheFirstSchemaGetsScreenFigures() throws {
    let folder = try TemporaryFolder("fsq-screen")
    let path = folder.file("library.sqlite")
    _ = try Library.openForChanges(path: path).add(paths: Self.filings)
    // Back to schema 1, as an earlier fsq left it.
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
      try db.execute(
        sql: """
          DROP TABLE company_item; DROP TABLE company_profile; DROP INDEX fact_item;
          PRAGMA user_version = 1;
          """)
    }
    try queue.close()
    let old = try #require(try Library.openForQueries(path: path))
    guard case .success(nil) = old.screenCompanies() else {
      Issue.record("a library of schema 1 has no screen figures: screens read whole models")
      return
    }
    _ = try Library.openForChanges(path: path)
    let library = try #require(try Library.openForQueries(path: path))
    guard case .success(let companies?) = library.screenCompanies() else {
      Issue.record("the migration wrote no screen figures")
      return
    }
    #expect(companies.map(\.id).sorted() == ["apple", "nvidia", "sam"])
    #expect(try LibraryTests.count(library, "SELECT count(DISTINCT company_id) FROM company_item") == 3)
  }

  @Test func theBulkArchiveIsReadAnEntryAtATimeAndFilersStayApart() throws {
    let folder = try TemporaryFolder("fsq-screen")
    let zip = folder.file("companyfacts.zip")
    let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .create)
    // Two filers whose names start alike (as First Solar and First Horizon do), and a third.
    let entries = [
      (
        "CIK0001274494.json",
        SyntheticFilings.companyFacts(cik: 1_274_494, name: "First Solar, Inc.", revenue: 2_619_319_000)
      ),
      (
        "CIK0000036966.json",
        SyntheticFilings.companyFacts(cik: 36966, name: "First Horizon Corp", revenue: 3_187_000_000)
      ),
      ("CIK0000320193.json", SyntheticFilings.companyFacts(cik: 320193, name: "Apple Inc.", revenue: 394_328_000_000)),
    ]
    for (name, bytes) in entries {
      let data = Data(bytes)
      try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
        position, size in data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    let path = folder.file("library.sqlite")
    var done: [Int] = []
    let outcome = try Library.openForChanges(path: path).add(paths: [zip]) { done.append($0) }
    #expect(outcome.added.count == 3)
    #expect(done == [1, 2, 3])
    #expect(Set(outcome.added.map(\.company)) == ["first", "first_36966", "apple"])
    let library = try #require(try Library.openForQueries(path: path))
    let paths = try library.documents().map(\.path)
    #expect(paths.allSatisfy { $0.hasPrefix(zip + "/CIK") })
    let session = LibraryTests.session(library)
    session.libraryCompanies = { (try? library.companyIDs()) ?? [] }
    session.screenSource = library
    let out = TestSupport.run("screen revenue(fy2022) > $1B order by revenue(fy2022) desc", session: session).out
    #expect(out.contains("first_36966"))
    #expect(out.contains("$3,187,000,000"))
    #expect(out.contains("$2,619,319,000"))
    #expect(out.contains("screen: 3 of 3 companies pass"))
    // Adding the same archive again changes nothing.
    let again = try Library.openForChanges(path: path).add(paths: [zip])
    #expect(again.unchanged.count == 3 && again.added.isEmpty)
    // Committed two filers at a time, the archive gives the same library.
    let batched = folder.file("batched.sqlite")
    let inBatches = try Library.openForChanges(path: batched).add(paths: [zip], archiveBatch: 2)
    #expect(inBatches.added.count == 3)
    let reopened = try #require(try Library.openForQueries(path: batched))
    #expect(try reopened.companyIDs() == ["apple", "first", "first_36966"])
    #expect(try LibraryTests.count(reopened, "SELECT count(*) FROM fact") == 3)
  }

  @Test func aTruncatedArchiveIsAnErrorAndAddsNothing() throws {
    let folder = try TemporaryFolder("fsq-screen")
    let zip = folder.file("companyfacts.zip")
    let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .create)
    for cik in [1, 2, 3] {
      let data = Data(SyntheticFilings.companyFacts(cik: cik, name: "Filer \(cik) Inc", revenue: 1_000 * cik))
      try archive.addEntry(
        with: "CIK\(cik).json", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
    let whole = try Data(contentsOf: URL(fileURLWithPath: zip))
    let cut = folder.file("cut.zip")
    try whole.prefix(whole.count * 2 / 3).write(to: URL(fileURLWithPath: cut))
    let path = folder.file("library.sqlite")
    #expect(throws: LibraryError.self) { try Library.openForChanges(path: path).add(paths: [cut]) }
    let library = try #require(try Library.openForQueries(path: path))
    #expect(try library.companyIDs().isEmpty)
  }

  @Test func damagedArchivesAreErrorsNeverCrashes() throws {
    let folder = try TemporaryFolder("fsq-screen")
    let zip = folder.file("companyfacts.zip")
    let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .create)
    for cik in [1, 2] {
      let data = Data(SyntheticFilings.companyFacts(cik: cik, name: "Filer \(cik) Inc", revenue: 1_000 * cik))
      try archive.addEntry(
        with: "CIK\(cik).json", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
    let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: zip)))
    var generator = SeededGenerator(seed: 16)
    // Bytes of the headers and the central directory set to 0xFF (the largest sizes and offsets
    // a field can hold) or to random values, one to four at a time.
    for round in 0..<300 {
      var bytes = whole
      for _ in 0..<(1 + round % 4) {
        let at = Int.random(in: 0..<bytes.count, using: &generator)
        bytes[at] = round % 2 == 0 ? 0xFF : UInt8.random(in: 0...255, using: &generator)
      }
      let damaged = folder.file("damaged-\(round).zip")
      try Data(bytes).write(to: URL(fileURLWithPath: damaged))
      // Either an error or some filers added; never a trap.
      _ = try? LibraryArchive.forEachEntry(damaged) { _, _ in }
      try? FileManager.default.removeItem(atPath: damaged)
    }
  }

  @Test func aFileNamedZipThatIsNotAnArchiveIsNotTakenForOne() throws {
    let folder = try TemporaryFolder("fsq-screen")
    let fake = folder.file("notes.zip")
    try Data("not a zip".utf8).write(to: URL(fileURLWithPath: fake))
    #expect(!LibraryArchive.isArchive(fake))
    #expect(throws: LibraryError.self) { try Library.openForChanges(path: folder.file("l.sqlite")).add(paths: [fake]) }
  }
}
