// MARK: - The diagnostic catalog
//
// Every diagnostic fsq can produce has a stable ID here, kept in alphabetical order. Tests
// compare IDs, not prose, so messages can improve without breaking them.

public enum DiagnosticID: String, Sendable, CaseIterable {
  case assertionFailed = "assertion-failed"
  case checkFailed = "check-failed"
  case divisionByZero = "division-by-zero"
  case emptyInput = "empty-input"
  case expectedExpression = "expected-expression"
  case expectedToken = "expected-token"
  case importFailed = "import-failed"
  case inputTooLarge = "input-too-large"
  case interrupted = "interrupted"
  case invalidArgument = "invalid-argument"
  case invalidCharacter = "invalid-character"
  case invalidDate = "invalid-date"
  case invalidNumber = "invalid-number"
  case invalidPeriod = "invalid-period"
  case invalidUTF8 = "invalid-utf8"
  case missingFigure = "missing-figure"
  case nestingTooDeep = "nesting-too-deep"
  case noCompany = "no-company"
  case overflow = "overflow"
  case recursionTooDeep = "recursion-too-deep"
  case redefinition = "redefinition"
  case stepLimit = "step-limit"
  case tooManyErrors = "too-many-errors"
  case typeMismatch = "type-mismatch"
  case unexpectedToken = "unexpected-token"
  case unitMismatch = "unit-mismatch"
  case unknownCompany = "unknown-company"
  case unknownFunction = "unknown-function"
  case unknownItem = "unknown-item"
  case unknownName = "unknown-name"
  case unreadableFile = "unreadable-file"
  case unterminatedString = "unterminated-string"
  case wrongArgumentCount = "wrong-argument-count"

  public var category: DiagnosticCategory {
    switch self {
    case .expectedExpression, .expectedToken, .invalidCharacter, .invalidDate, .invalidNumber,
      .invalidPeriod, .invalidUTF8, .nestingTooDeep, .tooManyErrors, .unexpectedToken,
      .unterminatedString, .inputTooLarge, .emptyInput:
      return .syntax
    case .assertionFailed, .checkFailed:
      return .assertion
    case .unreadableFile, .importFailed:
      return .input
    default:
      return .evaluation
    }
  }
}
