import FSQCore
import Foundation
import GRDB

// MARK: - Adding, removing and rebuilding

extension Library {
  /// What one `fsq library add` did.
  public struct AddOutcome: Sendable {
    /// Document name and the company it joined.
    public var added: [(document: String, company: String)] = []
    /// A changed document added again: its new version replaces the old one's facts.
    public var replaced: [String] = []
    /// Documents already in the library with the same bytes: nothing to do.
    public var unchanged: [String] = []
    /// Files found in a directory or by a pattern that are not releases, with why.
    public var skipped: [String] = []
  }

  struct Incoming {
    var path: String
    var name: String
    var bytes: [UInt8]
    var checksum: String
    var expanded: Bool
  }

  /// Documents of an archive committed together: the SEC's bulk archive holds some 18,000
  /// filers, and one transaction over all of them would grow the write-ahead log to the size
  /// of the whole library before the first byte reached it.
  public static let archiveBatch = 1_000

  /// Imports releases (files, directories, glob patterns, ZIP archives such as the SEC's bulk
  /// company-facts archive) into the library in one transaction: a named file that cannot be
  /// read or imported leaves the library as it was. Files are read, imported and stored one at
  /// a time, so memory holds one document and one company's model, however many are added.
  /// An archive commits every `archiveBatch` documents: interrupted, the library keeps the
  /// batches done, and adding the archive again adds the rest (documents already in the library
  /// are recognised by their checksum). `progress` is called after each document with the
  /// number done so far.
  public func add(
    paths: [String], progress: ((Int) -> Void)? = nil, archiveBatch: Int = Library.archiveBatch
  ) throws(LibraryError) -> AddOutcome {
    var outcome = AddOutcome()
    var sources: [(file: String, expanded: Bool)] = []
    for path in paths {
      switch FileSystem.releaseFiles(path) {
      case .failure(let error): throw LibraryError("cannot read '\(path)': \(error.reason)")
      case .success(let result): sources += result.files.map { ($0, result.expanded) }
      }
    }
    var done = 0
    do {
      try database.inDatabase { db in
        try db.beginTransaction(.immediate)
        do {
          for source in sources {
            let absolute =
              source.file.hasPrefix("/") ? source.file : FileManager.default.currentDirectoryPath + "/" + source.file
            let path = (absolute as NSString).standardizingPath
            if LibraryArchive.isArchive(path) {
              var inBatch = 0
              try LibraryArchive.forEachEntry(path) { name, bytes in
                try self.add(
                  Incoming(
                    path: path + "/" + name, name: (name as NSString).lastPathComponent, bytes: bytes,
                    checksum: Library.checksum(bytes), expanded: true), db, &outcome)
                done += 1
                progress?(done)
                inBatch += 1
                if inBatch == archiveBatch {
                  try db.commit()
                  try db.beginTransaction(.immediate)
                  inBatch = 0
                }
              }
              continue
            }
            let name = (source.file as NSString).lastPathComponent
            switch FileSystem.read(source.file) {
            case .failure(let error):
              if source.expanded {
                outcome.skipped.append("\(name): \(error.reason)")
                continue
              }
              throw LibraryError("cannot read '\(source.file)': \(error.reason)")
            case .success(let bytes):
              try self.add(
                Incoming(
                  path: path, name: name, bytes: bytes, checksum: Library.checksum(bytes), expanded: source.expanded),
                db, &outcome)
            }
            done += 1
            progress?(done)
          }
          try db.commit()
        } catch {
          try? db.rollback()
          throw error
        }
      }
    } catch {
      throw failure(error)
    }
    return outcome
  }

  func add(_ file: Incoming, _ db: Database, _ outcome: inout AddOutcome) throws {
    if try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE checksum = ?", arguments: [file.checksum]) != nil {
      outcome.unchanged.append(file.name)
      return
    }
    var imported: Company
    do {
      imported = try ReleaseImporter.importRelease(bytes: file.bytes, documentName: file.name)
    } catch {
      if error.isInterrupted { throw LibraryError("interrupted while importing '\(file.path)'", status: .interrupted) }
      if file.expanded {
        outcome.skipped.append("\(file.name): \(error.message)")
        return
      }
      throw LibraryError("cannot import '\(file.path)': \(error.message)")
    }
    // The same path added before with other bytes: a new version of that document.
    if let previous = try Row.fetchOne(
      db, sql: "SELECT id, company_id, name, version FROM document WHERE path = ? AND superseded = 0",
      arguments: [file.path])
    {
      let previousID: Int64 = previous["id"]
      let company: String = previous["company_id"]
      let name: String = previous["name"]
      let version: Int = previous["version"]
      try db.execute(sql: "UPDATE document SET superseded = 1 WHERE id = ?", arguments: [previousID])
      try db.execute(sql: "DELETE FROM fact WHERE document_id = ?", arguments: [previousID])
      try insertDocument(db, file, name: name, company: company, version: version + 1, releaseDate: nil)
      try rebuildCompanies(db, [company])
      outcome.replaced.append(name)
      return
    }
    // The company it belongs to, if the library holds it.
    let keys = Array(imported.lookupKeys)
    let placeholders = keys.map { _ in "?" }.joined(separator: ",")
    // A company with another CIK is another company, whatever its name.
    let cikKey = imported.cik.map { "c" + $0 } ?? ""
    let owner = try String.fetchOne(
      db,
      sql: """
        SELECT company_id FROM company_key WHERE key IN (\(placeholders)) AND (? = '' OR NOT EXISTS (
          SELECT 1 FROM company_key other WHERE other.company_id = company_key.company_id
            AND other.key GLOB 'c*' AND other.key <> ?))
        ORDER BY company_id LIMIT 1
        """,
      arguments: StatementArguments(keys) + [cikKey, cikKey])

    if owner == nil {
      // A new company whose id another company has (two filers named "First ..."): another id.
      imported.id = try imported.uniqueID {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM company WHERE id = ?", arguments: [$0]) != nil
      }
    }
    var model = Model()
    var name = file.name
    // The model's documents this file makes: the file itself, or for a structured filing (SEC
    // company facts) one per filing it holds ("file.json 10-K 0000320193-23-000106").
    var documents = imported.documents
    if let owner, let data = try Data.fetchOne(db, sql: "SELECT model FROM company WHERE id = ?", arguments: [owner]) {
      model = Model(companies: [try ModelCodec.decode([UInt8](data))])
      // Two documents of one company with one file name (2009/q3.htm, 2010/q3.htm): numbered.
      var number = 2
      while !Set(model.companies[0].documents).isDisjoint(with: documents) {
        name = "\(file.name)~\(number)"
        number += 1
        let renamed = try ReleaseImporter.importRelease(bytes: file.bytes, documentName: name)
        documents = renamed.documents
        if Set(model.companies[0].documents).isDisjoint(with: documents) {
          try model.add(importedCompany: renamed)
          break
        }
      }
      if name == file.name { try model.add(importedCompany: imported) }
    } else {
      try model.add(importedCompany: imported)
    }
    guard let company = model.companies.first(where: { $0.documents.contains(documents[0]) }) else {
      throw LibraryError("'\(file.path)' imported, but its company could not be found after merging")
    }
    let dates = company.releaseDates()
    let releaseDate = documents.compactMap { dates[$0] }.max()?.description
    let documentID = try insertDocument(
      db, file, name: name, company: company.id, version: 1, releaseDate: releaseDate)
    if let owner, owner != company.id {
      // The merge renamed the company (a newer ticker): its rows follow.
      for table in ["document", "fact"] {
        try db.execute(
          sql: "UPDATE \(table) SET company_id = ? WHERE company_id = ?", arguments: [company.id, owner])
      }
      try db.execute(sql: "DELETE FROM company WHERE id = ?", arguments: [owner])
      try db.execute(sql: "DELETE FROM company_key WHERE company_id = ?", arguments: [owner])
      try db.execute(sql: "DELETE FROM company_item WHERE company_id = ?", arguments: [owner])
      try db.execute(sql: "DELETE FROM company_profile WHERE company_id = ?", arguments: [owner])
    }
    try store(db, company)
    try insertFacts(db, company, documents: Set(documents), documentID: documentID)
    outcome.added.append((name, company.id))
  }

  @discardableResult
  func insertDocument(
    _ db: Database, _ file: Incoming, name: String, company: String, version: Int, releaseDate: String?
  ) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO document (company_id, name, path, checksum, version, release_date, added, size, bytes)
        VALUES (?, ?, ?, ?, ?, ?, datetime('now'), ?, ?)
        """,
      arguments: [company, name, file.path, file.checksum, version, releaseDate, file.bytes.count, Data(file.bytes)])
    return db.lastInsertedRowID
  }

  /// Writes a company's merged model and the keys it is found by.
  func store(_ db: Database, _ company: Company) throws {
    try db.execute(
      sql: """
        INSERT INTO company (id, name, fiscal_year_end, model, updated) VALUES (?, ?, ?, ?, datetime('now'))
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, fiscal_year_end = excluded.fiscal_year_end,
          model = excluded.model, updated = excluded.updated
        """,
      arguments: [company.id, company.name, company.fiscalYearEnd.description, Data(ModelCodec.encode(company))])
    try db.execute(sql: "DELETE FROM company_key WHERE company_id = ?", arguments: [company.id])
    for key in company.matchKeys.sorted() {
      try db.execute(
        sql: "INSERT OR IGNORE INTO company_key (key, company_id) VALUES (?, ?)", arguments: [key, company.id])
    }
    try Library.storeScreenFigures(db, company)
  }

  /// What screens read of a company: its profile, its items' names and each item's figures.
  static func storeScreenFigures(_ db: Database, _ company: Company) throws {
    let items = ScreenFigures.encodeItems(of: company)
    try db.execute(
      sql: "INSERT OR REPLACE INTO company_profile (company_id, profile, items) VALUES (?, ?, ?)",
      arguments: [
        company.id, Data(ScreenFigures.profile(of: company)), items.map(\.item).joined(separator: "\n"),
      ])
    try db.execute(sql: "DELETE FROM company_item WHERE company_id = ?", arguments: [company.id])
    let insert = try db.cachedStatement(sql: "INSERT INTO company_item (item, company_id, figures) VALUES (?, ?, ?)")
    for (item, bytes) in items {
      try insert.execute(arguments: [item, company.id, Data(bytes)])
    }
  }

  /// Every fact a document gave the company, with its provenance.
  func insertFacts(_ db: Database, _ company: Company, documents: Set<String>, documentID: Int64) throws {
    var captions: [String: String] = [:]
    for table in company.statements where documents.contains(table.document) {
      if let caption = table.scaleCaption { captions[table.title] = caption }
    }
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO fact (document_id, company_id, item, label, statement, section, period_start, period_end,
          value, unit, line, column_header, caption, derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for fact in company.facts where documents.contains(fact.source.document) {
      try statement.execute(arguments: [
        documentID, company.id, fact.item, fact.label, fact.statement.rawValue, fact.section,
        fact.period.start?.description, fact.period.end.description, fact.value.description,
        fact.unit.description, fact.source.line, fact.source.column, captions[fact.source.statement],
        fact.isDerived,
      ])
    }
  }

  /// Imports a company's current documents again, from their stored bytes, and stores what
  /// they make (one company, or more if they no longer match).
  func rebuildCompanies(_ db: Database, _ ids: [String]) throws {
    var rows: [Row] = []
    for id in ids {
      rows += try Row.fetchAll(
        db, sql: "SELECT id, name, bytes FROM document WHERE company_id = ? AND superseded = 0 ORDER BY id",
        arguments: [id])
      try db.execute(sql: "DELETE FROM company WHERE id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM company_key WHERE company_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM fact WHERE company_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM company_item WHERE company_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM company_profile WHERE company_id = ?", arguments: [id])
    }
    var model = Model()
    // Each model document's file (a structured filing makes one document per filing it holds).
    var fileOf: [String: Int64] = [:]
    for row in rows {
      let name: String = row["name"]
      let bytes: Data = row["bytes"]
      do {
        let imported = try ReleaseImporter.importRelease(bytes: [UInt8](bytes), documentName: name)
        for document in imported.documents { fileOf[document] = row["id"] }
        try model.add(importedCompany: imported)
      } catch {
        throw LibraryError("'\(name)' no longer imports: \(error.message)")
      }
    }
    for company in model.companies {
      try store(db, company)
      var documentsOfFile: [Int64: Set<String>] = [:]
      for document in company.documents {
        guard let file = fileOf[document] else { continue }
        documentsOfFile[file, default: []].insert(document)
      }
      let dates = company.releaseDates()
      for (file, documents) in documentsOfFile.sorted(by: { $0.key < $1.key }) {
        let date = documents.compactMap { dates[$0] }.max()
        try db.execute(
          sql: "UPDATE document SET company_id = ?, release_date = ? WHERE id = ?",
          arguments: [company.id, date?.description, file])
        try insertFacts(db, company, documents: documents, documentID: file)
      }
    }
  }

  /// Removes a company (by id, ticker or name) with all its documents, or one document (by
  /// name), after which the company is rebuilt from the documents it has left. Returns what
  /// was removed.
  public func remove(_ name: String) throws(LibraryError) -> String {
    do {
      return try database.inDatabase { db in
        var message = ""
        try db.inTransaction(.immediate) {
          let documents = try Row.fetchAll(
            db, sql: "SELECT id, company_id FROM document WHERE name = ? AND superseded = 0", arguments: [name])
          if documents.count > 1 {
            throw LibraryError("'\(name)' names \(documents.count) documents; remove their companies instead")
          }
          if let document = documents.first {
            let company: String = document["company_id"]
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [document["id"] as Int64])
            let left =
              try Int.fetchOne(
                db, sql: "SELECT count(*) FROM document WHERE company_id = ? AND superseded = 0", arguments: [company])
              ?? 0
            if left == 0 {
              try self.deleteCompany(db, company)
              message = "removed \(name) and \(company), which had no other release"
            } else {
              try self.rebuildCompanies(db, [company])
              message = "removed \(name) from \(company) (\(left) release\(left == 1 ? "" : "s") left)"
            }
            return .commit
          }
          let needle = name.lowercased()
          guard
            let company = try String.fetchOne(
              db,
              sql: """
                SELECT id FROM company WHERE id = ?1 OR id = (SELECT company_id FROM company_key WHERE key = 't' || ?1)
                  OR lower(name) = ?1 LIMIT 1
                """, arguments: [needle])
          else {
            throw LibraryError("the library holds no company or document named '\(name)'", status: .usage)
          }
          let count =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE company_id = ?", arguments: [company]) ?? 0
          try self.deleteCompany(db, company)
          message = "removed \(company) and its \(count) document\(count == 1 ? "" : "s")"
          return .commit
        }
        return message
      }
    } catch {
      throw failure(error)
    }
  }

  func deleteCompany(_ db: Database, _ id: String) throws {
    try db.execute(sql: "DELETE FROM fact WHERE company_id = ?", arguments: [id])
    try db.execute(sql: "DELETE FROM document WHERE company_id = ?", arguments: [id])
    try db.execute(sql: "DELETE FROM company_key WHERE company_id = ?", arguments: [id])
    try db.execute(sql: "DELETE FROM company_item WHERE company_id = ?", arguments: [id])
    try db.execute(sql: "DELETE FROM company_profile WHERE company_id = ?", arguments: [id])
    try db.execute(sql: "DELETE FROM company WHERE id = ?", arguments: [id])
  }
}
