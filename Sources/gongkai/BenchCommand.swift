import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReader

/// `gongkai bench`: throughput of the text path, in one process.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure reports per second through repair, parse and validate (use a release build).",
    discussion: """
      Reads the files once, then runs the pipeline over them repeatedly on one core. With \
      --front-end, each round starts from the files' bytes: the front end (HTML, DOCX, \
      Markdown, text decoding) is timed too.
      """)

  @Argument(help: "Reports to parse (text exports; with --front-end, any kind but PDF).")
  var files: [String]

  @Flag(help: "Time reading the bytes through their front end as well (web pages, Word files, Markdown).")
  var frontEnd = false

  @Option(help: "How many times to parse every file.")
  var iterations = 200

  @Flag(inversion: .prefixedNo, help: "Also time the pipeline followed by JSON encoding.")
  var json = true

  @Flag(help: "Keep each cell's provenance, as parse --provenance does.")
  var provenance = false

  func run() throws {
    let pipeline = ReportPipeline()
    var inputs: [LoadedInput] = []
    for path in files {
      do {
        var options = ReadOptions()
        options.provenance = provenance
        inputs.append(try InputLoader.load(path, options: options))
      } catch {
        printError(error.description)
        throw ExitCode(2)
      }
    }
    guard !inputs.isEmpty else { throw ValidationError("give at least one file") }
    if frontEnd {
      try runFrontEnd(pipeline: pipeline)
      return
    }
    // One pass to warm up lazily built tables.
    for input in inputs { _ = try? pipeline.report(text: input.text, source: input.source, locator: input.locator) }
    let writer = JSONWriter(pretty: false)
    var checksum = 0
    let parse = Measurement.run {
      for _ in 0..<iterations {
        for input in inputs {
          if let report = try? pipeline.report(text: input.text, source: input.source, locator: input.locator) {
            checksum &+= report.findings.count
          }
        }
      }
    }
    let encode = Measurement.run {
      for _ in 0..<(json ? iterations : 0) {
        for input in inputs {
          if let report = try? pipeline.report(text: input.text, source: input.source, locator: input.locator) {
            // As `parse` writes it: bytes straight to the output.
            var output: [UInt8] = []
            ReportJSON.write(report, writer: writer, into: &output)
            checksum &+= output.count
          }
        }
      }
    }
    let count = Double(iterations * inputs.count)
    print("reports: \(Int(count)) (\(inputs.count) files × \(iterations)), one thread")
    print(parse.line("repair+parse+validate", count: count))
    if json { print(encode.line("… plus JSON encoding", count: count)) }
    print("(CPU time is what one core does; wall time is lower when other work shares the cores)")
    if checksum == 42 { print("") }
  }
}

extension BenchCommand {
  /// Times front end + pipeline from the files' bytes, and prints the bytes per report.
  fileprivate func runFrontEnd(pipeline: ReportPipeline) throws {
    var files: [(path: String, data: Data)] = []
    for path in self.files {
      files.append((path, try Data(contentsOf: URL(fileURLWithPath: path))))
    }
    var checksum = 0
    var options = ReadOptions()
    options.provenance = provenance
    for file in files {  // warm up, and make sure every file gives a report
      do {
        let input = try InputLoader.load(data: file.data, path: file.path, options: options)
        _ = try pipeline.report(text: input.text, source: input.source, locator: input.locator)
      } catch {
        printError(error.description)
        throw ExitCode(2)
      }
    }
    let measured = Measurement.run {
      for _ in 0..<iterations {
        for file in files {
          if let input = try? InputLoader.load(data: file.data, path: file.path, options: options),
            let report = try? pipeline.report(text: input.text, source: input.source, locator: input.locator)
          {
            checksum &+= report.findings.count
          }
        }
      }
    }
    let count = Double(iterations * files.count)
    let bytes = files.reduce(0) { $0 + $1.data.count } / files.count
    print(
      "reports: \(Int(count)) (\(files.count) files × \(iterations), \(bytes / 1024) KB each on average), one thread")
    print(measured.line("front end+repair+parse+validate", count: count))
    if checksum == 42 { print("") }
  }
}

/// Wall-clock and CPU time of one piece of work.
private struct Measurement {
  var wall: Double
  var cpu: Double

  /// Times `work`.
  static func run(_ work: () -> Void) -> Measurement {
    let wallStart = ContinuousClock.now
    let cpuStart = threadCPUSeconds()
    work()
    let cpu = threadCPUSeconds() - cpuStart
    let elapsed = ContinuousClock.now - wallStart
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Measurement(wall: wall, cpu: cpu)
  }

  /// A line of the report: rates by CPU time and by wall time.
  func line(_ label: String, count: Double) -> String {
    String(
      format: "%@: %.0f reports/s CPU (%.1f µs each), %.0f reports/s wall", label, count / cpu, cpu / count * 1e6,
      count / wall)
  }

  /// CPU time used by the calling thread so far.
  private static func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
