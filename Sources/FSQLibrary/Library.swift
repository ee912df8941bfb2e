import Crypto
import FSQCore
import Foundation
import GRDB

// MARK: - The model library: releases imported once, kept in SQLite

/// Why the library could not do what was asked, with the exit status it means.
public struct LibraryError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var status: ExitStatus
  public init(_ message: String, status: ExitStatus = .input) {
    self.message = message
    self.status = status
  }
  public var description: String { message }
}

/// A persistent store of imported releases (`fsq library add`), read by queries in every later
/// shell. One SQLite file (WAL, a busy timeout, so two processes can add at once):
///
/// - `document`: every release added, its bytes, SHA-256, path, version and release date;
/// - `fact`: every fact with its provenance (document, line, label, column, caption), indexed
///   on (company, item, period end);
/// - `company` and `company_key`: each company's merged model (`ModelCodec`), found by id,
///   ticker or first name word, so a query reads only the company it names;
/// - `meta`: the codec's format version; `PRAGMA user_version` is the schema version, which
///   `LibrarySchema.migrate` brings up to date.
public final class Library {
  public let path: String
  let database: DatabaseQueue
  /// When opened for queries: the first two company ids (none: an empty library; one: the
  /// company a query without a name asks).
  public private(set) var firstCompanies: [String] = []

  /// The library a command uses: `--library PATH`, else `$FSQ_LIBRARY`, else
  /// `$XDG_DATA_HOME/fsq/library.sqlite`, else `~/.local/share/fsq/library.sqlite`.
  public static func location(option: String?) -> String {
    if let option, !option.isEmpty { return option }
    if let value = getenv("FSQ_LIBRARY").map({ String(cString: $0) }), !value.isEmpty { return value }
    if let value = getenv("XDG_DATA_HOME").map({ String(cString: $0) }), !value.isEmpty {
      return value + "/fsq/library.sqlite"
    }
    let home = getenv("HOME").map { String(cString: $0) } ?? "."
    return home + "/.local/share/fsq/library.sqlite"
  }

  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Opens the library for queries: nil when there is no library file (fsq then starts on the
  /// bundled model). Read-only; the schema is not migrated here.
  public static func openForQueries(path: String) throws(LibraryError) -> Library? {
    guard exists(path) else { return nil }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    configuration.label = "fsq-library"
    // Pages read in place rather than copied (a screen reads a few items of every company);
    // SQLite caps the size at what it was built for.
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 17179869184") }
    do {
      let library = Library(path: path, database: try DatabaseQueue(path: path, configuration: configuration))
      // One statement at start-up: whether it is a library, is empty, or holds one company.
      library.firstCompanies = try library.database.read { db in
        do {
          return try String.fetchAll(db, sql: "SELECT id FROM company ORDER BY id LIMIT 2")
        } catch let error as DatabaseError where error.message?.contains("no such table") == true {
          throw LibraryError("'\(path)' is not an fsq library (it has no company table)")
        }
      }
      return library
    } catch let error as LibraryError {
      throw error
    } catch {
      throw damaged(path, error)
    }
  }

  /// Opens (creating it and its folder if need be) the library for changes, migrating its schema.
  public static func openForChanges(path: String) throws(LibraryError) -> Library {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    configuration.label = "fsq-library"
    do {
      let database = try DatabaseQueue(path: path, configuration: configuration)
      try database.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        // Adding thousands of filers updates three indexes of `fact` at random places: a page
        // cache of 128 MiB (bounded, whatever is added) keeps their upper levels in memory.
        try db.execute(sql: "PRAGMA cache_size = -131072")
      }
      try LibrarySchema.migrate(database, path: path)
      return Library(path: path, database: database)
    } catch let error as LibraryError {
      throw error
    } catch {
      throw damaged(path, error)
    }
  }

  init(path: String, database: DatabaseQueue) {
    self.path = path
    self.database = database
  }

  /// Whether rebuilding may move the file aside: an SQLite file (by its header), or a file
  /// named as a library is (`.sqlite`, `.db`). Anything else named by mistake (`--library
  /// /etc/passwd`) is left alone.
  static func mayReplace(_ path: String) -> Bool {
    if path.hasSuffix(".sqlite") || path.hasSuffix(".db") { return true }
    guard let file = fopen(path, "rb") else { return false }
    defer { fclose(file) }
    var header = [UInt8](repeating: 0, count: 16)
    return fread(&header, 1, 16, file) == 16 && header == Array("SQLite format 3\0".utf8)
  }

  static func damaged(_ path: String, _ error: any Error) -> LibraryError {
    var reason = "\(error)"
    if let error = error as? DatabaseError {
      reason = error.message ?? error.description
    }
    guard mayReplace(path) else {
      return LibraryError(
        "'\(path)' is not an fsq library (\(reason)); check --library and $FSQ_LIBRARY, or use --no-library")
    }
    return LibraryError(
      "the library '\(path)' cannot be read: \(reason). Run 'fsq library rebuild' to rebuild it from the documents "
        + "it still holds (a file that is not a database is moved aside), or use --no-library")
  }

  func failure(_ error: any Error) -> LibraryError {
    if let error = error as? LibraryError { return error }
    return Self.damaged(path, error)
  }

  // MARK: Reading

  /// The company a query names, by id, ticker or the start of its name; nil if the library
  /// holds none by that name.
  public func company(named query: String) throws(LibraryError) -> Company? {
    let needle = query.lowercased()
    let blob: [UInt8]?
    do {
      blob = try database.read { db -> [UInt8]? in
        let sql = """
          SELECT model FROM company WHERE id = ?1
            OR id = (SELECT company_id FROM company_key WHERE key = 't' || ?1 LIMIT 1)
          ORDER BY id = ?1 DESC LIMIT 1
          """
        if let data = try Data.fetchOne(db, sql: sql, arguments: [needle]) { return [UInt8](data) }
        // A name prefix ("pericom"), as `Model.company(named:)` does.
        let byName = "SELECT model FROM company WHERE lower(name) LIKE ? ESCAPE '\\' ORDER BY id LIMIT 1"
        let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
          .replacingOccurrences(of: "_", with: "\\_")
        return try Data.fetchOne(db, sql: byName, arguments: [escaped + "%"]).map { [UInt8]($0) }
      }
    } catch {
      throw failure(error)
    }
    guard let blob else { return nil }
    do {
      return try ModelCodec.decode(blob)
    } catch {
      throw LibraryError(
        "the library '\(path)' holds a company model fsq cannot read (\(error.message)); run 'fsq library rebuild'")
    }
  }

  /// Company ids, sorted (the first `limit` of them).
  public func companyIDs(limit: Int = Int.max) throws(LibraryError) -> [String] {
    do {
      return try database.read { db in
        try String.fetchAll(
          db, sql: "SELECT id FROM company ORDER BY id LIMIT ?", arguments: [min(limit, Int(Int32.max))])
      }
    } catch {
      throw failure(error)
    }
  }

  /// One line per company for `fsq library list`.
  public struct Listing: Sendable {
    public var id: String
    public var name: String
    public var releases: Int
    public var facts: Int
    public var firstPeriod: String?
    public var lastPeriod: String?
    public var latestRelease: String?
  }

  public func list() throws(LibraryError) -> [Listing] {
    do {
      return try database.read { db in
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT c.id, c.name,
              (SELECT count(*) FROM document d WHERE d.company_id = c.id AND d.superseded = 0) AS releases,
              (SELECT count(*) FROM fact f WHERE f.company_id = c.id) AS facts,
              (SELECT min(coalesce(period_start, period_end)) FROM fact f WHERE f.company_id = c.id) AS first,
              (SELECT max(period_end) FROM fact f WHERE f.company_id = c.id) AS last,
              (SELECT max(release_date) FROM document d WHERE d.company_id = c.id AND d.superseded = 0) AS latest
            FROM company c ORDER BY c.id
            """)
        return rows.map {
          Listing(
            id: $0["id"], name: $0["name"], releases: $0["releases"], facts: $0["facts"], firstPeriod: $0["first"],
            lastPeriod: $0["last"], latestRelease: $0["latest"])
        }
      }
    } catch {
      throw failure(error)
    }
  }

  /// The documents of the library (current versions), for `fsq library list --documents`.
  public func documents() throws(LibraryError) -> [(company: String, name: String, version: Int, path: String)] {
    do {
      return try database.read { db in
        try Row.fetchAll(
          db, sql: "SELECT company_id, name, version, path FROM document WHERE superseded = 0 ORDER BY company_id, id"
        ).map { ($0["company_id"], $0["name"], $0["version"], $0["path"]) }
      }
    } catch {
      throw failure(error)
    }
  }

  static func checksum(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }
}
