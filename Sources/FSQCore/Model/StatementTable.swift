// MARK: - Statements as printed

/// What a column of a statement holds.
public enum ColumnKind: String, Hashable, Sendable {
  /// Figures for a period (or at an instant).
  case period
  /// "Change", "$ Change", "Increase (Decrease)".
  case change
  /// "% Change".
  case percentChange = "percent change"
  /// "% of revenues", "% of sales".
  case percentOfTotal = "percent of total"
  case other
}

/// One column of an imported statement, with the header as printed.
public struct StatementColumn: Hashable, Sendable {
  public var header: String
  public var kind: ColumnKind
  public var period: ResolvedPeriod?
  public init(header: String, kind: ColumnKind, period: ResolvedPeriod?) {
    self.header = header
    self.kind = kind
    self.period = period
  }
}

/// What a row's figures measure, which decides the scale applied on import.
public enum RowKind: String, Hashable, Sendable {
  case money, perShare = "per share", shares, percent, count
}

/// One row of a statement as printed. `values` line up with the statement's columns.
public struct StatementRow: Hashable, Sendable {
  public var label: String
  public var item: String?
  public var section: String?
  public var kind: RowKind
  public var values: [Decimal?]
  /// One-based line in the document.
  public var line: Int
  /// A rule (`-----`, `<hr>`, a border) was printed above the row: it is a subtotal.
  public var ruleAbove: Bool
  /// A double rule (`=====`) below: a grand total.
  public var doubleRuleBelow: Bool
  /// Leading indentation as printed, when the format shows it.
  public var indent: Int

  public init(
    label: String, item: String?, section: String?, kind: RowKind, values: [Decimal?], line: Int,
    ruleAbove: Bool = false, doubleRuleBelow: Bool = false, indent: Int = 0
  ) {
    self.label = label
    self.item = item
    self.section = section
    self.kind = kind
    self.values = values
    self.line = line
    self.ruleAbove = ruleAbove
    self.doubleRuleBelow = doubleRuleBelow
    self.indent = indent
  }

  /// A heading row ("Current assets:") carries no figures.
  public var isHeading: Bool { values.allSatisfy { $0 == nil } }
}

/// A statement from a release: title, columns and rows in printed order. A statement split
/// over several tables in the document is joined into one.
public struct StatementTable: Hashable, Sendable {
  public var title: String
  public var kind: StatementKind
  public var document: String
  public var columns: [StatementColumn]
  public var rows: [StatementRow]
  /// The scale caption, if any ("in thousands, except per share data").
  public var scaleCaption: String?
  public var line: Int
  /// The importer could not place this table's figures with confidence (two columns headed
  /// alike printing different figures): its facts were withheld, and `check` leaves it alone
  /// rather than report its own misreading as the release's error.
  public var withheld = false

  public init(
    title: String, kind: StatementKind, document: String, columns: [StatementColumn],
    rows: [StatementRow], scaleCaption: String? = nil, line: Int
  ) {
    self.title = title
    self.kind = kind
    self.document = document
    self.columns = columns
    self.rows = rows
    self.scaleCaption = scaleCaption
    self.line = line
  }
}
