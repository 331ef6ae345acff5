import Foundation
import GongkaiCore
import Testing

/// Inputs under Samples/`folder` ending in `suffix` that have an expected file.
private func markupSamples(_ folder: String, suffix: String) -> [String] {
  let url = CommandRunner.root.appending(path: "Samples/\(folder)")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path())) ?? []
  return names.filter { $0.hasSuffix(suffix) }.sorted().map { "Samples/\(folder)/\($0)" }
}

/// Text without blanks, for comparing a cell's raw text with its source.
private func squeezed(_ text: some StringProtocol) -> String {
  String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{3000}" }.map(Character.init))
}

/// The tables of a document read straight from its markup by a plain tag scan (independent
/// of the front ends): each table's expanded grid as (row, column) → text, 1-based, a merged
/// cell's text in the first grid cell it covers.
private struct ScannedTables {
  private(set) var tables: [[[Int]: String]] = []
  private var open: [(grid: [[Int]: String], taken: Set<[Int]>, row: Int, column: Int)] = []

  mutating func startTable() { open.append(([:], [], 0, 1)) }

  mutating func endTable() {
    if let table = open.popLast() { tables.append(table.grid) }
  }

  mutating func startRow(skipping before: Int = 0) {
    guard !open.isEmpty else { return }
    open[open.count - 1].row += 1
    open[open.count - 1].column = 1 + before
  }

  mutating func cell(_ text: String, columns: Int = 1, rows: Int = 1) {
    guard !open.isEmpty else { return }
    var table = open[open.count - 1]
    while table.taken.contains([table.row, table.column]) { table.column += 1 }
    table.grid[[table.row, table.column]] = text
    for down in 0..<max(1, rows) {
      for across in 0..<max(1, columns) { table.taken.insert([table.row + down, table.column + across]) }
    }
    table.column += max(1, columns)
    open[open.count - 1] = table
  }

  /// The text at 1-based table, row and column.
  func text(table: Int, row: Int, column: Int) -> String? {
    guard table >= 1, table <= tables.count else { return nil }
    return tables[table - 1][[row, column]]
  }
}

/// The value of attribute `name` in a tag's attribute text, as a number (1 when absent).
private func span(_ name: String, in attributes: String) -> Int {
  guard let range = attributes.range(of: "\(name)=\"?([0-9]+)", options: .regularExpression) else { return 1 }
  return Int(attributes[range].filter(\.isNumber)) ?? 1
}

/// Tag text stripped, the common entities decoded.
private func plainText(_ markup: Substring) -> String {
  var text = markup.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
  for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
    text = text.replacingOccurrences(of: entity, with: character)
  }
  return text
}

/// The tables of an HTML page: <table>, <tr>, <td>/<th> with colspan and rowspan.
private func htmlTables(_ html: String) -> ScannedTables {
  var tables = ScannedTables()
  let tag = try! NSRegularExpression(pattern: "<(/?)(table|tr|td|th)\\b([^>]*)>", options: [.caseInsensitive])
  let matches = tag.matches(in: html, range: NSRange(html.startIndex..., in: html))
  var cellStart: (String.Index, String)? = nil
  for match in matches {
    guard let whole = Range(match.range, in: html), let closing = Range(match.range(at: 1), in: html),
      let nameRange = Range(match.range(at: 2), in: html), let attributes = Range(match.range(at: 3), in: html)
    else { continue }
    let name = html[nameRange].lowercased()
    let isClosing = !html[closing].isEmpty
    // Any table tag ends an open cell (an unclosed <td> included).
    if let (start, attributeText) = cellStart {
      tables.cell(
        plainText(html[start..<whole.lowerBound]), columns: span("colspan", in: attributeText),
        rows: span("rowspan", in: attributeText))
      cellStart = nil
      if isClosing, name == "td" || name == "th" { continue }
    }
    switch (name, isClosing) {
    case ("table", false): tables.startTable()
    case ("table", true): tables.endTable()
    case ("tr", false): tables.startRow()
    case ("td", false), ("th", false): cellStart = (whole.upperBound, String(html[attributes]))
    default: break
    }
  }
  return tables
}

/// The tables of a Word document's body: <w:tbl>, <w:tr> (with w:gridBefore), <w:tc>
/// (with w:gridSpan; a w:vMerge continuation is an empty cell), text from <w:t>.
private func wordTables(_ xml: String) -> ScannedTables {
  var tables = ScannedTables()
  let tag = try! NSRegularExpression(pattern: "<(/?)w:(tbl|tr|tc)\\b[^>]*>", options: [])
  let matches = tag.matches(in: xml, range: NSRange(xml.startIndex..., in: xml))
  var cellStart: String.Index?
  var rowStart: String.Index?
  for match in matches {
    guard let whole = Range(match.range, in: xml), let closing = Range(match.range(at: 1), in: xml),
      let nameRange = Range(match.range(at: 2), in: xml)
    else { continue }
    let isClosing = !xml[closing].isEmpty
    switch (xml[nameRange], isClosing) {
    case ("tbl", false): tables.startTable()
    case ("tbl", true): tables.endTable()
    case ("tr", false): rowStart = whole.upperBound
    case ("tc", false):
      if let start = rowStart {
        // The row's properties come before its first cell.
        let properties = xml[start..<whole.lowerBound]
        let before = properties.contains("w:gridBefore") ? span("w:val", in: String(properties)) : 0
        tables.startRow(skipping: before)
        rowStart = nil
      }
      cellStart = whole.upperBound
    case ("tc", true):
      guard let start = cellStart else { continue }
      let body = String(xml[start..<whole.lowerBound])
      var text = ""
      let run = try! NSRegularExpression(pattern: "<w:t(?: [^>]*)?>([^<]*)</w:t>", options: [])
      for piece in run.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
        if let range = Range(piece.range(at: 1), in: body) { text += body[range] }
      }
      let properties =
        body.range(of: "<w:tcPr>.*?</w:tcPr>", options: .regularExpression).map { String(body[$0]) } ?? ""
      let columns = properties.contains("w:gridSpan") ? span("w:val", in: properties) : 1
      tables.cell(plainText(text[...]), columns: columns)
      cellStart = nil
    default: break
    }
  }
  return tables
}

/// The lines of the file at `url` (relative to the project) as UTF-8, split at line feeds
/// byte by byte (a carriage return before one stays at the end of its line).
private func fileLines(_ path: String) throws -> [String] {
  let data = try Data(
    contentsOf: path.hasPrefix("/") ? URL(fileURLWithPath: path) : CommandRunner.root.appending(path: path))
  return data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
}

/// The provenance entries of `path` parsed with --provenance, and its non-null cell paths.
private func provenance(of path: String) throws -> (entries: [(String, JSONValue)], paths: Set<String>) {
  let result = try CommandRunner.run(["parse", "--provenance", path])
  #expect(result.status == 0, "\(result.standardError)")
  let report = try JSONReader.parse(result.standardOutput)
  var paths: Set<String> = []
  for table in ["proactive", "requests", "appeals"] {
    for (row, cells) in report[table]?.objectMembers ?? [] {
      for (column, value) in cells.objectMembers ?? [] where !value.isNull { paths.insert("\(table).\(row).\(column)") }
    }
  }
  return (report["provenance"]?.objectMembers ?? [], paths)
}

@Suite("Provenance of web pages, Word files and Markdown")
struct MarkupProvenanceTests {
  @Test(
    "every cell of an HTML page points at the table, row and column (merged cells expanded) that hold its raw text",
    arguments: markupSamples("html", suffix: ".clean.html") + markupSamples("html", suffix: ".lo.html"))
  func html(path: String) throws {
    let (entries, paths) = try provenance(of: path)
    #expect(Set(entries.map(\.0)) == paths)
    let tables = htmlTables(try String(contentsOf: CommandRunner.root.appending(path: path), encoding: .utf8))
    try check(entries, against: tables, in: path)
  }

  @Test(
    "every cell of a Word file points at the table, row and column (merged cells expanded) that hold its raw text",
    arguments: markupSamples("docx", suffix: ".docx"))
  func docx(path: String) throws {
    let (entries, paths) = try provenance(of: path)
    #expect(Set(entries.map(\.0)) == paths)
    let unzip = Process()
    unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    unzip.arguments = ["-p", CommandRunner.root.appending(path: path).path(), "word/document.xml"]
    let pipe = Pipe()
    unzip.standardOutput = pipe
    try unzip.run()
    let xml = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    unzip.waitUntilExit()
    try check(entries, against: wordTables(xml), in: path)
  }

  private func check(_ entries: [(String, JSONValue)], against tables: ScannedTables, in path: String) throws {
    #expect(entries.count >= 100)
    var wrong: [String] = []
    for (cell, origin) in entries {
      guard let raw = origin["raw"]?.stringValue, let table = origin["table"]?.intValue,
        let row = origin["row"]?.intValue, let column = origin["column"]?.intValue
      else {
        wrong.append("\(cell): not a table origin: \(origin)")
        continue
      }
      let text = tables.text(table: table, row: row, column: column)
      if text.map(squeezed) != squeezed(raw) {
        wrong.append(
          "\(cell): table \(table) row \(row) column \(column) holds \(text.map { "\"\($0)\"" } ?? "nothing"), raw \"\(raw)\""
        )
      }
    }
    #expect(
      wrong.isEmpty, "\(path): \(wrong.count) of \(entries.count) wrong:\n\(wrong.prefix(8).joined(separator: "\n"))")
  }

  @Test(
    "every cell of a Markdown file points at an input line that holds its raw text",
    arguments: markupSamples("markdown", suffix: ".md") + markupSamples("markdown-lines", suffix: ".md")
      + markupSamples("general", suffix: ".md"))
  func markdown(path: String) throws {
    let (entries, paths) = try provenance(of: path)
    #expect(Set(entries.map(\.0)) == paths)
    #expect(entries.count >= 150)
    let lines = try fileLines(path)
    var wrong: [String] = []
    for (cell, origin) in entries {
      guard let raw = origin["raw"]?.stringValue, let line = origin["line"]?.intValue, line >= 1, line <= lines.count
      else {
        wrong.append("\(cell): not a line origin in range: \(origin)")
        continue
      }
      // Raw is the text as the input prints it: full-width digits stay full-width.
      if !squeezed(lines[line - 1]).contains(squeezed(raw)) {
        wrong.append("\(cell): line \(line) does not hold \"\(raw)\": \(lines[line - 1].prefix(60))")
      }
      // Every sample's tables are pipe tables or HTML tables, so a cell's line is table markup,
      // never a sentence of the narrative that happens to give the same figures.
      let text = lines[line - 1]
      if !(text.drop { $0 == " " }.hasPrefix("|")
        || text.range(of: "<t[dh]", options: [.regularExpression, .caseInsensitive]) != nil)
      {
        wrong.append("\(cell): line \(line) is no table row: \(text.prefix(60))")
      }
    }
    #expect(
      wrong.isEmpty, "\(path): \(wrong.count) of \(entries.count) wrong:\n\(wrong.prefix(8).joined(separator: "\n"))")
  }

  @Test(
    "every cell of generated Markdown points at the very line its generator wrote the number on (a row's text repeated earlier, tables cut by page breaks, one <td> per line, <br> in cells, CRLF)",
    arguments: markupSamples("markdown-lines", suffix: ".md"))
  func generatedLines(path: String) throws {
    let (entries, paths) = try provenance(of: path)
    #expect(Set(entries.map(\.0)) == paths)
    let sidecar = CommandRunner.root.appending(path: String(path.dropLast(".md".count)) + ".lines.json")
    let written = try JSONReader.parse(String(contentsOf: sidecar, encoding: .utf8)).objectMembers ?? []
    let lineOf = Dictionary(written.map { ($0.0, $0.1.intValue) }, uniquingKeysWith: { first, _ in first })
    #expect(entries.count >= 190)
    var wrong: [String] = []
    for (cell, origin) in entries where origin["line"]?.intValue != lineOf[cell] ?? nil {
      wrong.append(
        "\(cell): line \(origin["line"]?.intValue ?? 0), written on \(lineOf[cell].map { "\($0 ?? 0)" } ?? "no line")")
    }
    #expect(
      wrong.isEmpty, "\(path): \(wrong.count) of \(entries.count) wrong:\n\(wrong.prefix(8).joined(separator: "\n"))")
  }

  @Test(
    "a Markdown file with CRLF line ends gives the same cells the same lines as with LF",
    arguments: ["Samples/markdown/gen-2021-b.docling.md", "Samples/markdown/gen-2019-a.marker.md"])
  func crlf(path: String) throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "gongkai-crlf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lf = try Data(contentsOf: CommandRunner.root.appending(path: path))
    #expect(!lf.contains(0x0D))
    var crlf = Data()
    for byte in lf {
      if byte == 0x0A { crlf.append(0x0D) }
      crlf.append(byte)
    }
    let copy = folder.appending(path: (path as NSString).lastPathComponent)
    try crlf.write(to: copy)
    let (original, paths) = try provenance(of: path)
    let (converted, convertedPaths) = try provenance(of: copy.path())
    #expect(convertedPaths == paths)
    #expect(converted.count == original.count)
    #expect(
      converted.map { "\($0.0) \($0.1["line"]?.intValue ?? 0)" }
        == original.map { "\($0.0) \($0.1["line"]?.intValue ?? 0)" })
  }
}
