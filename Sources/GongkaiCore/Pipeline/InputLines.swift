extension StringProtocol {
  /// The lines of an input text as the pipeline numbers them: split at line feeds and at
  /// CRLF ("\r\n" is one Character, which a split at "\n" alone misses), empty lines kept.
  public func inputLines() -> [SubSequence] {
    split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
  }
}
