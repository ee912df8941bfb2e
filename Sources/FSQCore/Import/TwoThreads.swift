#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Two pieces of an import at once

/// Runs two independent pieces of work at the same time: the second on a helper thread, the
/// first on the calling thread, and returns when both are done. An import reads its tables
/// while the words of its prose are read, then places the prose's figures half on each thread.
///
/// Each piece writes only its own state; `both` returns after the helper has finished
/// (`pthread_join`), so whatever it wrote is visible to the caller. Without a thread (creation
/// failed, or `FSQ_THREADS=1` in the environment) the two run one after the other, with the
/// same results: the pieces never read what the other writes.
enum TwoThreads {
  /// The helper thread's stack: as large as the main thread's default, for the recursive
  /// readers (nested HTML tables) that may run on it.
  static let stackSize = 8 << 20

  /// Work this small is not worth a thread (about 20 µs to start and join one).
  static let minimumBytes = 4_096

  /// Whether a helper thread is used at all (`FSQ_THREADS=1` turns it off, for comparing).
  static let enabled: Bool = {
    guard let value = getenv("FSQ_THREADS") else { return true }
    return String(cString: value) != "1"
  }()

  final class Box: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
  }

  /// Runs `first` here and `second` on a helper thread, or both here when `parallel` is false.
  static func both(parallel: Bool = true, _ first: () -> Void, _ second: @escaping () -> Void) {
    guard parallel, enabled else {
      first()
      second()
      return
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    let box = Unmanaged.passRetained(Box(second))
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let created = pthread_create(
      &thread, &attributes,
      { context in
        let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
        box.work()
        return nil
      }, box.toOpaque())
    if created != 0 {
      let work = box.takeRetainedValue().work
      first()
      work()
      return
    }
    first()
    #if canImport(Glibc)
      pthread_join(thread, nil)
    #else
      pthread_join(thread!, nil)
    #endif
  }
}
