import Foundation

/// A profiling trace of the scan reader on stderr, on when `GONGKAI_OCR_TRACE` is set: one
/// tab-separated line per tesseract call (`ocr  model  mode  wl|-  WxH  µs`), per model load
/// (`load  µs`), per page (`page  N  µs`), per seal found (`seal  N  table|text  x,y WxH  level`), per grid
/// (`grid  N  xs …  ys …  cells N  merged top-bottom:left-right …`, in points), per rule drawn back
/// under a seal (`sealrule  axis  position  from-to`, points)
/// and for the layout step (`assemble  µs`), in CPU
/// time of the calling thread, so it can be read on a busy machine (`scripts/trace-ocr.py`).
enum OCRTrace {
  /// Whether the trace is on (`GONGKAI_OCR_TRACE` set).
  static let enabled = ProcessInfo.processInfo.environment["GONGKAI_OCR_TRACE"] != nil

  /// CPU time of the calling thread, in microseconds.
  static func threadMicroseconds() -> Int {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return spec.tv_sec * 1_000_000 + spec.tv_nsec / 1000
  }

  /// Runs `body`; when the trace is on, writes `fields` and the thread's CPU time it took.
  static func measure<Result>(_ fields: @autoclosure () -> String, _ body: () throws -> Result) rethrows -> Result {
    guard enabled else { return try body() }
    let start = threadMicroseconds()
    defer { write("\(fields())\t\(threadMicroseconds() - start)") }
    return try body()
  }

  /// Writes one trace line to stderr.
  static func write(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
