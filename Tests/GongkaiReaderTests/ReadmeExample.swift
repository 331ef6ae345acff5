import Foundation
import GongkaiReader

/// One line per report: title, year, and requests received (table 三, 一、本年新收 总计).
func summarize(_ paths: [String]) -> [String] {
  let reader = ReportReader()  // PDF (text layer or OCR), web page, .docx, Markdown, text
  return paths.map { path in
    do {
      let report = try reader.report(contentsOf: URL(fileURLWithPath: path))
      let received = report.requests.cell("new", "total")??.count
      return "\(report.meta.title ?? path) \(report.meta.year ?? 0): \(received.map(String.init) ?? "not given")"
    } catch {
      return "\(error)"  // "news.html: no 政府信息公开工作年度报告 found: …"
    }
  }
}
