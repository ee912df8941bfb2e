// MARK: - What an import read, and what it did not

/// An account of one document's import, so that a person can see what was read before
/// trusting it: the parts of a container that were read or skipped, every table (read as
/// which statement, or skipped and why), each column's period and the scale its figures were
/// multiplied by (and the caption that said so), every cell that was not read, and the
/// cross-checks that found a figure off by a power of a thousand.
public struct ImportReport: Hashable, Sendable {
  public struct Column: Hashable, Sendable {
    public var header: String
    public var kind: ColumnKind
    public var period: ResolvedPeriod?
  }

  /// A printed cell that holds no figure fsq could read ("($70) to ($61)", "see note").
  public struct UnreadCell: Hashable, Sendable {
    public var line: Int
    public var label: String
    public var text: String
  }

  public struct Table: Hashable, Sendable {
    public var line: Int
    public var title: String?
    /// The statement the table was read as; nil when it was skipped.
    public var statement: StatementKind?
    /// Why the table was not read (no column is a period, …).
    public var skipped: String?
    /// It continues the statement of an earlier table.
    public var continues: Bool = false
    public var columns: [Column] = []
    /// What dollar amounts and share counts were multiplied by, and the caption that said so
    /// (nil: none was printed, figures are as printed).
    public var moneyScale: Decimal = .one
    public var sharesScale: Decimal = .one
    public var caption: String?
    /// Why a caption printed elsewhere applies to this table, when none is printed over it.
    public var scaleNote: String?
    public var rows: Int = 0
    public var unread: [UnreadCell] = []
  }

  /// A cross-check that failed: the figures cannot all be right as read.
  public struct Finding: Hashable, Sendable {
    public var message: String
    public var line: Int?
    /// The importer read the figures the one way the arithmetic allows (a note, not an error).
    public var repaired: Bool = false
  }

  public var document: String
  public var format: String
  /// The parts of a container (an EDGAR submission) that were read or left out, and why.
  public var parts: [String] = []
  public var tables: [Table] = []
  public var findings: [Finding] = []
  /// Statements that were read but whose figures were withheld from the model (a scale the
  /// cross-checks proved wrong): their facts are not answered, rather than answered wrong.
  public var withheld: [String] = []

  public init(document: String, format: String) {
    self.document = document
    self.format = format
  }

  /// What a person should know before trusting the import, for the `loaded …` line:
  /// "; 2 cells not read, 1 statement withheld (see :report)", or nothing.
  public var summary: String {
    var parts: [String] = []
    let unread = tables.reduce(0) { $0 + $1.unread.count }
    if unread > 0 { parts.append("\(unread) cell\(unread == 1 ? "" : "s") not read") }
    if !withheld.isEmpty { parts.append("\(withheld.count) statement\(withheld.count == 1 ? "" : "s") withheld") }
    let errors = findings.filter { !$0.repaired }.count
    if errors > 0 && withheld.isEmpty { parts.append("\(errors) cross-check\(errors == 1 ? "" : "s") failed") }
    return parts.isEmpty ? "" : "; " + parts.joined(separator: ", ") + " (see :report or --import-report)"
  }

  /// The report as text, one table a paragraph.
  public func render() -> String {
    var out = "import report: \(document) (\(format))\n"
    for part in parts { out += "  \(part)\n" }
    let read = tables.filter { $0.statement != nil }.count
    out += "  \(tables.count) table\(tables.count == 1 ? "" : "s"): \(read) read, \(tables.count - read) skipped\n"
    for table in tables {
      let title = table.title.map { " \"\($0)\"" } ?? ""
      guard let statement = table.statement else {
        out += "\n  line \(table.line): table\(title) skipped: \(table.skipped ?? "not a statement")\n"
        continue
      }
      let joined = table.continues ? " (continues the one above)" : ""
      out += "\n  line \(table.line): \(statement.rawValue)\(title)\(joined), \(table.rows) rows\n"
      if let caption = table.caption {
        out +=
          "    scale: dollars × \(table.moneyScale.formatted(places: 0)), shares × \(table.sharesScale.formatted(places: 0)), from \"\(caption)\"\n"
        if let note = table.scaleNote { out += "      (\(note))\n" }
      } else {
        out += "    scale: figures as printed (no caption gives a scale)\n"
      }
      for (k, column) in table.columns.enumerated() {
        let what: String
        switch column.kind {
        case .period: what = column.period.map(ImportReport.describe) ?? "period"
        case .change: what = "change (not a period)"
        case .percentChange: what = "percent change (not a period)"
        case .percentOfTotal: what = "percent of total (not a period)"
        case .other: what = "not read: no period in the header"
        }
        let header = column.header.isEmpty ? "(no header)" : "\"\(column.header)\""
        out += "    column \(k + 1) \(header): \(what)\n"
      }
      for cell in table.unread {
        out += "    line \(cell.line): \"\(cell.label)\": cell \"\(cell.text)\" is not a figure; left out\n"
      }
    }
    if !withheld.isEmpty {
      out += "\n"
      for statement in withheld { out += "  withheld: \(statement)\n" }
    }
    if !findings.isEmpty {
      out += "\n"
      for finding in findings {
        let severity = finding.repaired ? "note" : "error"
        out += "  \(severity): \(finding.line.map { "line \($0): " } ?? "")\(finding.message)\n"
      }
    }
    return out
  }

  static func describe(_ period: ResolvedPeriod) -> String {
    guard let start = period.start else { return "at \(period.end)" }
    return "\(period.months) months \(start) to \(period.end)"
  }
}
