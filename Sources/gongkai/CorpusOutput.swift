import Foundation

/// The JSON Lines file of a corpus run, opened for appending: each record goes out as one
/// `write(2)` of the whole line and its newline to a descriptor opened with `O_APPEND`, so a
/// run killed at any moment leaves only whole lines (or, if the kernel cut a write short,
/// one torn last line, which the next `--resume` cuts off before appending).
final class CorpusOutput {
  private let descriptor: Int32
  private let path: String?

  /// Standard output, or `path`: emptied first unless `resume`, in which case a torn last
  /// line is cut off and new records are appended.
  init(path: String?, resume: Bool) throws {
    self.path = path
    guard let path else {
      descriptor = 1
      return
    }
    if resume { try Self.cutTornLine(path) }
    let flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (resume ? 0 : O_TRUNC)
    descriptor = open(path, flags, 0o644)
    guard descriptor >= 0 else { throw CommandError("\(path): cannot be written (\(errnoText()))") }
  }

  /// Appends one record (UTF-8 JSON without its newline) and its newline.
  func append(_ record: [UInt8]) throws {
    var line = record
    line.append(10)
    guard LineWriter.write(line, to: descriptor) else {
      throw CommandError("\(path ?? "standard output"): cannot be written (\(errnoText()))")
    }
  }

  deinit {
    if path != nil { close(descriptor) }
  }

  /// Cuts `path` back to its last newline when it ends inside a line.
  static func cutTornLine(_ path: String) throws {
    let descriptor = open(path, O_RDWR | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { return }
      throw CommandError("\(path): cannot be opened to resume (\(errnoText()))")
    }
    defer { close(descriptor) }
    var end = Int(lseek(descriptor, 0, SEEK_END))
    guard end > 0 else { return }
    let fileSize = end
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while end > 0 {
      let start = max(0, end - chunk.count)
      let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, end - start, off_t(start)) }
      guard count == end - start else { throw CommandError("\(path): cannot be read (\(errnoText()))") }
      if let newline = chunk[0..<count].lastIndex(of: 10) {
        let keep = start + newline + 1
        if keep < fileSize { _ = ftruncate(descriptor, off_t(keep)) }
        return
      }
      end = start
    }
    _ = ftruncate(descriptor, 0)
  }

  /// The `source.sha256` of every record already in `path` (reports and error records).
  static func digests(in path: String) throws -> Set<String> {
    var digests = Set<String>()
    guard FileManager.default.fileExists(atPath: path) else { return digests }
    let reader = try JSONLinesFile(path: path)
    while let line = reader.nextLine() {
      if let digest = firstSHA256(in: line) { digests.insert(digest) }
    }
    return digests
  }

  /// The value of the first `"sha256"` key of a compact JSON line (the one in `source`,
  /// which comes first in reports and error records alike), found without parsing it all.
  /// A quote inside a JSON string is escaped, so the key pattern cannot match there.
  static func firstSHA256(in line: [UInt8]) -> String? {
    let key = Array("\"sha256\"".utf8)
    guard line.count > key.count else { return nil }
    var index = 0
    while index + key.count <= line.count {
      if line[index] == key[0] && line[index..<(index + key.count)].elementsEqual(key) {
        var cursor = index + key.count
        while cursor < line.count && (line[cursor] == 32 || line[cursor] == UInt8(ascii: ":")) { cursor += 1 }
        guard cursor < line.count, line[cursor] == UInt8(ascii: "\"") else { return nil }
        let start = cursor + 1
        guard let end = line[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: line[start..<end], as: UTF8.self)
      }
      index += 1
    }
    return nil
  }
}
