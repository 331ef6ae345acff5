import Foundation

extension CommandRunner {
  /// Runs `gongkai ARGUMENTS` with `input` on its standard input.
  static func run(_ arguments: [String], input: String) throws -> Result {
    guard let binary else { throw RunnerError(description: "the gongkai binary was not built") }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = root
    let standardInput = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = standardInput
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Write the input from another thread so a large output cannot deadlock both sides.
    let writer = Thread {
      standardInput.fileHandleForWriting.write(Data(input.utf8))
      try? standardInput.fileHandleForWriting.close()
    }
    writer.start()
    let errorReader = PipeReader(error)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: errorReader.text())
  }

  /// Starts `gongkai ARGUMENTS` in the background, its output discarded.
  static func start(_ arguments: [String]) throws -> Process {
    guard let binary else { throw RunnerError(description: "the gongkai binary was not built") }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = root
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Process ids whose command line contains every one of `parts`.
  static func processes(containing parts: [String]) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> Int32? in
      guard let pid = Int32(entry),
        let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
      else { return nil }
      let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
      return parts.allSatisfy { arguments.contains($0) } ? pid : nil
    }
  }
}

/// Drains a pipe on a background thread.
final class PipeReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  /// Starts reading `pipe` until it closes.
  init(_ pipe: Pipe) {
    let thread = Thread { [self] in
      data = pipe.fileHandleForReading.readDataToEndOfFile()
      done.signal()
    }
    thread.start()
  }

  /// Everything read, once the pipe has closed.
  func text() -> String {
    done.wait()
    return String(decoding: data, as: UTF8.self)
  }
}
