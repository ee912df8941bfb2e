#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Bounded stack use

/// Runs work on a thread with a large stack and measures how much of it evaluation uses, so
/// deep recursion in a user function becomes a diagnostic, never a crash — in debug builds
/// too, where frames are large.
enum StackGuard {
  static let stackSize = 512 << 20
  /// How much of the stack evaluation may use before it is stopped.
  static let budget = 384 << 20

  /// An address near the top of the current stack frame.
  @inline(__always)
  static func address() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
  }

  final class Box: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
  }

  /// Runs `work` to completion on a fresh thread with a `stackSize` stack; falls back to the
  /// current thread if one cannot be created.
  static func run(_ work: @escaping () -> Void) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    let box = Unmanaged.passRetained(Box(work))
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
      box.takeRetainedValue().work()
      return
    }
    #if canImport(Glibc)
      pthread_join(thread, nil)
    #else
      pthread_join(thread!, nil)
    #endif
  }
}
