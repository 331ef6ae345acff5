/// A normalised label (`LabelText.key`) as a dictionary or set key, hashed by its UTF-8
/// bytes: String hashing first normalises Unicode, which the keys no longer need and
/// which costs more than the lookup itself.
struct LabelKey: Hashable, Sendable {
  /// The normalised text.
  let text: String

  /// Wraps text that is already normalised.
  init(normalized text: String) { self.text = text }

  /// The key of any label text.
  init(label: some StringProtocol) { text = LabelText.key(label) }

  static func == (left: LabelKey, right: LabelKey) -> Bool { left.text == right.text }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
