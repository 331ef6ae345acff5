import Foundation

/// Reads a file line by line without loading it whole (corpus files can be large).
final class JSONLinesFile {
  private let file: UnsafeMutablePointer<FILE>
  private var buffer: UnsafeMutablePointer<CChar>?
  private var capacity = 0
  /// The 1-based number of the line last read.
  private(set) var lineNumber = 0

  /// Opens `path`; the error names the file and the reason.
  init(path: String) throws {
    guard let file = fopen(path, "re") else { throw CommandError("\(path): cannot be read (\(errnoText()))") }
    self.file = file
  }

  /// The next line's bytes without its line break, or nil at the end.
  func nextLine() -> [UInt8]? {
    let count = getline(&buffer, &capacity, file)
    guard count >= 0, let buffer else { return nil }
    lineNumber += 1
    var length = count
    while length > 0 && (buffer[length - 1] == 10 || buffer[length - 1] == 13) { length -= 1 }
    return buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
  }

  deinit {
    free(buffer)
    fclose(file)
  }
}
