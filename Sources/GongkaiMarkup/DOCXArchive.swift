import Foundation
import GongkaiCore
import ZIPFoundation

/// The parts of a .docx (a ZIP archive) read out by name, each within a size limit so a
/// ZIP bomb cannot exhaust memory.
struct DOCXArchive {
  /// The largest part read, uncompressed.
  static let maximumPartSize = 64 << 20

  private let archive: Archive
  private let file: String

  /// Opens the archive `data`; a damaged or truncated ZIP is an error naming `file`.
  init(data: Data, file: String) throws(InputError) {
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw InputError(
        file: file, kind: .docx,
        reason: "a damaged or truncated ZIP archive (a .docx is one); save the document again as .docx or PDF")
    }
    self.file = file
  }

  /// The bytes of part `path` (such as `word/document.xml`), nil when the archive has none.
  func part(_ path: String) throws(InputError) -> Data? {
    guard let entry = archive[path] else { return nil }
    guard entry.uncompressedSize <= UInt64(Self.maximumPartSize) else {
      throw InputError(
        file: file, kind: .docx,
        reason:
          "\(path) is \(entry.uncompressedSize >> 20) MB uncompressed, over the \(Self.maximumPartSize >> 20) MB read")
    }
    var data = Data()
    data.reserveCapacity(Int(entry.uncompressedSize))
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        guard data.count + chunk.count <= Self.maximumPartSize else { throw PartTooLarge() }
        data.append(chunk)
      }
    } catch {
      throw InputError(
        file: file, kind: .docx,
        reason: "\(path) in the archive cannot be read (damaged or truncated); save the document again as .docx or PDF")
    }
    return data
  }

  private struct PartTooLarge: Error {}
}
