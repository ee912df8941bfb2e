import Foundation
import Testing

@testable import FSQCore

/// Helpers shared by the importer tests.
enum ImportFixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  /// A seed from the shared folder next to the worktree, if it is there.
  static func seedBytes(_ name: String) -> [UInt8]? {
    let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../shared/seeds").standardized
    return (try? Data(contentsOf: seeds.appendingPathComponent(name))).map { [UInt8]($0) }
  }

  static func company(_ name: String) throws -> Company {
    try ReleaseImporter.importRelease(bytes: bytes(name), documentName: name)
  }
}

func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

func period(_ start: String?, _ end: String) -> ResolvedPeriod {
  ResolvedPeriod(start: start.map(date), end: date(end))
}

func dec(_ text: String) -> FSQCore.Decimal { FSQCore.Decimal(parsing: text)! }

extension Company {
  /// The facts for an item and period (several when the item is printed in several statements).
  func facts(_ item: String, _ period: ResolvedPeriod) -> [Fact] {
    facts.filter { $0.item == item && $0.period == period }
  }

  func value(_ item: String, _ period: ResolvedPeriod) -> FSQCore.Decimal? {
    facts(item, period).first?.value
  }
}
