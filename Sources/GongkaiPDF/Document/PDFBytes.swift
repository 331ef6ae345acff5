import Foundation

/// A PDF's bytes at a fixed address for as long as anything reads them: a read-only
/// mapping of the file (no copy, no reads in small pieces), or a copy of bytes held in memory.
final class PDFBytes {
  /// The first byte.
  let pointer: UnsafeRawPointer
  /// How many bytes there are (at least 1).
  let count: Int
  /// Whether ``pointer`` is a mapping (unmapped in `deinit`) or an allocation (freed).
  private let mapped: Bool

  /// Maps the file at `path`; `source` names it in errors.
  init(mapping path: String, source: String) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw PDFError.unreadable(source: source, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_size > 0 else {
      throw PDFError.unreadable(source: source, reason: "cannot read its size, or it is empty")
    }
    let size = Int(status.st_size)
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      address != MAP_FAILED
    else {
      throw PDFError.unreadable(source: source, reason: String(cString: strerror(errno)))
    }
    pointer = UnsafeRawPointer(address)
    count = size
    mapped = true
  }

  /// Copies `data`.
  init(copying data: Data) {
    let size = max(1, data.count)
    let copy = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    data.withUnsafeBytes { raw in
      if let base = raw.baseAddress { copy.copyMemory(from: base, byteCount: raw.count) }
    }
    pointer = UnsafeRawPointer(copy)
    count = max(1, data.count)
    mapped = false
  }

  deinit {
    if mapped {
      munmap(UnsafeMutableRawPointer(mutating: pointer), count)
    } else {
      UnsafeMutableRawPointer(mutating: pointer).deallocate()
    }
  }
}
