import FSQCore
import Foundation
import GRDB

// MARK: - What screens read: each company's figures item by item

extension Library: ScreenSource {
  /// Companies read per transaction: the figures of one batch are in memory at once.
  static let screenBatch = 2_000

  public func screenCompanies() -> Result<[ScreenCompany]?, FileError> {
    do {
      return .success(
        try database.read { db -> [ScreenCompany]? in
          // A library made by an fsq before screen figures (schema 1) is screened whole.
          guard try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 >= 2 else { return nil }
          var companies: [ScreenCompany] = []
          let rows = try Row.fetchCursor(
            db,
            sql: """
              SELECT c.id, p.profile, p.items FROM company c LEFT JOIN company_profile p ON p.company_id = c.id
              ORDER BY c.id
              """)
          while let row = try rows.next() {
            guard let profile = row["profile"] as Data?, let items = row["items"] as String? else { return nil }
            companies.append(ScreenCompany(id: row["id"], profile: [UInt8](profile), items: items))
          }
          return companies
        })
    } catch {
      return .failure(FileError(reason: failure(error).message))
    }
  }

  /// Every company in id order with its figures of `items`, read a batch of companies at a time
  /// (one range query per item), so memory holds one batch. `body` runs outside the library's
  /// transactions: it may read the library again (a company's whole model).
  public func screenFigures(items: [String], _ body: (String, [String: [UInt8]]) -> Bool) -> Result<Void, FileError> {
    do {
      let ids = try database.read { db in try String.fetchAll(db, sql: "SELECT id FROM company ORDER BY id") }
      var start = 0
      while start < ids.count {
        let batch = ids[start..<min(ids.count, start + Library.screenBatch)]
        start += batch.count
        let figures = try database.read { db -> [String: [String: [UInt8]]] in
          var figures: [String: [String: [UInt8]]] = [:]
          for item in items {
            let rows = try Row.fetchCursor(
              db,
              sql: """
                SELECT company_id, figures FROM company_item WHERE item = ? AND company_id >= ? AND company_id <= ?
                """, arguments: [item, batch.first!, batch.last!])
            while let row = try rows.next() {
              let data: Data = row["figures"]
              figures[row["company_id"], default: [:]][item] = [UInt8](data)
            }
          }
          return figures
        }
        for id in batch where !body(id, figures[id] ?? [:]) { return .success(()) }
      }
      return .success(())
    } catch {
      return .failure(FileError(reason: failure(error).message))
    }
  }

  public func screenFigures(company: String, items: [String]) -> Result<[String: [UInt8]], FileError> {
    do {
      return .success(
        try database.read { db in
          var figures: [String: [UInt8]] = [:]
          for item in items {
            if let data = try Data.fetchOne(
              db, sql: "SELECT figures FROM company_item WHERE item = ? AND company_id = ?", arguments: [item, company])
            {
              figures[item] = [UInt8](data)
            }
          }
          return figures
        })
    } catch {
      return .failure(FileError(reason: failure(error).message))
    }
  }
}
