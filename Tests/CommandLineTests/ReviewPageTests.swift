import Foundation
import GongkaiCore
import GongkaiPDF
import Testing

/// Chromium as Debian installs it (scripts/setup.sh), or nil when it is not installed.
private let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// Runs chromium headless with `arguments`; returns its standard output.
private func runChromium(_ arguments: [String]) throws -> String {
  guard let chromium else { throw RunnerError(description: "chromium is not installed") }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: chromium)
  process.arguments =
    ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--mute-audio"] + arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}

/// The value of attribute `name` of the element with id `id` in `html`.
private func attribute(_ name: String, ofElement id: String, in html: String) -> String? {
  guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
  let tagStart = html[..<start.lowerBound].lastIndex(of: "<") ?? start.lowerBound
  guard let tagEnd = html[start.upperBound...].firstIndex(of: ">") else { return nil }
  let tag = html[tagStart..<tagEnd]
  guard let found = tag.range(of: " \(name)=\"") else { return nil }
  return String(tag[found.upperBound...].prefix { $0 != "\"" })
}

/// How many times `needle` occurs in `text`.
private func occurrences(of needle: String, in text: String) -> Int {
  text.components(separatedBy: needle).count - 1
}

@Suite("Review page")
struct ReviewPageTests {
  @Test(
    "the review page of a sample PDF works in headless Chromium: one outline per non-null cell, one entry per finding, not blank",
    .enabled(if: chromium != nil, "chromium is not installed: scripts/setup.sh installs it (Debian package chromium)"),
    arguments: ["Samples/pdf/gen-2021-c.pdf", "Samples/pdf/gen-2019-a.pdf"])
  func browser(sample: String) throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appending(path: "review.html").path()
    let review = try CommandRunner.run(["review", sample, "-o", page])
    #expect(review.status == 0, "\(review.standardError)")
    #expect(review.standardOutput == page + "\n")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(!html.contains("http://") && !html.contains("https://"), "the page must not need the network")

    // What the page should show, from the report itself.
    let parsed = try JSONReader.parse(try CommandRunner.run(["parse", sample]).standardOutput)
    var nonNull = 0
    for table in ["proactive", "requests", "appeals"] {
      for (_, row) in parsed[table]?.objectMembers ?? [] {
        nonNull += (row.objectMembers ?? []).filter { !$0.1.isNull }.count
      }
    }
    let findings = parsed["findings"]?.arrayElements?.count ?? -1
    let pages = parsed["source"]?["pages"]?.intValue ?? -1
    #expect(nonNull >= 150)

    // The DOM after the page's script has run.
    let url = URL(fileURLWithPath: page).absoluteString
    let dom = try runChromium(["--virtual-time-budget=5000", "--dump-dom", url])
    #expect(dom.contains("id=\"review-check\""), "the page's script did not run")
    #expect(attribute("data-boxes", ofElement: "review-check", in: dom) == String(nonNull))
    #expect(attribute("data-findings", ofElement: "review-check", in: dom) == String(findings))
    #expect(attribute("data-links", ofElement: "review-check", in: dom) == String(nonNull))
    #expect(attribute("data-images", ofElement: "review-check", in: dom) == String(pages))
    #expect(occurrences(of: "<a class=\"box", in: dom) == nonNull)
    #expect(occurrences(of: "<li class=\"finding", in: dom) == findings)

    // A screenshot that is not blank: page images, outlines and tables give many grey levels.
    let shot = folder.appending(path: "shot.png").path()
    _ = try runChromium(["--window-size=1280,900", "--virtual-time-budget=5000", "--screenshot=\(shot)", url])
    let bitmap = try #require(PNGReader.greyBitmap(path: shot), "no screenshot was written")
    #expect(bitmap.width == 1280 && bitmap.height == 900)
    var levels = Set<UInt8>()
    var dark = 0
    for value in bitmap.pixels {
      levels.insert(value)
      if value < 128 { dark += 1 }
    }
    #expect(levels.count >= 32, "the screenshot has only \(levels.count) grey levels")
    #expect(dark * 200 >= bitmap.pixels.count, "the screenshot is almost blank: \(dark) dark pixels")
  }

  @Test("the review page of a text export marks every non-null cell in the text")
  func textInput() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appending(path: "review.html").path()
    let sample = "Samples/text/rule-balance.txt"
    let review = try CommandRunner.run(["review", sample, "-o", page])
    #expect(review.status == 0, "\(review.standardError)")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    let parsed = try JSONReader.parse(try CommandRunner.run(["parse", sample]).standardOutput)
    var nonNull = 0
    for table in ["proactive", "requests", "appeals"] {
      for (_, row) in parsed[table]?.objectMembers ?? [] {
        nonNull += (row.objectMembers ?? []).filter { !$0.1.isNull }.count
      }
    }
    #expect(occurrences(of: "<mark class=\"box", in: html) == nonNull)
    // Marks sit in the text, not appended at line ends.
    #expect(occurrences(of: " loose\"", in: html) == 0)
    let errors = (parsed["findings"]?.arrayElements ?? []).filter { $0["severity"]?.stringValue == "error" }
    #expect(!errors.isEmpty)
    #expect(occurrences(of: "<li class=\"finding err\"", in: html) == errors.count)
    #expect(html.contains("<mark class=\"box err"))
  }
}
