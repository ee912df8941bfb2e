// MARK: - Rendering diagnostics

/// Renders diagnostics as `file:line:col: error: message`, the source line, and a caret run
/// under the exact span; notes follow, each with their own caret when they have a span.
/// Colour is a decorator over the plain rendering, never a different layout.
///
///     <command line>:1:4: error: expected expression, found end of input
///     (1 +
///        ^
public struct DiagnosticRenderer: Sendable {
  public var color: Bool
  public init(color: Bool = false) { self.color = color }

  public func render(_ diagnostic: Diagnostic) -> String {
    var out = ""
    let severityText = paint(diagnostic.severity.rawValue + ":", severityColor(diagnostic.severity))
    if let source = diagnostic.source {
      let location = source.location(of: diagnostic.span.start)
      out += paint("\(source.name):\(location):", "1") + " \(severityText) "
      out += paint(printable(diagnostic.message, keepingNewlines: true), "1") + "\n"
      out += excerpt(source: source, span: diagnostic.span, caretColor: severityColor(diagnostic.severity))
    } else {
      out += "fsq: \(severityText) \(printable(diagnostic.message, keepingNewlines: true))\n"
    }
    for note in diagnostic.notes {
      if let span = note.span, let source = diagnostic.source {
        let location = source.location(of: span.start)
        out +=
          paint("\(source.name):\(location):", "1")
          + " \(paint("note:", "36")) \(printable(note.message, keepingNewlines: true))\n"
        out += excerpt(source: source, span: span, caretColor: "36")
      } else {
        out += "  \(paint("note:", "36")) \(printable(note.message, keepingNewlines: true))\n"
      }
    }
    return out
  }

  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined()
  }

  /// The source line and the caret run under the span (clipped to the first line of it).
  func excerpt(source: SourceFile, span: Span, caretColor: String) -> String {
    let location = source.location(of: span.start)
    let rawLine = source.lineText(location.line)
    // Very long lines are shown as a window around the culprit.
    let (line, column) = window(rawLine, column: location.column)
    let lineStart = source.lineStarts[location.line - 1]
    let lineEnd = lineStart + Array(rawLine.utf8).count
    let spanEndOnLine = min(span.end, lineEnd)
    var width = source.characterCount(from: span.start, to: spanEndOnLine)
    if width < 1 { width = 1 }
    width = min(width, max(1, line.count - column + 2))
    var padding = ""
    for (index, character) in line.enumerated() where index < column - 1 {
      padding.append(character == "\t" ? "\t" : " ")
    }
    return printable(line) + "\n" + padding + paint(String(repeating: "^", count: width), caretColor) + "\n"
  }

  func window(_ line: String, column: Int) -> (String, Int) {
    let limit = 160
    let characters = Array(line)
    guard characters.count > limit else { return (line, column) }
    let start = max(0, min(column - 1 - limit / 2, characters.count - limit))
    let end = min(characters.count, start + limit)
    var text = String(characters[start..<end])
    var newColumn = column - start
    if start > 0 {
      text = "…" + text
      newColumn += 1
    }
    if end < characters.count { text += "…" }
    return (text, newColumn)
  }

  /// Control characters and bidi overrides are shown escaped so the excerpt cannot reorder or
  /// corrupt the terminal. Messages go through here too: they quote source text (an unexpected
  /// character, a token), so they can carry the same characters.
  func printable(_ line: String, keepingNewlines: Bool = false) -> String {
    // A message quoting a huge token (a 10 MB name) keeps its start and end, not all of it.
    if keepingNewlines, line.utf8.count > 1_000 {
      return printable(String(line.prefix(300)), keepingNewlines: true) + "…"
        + printable(String(line.suffix(200)), keepingNewlines: true)
    }
    return TerminalText.escape(line, keepingNewlines: keepingNewlines)
  }

  func severityColor(_ severity: Severity) -> String {
    switch severity {
    case .error: "1;31"
    case .warning: "1;33"
    case .note: "1;36"
    }
  }

  func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
