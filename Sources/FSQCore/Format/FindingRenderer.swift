// MARK: - Rendering check findings

/// Findings for people (text, Markdown) and programs (one JSON object per finding, CSV rows).
/// Severity `note` is shown as `info`: a claim fsq could not verify.
struct FindingRenderer {
  var format: OutputFormat
  /// Text: list the info findings too (claims and totals fsq could not verify). Without it
  /// they are counted in one line; JSON and CSV always list every finding with its severity.
  var verbose = false

  static func severity(_ severity: Severity) -> String {
    severity == .note ? "info" : severity.rawValue
  }

  func render(_ findings: [Finding]) -> String {
    switch format {
    case .json:
      return findings.map { JSON.object(fields($0)) + "\n" }.joined()
    case .csv:
      var out = CSV.row(["severity", "rule", "company", "document", "message", "difference", "unit"])
      for finding in findings {
        out += CSV.row([
          Self.severity(finding.severity), finding.rule, finding.company, finding.document, finding.message,
          finding.difference.map(ValueFormatter.jsonNumber) ?? "", finding.difference?.unitSymbol ?? "",
        ])
      }
      return out
    case .text, .markdown:
      if findings.isEmpty { return "check: no findings; the statements tie\n" }
      var out = ""
      // Errors first, then warnings, then restatements (figures a later release printed
      // differently, always listed), then (verbose) what could not be verified.
      let restatements = findings.filter { $0.rule == RestatementRule.rule }
      let order: [Severity] = [.error, .warning]
      var shown = order.flatMap { severity in
        findings.filter { $0.severity == severity && $0.rule != RestatementRule.rule }
      }
      shown += restatements
      if verbose { shown += findings.filter { $0.severity == .note && $0.rule != RestatementRule.rule } }
      for finding in shown.prefix(FindingLimit.printed) {
        out += "\(Self.severity(finding.severity)) [\(finding.rule)] \(finding.message)\n"
        for figure in finding.figures {
          out += "  \(figure.description): \(ValueFormatter.text(figure.value))\n"
          if let source = figure.source { out += "      at \(Self.place(source))\n" }
        }
        if let difference = finding.difference { out += "  difference: \(ValueFormatter.text(difference))\n" }
      }
      if shown.count > FindingLimit.printed {
        out += "… \(shown.count - FindingLimit.printed) more findings not shown\n"
      }
      let errors = findings.filter { $0.severity == .error }.count
      let warnings = findings.filter { $0.severity == .warning }.count
      let infos = findings.count - errors - warnings - restatements.count
      let restated =
        restatements.isEmpty ? "" : ", \(restatements.count) restatement\(restatements.count == 1 ? "" : "s")"
      out +=
        "check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(restated), \(infos) info"
      if infos > 0 && !verbose { out += " (claims and totals fsq could not verify; --verbose lists them)" }
      return out + "\n"
    }
  }

  /// Where a figure was printed, for people: document and line, then statement and column,
  /// or the sentence for a figure stated in the text.
  static func place(_ source: SourceReference) -> String {
    if source.sentence != nil { return "\(source.document) line \(source.line), in the text" }
    return "\(source.document) line \(source.line), \(source.statement), column \"\(source.column)\""
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
      ("severity", JSON.string(Self.severity(finding.severity))),
      ("rule", JSON.string(finding.rule)),
      ("company", JSON.string(finding.company)),
      ("document", JSON.string(finding.document)),
      ("message", JSON.string(finding.message)),
      ("figures", JSON.array(figures)),
      ("difference", finding.difference.map { JSON.object(renderer.scalarFields(.quantity($0))) } ?? "null"),
      ("lines", JSON.array(Array(Set(finding.lines)).sorted().map(String.init))),
    ]
  }
}
