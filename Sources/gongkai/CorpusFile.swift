import GongkaiCore

/// The records of a corpus JSON Lines file, read one at a time: reports, and error
/// records (objects with an `error` key) of inputs that gave none.
struct CorpusFile {
  /// One record.
  enum Record {
    /// A report object (schema gongkai.report/1).
    case report(JSONValue)
    /// An error record.
    case failure(JSONValue)
  }

  /// The file as named on the command line.
  let path: String

  /// Calls `body` with each record and its line number; stops at the first line that is
  /// not a JSON object, with an error naming the file and the line.
  func forEach(_ body: (Record, Int) throws -> Void) throws {
    let reader = try JSONLinesFile(path: path)
    while let bytes = reader.nextLine() {
      if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
      let value: JSONValue
      do {
        value = try JSONReader.parse(String(decoding: bytes, as: UTF8.self))
      } catch {
        throw CommandError("\(path): line \(reader.lineNumber): \(error)")
      }
      guard value.objectMembers != nil else {
        throw CommandError("\(path): line \(reader.lineNumber): not a JSON object")
      }
      try body(value["error"] != nil ? .failure(value) : .report(value), reader.lineNumber)
    }
  }
}
