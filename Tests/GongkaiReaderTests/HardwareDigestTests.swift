import CSHA256
import Foundation
import GongkaiCore
import Testing

@Suite("SHA-256 through the CPU's SHA instructions")
struct HardwareDigestTests {
  /// Whether this CPU has SHA instructions (without them the portable code is used).
  static var available: Bool {
    var digest = [UInt8](repeating: 0, count: 32)
    return gongkai_sha256_hardware(nil, 0, &digest) == 1
  }

  /// The hardware digest of `bytes` in hex, nil when this CPU has no SHA instructions.
  private func hardware(_ bytes: [UInt8]) -> String? {
    var digest = [UInt8](repeating: 0, count: 32)
    let done = bytes.withUnsafeBytes { input in
      digest.withUnsafeMutableBufferPointer { output in
        gongkai_sha256_hardware(input.baseAddress, input.count, output.baseAddress!) == 1
      }
    }
    return done ? digest.map { String(format: "%02x", $0) }.joined() : nil
  }

  @Test(
    "FIPS 180-4's examples, and every length around the padding's block edges, as the portable code hashes them",
    .enabled(if: available, "this CPU has no SHA instructions"))
  func sameAsPortable() throws {
    #expect(hardware(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(hardware([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      hardware(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    var generator = SystemRandomNumberGenerator()
    let lengths = Array(0...200) + [1000, 4096, 65_535, 65_536, 77_831, 1 << 20]
    for length in lengths {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      #expect(hardware(bytes) == SHA256.hexDigest(bytes), "length \(length)")
    }
  }
}
