import FSQCore
import FSQTestSupport
import Foundation
import GRDB
import Testing

@testable import FSQLibrary

/// The model library (issue 15): adding real releases, reading a company back, versions,
/// transactions, removal, rebuilding, damage and two writers at once. Expected figures are
/// read by hand off the real Pericom releases (file:line beside each).
@Suite struct LibraryTests {
  static let documents = Corpus.root.appendingPathComponent("documents").path

  /// A fresh folder for one test's library and files, removed afterwards.
  final class Folder {
    let temporary: TemporaryFolder
    init() throws { temporary = try TemporaryFolder("fsq-library") }
    var url: URL { temporary.url }
    var library: String { temporary.file("library.sqlite") }
    func copy(_ name: String) throws -> String {
      let target = temporary.file(name)
      try FileManager.default.copyItem(atPath: "\(LibraryTests.documents)/\(name)", toPath: target)
      return target
    }
  }

  /// A session that reads companies from the library, as `fsq` does.
  static func session(_ library: Library) -> Session {
    let session = Session(model: Model())
    session.companyLookup = { name in
      do throws(LibraryError) {
        return .success(try library.company(named: name))
      } catch {
        return .failure(FileError(reason: error.message))
      }
    }
    return session
  }

  static func value(_ session: Session, _ expression: String) -> String {
    TestSupport.run(expression, session: session).0.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func count(_ library: Library, _ sql: String) throws -> Int {
    try library.database.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
  }

  @Test func releasesAddedOnceAnswerInALaterSession() throws {
    let folder = try Folder()
    let outcome = try Library.openForChanges(path: folder.library).add(paths: ["\(Self.documents)/pericom_*.txt"])
    #expect(outcome.added.count == 5)
    #expect(Set(outcome.added.map(\.company)) == ["psem"])
    // A new process: only the file.
    let library = try #require(try Library.openForQueries(path: folder.library))
    #expect(try library.companyIDs() == ["psem"])
    let session = Self.session(library)
    // Net revenues FY2005 79,557 (pericom_q4_fy2005_submission.txt:346); Q1 FY2006 22,473
    // (pericom_q1_fy2006_submission.txt:365); restated Q3 FY2005 gross profit 7,451
    // (pericom_q4_fy2005_submission.txt:350, first printed 7,171 at pericom_q3_fy2005.txt:186).
    #expect(Self.value(session, "psem.revenue(fy2005)") == "$79,557,000")
    #expect(Self.value(session, "revenue(q1 2006)") == "$22,473,000")
    #expect(Self.value(session, "gross_profit(q3 2005)") == "$7,451,000")
    #expect(Self.value(session, "explain gross_profit(q3 2005)").contains("restated: pericom_q3_fy2005.txt:186"))
    // By ticker and by name, as `use` finds companies.
    #expect(try library.company(named: "PSEM")?.id == "psem")
    #expect(try library.company(named: "Pericom")?.id == "psem")
    #expect(try library.company(named: "nosuch") == nil)
  }

  @Test func everyFactIsKeptWithItsProvenance() throws {
    let folder = try Folder()
    let library = try Library.openForChanges(path: folder.library)
    _ = try library.add(paths: ["\(Self.documents)/pericom_q4_fy2005_submission.txt"])
    let row = try #require(
      try library.database.read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT f.value, f.unit, f.line, f.label, f.column_header, f.caption, d.name, d.checksum, d.release_date
            FROM fact f JOIN document d ON d.id = f.document_id
            WHERE f.company_id = 'psem' AND f.item = 'revenue' AND f.period_start = '2004-07-01'
              AND f.period_end = '2005-06-30' ORDER BY f.line LIMIT 1
            """)
      })
    #expect(row["value"] as String == "79557000")
    #expect(row["line"] as Int == 346)
    #expect(row["label"] as String == "Net revenues")
    #expect((row["column_header"] as String).contains("Jun 30"))
    #expect((row["caption"] as String?)?.lowercased().contains("thousands") == true, "\(row)")
    #expect(row["name"] as String == "pericom_q4_fy2005_submission.txt")
    #expect((row["checksum"] as String).count == 64)
    // The index a query by company, item and period uses.
    let usesIndex = try library.database.read { db in
      try Row.fetchAll(
        db,
        sql:
          "EXPLAIN QUERY PLAN SELECT value FROM fact WHERE company_id = 'psem' AND item = 'revenue' AND period_end = '2005-06-30'"
      ).contains { ($0["detail"] as String).contains("fact_lookup") }
    }
    #expect(usesIndex)
  }

  @Test func anUnchangedDocumentIsLeftAndAChangedOneIsANewVersion() throws {
    let folder = try Folder()
    let file = try folder.copy("pericom_q3_fy2005.txt")
    let library = try Library.openForChanges(path: folder.library)
    _ = try library.add(paths: [file])
    let facts = try Self.count(library, "SELECT count(*) FROM fact")
    let again = try library.add(paths: [file])
    #expect(again.added.isEmpty && again.unchanged == ["pericom_q3_fy2005.txt"])
    #expect(try Self.count(library, "SELECT count(*) FROM fact") == facts)
    // Net revenues of Q3 FY2005 printed as 19,433 (pericom_q3_fy2005.txt:182); change it.
    var text = try String(contentsOfFile: file, encoding: .isoLatin1)
    let line = "Net revenues                               $   19,433    $   19,217"
    #expect(text.components(separatedBy: line).count == 3)
    text = text.replacingOccurrences(
      of: line, with: "Net revenues                               $   19,533    $   19,217")
    try text.write(toFile: file, atomically: true, encoding: .isoLatin1)
    let changed = try library.add(paths: [file])
    #expect(changed.replaced == ["pericom_q3_fy2005.txt"], "\(changed)")
    #expect(try Self.count(library, "SELECT count(*) FROM document") == 2)
    #expect(try Self.count(library, "SELECT count(*) FROM document WHERE superseded = 0 AND version = 2") == 1)
    #expect(Self.value(Self.session(library), "psem.revenue(q3 2005)") == "$19,533,000")
  }

  @Test func aFailedAddLeavesTheLibraryAsItWas() throws {
    let folder = try Folder()
    let releases = folder.url.appendingPathComponent("releases")
    try FileManager.default.createDirectory(at: releases, withIntermediateDirectories: true)
    let notARelease = releases.appendingPathComponent("notes.txt").path
    try "nothing to see\n".write(toFile: notARelease, atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      atPath: "\(Self.documents)/pericom_q2_fy2007.txt", toPath: releases.appendingPathComponent("q2.txt").path)
    let library = try Library.openForChanges(path: folder.library)
    _ = try library.add(paths: ["\(Self.documents)/pericom_q4_fy2003.txt"])
    let documents = try Self.count(library, "SELECT count(*) FROM document")
    let facts = try Self.count(library, "SELECT count(*) FROM fact")
    #expect(throws: LibraryError.self) {
      try library.add(paths: ["\(Self.documents)/pericom_q3_fy2005.txt", notARelease])
    }
    #expect(try Self.count(library, "SELECT count(*) FROM document") == documents)
    #expect(try Self.count(library, "SELECT count(*) FROM fact") == facts)
    // Found in a folder, the same file is skipped and the releases go in.
    let outcome = try library.add(paths: [releases.path])
    #expect(outcome.skipped.count == 1 && outcome.skipped[0].hasPrefix("notes.txt"), "\(outcome)")
    #expect(outcome.added.map(\.document) == ["q2.txt"])
  }

  @Test func removingADocumentRebuildsItsCompany() throws {
    let folder = try Folder()
    let library = try Library.openForChanges(path: folder.library)
    _ = try library.add(paths: [
      "\(Self.documents)/pericom_q3_fy2005.txt", "\(Self.documents)/pericom_q4_fy2005_submission.txt",
    ])
    #expect(try library.remove("pericom_q4_fy2005_submission.txt").contains("1 release left"))
    // Without the restating release, the figure first printed answers again (7,171 at
    // pericom_q3_fy2005.txt:186).
    #expect(Self.value(Self.session(library), "psem.gross_profit(q3 2005)") == "$7,171,000")
    #expect(try library.remove("psem").contains("removed psem"))
    #expect(try library.companyIDs().isEmpty)
    #expect(try Self.count(library, "SELECT count(*) FROM fact") == 0)
    #expect(throws: LibraryError.self) { try library.remove("nosuch") }
  }

  @Test func aDamagedLibraryIsAClearErrorAndRebuildIsTheWayOut() throws {
    let folder = try Folder()
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: folder.library))
    do {
      _ = try Library.openForQueries(path: folder.library)
      Issue.record("a damaged library opened")
    } catch {
      #expect(error.message.contains("fsq library rebuild"), "\(error.message)")
    }
    let message = try Library.rebuild(path: folder.library)
    #expect(message.contains("moved to"), "\(message)")
    let reopened = try #require(try Library.openForQueries(path: folder.library))
    #expect(try reopened.companyIDs().isEmpty)
    let aside = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".damaged-") }
    #expect(aside.count == 1)
  }

  /// A structured filing joins the library like a release: one file, one company, every
  /// filing's facts with the filing as provenance (Apple's FY2023 revenue, 10-K
  /// 0000320193-23-000106; Tests/Corpus/xbrl/expected.tsv).
  @Test func companyFactsGoInAndComeBack() throws {
    let folder = try Folder()
    let library = try Library.openForChanges(path: folder.library)
    let file = Corpus.root.appendingPathComponent("xbrl/companyfacts_AAPL.json").path
    let outcome = try library.add(paths: [file])
    #expect(outcome.added.map(\.company) == ["apple"])
    let facts = try Self.count(
      library,
      "SELECT count(*) FROM fact WHERE company_id = 'apple' AND item = 'revenue' AND period_end = '2023-09-30' AND value = '383285000000'"
    )
    #expect(facts >= 1)
    #expect(Self.value(Self.session(library), "apple.revenue(fy2023)") == "$383,285,000,000")
    _ = try Library.rebuild(path: folder.library)
    let rebuilt = try #require(try Library.openForQueries(path: folder.library))
    #expect(try Self.count(rebuilt, "SELECT count(*) FROM fact WHERE company_id = 'apple'") > 20_000)
  }

  @Test func aLibraryFromANewerFsqIsRefusedNotChanged() throws {
    let folder = try Folder()
    let library = try Library.openForChanges(path: folder.library)
    #expect(try Self.count(library, "PRAGMA user_version") == LibrarySchema.migrations.count)
    try library.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 99") }
    do {
      _ = try Library.openForChanges(path: folder.library)
      Issue.record("a newer schema was opened for changes")
    } catch {
      #expect(error.message.contains("schema version 99, made by a newer fsq"), "\(error.message)")
    }
  }

  @Test func rebuildImportsEveryStoredReleaseAgain() throws {
    let folder = try Folder()
    let library = try Library.openForChanges(path: folder.library)
    _ = try library.add(paths: ["\(Self.documents)/pericom_*.txt", "\(Self.documents)/ultraclean*"])
    let facts = try Self.count(library, "SELECT count(*) FROM fact")
    let message = try Library.rebuild(path: folder.library)
    #expect(message.contains("6 releases of 2 companies"), "\(message)")
    let rebuilt = try #require(try Library.openForQueries(path: folder.library))
    #expect(try Self.count(rebuilt, "SELECT count(*) FROM fact") == facts)
    #expect(Self.value(Self.session(rebuilt), "psem.revenue(fy2005)") == "$79,557,000")
  }

  @Test func twoWritersAtOnceLeaveABoundLibrary() throws {
    let folder = try Folder()
    _ = try Library.openForChanges(path: folder.library)
    let path = folder.library
    let sets = [
      ["\(Self.documents)/pericom_q3_fy2005.txt", "\(Self.documents)/pericom_q4_fy2003.txt"],
      ["\(Self.documents)/pericom_q4_fy2005_submission.txt", "\(Self.documents)/ultraclean*"],
    ]
    nonisolated(unsafe) var failures: [String] = []
    let lock = NSLock()
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      do {
        // Each writer its own connection, as two processes have.
        _ = try Library.openForChanges(path: path).add(paths: sets[k])
      } catch {
        lock.lock()
        failures.append("\(error)")
        lock.unlock()
      }
    }
    #expect(failures.isEmpty, "\(failures)")
    let library = try #require(try Library.openForQueries(path: folder.library))
    #expect(try library.companyIDs() == ["psem", "uctt"])
    #expect(try Self.count(library, "SELECT count(*) FROM document") == 4)
    let check = try library.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    #expect(check == "ok")
    // Both writers' Pericom releases merged into one company, whichever committed first.
    #expect(try library.company(named: "psem")?.documents.count == 3)
  }
}
