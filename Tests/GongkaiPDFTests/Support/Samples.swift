import Foundation
import GongkaiPDF
import Testing

/// Where the sample PDFs live and what their expected files say.
enum Samples {
  /// The repository's root folder (three levels up from this file).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Samples/pdf.
  static let pdfFolder = root.appendingPathComponent("Samples/pdf")

  /// Samples/pdf/bad: PDFs made by Tests/GongkaiPDFTests/Fixtures/make-bad-pdfs.sh.
  static let badFolder = pdfFolder.appendingPathComponent("bad")

  /// The names (without extension) of the generated sample PDFs that have an expected file.
  static let generated: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: pdfFolder.path)) ?? []
    return names.filter { $0.hasPrefix("gen-") && $0.hasSuffix(".pdf") }
      .map { String($0.dropLast(4)) }
      .filter { FileManager.default.fileExists(atPath: pdfFolder.appendingPathComponent("\($0).expected.json").path) }
      .sorted()
  }()

  /// The path of a sample PDF.
  static func pdf(_ name: String) -> String { pdfFolder.appendingPathComponent("\(name).pdf").path }

  /// The path of a PDF in Samples/pdf/bad.
  static func bad(_ name: String) -> String { badFolder.appendingPathComponent(name).path }

  /// The expected JSON of a sample, as nested dictionaries.
  static func expected(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: pdfFolder.appendingPathComponent("\(name).expected.json"))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  /// Extractions are slow-ish in debug builds; each sample is extracted once per test run.
  nonisolated(unsafe) private static var cache: [String: ExtractedPDF] = [:]
  private static let lock = NSLock()

  /// The extraction of a sample PDF (cached).
  static func extracted(_ name: String) throws -> ExtractedPDF {
    lock.lock()
    defer { lock.unlock() }
    if let done = cache[name] { return done }
    let result = try PDFTextExtractor.extract(path: pdf(name))
    cache[name] = result
    return result
  }
}

/// Reading the tab-separated rows of an extracted text.
extension ExtractedPDF {
  /// The lines of the text.
  var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

  /// The lines that are table rows, split into their cells.
  var rows: [[String]] {
    lines.filter { $0.contains("\t") }.map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }
}

extension String {
  /// The text without any whitespace.
  var compact: String { String(filter { !$0.isWhitespace }) }
}

/// The keys of the seven cells of a table-三 row, in column order.
let applicantKeys = [
  "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
]

/// For each table-三 row key, the start of its own label cell (spaces removed).
let requestLabels: [(key: String, label: String)] = [
  ("new", "一、本年新收"), ("carried_over", "二、上年结转"), ("granted", "（一）予以公开"),
  ("partially_granted", "（二）部分公开"), ("denied_state_secret", "1.属于国家秘密"),
  ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"), ("denied_security_stability", "3.危及"),
  ("denied_third_party", "4.保护第三方"), ("denied_internal_affairs", "5.属于三类内部事务"),
  ("denied_process_info", "6.属于四类过程性"), ("denied_enforcement_files", "7.属于行政执法案卷"),
  ("denied_administrative_query", "8.属于行政查询"), ("unable_not_held", "1.本机关不掌握"),
  ("unable_needs_creation", "2.没有现成信息"), ("unable_unclear", "3.补正后申请内容"),
  ("rejected_petition", "1.信访举报投诉"), ("rejected_duplicate", "2.重复申请"),
  ("rejected_publication", "3.要求提供公开出版物"), ("rejected_excessive", "4.无正当理由大量反复"),
  ("rejected_confirmation", "5.要求行政机关确认"), ("other", "（六）其他处理"),
  ("other_no_correction", "1.申请人无正当理由逾期不补正"), ("other_unpaid_fee", "2.申请人逾期未按收费"),
  ("other_other", "3.其他"), ("results_total", "（七）总计"), ("carried_forward", "四、结转下年度"),
]

extension Trait where Self == TimeLimitTrait {
  /// The time limit of a suite that reads pages: a guard against a hang, not a speed test.
  /// Its clock also runs while the test waits for a thread behind other tests' page reads,
  /// so it stands well above the whole test run (about 10 minutes optimized on 2 cores).
  static var hangGuard: Self { .timeLimit(.minutes(25)) }
}
