import Foundation
import GongkaiCore
import Testing

/// The scanned PDFs in Samples/scan that have an expected file.
private let scanSamples: [String] = {
  let folder = CommandRunner.root.appending(path: "Samples/scan")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? []
  return names.filter {
    $0.hasSuffix(".pdf") && names.contains(($0 as NSString).deletingPathExtension + ".expected.json")
  }
  .sorted()
}()

@Suite("Scanned reports end to end")
struct ScanTests {
  /// The precision test: a scan's numbers are the printed ones or `null` with a finding on
  /// that cell, its error findings are exactly the planted faults (none when there are none),
  /// and the meta and the warnings the expected file names are there.
  @Test(
    "gongkai parse reads a scan by OCR: no wrong number, no false error, planted faults found", arguments: scanSamples)
  func scanMatchesExpectation(name: String) throws {
    let result = try CommandRunner.run(["parse", "Samples/scan/\(name)"])
    #expect(result.status == 0, "\(result.standardError)")
    let actual = try JSONReader.parse(result.standardOutput)
    let expected = try JSONReader.parse(
      String(
        contentsOf: CommandRunner.root.appending(
          path: "Samples/scan/\((name as NSString).deletingPathExtension).expected.json"),
        encoding: .utf8))
    #expect(actual["source"]?["text_layer"]?.stringValue == "ocr")
    if let meta = expected["meta"] {
      // The hard scans' grey seal covers the signature date (as a 公章 does): it is read
      // through the seal.
      let differences = ReportExpectation.differences(actual: actual, expected: .object([("meta", meta)]))
      #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
    }
    let findings = (actual["findings"]?.arrayElements ?? []).map { finding in
      (
        rule: finding["rule"]?.stringValue ?? "", severity: finding["severity"]?.stringValue ?? "",
        location: finding["where"]?.stringValue ?? ""
      )
    }
    let flagged = Set(findings.map(\.location))
    var problems: [String] = []
    for table in ["proactive", "requests", "appeals"] {
      for (row, cells) in expected[table]?.objectMembers ?? [] {
        for (column, want) in cells.objectMembers ?? [] {
          let path = "\(table).\(row).\(column)"
          let have = actual[table]?[row]?[column] ?? .null
          let same = have == want || (have["yuan"] != nil && have["yuan"] == want["yuan"])
          if have.isNull {
            if !want.isNull && !flagged.contains(path) { problems.append("\(path) is null with no finding") }
          } else if !same {
            problems.append("\(path) is \(have), the scan shows \(want)")
          }
        }
      }
    }
    let expectedFindings = (expected["findings"]?.arrayElements ?? []).map { finding in
      "\(finding["rule"]?.stringValue ?? "") \(finding["severity"]?.stringValue ?? "") \(finding["where"]?.stringValue ?? "")"
    }
    let errors = Set(findings.filter { $0.severity == "error" }.map { "\($0.rule) error \($0.location)" })
    let expectedErrors = Set(expectedFindings.filter { $0.contains(" error ") })
    problems += errors.subtracting(expectedErrors).sorted().map { "false finding \($0)" }
    problems += expectedErrors.subtracting(errors).sorted().map { "planted fault not found: \($0)" }
    let all = Set(findings.map { "\($0.rule) \($0.severity) \($0.location)" })
    for finding in expectedFindings where !finding.contains(" error ") && !all.contains(finding) {
      problems.append("expected \(finding)")
    }
    #expect(problems.isEmpty, "\(name):\n\(problems.joined(separator: "\n"))")
  }

  @Test("the scans include a planted fault, signed changes and amounts with units")
  func scanVariety() throws {
    let texts = try scanSamples.map { name in
      try String(
        contentsOf: CommandRunner.root.appending(
          path: "Samples/scan/\((name as NSString).deletingPathExtension).expected.json"),
        encoding: .utf8)
    }
    #expect(texts.contains { $0.contains("\"severity\": \"error\"") })
    #expect(texts.contains { $0.contains("\"change\": -3") })
    #expect(texts.contains { $0.contains("万元") })
  }

  @Test("there are scans of both forms")
  func bothForms() {
    #expect(scanSamples.contains { $0.contains("2019") })
    #expect(scanSamples.contains { $0.contains("2021") })
  }

  /// A shared library that is not tesseract, to stand in for a broken install.
  static let someOtherLibrary: URL? = ["/lib", "/usr/lib"].flatMap { base in
    ["x86_64-linux-gnu", "aarch64-linux-gnu", ""].map { URL(fileURLWithPath: base).appending(path: $0) }
  }.map { $0.appending(path: "libz.so.1") }.first { FileManager.default.fileExists(atPath: $0.path()) }

  @Test(
    "without a usable libtesseract a scan gives a one-line error naming the package, and text PDFs still parse",
    .enabled(if: someOtherLibrary != nil))
  func tesseractUnusable() throws {
    guard let library = Self.someOtherLibrary else { return }
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Found first under tesseract's name, it loads but has none of tesseract's functions.
    try FileManager.default.copyItem(
      at: library.resolvingSymlinksInPath(), to: folder.appending(path: "libtesseract.so.5"))
    var environment = ProcessInfo.processInfo.environment
    environment["LD_LIBRARY_PATH"] = folder.path()
    let scan = try CommandRunner.run(["parse", "Samples/scan/\(scanSamples[0])"], environment: environment)
    #expect(scan.status == 2)
    #expect(scan.standardError.contains("libtesseract5"), "\(scan.standardError)")
    #expect(scan.standardError.split(separator: "\n").count == 1)
    let text = try CommandRunner.run(["parse", "Samples/pdf/gen-2019-a.pdf"], environment: environment)
    #expect(text.status == 0, "\(text.standardError)")
  }

  @Test("a county misread in a scanned title is the name the report's other mentions read, with a repair")
  func agencyMisreadInTitle() throws {
    // Samples/pdf-styles/wps-2021-c with its first page scanned (photocopied at 300 dpi,
    // `make-scan-fixtures.py --photocopy … 2047`, skew 3°): the title's 白沙县 reads 白沙有 in
    // its large type, the opening paragraph's (same page, body type) 白沙县, as do the text
    // layer's closing paragraph and signature. Taken from the title alone, the agency was
    // 白沙有市场监督管理局, with no finding.
    let result = try CommandRunner.run(["parse", "Samples/scan/pages/wps-2021-c-pc2047-page1-scanned.pdf"])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try JSONReader.parse(result.standardOutput)
    #expect(report["source"]?["text_layer"]?.stringValue == "mixed")
    #expect(report["meta"]?["agency"]?.stringValue == "白沙县市场监督管理局")
    #expect(report["meta"]?["title"]?.stringValue == "白沙县市场监督管理局2021年政府信息公开工作年度报告")
    let corrections = (report["repairs"]?.arrayElements ?? []).filter {
      $0["kind"]?.stringValue == "ocr_correction" && $0["detail"]?.stringValue?.contains("白沙有") == true
    }
    #expect(corrections.count == 1)
  }

  @Test(
    "a heading whose numeral the scan lost still heads its table, and a row read as characters is unread, not missing")
  func headingWithoutNumeralAndGarbledRow() throws {
    // Pages 1 and 2 of make_browser_variants.py --seed 3900's variant s5 (border_cellspacing, blue
    // rules, zebra, AR PL UMing, 2021 form) photocopied by make_scan_variants.py --seed 3901
    // --no-styles (g3905, 300 dpi), 378 KB: the heading 二、主动公开政府信息情况 reads
    // 、主动公开政府信息情况 and was taken for a list (table 二 not found: ten cells null), and
    // 规章 0 0 0 reads 好杜 日 日 (three false `missing` errors once the table is found).
    let result = try CommandRunner.run([
      "parse", "Samples/scan/pages/browser-cellspacing-zebra-2021-photocopy300-g3905-pages1-2.pdf",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try JSONReader.parse(result.standardOutput)
    let proactive = report["proactive"]
    // As the page prints them (read from the page image).
    #expect(proactive?["normative_documents"]?["issued"]?.intValue == 26)
    #expect(proactive?["normative_documents"]?["in_force"]?.intValue == 48)
    let repealed = proactive?["normative_documents"]?["repealed"]
    #expect(repealed?.intValue == 6 || repealed?.isNull == true, "\(String(describing: repealed))")
    #expect(proactive?["licensing"]?["decisions"]?.intValue == 3619)
    #expect(proactive?["penalties"]?["decisions"]?.intValue == 757)
    #expect(proactive?["enforcement"]?["decisions"]?.intValue == 82)
    let findings = (report["findings"]?.arrayElements ?? []).filter {
      $0["where"]?.stringValue?.hasPrefix("proactive.") == true
    }
    #expect(!findings.contains { $0["severity"]?.stringValue == "error" }, "\(findings)")
    for key in ["issued", "repealed", "in_force"] where proactive?["rules"]?[key]?.isNull == true {
      #expect(
        findings.contains {
          $0["where"]?.stringValue == "proactive.rules.\(key)" && $0["rule"]?.stringValue == "ocr_low_confidence"
        }, "\(findings)")
    }
  }

  @Test("a doubtful scanned count the narrative contradicts is null with its finding, never the misread")
  func narrativeContradictsScannedCount() throws {
    // Page 1 of a browser-printed 2021 report (make_browser_variants.py --seed 1931's variant
    // s5, AR PL UKai, num_fullwidth) photocopied (`--photocopy SRC OUT 1940 --dpi 200 --look
    // photocopy --quality 50 --skew 1.0`), 170 KB, the JPEG as generated (qpdf): table 二's
    // 行政强制 is 42, read 12 by the Chinese model alone (unsure, flagged), while the overview
    // on the same page reads “行政强制决定 42 件”. 12 went out with only a warning.
    let result = try CommandRunner.run(["parse", "Samples/scan/pages/browser-css-2021-scan200-g1940-page1.pdf"])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try JSONReader.parse(result.standardOutput)
    let enforcement = report["proactive"]?["enforcement"]?["decisions"]
    #expect(enforcement?.intValue == 42 || enforcement?.isNull == true, "\(String(describing: enforcement))")
    #expect(report["proactive"]?["penalties"]?["decisions"]?.intValue == 998)
    if enforcement?.isNull == true {
      let findings = report["findings"]?.arrayElements ?? []
      #expect(
        findings.contains {
          $0["rule"]?.stringValue == "ocr_low_confidence"
            && $0["where"]?.stringValue == "proactive.enforcement.decisions"
            && $0["message"]?.stringValue?.contains("narrative states 42") == true
        }, "\(findings)")
    }
  }

  @Test("table 三 whose heading the scan lost is found by its header and read")
  func tableFoundByHeaderWithoutHeading() throws {
    // Page 2 of a browser-printed 2021 report (make_browser_variants.py --seed 2230's variant
    // s3: CSS borders, blue rules, green header bands, Noto Serif, A4 at 80%) scanned by
    // make_scan_variants.py --seed 2231 --no-styles (g2233, 200 dpi, look scan), the JPEG as
    // generated (qpdf), 158 KB. The heading 三、收到和处理政府信息公开申请情况 between table 二's
    // end and table 三 reads as noise on its uneven grey paper, so no heading was found and
    // the page was "no report"; in the whole report every cell of table 三 was null.
    let result = try CommandRunner.run(["parse", "Samples/scan/pages/browser-css-2021-scan200-g2233-page2.pdf"])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try JSONReader.parse(result.standardOutput)
    let columns = [
      "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
    ]
    func row(_ key: String) -> [Int?] { columns.map { report["requests"]?[key]?[$0]?.intValue } }
    // As printed on the page.
    #expect(row("new") == [3, 12, 1, 1, 0, 0, 17])
    #expect(row("carried_over") == [6, 1, 0, 1, 1, 1, 10])
    #expect(row("denied_process_info") == [4, 0, 0, 0, 0, 0, 4])
    #expect(row("denied_administrative_query") == [2, 0, 0, 2, 0, 0, 4])
    #expect(row("rejected_duplicate") == [0, 11, 0, 0, 0, 0, 11])
    let inferred = (report["repairs"]?.arrayElements ?? []).filter { $0["kind"]?.stringValue == "heading_inferred" }
    #expect(inferred.count == 1, "\(inferred)")
  }

  @Test("--ocr never refuses an image-only PDF with a hint to use OCR")
  func ocrNever() throws {
    let result = try CommandRunner.run(["parse", "--ocr", "never", "Samples/pdf/bad/image-only.pdf"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("--ocr auto"))
  }
}
