import Foundation
import LedgerLanguage

/// Work shared out between the machine's cores: item `i` goes to worker `i % workers`, and
/// each result is written once, into its own slot, so no two threads touch the same memory.
/// What `body` reads must not change while it runs.
enum Concurrently {
  /// How many workers `count` items deserve: one per core, at least `perWorker` items each.
  static func workers(for count: Int, perWorker: Int = 2000) -> Int {
    max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count / perWorker + 1))
  }

  /// `body(worker, item)` for every item, in item order.
  static func map<Result>(_ count: Int, workers: Int, _ body: (Int, Int) -> Result) -> [Result] {
    let slots = UnsafeMutableBufferPointer<Result>.allocate(capacity: count)
    defer { slots.deallocate() }
    // Task-local values do not cross into the workers' threads: the language is passed on, so
    // the messages they word read as the caller's.
    let language = Language.current
    withoutActuallyEscaping(body) { body in
      let shared = Shared(slots: slots, body: body)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        Language.$current.withValue(language) {
          var index = worker
          while index < count {
            shared.slots.initializeElement(at: index, to: shared.body(worker, index))
            index += workers
          }
        }
      }
    }
    let results = Array(slots)
    _ = slots.deinitialize()
    return results
  }

  private final class Shared<Result>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Result>
    let body: (Int, Int) -> Result

    init(slots: UnsafeMutableBufferPointer<Result>, body: @escaping (Int, Int) -> Result) {
      self.slots = slots
      self.body = body
    }
  }
}
