import GongkaiLayout

/// What was read in one number cell.
struct NumberRead: Sendable, Hashable {
  /// The number as text (digits, perhaps one decimal point).
  var value: String
  /// How sure the reading is, 0 to 100.
  var confidence: Double
  /// Whether a person should check it: the reads disagreed, or the only read was unsure.
  var isLowConfidence: Bool
  /// Other values read from the same glyphs (other model, page segmentation, scale or
  /// threshold), for an unsure read only; the table's arithmetic may prefer one of them.
  var alternatives: [String] = []
  /// The ink the number was read from (page pixels) when it is not all the cell's ink: a
  /// number read under a seal, the ring's ink left out. `nil`: the cell's ink.
  var ink: PixelRect? = nil
  /// The height (page pixels) of the ink the digits were read from when that was only the
  /// cell's darkest ink (under a seal); `nil`: the ink's own height.
  var readHeight: Int? = nil
  /// Whether the value is the grey glyphs' own read with their surroundings
  /// (``NumberReader/greyRead(_:ink:withSurroundings:)``): a grey read of the ink's box alone
  /// sees less of them (a faint diagonal outside it) and says nothing against it.
  var isGreyRead = false
}

/// Reads a cell that holds one number: the English model on the glyphs scaled to about
/// 27 px; when that read is not sure, the English model again at a second scale; when the
/// two differ, a vote with the Chinese model (digits only, native size) as well.
///
/// The English model reads lone numbers best without a whitelist (with one it returns
/// nothing for a lone "0"), so look-alike letters are mapped to digits afterwards. Its
/// wrong reads come with low confidence; the Chinese model can drop a leading digit with
/// high confidence, which only a disagreeing second model reveals.
struct NumberReader {
  /// Votes whose best read is less sure than this are not taken as numbers.
  var minimumConfidence = 20.0
  /// English reads at least this sure are taken without a second look.
  var acceptConfidence = 93.0
  /// Two English reads agreeing less surely than this on a number of two digits or more
  /// are checked by the Chinese model.
  var doubtedAgreement = 85.0
  /// Grey reads (``greyRead(_:ink:)``) less sure than this say nothing.
  var minimumGreyConfidence = 60.0
  /// The digit height the English model is given, in pixels.
  var englishHeight = 27.0
  /// The digit height of the English model's second look.
  var secondHeight = 40.0
  /// White margin around the glyphs for the English model, in pixels after scaling.
  var englishPadding = 10
  /// White margin around the glyphs for the Chinese model, in pixels at native size.
  var chinesePadding = 16

  let english: OCREngine
  let chinese: OCREngine

  /// Reads the number whose ink is `ink` (page pixels) on `page`, where pixels at most
  /// `level` are ink; `nil` when no model sees a number there.
  func read(_ page: GreyBitmap, ink: PixelRect, level: UInt8) -> NumberRead? {
    let first = englishRead(page, ink: ink, level: level, height: englishHeight)
    if let first, first.confidence >= acceptConfidence {
      return NumberRead(value: first.value, confidence: first.confidence, isLowConfidence: false)
    }
    let second = englishRead(page, ink: ink, level: level, height: secondHeight)
    // The Chinese model is told to answer in digits, so it always does: only an English
    // read says that the cell holds a number at all.
    guard first != nil || second != nil else { return nil }
    if let first, let second, first.value == second.value {
      var agreed = NumberRead(
        value: first.value, confidence: max(first.confidence, second.confidence), isLowConfidence: false)
      // Both English reads can lose the same stroke (a grey 7's bar: 75 read 15 at both
      // scales, neither sure). For two digits or more the Chinese model looks too; its read of
      // as many other digits makes the number doubtful, with the glyphs' other readings, so
      // the tables' arithmetic can choose among them.
      if agreed.confidence < doubtedAgreement, Self.digits(of: first.value).count >= 2,
        let third = chineseRead(page, ink: ink, level: level),
        Self.digits(of: third.value).count == Self.digits(of: first.value).count,
        Self.digits(of: third.value) != Self.digits(of: first.value)
      {
        agreed.isLowConfidence = true
        var seen: Set<String> = [agreed.value]
        agreed.alternatives = ([third] + rereads(page, ink: ink, level: level)).map(\.value)
          .filter { seen.insert($0).inserted }
      }
      return agreed
    }
    var reads: [(value: String, confidence: Double)] = []
    if let first { reads.append(first) }
    if let second { reads.append(second) }
    if let third = chineseRead(page, ink: ink, level: level) { reads.append(third) }
    var vote = Self.vote(reads)
    // A "number" no model is at all sure of is most often Chinese characters whose parts are
    // narrow (科研 → 57): the cell is left to the text reader.
    guard vote.confidence >= minimumConfidence else { return nil }
    if vote.isLowConfidence {
      // A doubtful cell is read a few more ways, so the table's arithmetic can choose among
      // readings of these glyphs.
      reads += rereads(page, ink: ink, level: level)
      var seen: Set<String> = [vote.value]
      vote.alternatives = reads.map(\.value).filter { seen.insert($0).inserted }
    }
    return vote
  }

  /// More reads of a doubtful cell: the English model taking the image as a block (psm 6),
  /// the Chinese model at twice the size, and both with a darker threshold.
  func rereads(_ page: GreyBitmap, ink: PixelRect, level: UInt8) -> [(value: String, confidence: Double)] {
    var reads: [(value: String, confidence: Double)] = []
    let darker = UInt8(max(1, Int(level) * 3 / 4))
    if let read = englishRead(page, ink: ink, level: level, height: englishHeight, mode: .block) { reads.append(read) }
    if let read = englishRead(page, ink: ink, level: darker, height: secondHeight) { reads.append(read) }
    if let read = chineseRead(page, ink: ink, level: level, scale: 2) { reads.append(read) }
    if let read = chineseRead(page, ink: ink, level: darker) { reads.append(read) }
    return reads
  }

  /// The digits of a read number, without its sign or decimal point.
  static func digits(of value: String) -> String {
    value.filter { $0.isASCII && $0.isNumber }
  }

  /// The value most reads agree on; unsure unless at least two agree.
  static func vote(_ reads: [(value: String, confidence: Double)]) -> NumberRead {
    var tally: [String: (count: Int, best: Double, total: Double)] = [:]
    for read in reads {
      let entry = tally[read.value] ?? (0, 0, 0)
      tally[read.value] = (entry.count + 1, max(entry.best, read.confidence), entry.total + read.confidence)
    }
    let winner = tally.max { a, b in
      (a.value.count, a.value.total) < (b.value.count, b.value.total)
    }
    guard let winner else { return NumberRead(value: "", confidence: 0, isLowConfidence: true) }
    let agreed = winner.value.count >= 2 && winner.value.count * 2 > reads.count
    return NumberRead(value: winner.key, confidence: winner.value.best, isLowConfidence: !agreed)
  }

  /// The number the English model reads in the grey glyphs of `ink`, not binarised (the model
  /// sees every stroke's grey, a faint one a threshold drops too), when its reads at the two
  /// digit heights agree and are sure; `nil` otherwise. A second opinion on print whose reads
  /// at different levels disagree (a grey 6 whose top the page's level drops, read 0).
  /// `withSurroundings` takes the margin from the page, not paper (where no rule is near).
  func greyRead(_ page: GreyBitmap, ink: PixelRect, withSurroundings: Bool = false) -> NumberRead? {
    let reads = [englishHeight, secondHeight].map { height -> (value: String, confidence: Double)? in
      let factor = height / Double(max(1, ink.height))
      let margin = max(1, Int((Double(englishPadding) / factor).rounded(.up)))
      // With its surroundings, the margin is the page's own pixels, not paper: a stroke too
      // faint to be in the ink's box (a 4's diagonal) is read with the rest of its glyph.
      let image =
        withSurroundings
        ? page.cropped(
          PixelRect(
            x: ink.x - margin, y: ink.y - margin, width: ink.width + 2 * margin, height: ink.height + 2 * margin)
        )
        .scaled(by: factor)
        : page.cropped(ink, padding: margin, background: 255).scaled(by: factor)
      let text = english.recognize(image, mode: .singleLine)
      return NumberText.number(from: text.text).map { ($0, text.confidence) }
    }
    guard let first = reads[0], let second = reads[1], first.value == second.value,
      min(first.confidence, second.confidence) >= minimumGreyConfidence
    else { return nil }
    return NumberRead(value: first.value, confidence: min(first.confidence, second.confidence), isLowConfidence: true)
  }

  /// The English model on the glyphs scaled to `height` pixels, single-line mode.
  func englishRead(
    _ page: GreyBitmap, ink: PixelRect, level: UInt8, height: Double, mode: OCREngine.Mode = .singleLine
  ) -> (value: String, confidence: Double)? {
    let factor = height / Double(max(1, ink.height))
    let margin = max(1, Int((Double(englishPadding) / factor).rounded(.up)))
    let image = page.cropped(ink, padding: margin, background: 255).scaled(by: factor)
      .binarized(level: level)
    let text = english.recognize(image, mode: mode)
    guard let value = NumberText.number(from: text.text) else { return nil }
    return (value, text.confidence)
  }

  /// The Chinese model, digits only, at native size (or `scale` times it) with a wide margin.
  func chineseRead(_ page: GreyBitmap, ink: PixelRect, level: UInt8, scale: Double = 1)
    -> (value: String, confidence: Double)?
  {
    var image = page.cropped(ink, padding: chinesePadding, background: 255)
    if scale != 1 { image = image.scaled(by: scale) }
    image = image.binarized(level: level)
    let text = chinese.recognize(image, mode: .singleLine, whitelist: "0123456789.")
    guard let value = NumberText.number(from: text.text) else { return nil }
    return (value, text.confidence)
  }
}
