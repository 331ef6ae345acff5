import Foundation

/// Runs the built `gongkai` binary as a user would.
struct CommandRunner {
  /// What a run produced.
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The package's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `gongkai` binary built beside the test bundle.
  static let binary: URL? = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appending(path: "gongkai")
      if FileManager.default.isExecutableFile(atPath: candidate.path()) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    for configuration in ["debug", "release"] {
      let candidate = root.appending(path: ".build/\(configuration)/gongkai")
      if FileManager.default.isExecutableFile(atPath: candidate.path()) { return candidate }
    }
    return nil
  }()

  /// Runs `gongkai ARGUMENTS` in `directory` (the package root by default), with
  /// `environment` when given, else this process's.
  static func run(
    _ arguments: [String], binary: URL? = CommandRunner.binary, in directory: URL = root,
    environment: [String: String]? = nil
  ) throws -> Result {
    guard let binary else { throw RunnerError(description: "the gongkai binary was not built") }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes before waiting so a large output cannot block the child.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "gongkai-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}

/// The runner could not run the command.
struct RunnerError: Error, CustomStringConvertible {
  var description: String
}
