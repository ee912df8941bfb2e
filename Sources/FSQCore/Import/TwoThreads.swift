import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Two pieces of an import at once

/// Runs work on the calling thread and a helper thread at once. An import reads its tables
/// while the paragraphs of its prose are split into words, then places the prose's figures,
/// paragraph by paragraph, on both threads.
///
/// The work is a piece for the caller (`first`) and numbered chunks that either thread takes,
/// one at a time, from a shared counter: the helper from its start, the caller once `first` is
/// done. On a busy machine the helper may not run for milliseconds; the caller then does the
/// chunks itself and waits at most for the one chunk the helper holds. (Giving the helper a
/// fixed half made an import four times slower under load.)
///
/// Each chunk writes only its own result. The caller returns after every chunk is counted done
/// (a releasing increment that it reads acquiring), so whatever the helper wrote is visible to
/// it. Without a thread (creation failed, or `FSQ_THREADS=1` in the environment) the caller
/// does all the work in order, with the same results: no chunk reads another's.
enum TwoThreads {
  /// The helper thread's stack: as large as the main thread's default, for the recursive
  /// readers (nested HTML tables) that may run on it.
  static let stackSize = 8 << 20

  /// Work this small is not worth handing over.
  static let minimumBytes = 4_096

  /// Whether a helper thread is used at all (`FSQ_THREADS=1` turns it off, for comparing).
  static let enabled: Bool = {
    guard let value = getenv("FSQ_THREADS") else { return true }
    return String(cString: value) != "1"
  }()

  /// Numbered chunks of work and the counters both threads take them by.
  final class Chunks: @unchecked Sendable {
    let count: Int
    let work: (Int) -> Void
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)

    init(count: Int, work: @escaping (Int) -> Void) {
      self.count = count
      self.work = work
    }

    /// Takes and does chunks until none is left.
    func drain() {
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count else { return }
        work(index)
        done.wrappingAdd(1, ordering: .releasing)
      }
    }
  }

  /// Runs `first` here while the helper thread does chunks `0..<count` of `chunk`, then
  /// helps with the chunks left; returns when all are done. In order on this thread when
  /// `parallel` is false.
  static func run(parallel: Bool = true, first: () -> Void, chunks count: Int, _ chunk: @escaping (Int) -> Void) {
    guard parallel, enabled, count > 0, let helper = Helper.shared else {
      first()
      for index in 0..<count { chunk(index) }
      return
    }
    let chunks = Chunks(count: count, work: chunk)
    helper.post(chunks)
    first()
    chunks.drain()
    while chunks.done.load(ordering: .acquiring) < count { sched_yield() }
  }

  /// The helper thread: started at the first import and kept (starting a thread for each run
  /// cost about 5% of a seed import, and it began too late to take any of the shorter runs'
  /// chunks). After a run it looks for the next one for a moment, since an import posts
  /// several in a row, then sleeps until one is posted.
  final class Helper: @unchecked Sendable {
    /// nil when no thread could be started: then the caller does all the work.
    static let shared: Helper? = Helper()

    /// How many times the helper yields, looking for the next run, before it sleeps (each
    /// yield is about a microsecond on an idle machine).
    static let spins = 200

    let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// The latest run posted (guarded by `mutex`), and how many have been posted.
    var posted: Chunks? = nil
    let generation = Atomic<Int>(0)

    init?() {
      pthread_mutex_init(mutex, nil)
      pthread_cond_init(condition, nil)
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      defer { pthread_attr_destroy(&attributes) }
      pthread_attr_setstacksize(&attributes, TwoThreads.stackSize)
      pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
      #if canImport(Glibc)
        var thread = pthread_t()
      #else
        var thread: pthread_t?
      #endif
      let retained = Unmanaged.passRetained(self)
      let created = pthread_create(
        &thread, &attributes,
        { context in
          Unmanaged<Helper>.fromOpaque(context!).takeRetainedValue().serve()
          return nil
        }, retained.toOpaque())
      guard created == 0 else {
        retained.release()
        return nil
      }
    }

    /// Offers a run to the helper. A run posted while another is waiting replaces it: the
    /// caller of that one does its chunks itself.
    func post(_ chunks: Chunks) {
      pthread_mutex_lock(mutex)
      posted = chunks
      generation.wrappingAdd(1, ordering: .releasing)
      pthread_cond_signal(condition)
      pthread_mutex_unlock(mutex)
    }

    /// The helper thread's loop, for the life of the process.
    func serve() -> Never {
      // Signals (Ctrl-C, a closed pipe) go to the threads that handle them, never here.
      var all = sigset_t()
      sigfillset(&all)
      pthread_sigmask(SIG_BLOCK, &all, nil)
      var seen = 0
      while true {
        var spins = 0
        while generation.load(ordering: .acquiring) == seen, spins < Helper.spins {
          sched_yield()
          spins += 1
        }
        pthread_mutex_lock(mutex)
        while generation.load(ordering: .acquiring) == seen { pthread_cond_wait(condition, mutex) }
        seen = generation.load(ordering: .acquiring)
        let run = posted
        posted = nil
        pthread_mutex_unlock(mutex)
        run?.drain()
      }
    }
  }
}

extension TwoThreads {
  /// One result per chunk, written by whichever thread does the chunk (each slot by one only).
  final class Results<Value>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
      slots = .allocate(capacity: count)
      slots.initialize(repeating: nil)
    }

    deinit {
      _ = slots.deinitialize()
      slots.deallocate()
    }

    subscript(index: Int) -> Value? {
      get { slots[index] }
      set { slots[index] = newValue }
    }
  }
}
