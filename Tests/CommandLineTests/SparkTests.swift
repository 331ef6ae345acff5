import Foundation
import Testing

@Suite("Spark job")
struct SparkTests {
  @Test("spark/gongkai_spark.py in local[2] mode writes the same records as one machine (spark/check-spark.sh)")
  func sparkMatchesSingleMachine() throws {
    let binary = try #require(CommandRunner.binary)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [CommandRunner.root.appending(path: "spark/check-spark.sh").path()]
    process.currentDirectoryURL = CommandRunner.root
    var environment = ProcessInfo.processInfo.environment
    environment["GONGKAI"] = binary.path()
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorReader = PipeReader(error)
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let errors = errorReader.text()
    #expect(process.terminationStatus == 0, "\(text)\n\(errors.suffix(3000))")
    #expect(text.contains("match the single-machine run"), "\(text)")
  }
}
