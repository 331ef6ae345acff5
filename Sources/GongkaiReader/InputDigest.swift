import CCrypto
import Foundation
import GongkaiCore

/// `source.sha256` of an input's bytes: the core's portable SHA-256 for small inputs, and
/// OpenSSL's (the CPU's SHA instructions where there are any, several times the speed)
/// for large ones, loaded only then, so parsing one report does not pay for loading
/// libcrypto. Both give the same digest.
enum InputDigest {
  /// Inputs from this size on go through OpenSSL.
  static let libraryThreshold = 1 << 20

  /// The lowercase hex SHA-256 of `data`.
  static func hexDigest(_ data: Data) -> String {
    guard data.count >= libraryThreshold else { return SHA256.hexDigest(data) }
    var digest = [UInt8](repeating: 0, count: 32)
    let done = data.withUnsafeBytes { bytes in
      digest.withUnsafeMutableBufferPointer { output in
        guard let target = output.baseAddress else { return false }
        return gongkai_sha256(bytes.baseAddress, bytes.count, target) == 1
      }
    }
    guard done else { return SHA256.hexDigest(data) }
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
