// MARK: - check: where a release does not tie

/// General accounting rules run over a company's statements as printed. Nothing here knows
/// about any one company.
public enum Checker {
  public static func check(_ company: Company) -> [Finding] {
    var findings: [Finding] = []
    findings += balanceFindings(company)
    return findings
  }

  /// Total assets must equal total liabilities and equity at every balance date.
  static func balanceFindings(_ company: Company) -> [Finding] {
    var findings: [Finding] = []
    let assets = company.facts.filter { $0.item == "total_assets" }
    for asset in assets {
      guard let other = company.facts.first(where: { $0.item == "total_liabilities_and_equity" && $0.period == asset.period }) else { continue }
      guard let difference = try? asset.value.subtracting(other.value), !difference.isZero else { continue }
      findings.append(
        Finding(
          severity: .error, rule: "balance", company: company.id, document: asset.source.document,
          message: "total assets do not equal total liabilities and equity at \(asset.period.end)",
          figures: [
            .init(description: asset.label, value: Quantity(asset.value, asset.unit), source: asset.source),
            .init(description: other.label, value: Quantity(other.value, other.unit), source: other.source),
          ],
          difference: Quantity(difference, asset.unit)))
    }
    return findings
  }
}
