import Foundation
import GongkaiReader

/// Runs a corpus through worker processes: each worker parses one input at a time; one
/// that crashes or exceeds the timeout is killed and replaced, and its input becomes an
/// error record. Records go to the output as they arrive (in completion order).
/// Single-threaded: it waits on all workers at once with `poll(2)`.
final class CorpusRunner {
  /// How a run is set up.
  struct Settings {
    /// Worker processes at once.
    var jobs = 1
    /// Seconds one input may take before its worker is killed.
    var timeout = 120.0
    /// Password for encrypted PDFs and OCR settings.
    var reading = ReadOptions()
    /// Show a progress line (standard error is a terminal).
    var progress = false
  }

  private struct Busy {
    var path: String
    var deadline: ContinuousClock.Instant
  }

  private let paths: [String]
  private let output: CorpusOutput
  private let settings: Settings
  private let executable: String
  private var workers: [WorkerProcess?]
  private var busy: [Busy?]
  private let meter: ProgressMeter
  /// The counts so far.
  private(set) var tally = CorpusTally()

  /// Prepares a run of `paths` into `output`.
  init(paths: [String], output: CorpusOutput, settings: Settings) {
    self.paths = paths
    self.output = output
    self.settings = settings
    executable = Self.ownExecutable()
    let slots = max(1, min(settings.jobs, paths.count))
    workers = Array(repeating: nil, count: slots)
    busy = Array(repeating: nil, count: slots)
    meter = ProgressMeter(total: paths.count, enabled: settings.progress)
  }

  /// Parses every path; throws only when workers cannot be started or the output
  /// cannot be written.
  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    var next = 0
    var done = 0
    defer {
      meter.clear()
      for (slot, worker) in workers.enumerated() {
        guard let worker else { continue }
        if busy[slot] != nil { worker.kill() }
        record(worker.finish())
      }
    }
    while done < paths.count {
      for slot in workers.indices where busy[slot] == nil && next < paths.count {
        let path = paths[next]
        next += 1
        if path.contains("\n") {
          try finishItem(ErrorRecord(path: path, errorKind: "unreadable", message: "the path holds a line break"))
          done += 1
          continue
        }
        try dispatch(path, to: slot)
      }
      try wait(done: &done)
      meter.update(done: done, failed: tally.failures)
    }
    meter.update(done: done, failed: tally.failures, force: true)
  }

  /// Sends `path` to the worker of `slot`, starting one if needed (or if the idle one died).
  private func dispatch(_ path: String, to slot: Int) throws {
    for attempt in 0..<2 {
      let worker = try workers[slot] ?? startWorker()
      workers[slot] = worker
      if worker.send(path) {
        busy[slot] = Busy(path: path, deadline: .now + .seconds(min(settings.timeout, 1e7)))
        return
      }
      worker.kill()
      record(worker.finish())
      workers[slot] = nil
      if attempt == 1 { throw CommandError("a new worker stopped before reading its first file") }
    }
  }

  private func startWorker() throws -> WorkerProcess {
    tally.workersStarted += 1
    // A worker that crashes is reported as a crash record; the Swift runtime's crash
    // report (many lines per crash) would only bury the progress line and messages.
    var environment: [String: String] = ["SWIFT_BACKTRACE": "enable=no"]
    if let setting = ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] { environment["SWIFT_BACKTRACE"] = setting }
    if let password = settings.reading.password { environment[WorkerCommand.passwordVariable] = password }
    // Each worker reads its scanned pages on one thread: the workers share the cores.
    let arguments =
      [
        "worker", "--parent", String(getpid()), "--ocr", settings.reading.ocr.rawValue, "--dpi",
        String(settings.reading.dpi),
      ] + (settings.reading.provenance ? ["--provenance"] : [])
    return try WorkerProcess.spawn(executable: executable, arguments: arguments, extraEnvironment: environment)
  }

  /// Waits until a busy worker answers, dies or runs out of time (or 0.25 s pass, for the
  /// progress line), and handles what happened.
  private func wait(done: inout Int) throws {
    var slots: [Int] = []
    var descriptors: [pollfd] = []
    var earliest: ContinuousClock.Instant?
    for (slot, item) in busy.enumerated() {
      guard let item, let worker = workers[slot] else { continue }
      slots.append(slot)
      descriptors.append(pollfd(fd: worker.replies, events: Int16(POLLIN), revents: 0))
      earliest = min(earliest ?? item.deadline, item.deadline)
    }
    guard let earliest else { return }
    let remaining = ProgressMeter.seconds(earliest - .now)
    let milliseconds = Int32(max(0, min(250, (remaining * 1000).rounded(.up))))
    let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
    if ready < 0 && errno != EINTR { throw CommandError("waiting for workers failed (\(errnoText()))") }
    for (position, slot) in slots.enumerated() where descriptors[position].revents != 0 {
      guard let worker = workers[slot], let item = busy[slot] else { continue }
      switch worker.read() {
      case .lines(let lines):
        guard let line = lines.first else { continue }
        guard lines.count == 1, let reply = WorkerReply(line: line) else {
          worker.kill()
          let ending = worker.finish()
          record(ending)
          workers[slot] = nil
          busy[slot] = nil
          try finishItem(ErrorRecord(path: item.path, errorKind: "crash", message: "the worker answered out of turn"))
          done += 1
          continue
        }
        busy[slot] = nil
        try finishItem(reply, path: item.path)
        done += 1
      case .closed:
        let ending = worker.finish()
        record(ending)
        workers[slot] = nil
        busy[slot] = nil
        try finishItem(
          ErrorRecord(
            path: item.path, errorKind: ErrorRecord.SupervisorKind.crash.rawValue,
            message: "the worker reading this file \(ending.description)"))
        done += 1
      }
    }
    let now = ContinuousClock.now
    for (slot, item) in busy.enumerated() {
      guard let item, item.deadline <= now, let worker = workers[slot] else { continue }
      worker.kill()
      record(worker.finish())
      workers[slot] = nil
      busy[slot] = nil
      try finishItem(
        ErrorRecord(
          path: item.path, errorKind: ErrorRecord.SupervisorKind.timeout.rawValue,
          message: "no result within \(Self.seconds(settings.timeout)); the worker was killed (--timeout)"))
      done += 1
    }
  }

  private func finishItem(_ record: ErrorRecord) throws {
    try finishItem(
      WorkerReply(failure: record.errorKind, message: record.message, record: record.line), path: record.path)
  }

  private func finishItem(_ reply: WorkerReply, path: String) throws {
    try output.append(reply.record)
    tally.add(reply)
    if reply.failure != nil {
      meter.clear()
      printError("\(path): \(reply.message)")
    }
  }

  private func record(_ ending: WorkerProcess.Ending) {
    tally.peakWorkerKilobytes = max(tally.peakWorkerKilobytes, ending.peakKilobytes)
  }

  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
  }

  /// This program's own binary, which the workers run.
  static func ownExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}
