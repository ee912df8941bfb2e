// MARK: - A consolidating statement's total column

/// A consolidating statement prints each segment in a column of its own and the company in a
/// "Consolidated" (or "Total") column: across every line, the segments (with eliminations and
/// corporate) add up to the consolidated figure. The columns are held to it only when most
/// lines bear it out, so a table whose columns are something else (a ratio, a change) is left
/// alone; a line that does not add up is an error, or a warning within the rounding of the
/// figures summed.
enum CrossFootRule {
  static let rule = "cross-foot"

  static func findings(_ company: Company) -> [Finding] {
    var findings: [Finding] = []
    for table in company.statements where table.kind != .reconciliation {
      guard let (total, parts) = layout(table) else { continue }
      // The consolidated column is read at the caption's scale; the segment columns, which
      // name no period, as printed.
      let scale = Decimal.power10(CheckSupport.scaleExponent(table.scaleCaption))
      var ties = 0
      var misses: [(row: Int, sum: Decimal)] = []
      for (r, row) in table.rows.enumerated() where row.kind == .money {
        guard let printed = row.values[total], parts.allSatisfy({ row.values[$0] != nil }) else { continue }
        let sum = parts.reduce(Decimal.zero) { $0.plus(row.values[$1]!) }.times(scale)
        guard !(sum.isZero && printed.isZero) else { continue }
        if sum == printed { ties += 1 } else { misses.append((r, sum)) }
      }
      // Borne out: three lines or more add up, and more than do not.
      guard ties >= 3, misses.count < ties else { continue }
      let unit = CheckSupport.printedUnit(table, kind: .money)
      for (r, sum) in misses {
        let cell = Cell(table: table, row: r, column: total)
        let tolerance = CheckSupport.roundingTolerance(count: parts.count, unit: unit)
        let names = parts.map { "\"\(table.columns[$0].header)\"" }.joined(separator: " + ")
        if let finding = CheckSupport.mismatch(
          rule: rule, company: company, printed: cell, computed: sum,
          computedDescription: "\(names) (line \(table.rows[r].line))",
          tolerance: tolerance,
          message:
            "\(cell.figure(company).description) (\(table.columns[total].header)) does not equal the sum of its columns, which add up on \(ties) other lines"
        ) {
          findings.append(finding)
        }
      }
    }
    return findings
  }

  /// The one column headed "Consolidated" or "Total" for a period, and the columns before it
  /// that name no period (the segments, eliminations, corporate).
  static func layout(_ table: StatementTable) -> (total: Int, parts: [Int])? {
    let dated = table.columns.indices.filter { table.columns[$0].period != nil }
    guard dated.count == 1, let total = dated.first else { return nil }
    let header = TextTools.lowercasedASCII(table.columns[total].header)
    guard header.has("consolidated") || header.has("total") else { return nil }
    let parts = table.columns.indices.filter { $0 < total && table.columns[$0].kind == .other }
    guard parts.count >= 2, parts.count == total else { return nil }
    return (total, parts)
  }
}
