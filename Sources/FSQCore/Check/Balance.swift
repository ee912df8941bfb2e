// MARK: - Assets against liabilities plus equity

/// Total assets must equal total liabilities and equity at every balance date: the printed
/// total when there is one, else total liabilities plus equity, else current plus long-term
/// liabilities plus equity.
enum BalanceRule {
  static let rule = "balance"

  static func findings(_ company: Company) -> [Finding] {
    var findings: [Finding] = []
    for assets in CheckSupport.cells(company, item: "total_assets") {
      guard let value = assets.value else { continue }
      let unit = assets.unit(company)
      let date = assets.table.columns[assets.column].header
      if let other = CheckSupport.cell(company, item: "total_liabilities_and_equity", like: assets),
        let total = other.value
      {
        let difference = value.minus(total)
        guard !difference.isZero else { continue }
        findings.append(
          Finding(
            severity: difference.magnitude <= CheckSupport.printedUnit(assets.table, kind: .money) ? .warning : .error,
            rule: rule, company: company.id, document: assets.table.document,
            message: "total assets do not equal total liabilities and equity at \(date)",
            figures: [assets.figure(company), other.figure(company)], difference: Quantity(difference, unit)))
        continue
      }
      let sides: [[String]] = [
        ["total_liabilities", "stockholders_equity"],
        ["total_current_liabilities", "total_long_term_liabilities", "stockholders_equity"],
      ]
      for items in sides {
        let parts = items.compactMap { CheckSupport.cell(company, item: $0, like: assets) }
        guard parts.count == items.count else { continue }
        var sum = Decimal.zero
        for part in parts { sum = sum.plus(part.value ?? .zero) }
        if let minority = CheckSupport.cell(company, item: "noncontrolling_interest", like: assets)?.value {
          sum = sum.plus(minority)
        }
        let difference = value.minus(sum)
        if difference.isZero { break }
        let tolerance = CheckSupport.roundingTolerance(
          count: parts.count, unit: CheckSupport.printedUnit(assets.table, kind: .money))
        findings.append(
          Finding(
            severity: difference.magnitude <= tolerance ? .warning : .error, rule: rule, company: company.id,
            document: assets.table.document,
            message: "total assets do not equal liabilities plus equity at \(date)",
            figures: [
              assets.figure(company),
              Finding.Figure(
                description: parts.map { "\"\($0.statementRow.label)\"" }.joined(separator: " + ") + " (lines "
                  + parts.map { String($0.statementRow.line) }.joined(separator: ", ") + ")",
                value: Quantity(sum, unit), source: nil),
            ],
            difference: Quantity(difference, unit)))
        break
      }
    }
    return findings
  }
}
