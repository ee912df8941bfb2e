// MARK: - What the importer's cross-checks found

/// The importer ties scales together as it reads (EPS × shares against net income, the same
/// figure in two statements). A mismatch by a power of a thousand that it could not resolve
/// is an error here, naming the caption used; one it resolved is a note saying how.
enum ImportScaleRule {
  static let rule = "import-scale"

  static func findings(_ company: Company) -> [Finding] {
    company.importReports.flatMap { report in
      report.findings.map { finding in
        Finding(
          severity: finding.repaired ? .note : .error, rule: rule, company: company.id, document: report.document,
          message: finding.line.map { "line \($0): " + finding.message } ?? finding.message, figures: [],
          difference: nil)
      }
    }
  }
}
