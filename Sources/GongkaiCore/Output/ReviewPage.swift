import Foundation

/// Writes a report's review page: one self-contained HTML file (no network) showing the
/// input — page images with every cell read outlined, or the source text with every cell
/// marked — beside the findings and tables 二/三/四 as read. A click on a value scrolls to
/// where it was read; a finding highlights its cells.
public struct ReviewPage: Sendable {
  /// One page of a PDF as an image.
  public struct PageImage: Sendable {
    /// 1-based page number.
    public var number: Int
    /// Page width in points.
    public var width: Double
    /// Page height in points.
    public var height: Double
    /// The page as a PNG file.
    public var png: [UInt8]

    /// Creates a page image.
    public init(number: Int, width: Double, height: Double, png: [UInt8]) {
      self.number = number
      self.width = width
      self.height = height
      self.png = png
    }
  }

  /// What the page shows on its left.
  public enum Source: Sendable {
    /// The pages of a PDF (text layer or scan).
    case pages([PageImage])
    /// The text the front end handed the pipeline (a text export as decoded, or the text
    /// of an HTML, Word or Markdown file).
    case text(String)
  }

  private let catalog: TemplateCatalog

  /// Creates a writer over the catalog's forms (for row and column labels).
  public init(catalog: TemplateCatalog = .standard) {
    self.catalog = catalog
  }

  /// The review page of `report` (which should carry provenance) read from `source`.
  public func html(report: Report, source: Source) -> String {
    let provenance = report.provenance ?? []
    let marks = Self.marks(findings: report.findings, paths: provenance.map(\.path))
    var html = """
      <!DOCTYPE html>
      <html lang="zh-CN"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escape("审阅 · " + (report.meta.title ?? report.source.file)))</title>
      <style>\(Self.style)</style></head><body>
      <header><h1>\(Self.escape(report.meta.title ?? report.source.file))</h1><p>\(Self.escape(summary(report)))</p></header>
      <main><section class="source" id="source">
      """
    switch source {
    case .pages(let pages): html += pagesHTML(pages, provenance: provenance, marks: marks)
    case .text(let text): html += textHTML(text, provenance: provenance, marks: marks)
    }
    html += "</section><aside>"
    html += findingsHTML(report.findings, paths: provenance.map(\.path))
    html += tablesHTML(report, located: Set(provenance.map(\.path)), marks: marks)
    html += "</aside></main><script>\(Self.script)</script></body></html>\n"
    return html
  }

  /// The line under the title: file, agency, year, form, counts.
  private func summary(_ report: Report) -> String {
    let errors = report.findings.filter { $0.severity == .error }.count
    let warnings = report.findings.count - errors
    return [
      report.source.file, report.meta.agency ?? "", report.meta.year.map { "\($0)年" } ?? "",
      "\(report.meta.template)版表格", "\(report.provenance?.count ?? 0) 个单元格已定位",
      "\(errors) 个错误 · \(warnings) 个提示",
    ].filter { !$0.isEmpty }.joined(separator: " · ")
  }

  /// CSS classes of each cell path from the findings that name it: `err`, `warn`, `ocr`.
  static func marks(findings: [Finding], paths: [String]) -> [String: Set<String>] {
    var marks: [String: Set<String>] = [:]
    for finding in findings {
      let mark = finding.rule == "ocr_low_confidence" ? "ocr" : finding.severity == .error ? "err" : "warn"
      for path in cells(of: finding, among: paths) { marks[path, default: []].insert(mark) }
      // A null cell named by a finding (missing) is marked in the tables too.
      if finding.location.split(separator: ".").count == 3 { marks[finding.location, default: []].insert(mark) }
    }
    return marks
  }

  /// The located cells a finding is about: the cell it names, every cell of the row or
  /// table it names, and the cells its message names (a narrative mismatch names them).
  static func cells(of finding: Finding, among paths: [String]) -> [String] {
    let location = finding.location
    return paths.filter { $0 == location || $0.hasPrefix(location + ".") || names(finding.message, path: $0) }
  }

  /// Whether `message` names `path` as a whole word.
  static func names(_ message: String, path: String) -> Bool {
    var rest = message[...]
    while let range = rest.range(of: path) {
      let next = rest[range.upperBound...].first
      if next == nil || !(next!.isLetter || next!.isNumber || next == "_" || next == ".") { return true }
      rest = rest[range.upperBound...]
    }
    return false
  }

  /// The id of a cell's outline or mark.
  static func boxID(_ path: String) -> String { "b-" + path }

  private func tip(_ entry: CellProvenance) -> String {
    "\(entry.path) = \(entry.raw)"
  }

  private func classes(_ path: String, marks: [String: Set<String>]) -> String {
    (["box"] + (marks[path] ?? []).sorted()).joined(separator: " ")
  }

  /// Every page image with an outline per located cell, placed in percent of the page.
  private func pagesHTML(_ pages: [PageImage], provenance: [CellProvenance], marks: [String: Set<String>]) -> String {
    var byPage: [Int: [(CellProvenance, [Double])]] = [:]
    for entry in provenance {
      if case .page(let page, let box) = entry.origin, box.count == 4 { byPage[page, default: []].append((entry, box)) }
    }
    var html = ""
    for page in pages {
      let ratio = page.height > 0 && page.width > 0 ? page.height / page.width * 100 : 141.4
      html += "<div class=\"page\" id=\"page-\(page.number)\" style=\"padding-top:\(Self.percent(ratio))%\">"
      html += "<img alt=\"第\(page.number)页\" src=\"data:image/png;base64,\(Data(page.png).base64EncodedString())\">"
      for (entry, box) in byPage[page.number] ?? [] {
        let left = box[0] / page.width * 100
        let top = box[1] / page.height * 100
        let width = max(0.2, (box[2] - box[0]) / page.width * 100)
        let height = max(0.2, (box[3] - box[1]) / page.height * 100)
        html +=
          "<a class=\"\(classes(entry.path, marks: marks))\" id=\"\(Self.escape(Self.boxID(entry.path)))\" data-path=\"\(Self.escape(entry.path))\" data-tip=\"\(Self.escape(tip(entry)))\" title=\"\(Self.escape(tip(entry)))\" style=\"left:\(Self.percent(left))%;top:\(Self.percent(top))%;width:\(Self.percent(width))%;height:\(Self.percent(height))%\"></a>"
      }
      html += "<span class=\"pageno\">\(page.number)</span></div>"
    }
    return html
  }

  /// The source text, numbered by line, each located cell marked where its text stands.
  private func textHTML(_ text: String, provenance: [CellProvenance], marks: [String: Set<String>]) -> String {
    var byLine: [Int: [CellProvenance]] = [:]
    for entry in provenance {
      var line = entry.textPosition?.line
      if line == nil, case .line(let number) = entry.origin { line = number }
      if let line { byLine[line, default: []].append(entry) }
    }
    var html = "<pre class=\"text\">"
    for (index, line) in text.inputLines().enumerated() {
      let number = index + 1
      let characters = Array(line)
      // Each cell's characters, found left to right (within its tab-separated field when known).
      var ranges: [(Range<Int>, CellProvenance)] = []
      var unplaced: [CellProvenance] = []
      var cursor = 0
      let cells = (byLine[number] ?? []).sorted { ($0.textPosition?.field ?? 0) < ($1.textPosition?.field ?? 0) }
      for entry in cells {
        var start = cursor
        if let field = entry.textPosition?.field {
          var tabs = 0
          var position = 0
          while position < characters.count, tabs < field {
            if characters[position] == "\t" { tabs += 1 }
            position += 1
          }
          start = max(start, position)
        }
        if let range = Self.find(entry.raw, in: characters, from: start) {
          ranges.append((range, entry))
          cursor = range.upperBound
        } else {
          unplaced.append(entry)
        }
      }
      html += "<span class=\"ln\" id=\"L\(number)\" data-n=\"\(number)\">"
      var position = 0
      for (range, entry) in ranges {
        html += Self.escape(String(characters[position..<range.lowerBound]))
        html +=
          "<mark class=\"\(classes(entry.path, marks: marks))\" id=\"\(Self.escape(Self.boxID(entry.path)))\" data-path=\"\(Self.escape(entry.path))\" data-tip=\"\(Self.escape(tip(entry)))\" title=\"\(Self.escape(tip(entry)))\">\(Self.escape(String(characters[range])))</mark>"
        position = range.upperBound
      }
      html += Self.escape(String(characters[position...]))
      // A cell whose text the line does not spell out as read (digits narrowed by repair)
      // is still marked, at the end of its line.
      for entry in unplaced {
        html +=
          " <mark class=\"\(classes(entry.path, marks: marks)) loose\" id=\"\(Self.escape(Self.boxID(entry.path)))\" data-path=\"\(Self.escape(entry.path))\" data-tip=\"\(Self.escape(tip(entry)))\" title=\"\(Self.escape(tip(entry)))\">\(Self.escape(entry.raw))</mark>"
      }
      html += "</span>\n"
    }
    return html + "</pre>"
  }

  /// Where `raw` (blanks ignored) is spelled in `line` from `start`, blanks in the line skipped.
  static func find(_ raw: String, in line: [Character], from start: Int) -> Range<Int>? {
    let wanted = raw.filter { !$0.isWhitespace }
    guard let first = wanted.first, start < line.count else { return nil }
    for begin in start..<line.count where line[begin] == first {
      var position = begin
      var matched = true
      for character in wanted {
        while position < line.count, line[position].isWhitespace, line[position] != "\t" { position += 1 }
        guard position < line.count, line[position] == character else {
          matched = false
          break
        }
        position += 1
      }
      if matched { return begin..<position }
    }
    return nil
  }

  /// The findings, each linked to the cells it is about.
  private func findingsHTML(_ findings: [Finding], paths: [String]) -> String {
    var html = "<h2>发现 Findings (\(findings.count))</h2><ol class=\"findings\">"
    for finding in findings {
      let kind = finding.rule == "ocr_low_confidence" ? "ocr" : finding.severity == .error ? "err" : "warn"
      let cells = Self.cells(of: finding, among: paths).map(Self.boxID).joined(separator: " ")
      html +=
        "<li class=\"finding \(kind)\" data-cells=\"\(Self.escape(cells))\" data-where=\"\(Self.escape(finding.location))\"><b>\(Self.escape(finding.rule))</b> <code>\(Self.escape(finding.location))</code> \(Self.escape(finding.message))</li>"
    }
    return html + "</ol>"
  }

  /// Tables 二/三/四 as read, labelled from the report's form; located values link to their box.
  private func tablesHTML(_ report: Report, located: Set<String>, marks: [String: Set<String>]) -> String {
    guard let template = catalog.template(id: report.meta.template) ?? catalog.templates.first else { return "" }
    var html = ""
    let tables: [(String, String, DataTable, [String: String], [String: String])] = [
      (
        "proactive", "二、主动公开政府信息情况", report.proactive,
        Dictionary(template.proactive.rows.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first }),
        Dictionary(template.proactive.columns.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
      ),
      (
        "requests", "三、收到和处理政府信息公开申请情况", report.requests,
        Dictionary(template.requests.rows.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first }),
        Dictionary(template.requests.columns.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
      ),
      (
        "appeals", "四、政府信息公开行政复议、行政诉讼情况", report.appeals,
        Dictionary(template.appeals.groups.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first }),
        Dictionary(template.appeals.columns.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
      ),
    ]
    for (name, title, table, rowLabels, columnLabels) in tables {
      html += "<h2>\(Self.escape(title))</h2><table class=\"read\" data-table=\"\(name)\">"
      var header: [String] = []
      for row in table.rows {
        let keys = row.cells.map(\.key)
        if keys != header, !keys.isEmpty {
          header = keys
          html += "<tr><th></th>" + keys.map { "<th>\(Self.escape(columnLabels[$0] ?? $0))</th>" }.joined() + "</tr>"
        }
        html += "<tr><th class=\"label\">\(Self.escape(rowLabels[row.key] ?? row.key))</th>"
        if row.isAbsentByDesign {
          html += "<td class=\"absent\" colspan=\"\(max(1, header.count))\">（按表格另一种写法，整行为空）</td></tr>"
          continue
        }
        for cell in row.cells {
          let path = "\(name).\(row.key).\(cell.key)"
          let text: String
          switch cell.value {
          case nil: text = "—"
          case .count(let count): text = String(count)
          case .amount(let amount): text = amount.raw
          }
          let classes = ((marks[path] ?? []).sorted() + (cell.value == nil ? ["null"] : [])).joined(separator: " ")
          let link = located.contains(path) ? " data-go=\"\(Self.escape(Self.boxID(path)))\"" : ""
          html +=
            "<td class=\"\(classes)\" data-path=\"\(Self.escape(path))\"\(link) title=\"\(Self.escape(path))\">\(Self.escape(text))</td>"
        }
        html += "</tr>"
      }
      html += "</table>"
    }
    return html
  }

  /// A number for CSS, four decimals at most.
  static func percent(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let scaled = (value * 10_000).rounded() / 10_000
    return String(scaled)
  }

  /// Text made safe for HTML content and attribute values.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }

  private static let style = """
    *{box-sizing:border-box}body{margin:0;font:14px/1.5 "Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;color:#222;background:#eef0f3}
    header{padding:8px 16px;background:#263238;color:#fff}header h1{font-size:18px;margin:0}header p{margin:2px 0 0;color:#cfd8dc;font-size:13px}
    main{display:flex;height:calc(100vh - 64px)}
    .source{flex:3;overflow:auto;padding:12px}aside{flex:2;overflow:auto;padding:8px 14px;background:#fff;border-left:1px solid #ccd}
    .page{position:relative;width:100%;max-width:900px;margin:0 auto 14px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
    .page img{position:absolute;left:0;top:0;width:100%;height:100%}
    .pageno{position:absolute;right:6px;top:4px;font-size:11px;color:#889}
    .box{position:absolute;display:block;border:1.5px solid rgba(33,150,243,.85);background:rgba(33,150,243,.08);border-radius:2px}
    mark.box{position:static;display:inline;padding:0 1px}
    .box:hover{background:rgba(33,150,243,.3);z-index:5}
    .box:hover::after{content:attr(data-tip);position:absolute;left:0;top:100%;white-space:nowrap;background:#263238;color:#fff;font-size:12px;padding:1px 6px;border-radius:3px;z-index:10}
    mark.box{position:relative}
    .box.warn{border-color:#f59e0b;background:rgba(245,158,11,.18)}.box.err{border-color:#e53935;background:rgba(229,57,53,.2)}
    .box.ocr{border-style:dotted;border-width:2px}
    .box.focus,.box.flash{outline:3px solid #7c3aed;outline-offset:2px;z-index:6}
    pre.text{background:#fff;padding:10px;white-space:pre-wrap;font:13px/1.6 "Noto Sans Mono CJK SC",monospace;counter-reset:none}
    .ln::before{content:attr(data-n);display:inline-block;width:3.5em;color:#99a;text-align:right;margin-right:1em}
    h2{font-size:15px;margin:14px 0 6px}
    ol.findings{padding-left:20px;margin:0}.finding{margin:3px 0;padding:2px 6px;border-left:4px solid #999;cursor:pointer;font-size:13px}
    .finding.err{border-color:#e53935;background:#fdecea}.finding.warn{border-color:#f59e0b;background:#fff7e6}.finding.ocr{border-left-style:dotted;border-color:#f59e0b;background:#fff7e6}
    .finding:hover{filter:brightness(.95)}code{font-size:12px;color:#455}
    table.read{border-collapse:collapse;font-size:12px;margin-bottom:8px}table.read th,table.read td{border:1px solid #cfd5dc;padding:1px 4px}
    table.read th{background:#f3f5f8;font-weight:normal;font-size:11px}th.label{text-align:left;max-width:16em}
    table.read td{text-align:right;min-width:2.4em}td[data-go]{cursor:pointer;color:#0d47a1}td[data-go]:hover{background:#e3f2fd}
    td.err{background:#fdecea}td.warn{background:#fff7e6}td.ocr{outline:2px dotted #f59e0b}td.null{color:#aaa;text-align:center}td.absent{color:#999;text-align:center}
    """

  private static let script = """
    (function(){
    function go(id){var box=document.getElementById(id);if(!box)return;box.scrollIntoView({block:'center'});box.classList.add('flash');setTimeout(function(){box.classList.remove('flash')},1600);}
    document.querySelectorAll('td[data-go]').forEach(function(td){td.addEventListener('click',function(){go(td.dataset.go)})});
    document.querySelectorAll('li.finding').forEach(function(li){
      var ids=(li.dataset.cells||'').split(' ').filter(function(s){return s});
      function set(on){ids.forEach(function(id){var b=document.getElementById(id);if(b)b.classList.toggle('focus',on)})}
      li.addEventListener('mouseenter',function(){set(true)});li.addEventListener('mouseleave',function(){set(false)});
      li.addEventListener('click',function(){if(ids.length)go(ids[0])});
    });
    var check=document.createElement('div');check.id='review-check';check.hidden=true;
    check.dataset.boxes=document.querySelectorAll('.box').length;check.dataset.findings=document.querySelectorAll('li.finding').length;
    check.dataset.links=document.querySelectorAll('td[data-go]').length;
    function images(){check.dataset.images=Array.prototype.filter.call(document.images,function(i){return i.complete&&i.naturalWidth>0}).length;}
    images();window.addEventListener('load',images);
    document.body.appendChild(check);
    })();
    """
}
