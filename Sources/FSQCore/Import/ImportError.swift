// MARK: - Why an import failed

/// Why a release could not be imported: `line 42: cannot read a number in '12,3x4'`.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  /// One-based line in the document, when the problem has one.
  public var line: Int?

  public init(message: String, line: Int? = nil) {
    self.message = message
    self.line = line
  }

  public var description: String {
    line.map { "line \($0): \(message)" } ?? message
  }

  /// Ctrl-C during the import: nothing of it is kept, and the statement that loaded it ends
  /// as interrupted (exit 130), not as a file that could not be imported.
  public static let interrupted = ImportError(message: "interrupted")
  public var isInterrupted: Bool { self == .interrupted }

  /// Throws `interrupted` when Ctrl-C was pressed (polled between tables and stages).
  static func checkInterrupt() throws(ImportError) {
    if Interrupt.isRequested { throw .interrupted }
  }
}
