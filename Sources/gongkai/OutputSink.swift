import Foundation

/// Where output goes: standard output or a file given with `-o`, written as it comes.
final class OutputSink {
  private let handle: FileHandle
  private let path: String?

  /// Opens `path` for writing (created or truncated), or standard output when nil.
  init(path: String?) throws {
    self.path = path
    if let path {
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw CommandError("cannot create \(path)")
      }
      guard let handle = FileHandle(forWritingAtPath: path) else { throw CommandError("cannot write \(path)") }
      self.handle = handle
    } else {
      handle = FileHandle.standardOutput
    }
  }

  /// Writes `text` as UTF-8.
  func write(_ text: String) {
    handle.write(Data(text.utf8))
  }

  /// Writes bytes already encoded (JSON written by `JSONWriter`).
  func write(bytes: [UInt8]) {
    handle.write(Data(bytes))
  }

  deinit {
    if path != nil { try? handle.close() }
  }
}

/// A usage problem the command reports in one line before exiting with status 2.
struct CommandError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// Writes one line to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data("gongkai: \(message)\n".utf8))
}

/// Whether standard error is a terminal (progress is shown only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }
