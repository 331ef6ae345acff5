import CCrypto
import CSHA256
import Foundation
import GongkaiCore

/// `source.sha256` of an input's bytes: the CPU's SHA instructions where there are any
/// (x86-64 SHA extensions, through CSHA256: nothing to load, 20–30 times the speed of
/// portable code); otherwise the core's portable SHA-256, or OpenSSL's, which is loaded
/// on first use. Loading libcrypto costs about as much as hashing a few hundred KB the
/// portable way, so a process's first input goes through OpenSSL only when it is large,
/// and later ones (a corpus worker, a benchmark) whenever they are not small. All give
/// the same digest.
enum InputDigest {
  /// A process's first input goes through OpenSSL from this size on.
  static let firstInputThreshold = 1 << 20
  /// Later inputs go through OpenSSL from this size on.
  static let laterInputThreshold = 16 << 10

  private static let state = DigestCount()

  /// The lowercase hex SHA-256 of `data`.
  static func hexDigest(_ data: Data) -> String {
    if let digest = digest(of: data, by: gongkai_sha256_hardware) { return hex(digest) }
    let first = state.next() == 0
    guard data.count >= (first ? firstInputThreshold : laterInputThreshold),
      let digest = digest(of: data, by: gongkai_sha256)
    else { return SHA256.hexDigest(data) }
    return hex(digest)
  }

  /// The 32 bytes `function` (one of the C shims) gives for `data`, nil when it could not hash.
  private static func digest(
    of data: Data, by function: (UnsafeRawPointer?, Int, UnsafeMutablePointer<UInt8>) -> Int32
  ) -> [UInt8]? {
    var digest = [UInt8](repeating: 0, count: 32)
    let done = data.withUnsafeBytes { bytes in
      digest.withUnsafeMutableBufferPointer { output in
        guard let target = output.baseAddress else { return false }
        return function(bytes.baseAddress, bytes.count, target) == 1
      }
    }
    return done ? digest : nil
  }

  /// Lowercase hex of `digest`.
  private static func hex(_ digest: [UInt8]) -> String {
    let hex = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest {
      text.append(hex[Int(byte >> 4)])
      text.append(hex[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

/// How many digests this process has taken, counted under a lock.
private final class DigestCount: @unchecked Sendable {
  private let lock = NSLock()
  // Guarded by `lock`.
  private var count = 0

  /// The number of digests taken before this one.
  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    count += 1
    return count - 1
  }
}
