import Testing

@testable import gongkai

/// `gongkai parse FILE...` skips swift-argument-parser (`ParseRun(plainArguments:)`): the
/// settings it takes must be the ones the parser gives for the same arguments, and every
/// other command line must still go through the parser.
@Suite("Plain parse command line")
struct PlainParseTests {
  @Test("input paths alone: the same settings as swift-argument-parser gives")
  func sameAsParser() throws {
    let cases = [
      ["Samples/pdf/gen-2019-b.pdf"],
      ["Samples/pdf/gen-2019-b.pdf", "Samples/text/000_9c86ffa99e553fb9.txt"],
      ["missing.pdf"],
      ["help"],
      ["Samples/pdf"],  // a folder: corpus mode
      ["Samples/pdf", "Samples/text/000_9c86ffa99e553fb9.txt"],
    ]
    for files in cases {
      let plain = try #require(ParseRun(plainArguments: ["gongkai", "parse"] + files), "\(files)")
      let parsed = try ParseCommand.parse(files).settings
      #expect(plain == parsed, "\(files)")
      #expect(plain.isCorpusRun == parsed.isCorpusRun)
    }
  }

  @Test("options, help, a dash, no file or another command: left to swift-argument-parser")
  func declines() {
    let lines = [
      ["gongkai", "parse"],
      ["gongkai", "parse", "--help"],
      ["gongkai", "parse", "-h"],
      ["gongkai", "parse", "a.pdf", "--strict"],
      ["gongkai", "parse", "--format", "csv", "a.pdf"],
      ["gongkai", "parse", "-o", "out.json", "a.pdf"],
      ["gongkai", "parse", "--", "a.pdf"],
      ["gongkai", "parse", "-"],
      ["gongkai", "parse", ""],
      ["gongkai", "parse", "a.pdf", "--generate-completion-script", "bash"],
      ["gongkai", "clean", "a.pdf"],
      ["gongkai", "--version"],
      ["gongkai"],
    ]
    for line in lines {
      #expect(ParseRun(plainArguments: line) == nil, "\(line)")
    }
  }
}
