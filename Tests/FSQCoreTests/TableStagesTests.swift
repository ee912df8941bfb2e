import FSQTestSupport
import Foundation
import Testing

@testable import FSQCore

/// The stages a table goes through (`TableStages.swift`), each on its own, on a real table:
/// Pericom's Q4 FY2003 income statement (fixed-width EDGAR text, line 152), read by hand.
@Suite struct TableStagesTests {
  static func firstTable(_ name: String) throws -> LogicalTable {
    let url = Corpus.root.appendingPathComponent("documents").appendingPathComponent(name)
    let document = ReleaseDocument.read(bytes: Array(try Data(contentsOf: url)))
    return try #require(document.tables.first)
  }

  static func period(_ start: String, _ end: String) -> ResolvedPeriod {
    ResolvedPeriod(start: CivilDate(iso: start)!, end: CivilDate(iso: end)!)
  }

  /// The table's rows through a `RowReader` of a statement of its own.
  static func readRows(_ table: LogicalTable) throws -> RowReader {
    let header = HeaderModel(table, identity: TableIdentity(table))
    var reader = RowReader(
      columns: header.columns, columnMap: Array(header.columns.indices), statementWidth: header.columns.count,
      scale: header.scale, statementKind: .incomeStatement, statementTitle: "GAAP", documentName: "p.txt",
      truncatedLine: nil, used: [], section: nil)
    for row in table.rows { try reader.read(row) }
    return reader
  }

  @Test func identityNamesTheStatement() throws {
    let identity = TableIdentity(try Self.firstTable("pericom_q4_fy2003.txt"))
    #expect(identity.title == "Consolidated Statements of Operations - GAAP")
    #expect(identity.kind == .incomeStatement)
    #expect(!identity.continued)
    // The caption is context for the scale, not a title.
    #expect(identity.context.contains("(In thousands, except per share data)"))
  }

  @Test func headerModelReadsPeriodsAndScale() throws {
    let table = try Self.firstTable("pericom_q4_fy2003.txt")
    let header = HeaderModel(table, identity: TableIdentity(table))
    // "Three Months Ended / Jun 30, Mar 31, Jun 30, / 2003 2003 2002" and "Twelve Months Ended".
    #expect(
      header.columns.map(\.period) == [
        Self.period("2003-04-01", "2003-06-30"), Self.period("2003-01-01", "2003-03-31"),
        Self.period("2002-04-01", "2002-06-30"), Self.period("2002-07-01", "2003-06-30"),
        Self.period("2001-07-01", "2002-06-30"),
      ])
    #expect(header.periodCount == 5)
    #expect(header.scale.money == FSQCore.Decimal(1000))
    #expect(header.scale.shares == FSQCore.Decimal(1000))
  }

  @Test func rowReaderGivesItemsKindsAndBaseUnits() throws {
    let table = try Self.firstTable("pericom_q4_fy2003.txt")
    let reader = try Self.readRows(table)
    func row(_ label: String) throws -> StatementRow { try #require(reader.rows.first { $0.label == label }) }
    // "Net revenues $11,506" in thousands.
    #expect(try row("Net revenues").item == "revenue")
    #expect(try row("Net revenues").values[0] == FSQCore.Decimal(11_506_000))
    // "Operating expenses:" heads the rows under it; "---" is zero.
    #expect(try row("Operating expenses:").item == nil)
    #expect(try row("Research and development").section == "Operating expenses")
    #expect(try row("Restructuring charge").values[0] == FSQCore.Decimal.zero)
    // Per-share amounts are never scaled; share counts are.
    let eps = try row("Basic and diluted loss per share")
    #expect(eps.kind == .perShare)
    #expect(eps.values[0] == FSQCore.Decimal(parsing: "-0.01"))
    let shares = try row("Shares used in computing basic and diluted loss per share")
    #expect(shares.kind == .shares)
    #expect(shares.values[0] == FSQCore.Decimal(25_705_000))
    // One fact per period column, named by the statement it came from.
    let netLoss = reader.facts.filter { $0.label == "Net loss" }
    #expect(netLoss.count == 5)
    #expect(netLoss.allSatisfy { $0.item == "net_income" && $0.source.statement == "GAAP" })
    #expect(reader.unread.isEmpty)
  }

  @Test func rowReaderSaysWhichCellsItCouldNotRead() throws {
    // Mutation: one cell of the real table made an outlook range is left out and said, and the
    // rest of the row and table still read.
    var table = try Self.firstTable("pericom_q4_fy2003.txt")
    let k = try #require(table.rows.firstIndex { $0.label == "Cost of revenues" })
    table.rows[k].values[1] = "($70) to ($61)"
    let reader = try Self.readRows(table)
    #expect(reader.unread.map(\.text) == ["($70) to ($61)"])
    let cost = try #require(reader.rows.first { $0.label == "Cost of revenues" })
    #expect(cost.values[0] == FSQCore.Decimal(8_027_000))
    #expect(cost.values[1] == nil)
  }
}
