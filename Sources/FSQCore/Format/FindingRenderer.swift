// MARK: - Rendering check findings

/// Findings for people (text, Markdown) and programs (one JSON object per finding, CSV rows).
struct FindingRenderer {
  var format: OutputFormat

  func render(_ findings: [Finding]) -> String {
    switch format {
    case .json:
      return findings.map { JSON.object(fields($0)) + "\n" }.joined()
    case .csv:
      var out = CSV.row(["severity", "rule", "company", "document", "message", "difference", "unit"])
      for finding in findings {
        out += CSV.row([
          finding.severity.rawValue, finding.rule, finding.company, finding.document, finding.message,
          finding.difference.map(ValueFormatter.jsonNumber) ?? "", finding.difference?.unit.symbol ?? "",
        ])
      }
      return out
    case .text, .markdown:
      if findings.isEmpty { return "check: no findings; the statements tie\n" }
      var out = ""
      for finding in findings.prefix(FindingLimit.printed) {
        out += "\(finding.severity.rawValue) [\(finding.rule)] \(finding.message)\n"
        for figure in finding.figures {
          out += "  \(figure.description): \(ValueFormatter.text(figure.value))"
          if let source = figure.source { out += "  (\(source.document) line \(source.line))" }
          out += "\n"
        }
        if let difference = finding.difference { out += "  difference: \(ValueFormatter.text(difference))\n" }
      }
      if findings.count > FindingLimit.printed { out += "… \(findings.count - FindingLimit.printed) more findings not shown\n" }
      let errors = findings.filter { $0.severity == .error }.count
      let warnings = findings.filter { $0.severity == .warning }.count
      let infos = findings.count - errors - warnings
      out += "check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) note\(infos == 1 ? "" : "s")\n"
      return out
    }
  }

  func fields(_ finding: Finding) -> [(String, String)] {
    let renderer = OutputRenderer(format: .json)
    let figures = finding.figures.map { figure -> String in
      var f = [("description", JSON.string(figure.description))]
      f += renderer.scalarFields(.quantity(figure.value))
      f.append(("source", JSON.source(figure.source)))
      return JSON.object(f)
    }
    return [
      ("type", JSON.string("finding")),
      ("severity", JSON.string(finding.severity.rawValue)),
      ("rule", JSON.string(finding.rule)),
      ("company", JSON.string(finding.company)),
      ("document", JSON.string(finding.document)),
      ("message", JSON.string(finding.message)),
      ("figures", JSON.array(figures)),
      ("difference", finding.difference.map { JSON.object(renderer.scalarFields(.quantity($0))) } ?? "null"),
    ]
  }
}
