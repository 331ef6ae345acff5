import Foundation
import GongkaiCore
import Testing

/// The PDFs in Samples/pdf that have an expected file, as paths relative to Samples/.
private let pdfSamples = CommandRunner.fixtures(in: "pdf", ext: "pdf")

@Suite("PDF reports end to end")
struct PDFSampleTests {
  @Test("gongkai parse on a generated PDF gives the expected JSON cell for cell", arguments: pdfSamples)
  func pdfMatchesExpectation(path: String) throws {
    let check = try CommandRunner.expectationDifferences(forFixture: path)
    #expect(check.status == 0, "\(check.standardError)")
    #expect(check.differences.isEmpty, "\(path):\n\(check.differences.joined(separator: "\n"))")
  }

  @Test("there are PDFs of both forms to test")
  func bothForms() {
    #expect(pdfSamples.contains { $0.contains("2019") })
    #expect(pdfSamples.contains { $0.contains("2021") })
  }

  @Test(
    "bad PDFs: one line naming the file and the reason, exit 2, never a crash",
    arguments: [
      ("encrypted.pdf", "--password"), ("zero-pages.pdf", "no pages"),
    ])
  func badPDF(name: String, reason: String) throws {
    let result = try CommandRunner.run(["parse", "Samples/pdf/bad/\(name)"])
    #expect(result.status == 2)
    let lines = result.standardError.split(separator: "\n").filter { $0.hasPrefix("gongkai:") }
    #expect(lines.count == 1)
    #expect(lines.first?.contains(name) == true)
    #expect(lines.first?.contains(reason) == true, "\(result.standardError)")
  }

  @Test("an image-only PDF is read by OCR by default: a report whose text layer is ocr")
  func imageOnly() throws {
    let result = try CommandRunner.run(["parse", "Samples/pdf/bad/image-only.pdf"])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try JSONReader.parse(result.standardOutput)
    #expect(json["source"]?["text_layer"]?.stringValue == "ocr")
  }

  @Test("a truncated or corrupted PDF gives exit 2 with a message, not a crash")
  func damagedPDF() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = try Data(contentsOf: CommandRunner.root.appending(path: "Samples/pdf/gen-2019-b.pdf"))
    let truncated = folder.appending(path: "truncated.pdf")
    try original.prefix(original.count / 3).write(to: truncated)
    var corrupted = original
    for index in stride(from: 2000, to: min(corrupted.count, 40000), by: 97) { corrupted[index] ^= 0x5A }
    let damaged = folder.appending(path: "corrupted.pdf")
    try corrupted.write(to: damaged)
    for file in [truncated, damaged] {
      let result = try CommandRunner.run(["parse", file.path()])
      #expect([0, 2].contains(result.status), "\(file.lastPathComponent): \(result.status)")
      if result.status == 2 {
        #expect(result.standardError.contains(file.lastPathComponent))
      }
    }
  }

  @Test("an encrypted PDF opens with --password and reads like its source (gen-2019-b)")
  func password() throws {
    let decrypted = try CommandRunner.run(["parse", "--password", "user-secret", "Samples/pdf/bad/encrypted.pdf"])
    #expect(decrypted.status == 0, "\(decrypted.standardError)")
    let source = try CommandRunner.run(["parse", "Samples/pdf/gen-2019-b.pdf"])
    let decryptedJSON = try JSONReader.parse(decrypted.standardOutput)
    let sourceJSON = try JSONReader.parse(source.standardOutput)
    for key in ["meta", "proactive", "requests", "appeals"] {
      #expect(decryptedJSON[key] == sourceJSON[key], "\(key)")
    }
    let wrong = try CommandRunner.run(["parse", "--password", "wrong", "Samples/pdf/bad/encrypted.pdf"])
    #expect(wrong.status == 2)
    #expect(wrong.standardError.contains("check --password"))
  }

  @Test("clean on a PDF shows table rows as tab-separated lines")
  func cleanPDF() throws {
    let result = try CommandRunner.run(["clean", "Samples/pdf/gen-2021-a.pdf"])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("一、本年新收政府信息公开申请数量\t"))
  }
}
