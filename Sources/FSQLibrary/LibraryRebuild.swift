import FSQCore
import Foundation
import GRDB

// MARK: - Rebuilding a library from the documents it holds

extension Library {
  /// Builds the library at `path` again from the releases it stores (every company re-imported
  /// with this fsq's importer, which also moves it to the current schema and model format).
  /// A file that cannot be read as a library is moved aside and an empty library takes its
  /// place. Run it when no other fsq is adding to the library.
  public static func rebuild(path: String) throws(LibraryError) -> String {
    guard exists(path) else {
      _ = try openForChanges(path: path)
      return "created an empty library at \(path)"
    }
    // What the old file still holds.
    var documents: [Row] = []
    var readError: (any Error)?
    do {
      var configuration = Configuration()
      configuration.readonly = true
      let old = try DatabaseQueue(path: path, configuration: configuration)
      documents = try old.read { db in
        try Row.fetchAll(db, sql: "SELECT name, path, checksum, version, superseded, bytes FROM document ORDER BY id")
      }
      try old.close()
    } catch {
      readError = error
    }
    if let readError {
      if let error = readError as? DatabaseError, error.message?.contains("no such table") == true {
        throw LibraryError(
          "'\(path)' is an SQLite database but not an fsq library; fsq leaves it alone (name the library with --library)",
          status: .usage)
      }
      guard mayReplace(path) else {
        throw LibraryError(
          "'\(path)' is neither an fsq library nor an SQLite file; fsq leaves it alone (name the library with --library)",
          status: .usage)
      }
      let aside = path + ".damaged-\(Int(Date().timeIntervalSince1970))"
      guard rename(path, aside) == 0 else {
        throw LibraryError("the library '\(path)' cannot be read (\(readError)) nor moved aside to '\(aside)'")
      }
      for suffix in ["-wal", "-shm"] { _ = rename(path + suffix, aside + suffix) }
      _ = try openForChanges(path: path)
      return
        "the library '\(path)' could not be read (\(damaged(path, readError).message.split(separator: ".").first ?? "")); "
        + "it was moved to '\(aside)' and an empty library created: add the releases again with 'fsq library add'"
    }
    let temporary = path + ".rebuild"
    for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
    let fresh = try openForChanges(path: temporary)
    var outcome = AddOutcome()
    do {
      try fresh.database.inDatabase { db in
        try db.inTransaction(.immediate) {
          for row in documents {
            let bytes = [UInt8](row["bytes"] as Data)
            let file = Incoming(
              path: row["path"], name: row["name"], bytes: bytes, checksum: row["checksum"], expanded: true)
            if (row["superseded"] as Int) != 0 {
              // An earlier version: kept for its history, with no facts.
              try db.execute(
                sql: """
                  INSERT INTO document (company_id, name, path, checksum, version, superseded, added, size, bytes)
                  VALUES ('', ?, ?, ?, ?, 1, datetime('now'), ?, ?)
                  """,
                arguments: [file.name, file.path, file.checksum, row["version"] as Int, bytes.count, Data(bytes)])
              continue
            }
            try fresh.add(file, db, &outcome)
          }
          return .commit
        }
      }
      try fresh.database.writeWithoutTransaction { db in _ = try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
      try fresh.database.close()
    } catch {
      for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
      throw fresh.failure(error)
    }
    for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
    guard rename(temporary, path) == 0 else {
      throw LibraryError("cannot replace '\(path)' with the rebuilt library '\(temporary)'")
    }
    unlink(temporary + "-wal")
    unlink(temporary + "-shm")
    var message = "rebuilt \(path): \(outcome.added.count) release\(outcome.added.count == 1 ? "" : "s")"
    let companies = Set(outcome.added.map(\.company)).count
    message += " of \(companies) compan\(companies == 1 ? "y" : "ies")"
    if !outcome.skipped.isEmpty {
      message += "; \(outcome.skipped.count) no longer import: " + outcome.skipped.prefix(5).joined(separator: "; ")
    }
    return message
  }
}
