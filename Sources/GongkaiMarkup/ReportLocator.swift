/// Finds the report among a page's blocks: from its title line (the last line naming a
/// 年度报告 before the first section heading) to the end, without site furniture and
/// furniture lines. When the headings appear only inside furniture, the furniture marks
/// are not trusted.
struct ReportLocator {
  let furniture: WebFurniture

  /// The report's blocks out of `entries`.
  func locate(_ entries: [HTMLBlockReader.Entry]) -> [MarkupBlock] {
    let content = entries.filter { !$0.isFurniture }
    if let blocks = report(in: content) { return blocks }
    if let blocks = report(in: entries) { return blocks }
    return content.compactMap { entry in
      if case .paragraph(let text, _) = entry.block, furniture.isFurnitureLine(text) { return nil }
      return entry.block
    }
  }

  /// The report among `entries` (from its title line on, furniture lines left out), if
  /// a section heading is there.
  func report(in entries: [HTMLBlockReader.Entry]) -> [MarkupBlock]? {
    var blocks: [MarkupBlock] = []
    blocks.reserveCapacity(entries.count)
    for entry in entries {
      if case .paragraph(let text, _) = entry.block, furniture.isFurnitureLine(text) { continue }
      blocks.append(entry.block)
    }
    guard
      let heading = blocks.firstIndex(where: { block in
        if case .paragraph(let text, _) = block { return furniture.isHeading(text) }
        return false
      })
    else { return nil }
    guard
      var start = blocks[..<heading].lastIndex(where: { block in
        if case .paragraph(let text, _) = block {
          return text.utf8.count <= 240 && furniture.titleNeedle.occurs(in: text)
        }
        return false
      })
    else { return Array(blocks[heading...]) }
    // A title on two lines: the agency above a line that starts with the year.
    if start > 0, case .paragraph(let title, _) = blocks[start], title.first?.isNumber == true,
      case .paragraph(let above, _) = blocks[start - 1], above.utf8.count <= 90
    {
      start -= 1
    }
    return Array(blocks[start...])
  }
}
