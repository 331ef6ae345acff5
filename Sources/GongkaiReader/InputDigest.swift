import CCrypto
import Foundation
import GongkaiCore

/// `source.sha256` of an input's bytes through OpenSSL's SHA-256, which uses the CPU's
/// SHA instructions where there are any (several times the speed of the core's portable
/// implementation, which gives the same digest and is used if OpenSSL fails).
enum InputDigest {
  /// The lowercase hex SHA-256 of `data`.
  static func hexDigest(_ data: Data) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let done = data.withUnsafeBytes { bytes in
      digest.withUnsafeMutableBufferPointer { output in
        EVP_Digest(bytes.baseAddress, bytes.count, output.baseAddress, &length, EVP_sha256(), nil) == 1
      }
    }
    guard done, length == 32 else { return SHA256.hexDigest(data) }
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
