// MARK: - Interrupting a running evaluation

/// A flag that a SIGINT handler raises and the evaluator polls, so Ctrl-C abandons the
/// running evaluation and keeps the session. The pointer is written from a signal handler, so
/// it is a plain C integer rather than Swift state.
public enum Interrupt {
  nonisolated(unsafe) public static let flag: UnsafeMutablePointer<Int32> = {
    let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return pointer
  }()

  public static var isRequested: Bool { flag.pointee != 0 }
  public static func clear() { flag.pointee = 0 }
}
