import ArgumentParser
import Foundation
import GongkaiReader

/// `gongkai worker` (hidden): the process a corpus run parses in. Reads paths from
/// standard input, one per line, and answers each with one `WorkerReply` line on standard
/// output, so a file that crashes or hangs the PDF library takes down only this process.
struct WorkerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract: "Parse paths read from standard input, one reply line each (used by corpus runs).",
    shouldDisplay: false)

  /// The environment variable a supervisor passes the PDF password in (kept off the
  /// command line, which other users can see).
  static let passwordVariable = "GONGKAI_WORKER_PASSWORD"

  @Option(help: "Exit when this process is no longer the parent (the supervisor was killed).")
  var parent: Int32?

  @Option(help: "OCR scanned pages: auto, always, never.")
  var ocr: OCRMode = .auto

  @Option(help: "Resolution (dpi) scanned pages are rendered at.")
  var dpi: Double = 300

  @Flag(help: "Add each cell's provenance to the records.")
  var provenance = false

  func run() throws {
    if let parent { ParentWatch.start(expecting: parent) }
    var reading = ReadOptions()
    reading.password = ProcessInfo.processInfo.environment[Self.passwordVariable]
    reading.ocr = ocr
    reading.dpi = dpi
    reading.ocrJobs = 1
    reading.parallelPages = false
    reading.provenance = provenance
    let parser = CorpusItemParser(reading: reading)
    while let path = readLine(strippingNewline: true) {
      guard !path.isEmpty else { continue }
      guard LineWriter.write(parser.reply(for: path).line, to: 1) else { return }
    }
  }
}

/// Ends a worker whose supervisor has gone: a worker stuck inside the PDF library never
/// reads the end of its input, so a thread checks the parent process id instead.
enum ParentWatch {
  /// Starts the watch: once the parent is no longer `parent`, the process exits.
  static func start(expecting parent: Int32) {
    guard getppid() == parent else { exit(3) }
    let thread = Thread {
      while true {
        usleep(200_000)
        if getppid() != parent { _exit(3) }
      }
    }
    thread.start()
  }
}

/// Writes whole lines to a file descriptor with as few `write(2)` calls as the kernel
/// allows: one for a line in all but out-of-space cases, so a killed writer never leaves
/// a torn line behind in an append-only file.
enum LineWriter {
  /// Writes all of `text`; false when the descriptor refuses (closed pipe, full disk).
  @discardableResult
  static func write(_ text: String, to descriptor: Int32) -> Bool {
    write(Array(text.utf8), to: descriptor)
  }

  /// Writes all of `bytes`; false when the descriptor refuses (closed pipe, full disk).
  @discardableResult
  static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }
}
