import ArgumentParser
import Foundation
import GongkaiCore

/// `gongkai bench`: throughput of the text path, in one process.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure reports per second through repair, parse and validate (use a release build).",
    discussion: "Reads the files once, then runs the pipeline over them repeatedly on one core.")

  @Argument(help: "Text exports to parse.")
  var files: [String]

  @Option(help: "How many times to parse every file.")
  var iterations = 200

  func run() throws {
    let pipeline = ReportPipeline()
    var inputs: [LoadedInput] = []
    for path in files {
      do {
        inputs.append(try InputLoader.load(path))
      } catch {
        printError(error.description)
        throw ExitCode(2)
      }
    }
    guard !inputs.isEmpty else { throw ValidationError("give at least one file") }
    // One pass to warm up lazily built tables.
    for input in inputs { _ = try? pipeline.report(text: input.text, source: input.source) }
    let writer = JSONWriter(pretty: false)
    var checksum = 0
    let start = ContinuousClock.now
    for _ in 0..<iterations {
      for input in inputs {
        if let report = try? pipeline.report(text: input.text, source: input.source) {
          checksum &+= report.findings.count
        }
      }
    }
    let parseTime = ContinuousClock.now - start
    let encodeStart = ContinuousClock.now
    for _ in 0..<iterations {
      for input in inputs {
        if let report = try? pipeline.report(text: input.text, source: input.source) {
          checksum &+= writer.string(from: ReportJSON.encode(report)).utf8.count
        }
      }
    }
    let totalTime = ContinuousClock.now - encodeStart
    let count = Double(iterations * inputs.count)
    func seconds(_ duration: Duration) -> Double {
      Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    print("reports: \(Int(count)) (\(inputs.count) files × \(iterations))")
    print(
      String(
        format: "repair+parse+validate: %.0f reports/s (%.1f µs each)", count / seconds(parseTime),
        seconds(parseTime) / count * 1e6))
    print(
      String(
        format: "… plus JSON encoding:  %.0f reports/s (%.1f µs each)", count / seconds(totalTime),
        seconds(totalTime) / count * 1e6))
    if checksum == 42 { print("") }
  }
}
