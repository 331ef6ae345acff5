import Testing

@testable import GongkaiCore

/// The agency's readings on a scan weighed against each other (``AgencyReadings``), with the
/// readings OCR gave on real photocopied reports.
@Suite("Agency readings")
struct AgencyReadingsTests {
  @Test("a title's misread county is corrected when the other mentions agree")
  func corrected() {
    // wps-2021-c photocopied (pc2047): the title read 白沙有, the body and signature 白沙县.
    let readings = AgencyReadings(
      agency: "白沙有市场监督管理局",
      texts: [
        "2021 年，和白沙县市场监督管理局坚持以习近平新时代中国特色社会主义思", "下一步，白沙县市场监督管理局将进一步丰富政策解读形式",
        "白沙县市场监督管理局",
      ])
    #expect(readings.others == ["白沙县市场监督管理局", "白沙县市场监督管理局", "白沙县市场监督管理局"])
    #expect(readings.verdict == .corrected("白沙县市场监督管理局"))
  }

  @Test("readings that disagree on a name that is not well formed withhold it")
  func withheld() {
    // threeline-2019-d with seals (seal set seed 2010, v20): 清河县 read 清河有具 in the title and
    // the closing paragraph, 清河具 in the opening one, 河河县 in the signature.
    let readings = AgencyReadings(
      agency: "清河有具人民政府",
      texts: [
        "2020年，清河具人民政府坚持以习近平新时代中国特色社会主义思想为指导",
        "下一步，清河有具人民政府将进一步丰富政策解读形式", "河河县人民收府",
      ])
    #expect(readings.verdict == .doubtful(withheld: true))
  }

  @Test("a name read the same everywhere, or other bodies named in the text, leave the title's reading")
  func kept() {
    let same = AgencyReadings(agency: "石门镇人民政府", texts: ["2021年，石门镇人民政府坚持", "石门镇人民政府"])
    #expect(same.verdict == .kept)
    // The county's government and the town's neighbours are other bodies, not readings of it.
    let others = AgencyReadings(
      agency: "青山县教育局", texts: ["在青山县人民政府的领导下", "青山县卫生健康局", "石门镇教育局", "青山县教育局"])
    #expect(others.verdict == .kept)
    // Too short to tell a misreading from a neighbour: 东林镇 is another town.
    #expect(AgencyReadings(agency: "东木镇", texts: ["东林镇", "东林镇"]).verdict == .kept)
  }

  @Test("a title whose first character the text never shares, the text naming the body otherwise, is doubted")
  func firstCharacterDoubted() {
    // A browser print photocopied (set 3901, s3): the title's 临 read 虱, the overview and the
    // closing paragraph read 临江区人民政府. Not corrected (the text may name a neighbour),
    // only doubted.
    let misread = AgencyReadings(
      agency: "虱江区人民政府", texts: ["2022年，临江区人民政府坚持以习近平新时代", "下一步，临江区人民政府将进一步丰富政策解读形式"])
    #expect(misread.verdict == .doubtful(withheld: false))
    #expect(misread.summary == "临江区人民政府")
    // The text names the body as the title does: a neighbour named beside it is no doubt.
    let neighbour = AgencyReadings(
      agency: "西城区人民政府", texts: ["西城区人民政府坚持", "会同东城区人民政府", "东城区人民政府"])
    #expect(neighbour.verdict == .kept)
    // One other mention is not enough.
    #expect(AgencyReadings(agency: "虱江区人民政府", texts: ["临江区人民政府"]).verdict == .kept)
  }

  @Test("an office's name follows an administrative unit's")
  func plausible() {
    let names = TemplateCatalog.standard.agencyNames
    #expect(names.isWellFormed("清河县人民政府"))
    #expect(names.isWellFormed("城关街道办事处"))
    #expect(names.isWellFormed("江南理工大学"))
    #expect(!names.isWellFormed("清河有具人民政府"))
    #expect(!names.isWellFormed("白沙有市场监督管理局"))
  }
}
