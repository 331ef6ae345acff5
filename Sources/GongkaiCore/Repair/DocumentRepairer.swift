import Foundation

/// The repair layer: from raw extracted text (a text export, or the text the PDF and OCR
/// layout produce) to a `RepairedDocument`, recording every change.
public struct DocumentRepairer: Sendable {
  private let catalog: TemplateCatalog
  /// Each form's table assemblers and digit grid, built when a report first needs them
  /// (or, for the assemblers, by `prepare()`).
  private let matchers: MatcherCache
  /// Each form's cues, normalised once.
  private let cues: [String: [String]]
  private let splitter: SectionSplitter
  /// Reads the figures the narrative states, which may decide a split of digits.
  private let narrativeFigures: NarrativeChecker
  private let furniture: FurnitureFilter

  private struct Matchers: Sendable {
    var proactive: TableAssembler
    var requests: TableAssembler
  }

  /// The forms' matchers and grids, built on first use under a lock.
  private final class MatcherCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var matchers: [String: Matchers] = [:]
    private var grids: [String: DigitGrid] = [:]
    private let variants: [String: [String]]

    init(variants: [String: [String]]) {
      self.variants = variants
    }

    /// The assemblers of tables 二 and 三 of `template`.
    func matchers(for template: ReportTemplate) -> Matchers {
      lock.lock()
      defer { lock.unlock() }
      if let built = matchers[template.id] { return built }
      let built = Matchers(
        proactive: DocumentRepairer.assembler(template.proactive, variants: variants),
        requests: DocumentRepairer.assembler(template.requests, variants: variants))
      matchers[template.id] = built
      return built
    }

    /// The form's cells and checks as slots, for splitting runs of digits.
    func grid(for template: ReportTemplate) -> DigitGrid {
      lock.lock()
      defer { lock.unlock() }
      if let built = grids[template.id] { return built }
      let built = DigitGrid(template: template)
      grids[template.id] = built
      return built
    }
  }

  /// Builds now, rather than when the first report needs them, every form's table
  /// assemblers: a caller can have it done on another thread while it reads the input (a
  /// report's form is known only once its text is read, and building them is a third of
  /// repairing a small report).
  func prepare() {
    for template in catalog.templates { _ = matchers.matchers(for: template) }
  }

  /// Prepares the repairer for the catalog's forms.
  public init(catalog: TemplateCatalog = .standard) {
    self.init(catalog: catalog, narrative: NarrativeChecker(catalog: catalog))
  }

  /// A repairer sharing `narrative` (built for `catalog`) with the validator.
  init(catalog: TemplateCatalog, narrative: NarrativeChecker) {
    self.catalog = catalog
    matchers = MatcherCache(variants: catalog.labelVariants)
    splitter = SectionSplitter(sections: catalog.newest.sections, headerWords: Self.headerWords(catalog))
    narrativeFigures = narrative
    furniture = FurnitureFilter(rules: catalog.pageFurniture, outsideMarkers: catalog.outsideFurnitureMarkers)
    cues = Dictionary(uniqueKeysWithValues: catalog.templates.map { ($0.id, $0.cues.map { LabelText.key($0) }) })
  }

  /// Per table, the words its header row shows (column labels, and table 四's group labels
  /// piece by piece: 行政诉讼·未经复议直接起诉), over every form: a scan whose heading was
  /// lost finds its table 三 or 四 by them. Table 二's sub-tables repeat one header (信息内容)
  /// and are left out.
  static func headerWords(_ catalog: TemplateCatalog) -> [String: [String]] {
    var words: [String: [String]] = [:]
    for template in catalog.templates {
      words["requests", default: []] += template.requests.columns.map(\.label)
      words["appeals", default: []] +=
        template.appeals.columns.map(\.label)
        + template.appeals.groups.flatMap { $0.label.split(separator: "·").map(String.init) }
    }
    return words
  }

  fileprivate static func assembler(_ table: ReportTemplate.Table, variants: [String: [String]]) -> TableAssembler {
    let specs = table.rows.map {
      TableAssembler.RowSpec(
        key: $0.key, label: $0.label, width: table.columnKeys(of: $0).count, standsIn: !($0.replaces ?? []).isEmpty,
        replaces: $0.replaces ?? [])
    }
    let matcher = LabelMatcher(
      rows: table.rows.map { ($0.key, $0.label, $0.deviantLabels ?? []) }, variants: variants)
    // A group cell that is not a row of its own (（三）不予公开) given numbers is a subtotal.
    let rowLabels = Set(table.rows.map { LabelText.key($0.label) })
    let groupLabels = Set(table.rows.compactMap { $0.group.map { LabelText.key($0) } }).subtracting(rowLabels)
    var assembler = TableAssembler(rows: specs, matcher: matcher)
    assembler.columnLabels = Set(table.columns.map { LabelText.key($0.label) })
    assembler.subtotalLabels = Set(
      groupLabels.union((table.subtotalLabels ?? []).map { LabelText.key($0) }).map { LabelKey(normalized: $0) })
    return assembler
  }

  /// Repairs `text`.
  public func repair(_ text: String) -> RepairedDocument {
    var repairs: [Repair] = []
    var lines = LineCleaner.clean(text, repairs: &repairs)
    // A crawler's header block first: its 发布时间/发布机构 lines look like page furniture.
    let header = RunningText.takeHeader(&lines)
    lines = furniture.removing(from: lines, repairs: &repairs)
    let sectionList = catalog.newest.sections
    lines = RunningText.splitHeadings(lines, sections: sectionList)
    let signature = Self.signature(of: &lines, repairs: &repairs)
    let spans = splitter.split(lines)
    let firstHeading = spans.first?.heading ?? lines.count
    let preambleLines = lines[..<firstHeading].filter { !$0.isBlank }
    let preamble = preambleLines.map(\.trimmed)

    var tokens: [String: [CellToken]] = [:]
    var narrative: [String: String] = [:]
    var headings: [String: String] = [:]
    for span in spans {
      if span.inferred {
        let section = sectionList[span.index]
        headings[span.key] = section.number + "、" + section.title
        repairs.append(
          Repair(
            kind: "heading_inferred",
            detail:
              "heading \(section.number)、\(section.title) not read; its table found by its header: \(lines[span.heading].trimmed)",
            line: lines[span.heading].number))
      } else {
        headings[span.key] = lines[span.heading].trimmed
      }
      if sectionList[span.index].table != nil {
        tokens[span.key] = CellTokenizer.tokenize(lines[span.body], repairs: &repairs)
      } else if let body = ParagraphBuilder.text(of: lines[span.body], repairs: &repairs) {
        narrative[span.key] = body
      }
    }

    let template = detectTemplate(tokens: tokens, preamble: preamble)
    let assemblers = matchers.matchers(for: template)
    var tables: [String: AssembledTable] = [:]
    tables["proactive"] = tokens["proactive"].map {
      var table = assemblers.proactive.assemble($0, repairs: &repairs)
      table.headerMoneyUnit = TableHeader.moneyUnit(in: $0)
      return table
    }
    tables["requests"] = tokens["requests"].map { assemblers.requests.assemble($0, repairs: &repairs) }
    tables["appeals"] = tokens["appeals"].map { assembleAppeals($0, template: template, repairs: &repairs) }
    if tables.values.contains(where: { !$0.runs.isEmpty }) {
      let statements = narrativeFigures.statements(in: ["overview", "problems", "other"].compactMap { narrative[$0] })
      DigitSplitter.resolve(
        &tables, grid: matchers.grid(for: template), narrative: statements, repairs: &repairs)
    }
    repairs.sort { $0.line < $1.line }
    return RepairedDocument(
      template: template, preamble: preamble, preambleLineNumbers: preambleLines.map(\.number), narrative: narrative,
      headings: headings,
      proactive: tables["proactive"], requests: tables["requests"], appeals: tables["appeals"],
      signatureAgency: signature.agency, signatureDate: signature.date, repairs: repairs, sourceHeader: header)
  }

  /// Decides the form from the words of the tables' own headers and labels; the year
  /// decides only when the tables say nothing.
  func detectTemplate(tokens: [String: [CellToken]], preamble: [String]) -> ReportTemplate {
    for table in ["proactive", "requests"] {
      guard let cells = tokens[table] else { continue }
      var raw = ""
      raw.reserveCapacity(cells.reduce(0) { if case .text(let text) = $1.content { $0 + text.utf8.count } else { $0 } })
      for token in cells {
        if case .text(let text) = token.content { raw += text }
      }
      let text = LabelText.key(raw)
      let scores = catalog.templates.map { template in
        (template, (cues[template.id] ?? []).filter { text.containsText($0) }.count)
      }
      let best = scores.max { $0.1 < $1.1 }
      if let best, best.1 > 0, scores.filter({ $0.1 == best.1 }).count == 1 { return best.0 }
    }
    if let year = MetaReader.year(inTitle: preamble.joined(separator: " ")),
      let template = catalog.template(forYear: year)
    {
      return template
    }
    return catalog.newest
  }

  /// Table 四: the first fifteen cells in order (复议 ×5, 直接起诉 ×5, 复议后起诉 ×5);
  /// empty cells on a line of values count as blank cells (a header's empty corners,
  /// on lines without values, do not).
  func assembleAppeals(_ tokens: [CellToken], template: ReportTemplate, repairs: inout [Repair]) -> AssembledTable {
    let width = template.appeals.columns.count
    let capacity = width * template.appeals.groups.count
    if let row = Self.valueRow(tokens, capacity: capacity) {
      if !row.ignored.isEmpty || row.unread.isEmpty {
        repairs.append(
          Repair(
            kind: "values_ignored",
            detail:
              "\(row.ignored.count) value(s) on the header lines of table 四 ignored (one line holds \(row.tokens.count { if case .value = $0.content { true } else { false } } - row.unread.count) of its \(capacity) values): \(row.ignored.prefix(8).joined(separator: " "))",
            line: row.line))
      }
      if !row.unread.isEmpty {
        repairs.append(
          Repair(
            kind: "values_ignored",
            detail:
              "\(row.unread.count) cell(s) of table 四's line of values read as no number (\(row.unread.prefix(8).joined(separator: " "))): left unread in their own cells",
            line: row.line))
      }
      return assembleAppeals(row.tokens, template: template, repairs: &repairs)
    }
    var cells: [CellText?] = []
    var origins: [AssembledTable.CellOrigin?] = []
    var pendingBlanks = 0
    var firstLine = 0
    var extra: [(String, Int)] = []
    var severable = false
    // Lines holding a row of values (two or more): there an empty first field is a cell;
    // a lone value after a tab (one cell per line) has a leading tab, not a blank cell.
    var valuesPerLine: [Int: Int] = [:]
    var valueCount = 0
    var mayHoldSeveral = false
    for token in tokens {
      if case .value = token.content {
        valuesPerLine[token.line, default: 0] += 1
        valueCount += 1
        mayHoldSeveral = mayHoldSeveral || token.mayHoldSeveral
      }
    }
    // The form is the last word: fifteen values fill the fifteen cells in order, whatever
    // empty fields stand between them (a header's corner carried onto the line of values by
    // a page break is no cell). More values than cells: which value is which cell cannot
    // be told, so every cell is null with a finding rather than a guess.
    if valueCount > capacity, !mayHoldSeveral {
      let detail =
        "table 四 holds \(valueCount) values where the form has \(capacity) cells; which value belongs to which cell cannot be told"
      repairs.append(
        Repair(
          kind: "values_ignored", detail: detail,
          line: tokens.first { if case .value = $0.content { true } else { false } }?.line ?? 0))
      let rows = template.appeals.groups.map {
        AssembledTable.Row(
          key: $0.key, cells: Array(repeating: nil, count: width), line: tokens.first?.line ?? 0,
          origins: Array(repeating: nil, count: width), unresolved: detail)
      }
      return AssembledTable(rows: rows, deviantRows: [])
    }
    let countBlanks = valueCount < capacity
    // Each line's first and last value: text between them is a cell of the row of values
    // that holds no number.
    var valueSpan: [Int: ClosedRange<Int>] = [:]
    for (index, token) in tokens.enumerated() {
      if case .value = token.content {
        valueSpan[token.line] = (valueSpan[token.line]?.lowerBound ?? index)...index
      }
    }
    // Lines holding text, and those starting with it (the header and the values run
    // together, their cells merged on a scan).
    var withText = Set<Int>()
    var startsWithText = Set<Int>()
    var seenLines = Set<Int>()
    for token in tokens {
      if case .blank = token.content { continue }
      let first = seenLines.insert(token.line).inserted
      if case .text = token.content {
        withText.insert(token.line)
        if first { startsWithText.insert(token.line) }
      }
    }
    var brokenLine: Int? = nil
    var firstCellOfLine: [Int: Int] = [:]
    // Fewer values than cells and a cell between two values read as no number (a scan's
    // cell whose two numbers ran together, the column rule between them lost, read as
    // text): the values before it stand in their cells, but that cell may hold one value
    // or several, and by order the values after it would land in cells before their own.
    // The cells from it on are unread (null with a finding), not guessed.
    var unplaceableFrom: Int? = nil
    for (index, token) in tokens.enumerated() {
      switch token.content {
      case .text:
        if countBlanks, unplaceableFrom == nil, let span = valueSpan[token.line],
          span.lowerBound < index, index < span.upperBound
        {
          unplaceableFrom =
            startsWithText.contains(token.line) ? firstCellOfLine[token.line] ?? cells.count : cells.count
          brokenLine = token.line
        }
        continue
      case .blank:
        if !countBlanks { continue }
        if token.field == 0 {
          if valuesPerLine[token.line, default: 0] >= 2 { pendingBlanks += 1 }
        } else if !cells.isEmpty || valuesPerLine[token.line] != nil {
          pendingBlanks += 1
        }
      case .value(let value):
        if cells.isEmpty { firstLine = token.line }
        guard cells.count < capacity else {
          extra.append((value.raw, token.line))
          continue
        }
        while pendingBlanks > 0, cells.count < capacity - 1 {
          cells.append(.blankCell)
          origins.append(nil)
          pendingBlanks -= 1
        }
        pendingBlanks = 0
        if firstCellOfLine[token.line] == nil { firstCellOfLine[token.line] = cells.count }
        cells.append(value)
        origins.append(token.position)
        severable = severable || token.mayHoldSeveral
      }
    }
    // Running text: digits for the whole table, fewer values than cells, split by its arithmetic.
    if severable, extra.isEmpty,
      var run = AssembledTable.DigitRun(cells: cells, row: "", width: capacity, line: firstLine)
    {
      run.cells = template.appeals.groups.flatMap { group in
        (0..<width).map { AssembledTable.DigitRun.Position(row: group.key, column: $0) }
      }
      let rows = template.appeals.groups.map {
        AssembledTable.Row(
          key: $0.key, cells: Array(repeating: nil, count: width), line: firstLine,
          origins: Array(repeating: nil, count: width))
      }
      return AssembledTable(rows: rows, deviantRows: [], runs: [run])
    }
    if let first = extra.first {
      repairs.append(
        Repair(
          kind: "values_ignored",
          detail:
            "\(extra.count) value(s) after the fifteen cells of table 四 ignored: \(extra.map(\.0).prefix(8).joined(separator: " "))",
          line: first.1))
    }
    guard !cells.isEmpty else { return AssembledTable(rows: [], deviantRows: []) }
    // The row broken so, values on another line among text have no known cell either: a
    // header cell's stroke read as 4, or the row's first values run together with the
    // header (a header line ending in two values, the rest of the row on the line below).
    if let from = unplaceableFrom,
      let earliest = firstCellOfLine.filter({ $0.key != brokenLine && withText.contains($0.key) }).map(\.value)
        .min()
    {
      unplaceableFrom = min(from, earliest)
    }
    // Values left over besides (the empty fields among them counted as blank cells filled
    // the fifteen early: a scan's garbled header and row, 和 人 和 3 人2 1 攻 1 5 …): no value
    // has a known cell, the ones before the break included.
    if unplaceableFrom != nil, !extra.isEmpty {
      unplaceableFrom = 0
      extra = []
    }
    if let from = unplaceableFrom, from < capacity, extra.isEmpty {
      repairs.append(
        Repair(
          kind: "values_ignored",
          detail:
            "table 四 holds \(valueCount) values where the form has \(capacity) cells, and a cell among them reads as no number: the \(capacity - from) cell(s) from it on are left unread",
          line: firstLine))
      cells = Array(cells.prefix(from)) + Array(repeating: .placeholder(CellText.unread), count: capacity - from)
      origins = Array(origins.prefix(from)) + Array(repeating: nil, count: capacity - from)
      pendingBlanks = 0
    }
    // Values short on a single line of values (a scan's cell under a seal not read, two
    // cells run together and read as one unreadable blob): by order every value after the
    // gap would land cells early, and nothing on the line says where the gap is. Every cell
    // is unread (null with a finding), not guessed; the sums are not asked to place values
    // (a printed row that does not add up would be "mended"). Cells the scan could not read
    // count as cells: they do not say where the missing ones are either, nor does a blank
    // cell (a merged cell of two numbers the scan read as nothing, the line's first field).
    if extra.isEmpty, pendingBlanks == 0, valuesPerLine.count == 1, cells.count < capacity,
      cells.allSatisfy({
        switch $0 {
        case .number?: true
        case .placeholder(let text)?: text == CellText.unread || text.isEmpty
        default: false
        }
      })
    {
      cells = Array(repeating: .placeholder(CellText.unread), count: capacity)
      origins = Array(repeating: nil, count: capacity)
    }
    // Empty cells after the last value, up to the fifteen, are blank cells too.
    let trailing = min(pendingBlanks, capacity - cells.count)
    cells += Array(repeating: .blankCell, count: trailing)
    origins += Array(repeating: nil, count: trailing)
    let rows = template.appeals.groups.enumerated().compactMap { index, group -> AssembledTable.Row? in
      let start = index * width
      guard start < cells.count else { return nil }
      let end = min(start + width, cells.count)
      var slice = Array(cells[start..<end])
      var sliceOrigins = Array(origins[start..<end])
      slice += Array(repeating: nil, count: width - slice.count)
      sliceOrigins += Array(repeating: nil, count: width - sliceOrigins.count)
      return AssembledTable.Row(key: group.key, cells: slice, line: firstLine, origins: sliceOrigins)
    }
    return AssembledTable(rows: rows, deviantRows: [])
  }

  /// Table 四 laid out as the form prints it, one line of values under its header, with
  /// stray values among the header's words (a scan's header cells read as text: a stroke of
  /// 起诉 as 1): when the table holds more values than cells and exactly one line holds
  /// `capacity` values and no text, that line is the table's row of values; the values on
  /// other lines are ignored. `nil` otherwise (every cell then null, as no line says which
  /// values are the table's).
  ///
  /// The line may be running text (its values apart by spaces: a row of values at the top of
  /// a page, its header at the foot of the one before): a run of digits there could hold
  /// several cells, but a line of `capacity` runs holds one cell in each.
  ///
  /// A line of exactly `capacity` cells, two thirds of them values and the others blank or a
  /// mark or two read as no number (a scan's cells whose digits sat on a rule the page break
  /// left through them, read as 之 区 攻), is the row as well: each of its cells stands in
  /// its own column, so the marks are unread cells (`unread`) and the values keep their
  /// places; by order the values after a mark would land cells early.
  static func valueRow(_ tokens: [CellToken], capacity: Int) -> (
    tokens: [CellToken], line: Int, ignored: [String], unread: [String]
  )? {
    var values: [Int: Int] = [:]
    var texts = Set<Int>()
    // Where each piece stands: a line of values joined into a cell opened on a header line
    // (its last field empty) still stands on a line of its own.
    for token in tokens {
      switch token.content {
      case .value: values[token.position.line, default: 0] += 1
      case .text: texts.insert(token.position.line)
      case .blank: continue
      }
    }
    let line: Int
    var marksUnread = false
    let full = values.filter { $0.value == capacity && !texts.contains($0.key) }.map(\.key)
    if values.values.reduce(0, +) > capacity, full.count == 1, let only = full.first {
      line = only
    } else if let marked = lineOfCellsWithMarks(tokens, capacity: capacity, values: values) {
      line = marked
      marksUnread = true
    } else {
      // One value short on the line (a cell not read), the strays among the header's words
      // making up the count: by order a stray would fill the first cell and every value
      // would slide; the line is the row, and one short, every cell is unread.
      let short = values.filter { $0.value == capacity - 1 && !texts.contains($0.key) }.map(\.key)
      guard short.count == 1, let only = short.first, values.count > 1,
        values.keys.allSatisfy({ $0 == only || texts.contains($0) })
      else { return nil }
      line = only
    }
    let ignored = tokens.compactMap { token -> String? in
      guard token.position.line != line, case .value(let value) = token.content else { return nil }
      return value.raw
    }
    var unread: [String] = []
    let row = tokens.filter { $0.position.line == line }.map { token in
      var single = token
      single.mayHoldSeveral = false
      if marksUnread, case .text(let marks) = token.content {
        unread.append(marks)
        single.content = .value(.placeholder(CellText.unread))
      }
      return single
    }
    return (row, line, ignored, unread)
  }

  /// The one line of `tokens` that is `capacity` tab fields in a row, two thirds of them
  /// values (`values`, per line) and the others blank or marks of at most
  /// ``markLength`` characters, one of them at least (``valueRow(_:capacity:)``).
  static func lineOfCellsWithMarks(_ tokens: [CellToken], capacity: Int, values: [Int: Int]) -> Int? {
    var fields: [Int: [Int]] = [:]
    var fit = Set(values.filter { $0.value * 3 >= capacity * 2 }.keys)
    var marked = Set<Int>()
    for token in tokens where fit.contains(token.position.line) {
      let line = token.position.line
      guard token.origin == nil, let field = token.field else {
        fit.remove(line)
        continue
      }
      fields[line, default: []].append(field)
      if case .text(let text) = token.content {
        if text.count > markLength { fit.remove(line) } else { marked.insert(line) }
      }
    }
    let lines = fit.intersection(marked).filter { fields[$0]?.sorted() == Array(0..<capacity) }
    guard lines.count == 1, let line = lines.first,
      values.allSatisfy({ $0.key == line || $0.value < values[line, default: 0] })
    else { return nil }
    return line
  }

  /// The most characters a cell read as no number on a line of values may hold and still be
  /// taken for marks (a glyph or two), not a header's word.
  static let markLength = 2

  /// The most lines of stray marks after a signing date that are taken off with it.
  static let strayLinesAfterDate = 3

  /// What stray marks a line after a signing date is.
  enum StrayMarks {
    /// One word of one or two characters, no digit (a speck read as 本).
    case lone
    /// Two to six words of one or two characters each, a digit or an unread mark among them
    /// (下 11 � 11: a portal's 【打印】【关闭】 read from a copy).
    case garbled
  }

  /// The stray marks `line` is, or nil for a line of text (three characters in a word, a
  /// lone number, short words alone such as 附件 that a report may end with).
  static func strayMarks(_ line: some StringProtocol) -> StrayMarks? {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
    guard (1...6).contains(words.count), words.allSatisfy({ (1...2).contains($0.count) }) else { return nil }
    if words.count == 1 { return line.contains(where: \.isNumber) ? nil : .lone }
    return line.contains(where: { $0.isNumber || $0 == "\u{FFFD}" }) ? .garbled : nil
  }

  /// Takes the signature block (agency line and date line at the very end) off `lines`. Up
  /// to ``strayLinesAfterDate`` lines of stray marks after the date go with it, recorded as
  /// `page_furniture` (``strayMarks(_:)``).
  static func signature(of lines: inout [DocumentLine], repairs: inout [Repair]) -> (agency: String?, date: String?) {
    var index = lines.count - 1
    while index >= 0, lines[index].isBlank { index -= 1 }
    let end = index
    var marks: [Int] = []
    var above = index
    var sawLone = false
    while above > 0, marks.count < strayLinesAfterDate, let kind = strayMarks(lines[above].trimmed) {
      // One line of a lone word only: two (附件 / 无) are the report's own short lines.
      if kind == .lone {
        guard !sawLone else { break }
        sawLone = true
      }
      marks.append(above)
      above -= 1
      while above >= 0, lines[above].isBlank { above -= 1 }
    }
    if !marks.isEmpty, above >= 0, DateReader.isoDate(line: String(lines[above].text)) != nil {
      for mark in marks.reversed() {
        repairs.append(
          Repair(
            kind: "page_furniture", detail: "stray marks \(lines[mark].trimmed) after the signing date removed",
            line: lines[mark].number))
      }
      index = above
    }
    guard index >= 0, let date = DateReader.isoDate(line: String(lines[index].text)) else { return (nil, nil) }
    let dateIndex = index
    index -= 1
    while index >= 0, lines[index].isBlank { index -= 1 }
    var agency: String?
    if index >= 0 {
      let candidate = ParagraphBuilder.collapseSpaces(String(lines[index].text))
      if (2...30).contains(candidate.count), !ParagraphBuilder.endsSentence(candidate),
        !candidate.containsByte(9), !candidate.containsText("，"), !candidate.utf8.contains(UInt8(ascii: ","))
      {
        agency = candidate
        lines.removeSubrange(index...end)
        return (agency, date)
      }
    }
    lines.removeSubrange(dateIndex...end)
    return (agency, date)
  }
}
