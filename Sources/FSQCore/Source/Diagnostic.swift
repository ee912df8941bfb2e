// MARK: - Diagnostics as values

/// How bad a diagnostic is.
public enum Severity: String, Sendable, Comparable {
  case note, warning, error
  var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, optionally pointing at its own span
/// (for example "to close '(' opened here").
public struct DiagnosticNote: Equatable, Sendable {
  public var message: String
  public var span: Span?
  public init(_ message: String, span: Span? = nil) {
    self.message = message
    self.span = span
  }
}

/// One problem found in one source: a stable ID from `DiagnosticID`, a message, the span of
/// the culprit and any notes. Diagnostics never print themselves; `DiagnosticRenderer` does.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
  public var id: DiagnosticID
  public var severity: Severity
  public var message: String
  public var span: Span
  public var notes: [DiagnosticNote]
  /// The source the span refers to; nil for problems with no place (a missing file).
  public var source: SourceFile?

  public init(
    _ id: DiagnosticID, _ message: String, at span: Span, in source: SourceFile?,
    severity: Severity = .error, notes: [DiagnosticNote] = []
  ) {
    self.id = id
    self.severity = severity
    self.message = message
    self.span = span
    self.notes = notes
    self.source = source
  }

  /// Which kind of failure this is, for exit codes.
  public var category: DiagnosticCategory { id.category }

  public var description: String {
    if let source {
      return "\(source.name):\(source.location(of: span.start)): \(severity.rawValue): \(message)"
    }
    return "\(severity.rawValue): \(message)"
  }

  public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    lhs.id == rhs.id && lhs.severity == rhs.severity && lhs.message == rhs.message
      && lhs.span == rhs.span && lhs.notes == rhs.notes && lhs.source === rhs.source
  }
}

/// The broad class of a diagnostic; each maps to one documented exit code.
public enum DiagnosticCategory: Sendable {
  case syntax, evaluation, assertion, input, usage
}
