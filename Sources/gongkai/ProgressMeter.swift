import Foundation

/// One line of progress on standard error, redrawn in place: done/total, rate, time left,
/// failures so far. Silent unless standard error is a terminal.
final class ProgressMeter {
  private let total: Int
  private let enabled: Bool
  private let start = ContinuousClock.now
  private var lastDrawn: ContinuousClock.Instant?
  private var shown = false

  /// A meter for `total` inputs, drawn only when `enabled`.
  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
  }

  /// Redraws the line, at most five times a second unless `force`.
  func update(done: Int, failed: Int, force: Bool = false) {
    guard enabled else { return }
    let now = ContinuousClock.now
    if !force, let lastDrawn, now - lastDrawn < .milliseconds(200) { return }
    lastDrawn = now
    let elapsed = Self.seconds(now - start)
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    var line = "[\(done)/\(total)] " + String(format: "%.1f reports/s", rate)
    if done < total {
      line += " · ETA " + (rate > 0 ? Self.duration(Double(total - done) / rate) : "…")
    } else {
      line += " · " + Self.duration(elapsed)
    }
    if failed > 0 { line += " · \(failed) failed" }
    FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
    shown = true
  }

  /// Removes the line (before another message, and at the end).
  func clear() {
    guard enabled, shown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    shown = false
  }

  /// Seconds in a duration.
  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  /// `42s`, `3m05s`, `2h07m`.
  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    if whole < 60 { return "\(whole)s" }
    if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
    return String(format: "%dh%02dm", whole / 3600, (whole % 3600) / 60)
  }
}
