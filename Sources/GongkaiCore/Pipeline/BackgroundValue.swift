import Foundation

/// A value computed on a thread of its own from the moment it is created; reading `value`
/// waits for it. Used to overlap independent start-up work (the pipeline's tables and
/// expressions, an input's digest) with reading the input.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var result: Value?

  /// Starts computing `work` on a new thread.
  public init(_ work: @escaping @Sendable () -> Value) {
    let thread = Thread { [self] in
      let computed = work()
      condition.lock()
      result = computed
      condition.broadcast()
      condition.unlock()
    }
    thread.start()
  }

  /// The computed value, once the thread has finished.
  public var value: Value {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let result { return result }
      condition.wait()
    }
  }
}
