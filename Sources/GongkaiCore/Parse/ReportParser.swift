/// Builds the report from a repaired document: meta from the title and signature,
/// typed cells (counts, amounts in yuan) under the contract's keys, null where the
/// report gives nothing, and findings about placeholders and labels off the form.
public struct ReportParser: Sendable {
  private let catalog: TemplateCatalog
  /// Each form's three tables as the parser reads them, worked out once.
  private let layouts: [String: [TableLayout]]

  /// The rows and typed columns of one table of a form.
  private struct TableLayout: Sendable {
    /// How one column types its numbers.
    struct Column: Sendable {
      var key: String
      var isAmount: Bool
      var unit: String?
      /// The cell's path, e.g. `requests.new.total` (made once, for provenance).
      var path = ""
    }

    var name: String
    var rows: [(key: String, columns: [Column])]
    /// How many cells the table has (room for their provenance).
    var cellCount: Int
    /// The columns each row's other cells sum to (总计), by the form's checks across columns.
    var rowTotals: Set<String> = []

    init(
      name: String, rows: [(key: String, columnKeys: [String])], columns: [ReportTemplate.Column],
      checks: [ReportTemplate.Check] = []
    ) {
      self.name = name
      rowTotals = Set(checks.filter { $0.table == name && $0.across == .columns }.flatMap(\.totals))
      self.rows = rows.map { row in
        (
          row.key,
          row.columnKeys.map { key in
            let column = columns.first { $0.key == key }
            return Column(
              key: key, isAmount: column?.kind == .amount, unit: column?.unit, path: "\(name).\(row.key).\(key)")
          }
        )
      }
      cellCount = self.rows.reduce(0) { $0 + $1.columns.count }
    }
  }

  /// Creates a parser for the catalog's forms.
  public init(catalog: TemplateCatalog = .standard) {
    self.catalog = catalog
    var layouts: [String: [TableLayout]] = [:]
    for template in catalog.templates { layouts[template.id] = Self.layouts(of: template) }
    self.layouts = layouts
  }

  /// The three tables of `template` as the parser reads them: 二, 三 and 四.
  private static func layouts(of template: ReportTemplate) -> [TableLayout] {
    let requestColumns = template.requests.columns.map(\.key)
    let appealColumns = template.appeals.columns.map(\.key)
    return [
      TableLayout(
        name: "proactive", rows: template.proactive.rows.map { ($0.key, template.proactive.columnKeys(of: $0)) },
        columns: template.proactive.columns),
      TableLayout(
        name: "requests", rows: template.requests.rows.map { ($0.key, requestColumns) },
        columns: template.requests.columns, checks: template.checks),
      TableLayout(
        name: "appeals", rows: template.appeals.groups.map { ($0.key, appealColumns) },
        columns: template.appeals.columns, checks: template.checks),
    ]
  }

  /// The report of `document`, before validation; the findings are those only the
  /// source text can show (placeholders, deviant labels).
  /// With a `locator`, the report's `provenance` lists where each non-null cell was read.
  public func parse(
    _ document: RepairedDocument, source: SourceInfo, titleHint: String? = nil, uncertain: [UncertainCell] = [],
    locator: (any CellLocating)? = nil
  ) -> Report {
    let template = document.template
    // A crawler's header names the page's title; its 发布时间 is when the page went up, not the signing date.
    let headerTitle = document.sourceHeader["标题"].flatMap { $0.isEmpty ? nil : MetaReader.cleanTitle($0) }
    let title =
      headerTitle
      ?? MetaReader.title(
        preamble: document.preamble, hint: titleHint, fieldNames: catalog.titleFieldNames)
    let headerAgency = document.sourceHeader["发布机构"].flatMap { $0.isEmpty ? nil : $0 }
    let year =
      title.flatMap(MetaReader.year(inTitle:))
      ?? MetaReader.year(inTitle: document.preamble.joined(separator: " "))
      ?? document.narrative["overview"].flatMap(MetaReader.year(inTitle:))
      ?? document.signatureDate.flatMap { Int($0.prefix(4)) }.map { $0 - 1 }
    var meta = ReportMeta(
      title: title, agency: headerAgency ?? MetaReader.agency(title: title, signature: document.signatureAgency),
      year: year, template: template.id, published: document.signatureDate)
    var findings: [Finding] = []
    var repairs = document.repairs
    let unread = UnreadCell(source: source)
    if unread.isScan { Self.mendTitleTail(&meta, document: document, repairs: &repairs) }
    if headerAgency == nil, unread.isScan {
      Self.reconcileAgency(
        &meta, document: document, names: catalog.agencyNames, findings: &findings, repairs: &repairs)
    }
    // A form from another catalog than the parser's is read from the document's own template.
    let layout = layouts[template.id] ?? Self.layouts(of: template)
    var provenance: [CellProvenance] = []
    if locator != nil { provenance.reserveCapacity(layout.reduce(0) { $0 + $1.cellCount }) }
    let doubtedOrigins = Set(uncertain.map { AssembledTable.CellOrigin(line: $0.line, field: $0.field) })
    var proactive = table(
      layout[0], found: document.proactive, unread: unread, doubted: doubtedOrigins, findings: &findings,
      locator: locator, provenance: &provenance)
    var requests = table(
      layout[1], found: document.requests, unread: unread, doubted: doubtedOrigins, findings: &findings,
      locator: locator, provenance: &provenance)
    Validator.markRowsAbsentByDesign(in: &requests.rows, template: template)
    var appeals = table(
      layout[2], found: document.appeals, unread: unread, doubted: doubtedOrigins, findings: &findings,
      locator: locator, provenance: &provenance)
    if unread.isScan {
      // A scan's tables read as noise keep no lone numbers (``doubtingNoisyRows``).
      let doubted = Set(placed(uncertain, in: document).map(\.path))
      Self.doubtingNoisyRows(
        &proactive, name: "proactive", doubted: doubted, findings: &findings, provenance: &provenance)
      Self.doubtingNoisyRows(
        &requests, name: "requests", doubted: doubted, findings: &findings, provenance: &provenance)
      Self.doubtingNoisyRows(
        &appeals, name: "appeals", doubted: doubted, findings: &findings, provenance: &provenance)
    }
    for (name, table) in [("proactive", document.proactive), ("requests", document.requests)] {
      for deviation in table?.deviations ?? [] {
        findings.append(Finding(rule: "template_deviation", severity: .warning, location: name, message: deviation))
      }
    }
    for key in document.proactive?.deviantRows ?? [] {
      let official = template.proactive.rows.first { $0.key == key }?.label ?? key
      findings.append(
        Finding(
          rule: "template_deviation", severity: .warning, location: "proactive.\(key)",
          message: "the row is labelled differently from the \(template.id) form, which says \(official)"))
    }
    let sections = ReportSections(
      overview: document.narrative["overview"], problems: document.narrative["problems"],
      other: document.narrative["other"])
    var report = Report(
      source: source, meta: meta, sections: sections, proactive: proactive, requests: requests,
      appeals: appeals, findings: findings, repairs: repairs)
    report.findings += uncertainFindings(uncertain, document: document, in: report)
    if let locator {
      if !locator.originIsTextLine { Self.locate(&provenance, by: locator) }
      report.provenance = provenance
    }
    return report
  }

  /// On a scan, a title whose words after its year are one character off a title's fixed
  /// words (政府信息公开=作年度报告) gets the form's words, with an `ocr_correction` repair.
  static func mendTitleTail(_ meta: inout ReportMeta, document: RepairedDocument, repairs: inout [Repair]) {
    guard let title = meta.title, let mended = MetaReader.mendedTail(title) else { return }
    meta.title = mended.title
    let line = preambleLine(containing: mended.read, in: document)
    repairs.insert(
      Repair(
        kind: "ocr_correction", detail: "title: \(mended.read) → \(mended.mended), the title's fixed words", line: line),
      at: repairs.firstIndex { $0.line > line } ?? repairs.endIndex)
  }

  /// The line number of the first preamble line whose title text holds `text` (1 if none).
  static func preambleLine(containing text: String, in document: RepairedDocument) -> Int {
    zip(document.preamble, document.preambleLineNumbers).first { MetaReader.cleanTitle($0.0).contains(text) }?.1 ?? 1
  }

  /// On a scan, checks the title's agency against the other places the report names it
  /// (``AgencyReadings``): a reading most of them share replaces a misread title's (an
  /// `ocr_correction` repair), and a name in doubt gets an `ocr_low_confidence` warning on
  /// `meta.agency`, and is not printed when its readings disagree and it is not well formed.
  static func reconcileAgency(
    _ meta: inout ReportMeta, document: RepairedDocument, names: AgencyNameParts, findings: inout [Finding],
    repairs: inout [Repair]
  ) {
    guard let title = meta.title, let agency = meta.agency, title.hasPrefix(agency) else { return }
    // The preamble's lines other than the title's own (the preface names the body too); the
    // title's line may hold more than the title (a scan's specks before it: AR 虱江区…).
    let preface = document.preamble.filter {
      let line = MetaReader.cleanTitle($0)
      return !title.contains(line) && !line.contains(title)
    }
    let texts =
      preface + ["overview", "problems", "other"].compactMap { document.narrative[$0] }
      + [document.signatureAgency].compactMap { $0 }
    let readings = AgencyReadings(agency: agency, texts: texts, names: names)
    let titleLine = preambleLine(containing: agency, in: document)
    switch readings.verdict {
    case .kept:
      return
    case .corrected(let name):
      meta.agency = name
      meta.title = name + title.dropFirst(agency.count)
      let repair = Repair(
        kind: "ocr_correction",
        detail:
          "title: \(agency) → \(name), as \(readings.others.filter { $0 == name }.count) of the report's other \(readings.others.count) mentions of the name read it",
        line: titleLine)
      repairs.insert(repair, at: repairs.firstIndex { $0.line > titleLine } ?? repairs.endIndex)
    case .doubtful(let withheld):
      if withheld { meta.agency = nil }
      let others = readings.summary
      findings.append(
        Finding(
          rule: "ocr_low_confidence", severity: .warning, location: "meta.agency",
          message: "the title names the body as \(agency)"
            + (others.isEmpty ? "" : ", the text as \(others)")
            + (withheld
              ? "; the readings disagree and \(agency) is not a well-formed name, so it is not given; check it against the scan"
              : "; check the name against the scan")))
    }
  }

  /// An `ocr_low_confidence` warning for each uncertain value that ended up in a table of
  /// `report`. A cell whose count is more than the uncertain read (a number wrapped in its
  /// narrow cell, 16 over 8, joined by the layout) names both.
  private func uncertainFindings(_ uncertain: [UncertainCell], document: RepairedDocument, in report: Report)
    -> [Finding]
  {
    placed(uncertain, in: document).map { path, cell in
      let confidence = Int(cell.confidence.rounded())
      let parts = path.split(separator: ".").map(String.init)
      let held = parts.count == 3 ? report.table(named: parts[0])?.cell(parts[1], parts[2]) ?? nil : nil
      let read =
        switch held {
        case .count(let count)? where Int(cell.value) == nil && CellText.dottedThousands(cell.value) == count:
          "read as \(cell.value) with confidence \(confidence), a count, so its point is taken for a thousands comma (\(count))"
        case .count(let count)? where Int(cell.value) != count:
          "read as \(count), its part \(cell.value) with confidence \(confidence)"
        default: "read as \(cell.value) with confidence \(confidence)"
        }
      return Finding(
        rule: "ocr_low_confidence", severity: .warning, location: path,
        message: read + "; check this cell against the scan")
    }
  }

  /// The uncertain values that ended up in a table, with the path of their cell
  /// (`requests.granted.total`).
  func placed(_ uncertain: [UncertainCell], in document: RepairedDocument) -> [(path: String, cell: UncertainCell)] {
    guard !uncertain.isEmpty else { return [] }
    let template = document.template
    var paths: [AssembledTable.CellOrigin: String] = [:]
    let tables: [(String, AssembledTable?, (String) -> [String])] = [
      (
        "proactive", document.proactive,
        { key in template.proactive.rows.first { $0.key == key }.map(template.proactive.columnKeys(of:)) ?? [] }
      ),
      ("requests", document.requests, { _ in template.requests.columns.map(\.key) }),
      ("appeals", document.appeals, { _ in template.appeals.columns.map(\.key) }),
    ]
    for (name, table, columns) in tables {
      for row in table?.rows ?? [] {
        let keys = columns(row.key)
        for (index, origin) in row.origins.enumerated() where index < keys.count {
          if let origin { paths[origin] = "\(name).\(row.key).\(keys[index])" }
        }
      }
    }
    return uncertain.compactMap { cell in
      paths[AssembledTable.CellOrigin(line: cell.line, field: cell.field)].map { ($0, cell) }
    }
  }

  /// The cells' origins in the input. A value on a space-aligned line is told from equal
  /// values on the same line by how many of them stand before it (cells come in table
  /// order, which is the text's order).
  private static func locate(_ cells: inout [CellProvenance], by locator: any CellLocating) {
    struct Seen: Hashable {
      var line: Int
      var raw: String
    }
    var seen: [Seen: Int] = [:]
    let counts = locator.needsOccurrence
    var kept = 0
    for index in cells.indices {
      guard var position = cells[index].textPosition else { continue }
      if counts, position.field == nil {
        let key = Seen(line: position.line, raw: cells[index].raw)
        position.occurrence = seen[key, default: 0]
        seen[key, default: 0] += 1
      }
      guard let (origin, inputRaw) = locator.located(position, raw: cells[index].raw) else { continue }
      if kept != index { cells.swapAt(kept, index) }
      cells[kept].origin = origin
      if let inputRaw { cells[kept].raw = inputRaw }
      cells[kept].textPosition = position
      kept += 1
    }
    cells.removeLast(cells.count - kept)
  }

  /// One table with every template cell present, typed by its column. With a `locator`,
  /// each non-null cell's place in the text is added to `provenance`.
  private func table(
    _ layout: TableLayout, found: AssembledTable?, unread: UnreadCell, doubted: Set<AssembledTable.CellOrigin>,
    findings: inout [Finding], locator: (any CellLocating)?, provenance: inout [CellProvenance]
  ) -> DataTable {
    let needsOrigins = locator != nil || !doubted.isEmpty
    // Rows were assembled in form order, so a cursor finds each in turn.
    var cursor = 0
    var rows: [DataTable.Row] = []
    rows.reserveCapacity(layout.rows.count)
    for row in layout.rows {
      var cells: [CellText?] = []
      var origins: [AssembledTable.CellOrigin?] = []
      var unresolved: String?
      var endsAtText = false
      if let found {
        if cursor < found.rows.count, found.rows[cursor].key == row.key {
          cells = found.rows[cursor].cells
          if needsOrigins { origins = found.rows[cursor].origins }
          unresolved = found.rows[cursor].unresolved
          endsAtText = found.rows[cursor].endsAtText
          cursor += 1
        } else if let match = found.row(row.key) {
          cells = match.cells
          if needsOrigins { origins = match.origins }
          unresolved = match.unresolved
          endsAtText = match.endsAtText
        }
      }
      // (Where text stands after the values on their line, the rest of the row was read as
      // text — a seal over its right end — and the values before it are in their places.)
      let lastValue = cells.lastIndex(where: { $0 != nil })
      func unreadFinding(_ column: TableLayout.Column, _ message: String) -> Finding {
        Finding(
          rule: "ocr_low_confidence", severity: .warning, location: "\(layout.name).\(row.key).\(column.key)",
          message: message)
      }
      // Why none of a scanned row's values can be kept, though it has some: the whole row is unread.
      var unplaceable: String?
      if unread.isScan, unresolved == nil, !endsAtText, let last = lastValue,
        last < row.columns.count - 1, cells.count >= row.columns.count
      {
        // A row that stops short (fewer values than cells, nothing written for the rest): the
        // scan reader writes an empty field for each empty cell of a row it places, so the row's
        // other cells were lost, and which of them the values belong to cannot be told
        // (`行政处罚\t263\t136` under three columns: the middle cell's -1 lost).
        unplaceable = "the scan gives \(last + 1) of the row's \(row.columns.count) cells and no place for the rest"
      } else if unread.isScan, unresolved == nil,
        let total = Self.blankTotal(cells, row.columns, totals: layout.rowTotals)
      {
        // Numbers and nothing in the 总计 cell: the total's ink was not found where its column
        // is (a number wrapped in a narrow column of a table without rules), and the columns
        // the others were put in are not sure either: the arithmetic that would tell cannot
        // run ((一)予以公开's 0 0 0 0 0 put from the first column on).
        unplaceable =
          "the scan gives numbers in the row and none in its \(total) (总计) cell, so their columns cannot be checked"
      }
      if let unplaceable {
        findings += row.columns.map { unreadFinding($0, unplaceable + "; check the row against the scan") }
        rows.append(DataTable.Row(key: row.key, cells: row.columns.map { DataTable.Cell(key: $0.key, value: nil) }))
        continue
      }
      var typed: [DataTable.Cell] = []
      typed.reserveCapacity(row.columns.count)
      // Why a scanned row found nowhere is unread rather than absent from the report.
      var unreadRow: String?
      if unread.isScan, cells.isEmpty {
        if found?.rows.isEmpty ?? true {
          // The scan gives none of the table's rows: the table could not be read (its grid
          // and print lost in dark fills or noise), not left out of the report.
          unreadRow = "the scan gives none of this table's rows; check the table against the scan"
        } else if let found,
          let line = Self.lineBetweenNeighbours(of: row.key, in: found, layout, from: found.passedOver)
        {
          // Values passed over between the rows around it (its label read as 人) may be its.
          unreadRow =
            "the row's label was not read, and values under a label naming no row were passed over on line \(line), where this row stands; check the row against the scan"
        } else if let found,
          let line = Self.lineBetweenNeighbours(of: row.key, in: found, layout, from: found.unreadTextLines)
        {
          // Label text there holds marks the scan could not read (a row's label and values
          // lost in a cell joined with the header above it).
          unreadRow =
            "the row's label was not read, and text the scan could not read stands on line \(line), where this row stands; check the row against the scan"
        } else if let found,
          let line = Self.lineBetweenNeighbours(of: row.key, in: found, layout, from: found.garbledRowLines)
        {
          // A line shaped like a row, its cells read as characters (好杜 日 日 for 规章 0 0 0).
          unreadRow =
            "the row was not read: line \(line), where this row stands, reads as a label and single characters, a row's cells read as text; check the row against the scan"
        }
      }
      for (index, column) in row.columns.enumerated() {
        guard index < cells.count, let text = cells[index] else {
          typed.append(DataTable.Cell(key: column.key, value: nil))
          if let unreadRow {
            findings.append(unreadFinding(column, unreadRow))
          } else if let unresolved {
            // On a scan the row's cells were there to read and the reading could not place
            // them (a cell read as two, two read as one): unread, not absent from the report.
            findings.append(
              unread.isScan
                ? unreadFinding(column, unresolved + "; check the row against the scan")
                : Finding(
                  rule: "missing", severity: .error, location: "\(layout.name).\(row.key).\(column.key)",
                  message: unresolved))
          } else if unread.isScan, endsAtText, let lastValue, index > lastValue {
            // The scan read text where the row's last numbers are (a seal's marks): unread, not absent.
            findings.append(
              unreadFinding(
                column, "the scan read text, not a number, where this cell stands; check it against the scan"))
          }
          continue
        }
        let origin = index < origins.count ? origins[index] : nil
        let value = value(
          text, column: column, headerUnit: found?.headerMoneyUnit, unread: unread,
          isDoubted: origin.map { doubted.contains(AssembledTable.CellOrigin(line: $0.line, field: $0.field)) }
            ?? false,
          path: { "\(layout.name).\(row.key).\(column.key)" }, findings: &findings)
        typed.append(DataTable.Cell(key: column.key, value: value))
        if locator != nil, value != nil, index < origins.count, let position = origins[index] {
          // At its line of the text until located, once every table is read (see `locate`).
          provenance.append(
            CellProvenance(
              path: column.path, raw: text.raw, origin: .line(position.line),
              textPosition: position))
        }
      }
      rows.append(DataTable.Row(key: row.key, cells: typed))
    }
    return DataTable(rows: rows)
  }

  /// The key of the row-total column (of `totals`) left blank in `cells` while another cell
  /// holds a number, or nil.
  private static func blankTotal(_ cells: [CellText?], _ columns: [TableLayout.Column], totals: Set<String>) -> String?
  {
    guard let index = columns.indices.first(where: { totals.contains(columns[$0].key) }), index < cells.count,
      case .placeholder("")? = cells[index]
    else { return nil }
    for (other, cell) in cells.enumerated() where other != index {
      if case .number? = cell { return columns[index].key }
    }
    return nil
  }

  /// The first of `lines` between the rows of `table` found before and after the row `key` of
  /// `layout` (in the form's order), when there is one: where that row would stand.
  private static func lineBetweenNeighbours(
    of key: String, in table: AssembledTable, _ layout: TableLayout, from lines: [Int]
  ) -> Int? {
    guard !lines.isEmpty, let position = layout.rows.firstIndex(where: { $0.key == key }) else {
      return nil
    }
    let order = Dictionary(layout.rows.enumerated().map { ($1.key, $0) }) { first, _ in first }
    let before = table.rows.last { (order[$0.key] ?? position) < position }?.line ?? Int.min
    let after = table.rows.first { (order[$0.key] ?? position) > position }?.line ?? Int.max
    return lines.first { before <= $0 && $0 < after }
  }

  /// The typed value of a cell's text under `column`; a bare amount is in the unit the table's
  /// printed header gives (`headerUnit`), else the form's.
  ///
  /// A doubted scan read of a count whose points group its digits (`1.221`) is that count:
  /// a count has no fraction, and a scan reads a thousands comma as a point; its
  /// `ocr_low_confidence` finding says so.
  private func value(
    _ text: CellText, column: TableLayout.Column, headerUnit: String?, unread: UnreadCell, isDoubted: Bool,
    path: () -> String, findings: inout [Finding]
  ) -> CellValue? {
    switch text {
    case .placeholder(let raw) where raw == CellText.unread:
      findings.append(unread.finding(at: path()))
      return nil
    case .placeholder(let raw):
      findings.append(
        Finding(
          rule: "placeholder", severity: .warning, location: path(),
          message: raw.isEmpty
            ? "the cell is blank inside the table's grid" : "the cell holds \"\(raw)\" instead of a number"))
      return nil
    case .number(let number, let unit, let raw):
      if column.isAmount {
        let unitText = unit ?? headerUnit ?? column.unit
        if unread.mayHaveLostUnit(of: number, unit: unitText) {
          findings.append(unread.unitLostFinding(at: path(), raw: raw))
          return nil
        }
        let power = CellText.isTenThousand(unitText) ? 4 : 0
        guard let yuan = number.shifted(by: power) else { return nil }
        return .amount(Amount(yuan: yuan, raw: raw))
      }
      guard let count = number.integerValue, !CellText.isMoney(unit) else {
        if unread.isScan, isDoubted, unit == nil, let grouped = CellText.dottedThousands(raw) {
          return .count(grouped)
        }
        findings.append(
          Finding(
            rule: "placeholder", severity: .warning, location: path(),
            message: "the cell holds \"\(raw)\", which is not a count"))
        return nil
      }
      return .count(count)
    }
  }
}

/// The finding for a value cell holding only U+FFFD (``CellText/unread``), by where the
/// mark came from: on a scan the reader wrote it for ink it could not read (a seal or smudge
/// over the cell); in a text, web page, Word file or a PDF's text layer it stands for bytes
/// that were damaged (not valid in the input's encoding), so the value is lost, not unsure.
struct UnreadCell: Sendable {
  /// Whether the cell's text came from OCR.
  var isScan: Bool

  init(source: SourceInfo) {
    isScan = source.kind == .pdf && (source.textLayer == .ocr || source.textLayer == .mixed)
  }

  /// Whether an amount read from a scan may have lost its unit: a decimal with no unit in its
  /// cell or its column's header. The reader reads a cell's number, and a 万元 after it can go
  /// unread; amounts in yuan are printed whole, so `48.01` alone is most likely `48.01 万元`,
  /// and 48.01 yuan would be off by ten thousand times.
  func mayHaveLostUnit(of number: ExactDecimal, unit: String?) -> Bool {
    isScan && unit == nil && number.integerValue == nil
  }

  /// The finding for an amount whose unit may be lost (see ``mayHaveLostUnit(of:unit:)``).
  func unitLostFinding(at path: String, raw: String) -> Finding {
    Finding(
      rule: "ocr_low_confidence", severity: .warning, location: path,
      message: "the scan reads \"\(raw)\" with no unit in the cell or its header (万元 or 元?); check it against the scan")
  }

  /// The finding for such a cell at `path`.
  func finding(at path: String) -> Finding {
    isScan
      ? Finding(
        rule: "ocr_low_confidence", severity: .warning, location: path,
        message: "the scan could not be read in this cell (a seal or smudge over it); check it against the scan")
      : Finding(
        rule: "missing", severity: .error, location: path,
        message:
          "the cell could not be read: damaged bytes in the input (not valid in its encoding, replaced by U+FFFD),"
          + " or a value the text does not place; check it against the original")
  }
}
