import FSQCore
import Foundation
import GRDB

// MARK: - The library's tables and their migrations

enum LibrarySchema {
  /// The schema's migrations, in order: migration k takes a library from version k to k + 1
  /// (`PRAGMA user_version`). A later schema appends one; none is ever edited.
  static var migrations: [(name: String, run: (Database) throws -> Void)] {
    [
      (
        "v1: documents, facts, companies",
        { db in
          try db.execute(
            sql: """
              CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
              CREATE TABLE company (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                fiscal_year_end TEXT NOT NULL,
                model BLOB NOT NULL,
                updated TEXT NOT NULL
              );
              CREATE TABLE company_key (
                key TEXT NOT NULL,
                company_id TEXT NOT NULL,
                PRIMARY KEY (key, company_id)
              );
              CREATE INDEX company_key_company ON company_key(company_id);
              CREATE TABLE document (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                company_id TEXT NOT NULL,
                name TEXT NOT NULL,
                path TEXT NOT NULL,
                checksum TEXT NOT NULL,
                version INTEGER NOT NULL,
                superseded INTEGER NOT NULL DEFAULT 0,
                release_date TEXT,
                added TEXT NOT NULL,
                size INTEGER NOT NULL,
                bytes BLOB NOT NULL
              );
              CREATE UNIQUE INDEX document_checksum ON document(checksum);
              CREATE INDEX document_company ON document(company_id, superseded);
              CREATE INDEX document_path ON document(path);
              CREATE TABLE fact (
                document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                company_id TEXT NOT NULL,
                item TEXT NOT NULL,
                label TEXT NOT NULL,
                statement TEXT NOT NULL,
                section TEXT,
                period_start TEXT,
                period_end TEXT NOT NULL,
                value TEXT NOT NULL,
                unit TEXT NOT NULL,
                line INTEGER NOT NULL,
                column_header TEXT NOT NULL,
                caption TEXT,
                derived INTEGER NOT NULL
              );
              CREATE INDEX fact_lookup ON fact(company_id, item, period_end);
              CREATE INDEX fact_document ON fact(document_id);
              """)
          try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES ('codec', ?), ('created_by', ?)",
            arguments: [String(ModelCodec.formatVersion), "fsq \(FSQ.version)"])
        }
      ),
      (
        "v2: each company's figures item by item, for screens; facts by item",
        { db in
          // A screen reads a few items of every company: the figures of each (company, item)
          // (`ScreenFigures`), each company's profile and the names of its items, in tables of
          // their own (in `company`, after the model, SQLite would read each model's overflow
          // pages to reach them). Facts by item and period serve SQL written against the library.
          try db.execute(
            sql: """
              CREATE TABLE company_profile (
                company_id TEXT PRIMARY KEY,
                profile BLOB NOT NULL,
                items TEXT NOT NULL
              );
              CREATE TABLE company_item (
                item TEXT NOT NULL,
                company_id TEXT NOT NULL,
                figures BLOB NOT NULL,
                PRIMARY KEY (item, company_id)
              );
              CREATE INDEX company_item_company ON company_item(company_id);
              CREATE INDEX fact_item ON fact(item, period_end);
              """)
          // A library made before: each company's from its stored model.
          for id in try String.fetchAll(db, sql: "SELECT id FROM company ORDER BY id") {
            guard let data = try Data.fetchOne(db, sql: "SELECT model FROM company WHERE id = ?", arguments: [id]),
              let company = try? ModelCodec.decode([UInt8](data))
            else { continue }
            try Library.storeScreenFigures(db, company)
          }
        }
      ),
    ]
  }

  /// Brings the library to the current schema in one immediate transaction, so two processes
  /// opening a new library at once do not both create it. A library made by a newer fsq is
  /// refused rather than changed.
  static func migrate(_ database: DatabaseQueue, path: String) throws {
    try database.inDatabase { db in
      try db.inTransaction(.immediate) {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard version <= migrations.count else {
          throw LibraryError(
            "the library '\(path)' has schema version \(version), made by a newer fsq; this one reads up to \(migrations.count)"
          )
        }
        for migration in migrations[version...] { try migration.run(db) }
        if version < migrations.count { try db.execute(sql: "PRAGMA user_version = \(migrations.count)") }
        return .commit
      }
    }
  }
}
