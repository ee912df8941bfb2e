// MARK: - Exit codes

/// fsq's documented exit codes; each kind of failure has its own.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | a failed `assert` or a `check` with findings of error severity |
/// | 2 | usage error (bad option or argument) |
/// | 3 | syntax error |
/// | 4 | evaluation error |
/// | 5 | an input file could not be read or imported |
/// | 6 | the output could not be written (a full disk, `> /dev/full`) |
/// | 130 | interrupted (Ctrl-C) |
public enum ExitStatus: Int32, Sendable, Comparable {
  case success = 0
  case assertionFailed = 1
  case usage = 2
  case syntax = 3
  case evaluation = 4
  case input = 5
  case output = 6
  case interrupted = 130

  public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(_ category: DiagnosticCategory) {
    switch category {
    case .syntax: self = .syntax
    case .evaluation: self = .evaluation
    case .assertion: self = .assertionFailed
    case .input: self = .input
    case .usage: self = .usage
    }
  }
}
