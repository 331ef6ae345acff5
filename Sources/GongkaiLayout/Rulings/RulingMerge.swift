extension RulingLine {
  /// Merges collinear pieces that touch or nearly touch into single lines: pieces whose
  /// positions differ by at most `alignment` points are collinear, and collinear pieces with
  /// gaps of at most `joinGap` points along their axis are one line, at the length-weighted
  /// mean position. Lines of different axes or sources are never merged with each other.
  public static func merged(_ lines: [RulingLine], alignment: Double, joinGap: Double) -> [RulingLine] {
    var kinds: [[RulingLine]] = []
    for axis in [Axis.horizontal, .vertical] {
      for source in [Source.line, .fillEdge] {
        let kind = lines.filter { $0.axis == axis && $0.source == source }
        if !kind.isEmpty { kinds.append(kind) }
      }
    }
    var result: [RulingLine] = []
    for kind in kinds {
      let sorted = kind.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
      var groups: [[RulingLine]] = []
      for line in sorted {
        if let last = groups.last?.last, line.position - last.position <= alignment {
          groups[groups.count - 1].append(line)
        } else {
          groups.append([line])
        }
      }
      for group in groups {
        let byStart = group.sorted { $0.start < $1.start }
        var current: [RulingLine] = []
        var reach = -Double.infinity
        func flush() {
          guard let first = current.first else { return }
          let length = current.reduce(0) { $0 + max(0.1, $1.end - $1.start) }
          let position =
            current.reduce(0) { $0 + $1.position * max(0.1, $1.end - $1.start) } / length
          result.append(
            RulingLine(
              axis: first.axis, position: position, start: first.start, end: reach,
              source: first.source))
          current.removeAll()
        }
        for line in byStart {
          if !current.isEmpty, line.start > reach + joinGap { flush() }
          if current.isEmpty { reach = line.end } else { reach = max(reach, line.end) }
          current.append(line)
        }
        flush()
      }
    }
    return result
  }
}
