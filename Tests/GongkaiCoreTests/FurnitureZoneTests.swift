import Foundation
import GongkaiCore
import Testing

/// A report's text with `head` above its title and `tail` below its signing date, and
/// `other` as the text of section 六.
private func portalPage(head: String, title: String = "某某县人民政府2023年政府信息公开工作年度报告", other: String, tail: String)
  -> String
{
  """
  \(head)
  \(title)
  本报告根据《中华人民共和国政府信息公开条例》编制。
  一、总体情况
  2023年，本机关认真做好政府信息公开工作。
  二、主动公开政府信息情况
  规章\t1\t0\t5
  三、收到和处理政府信息公开申请情况
  一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
  四、政府信息公开行政复议、行政诉讼情况
  0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0
  五、存在的主要问题及改进情况
  无。
  六、其他需要报告的事项
  \(other)
  某某县人民政府
  2024年1月20日
  \(tail)
  """
}

@Suite("Page furniture by zone: before the title, inside the report, after the signing date")
struct FurnitureZoneTests {
  @Test("report text using the words of portal furniture is kept, even wrapped without punctuation")
  func reportTextKept() throws {
    let other = """
      （一）规范信息发布。门户网站每条信息均标注发布时间、信
      息来源，公开浏览次数
      发布时间 来源 浏览次数 字号 打印 关闭
      （二）网站建设。门户网站主办单位为本级人民政府办公室，承办单位为大数据管理中心，网站标识码、
      ICP备案号和公网安备号在网站底部公示
      """
    let document = ReportPipeline().repair(portalPage(head: "", other: other, tail: ""))
    let text = try #require(document.narrative["other"])
    for words in ["标注发布时间、信", "息来源，公开浏览次数", "发布时间 来源 浏览次数 字号 打印 关闭", "主办单位为本级", "ICP备案号和公网安备号"] {
      #expect(text.contains(words), "lost: \(words)")
    }
    #expect(!document.repairs.contains { $0.kind == "page_furniture" }, "\(document.repairs.map(\.detail))")
  }

  @Test("an 政府信息公开 platform page: top bar, catalogue box, bilingual furniture, share links, footer")
  func platformPage() throws {
    let head = """
      English | 无障碍浏览 | 长者模式 | 登录
      某某县人民政府
      政府信息公开
      首页 | 信息公开指南 | 信息公开制度 | 法定主动公开内容
      当前位置 Location：首页 Home > 政务公开 > 年度报告
      索 引 号：\t113400000140001/2024-00012\t分 类：\t年报
      名 称：\t某某县人民政府2023年政府信息公开工作年度报告
      【字体：大 中 小】 【打印】 【关闭】
      """
    let tail = """
      【返回顶部 Top】
      分享到：微信 微博 QQ空间
      相关链接：中国政府网 | 省人民政府
      Copyright © 2024 某某县人民政府 版权所有
      """
    let page = portalPage(
      head: head, title: "某某县人民政府2023年政府信息公开工作年度报告\n发布日期：2024-01-29\n信息来源：县政府办公室", other: "无。",
      tail: tail)
    let report = try Fixtures.report(ofText: page)
    #expect(report.meta.title == "某某县人民政府2023年政府信息公开工作年度报告")
    #expect(report.meta.agency == "某某县人民政府")
    #expect(report.meta.published == "2024-01-20")
    let document = ReportPipeline().repair(page)
    #expect(document.narrative["other"] == "无。")
    #expect(
      !document.preamble.contains {
        $0.contains("索") || $0.contains("English") || $0.contains("位置") || $0.contains("发布") || $0.contains("来源")
      }, "\(document.preamble)")
  }

  @Test("a catalogue's 名称 field whose colon a scan lost is no part of the title")
  func catalogueNameWithoutColon() throws {
    // The top of a browser-printed portal page as the scan reader read its photocopy
    // (make_browser_variants.py --seed 2710 variant s3, make_scan_variants.py --seed 2711:
    // g2712, UMing, 200 dpi): the catalogue's fields lost their colons, and its 名 称 line,
    // the title after the field's name, came before the page's own title line.
    let head = """
      [| [ESUAY 下3 区A 证让 1 OA 1
      芝
      索 引 号 \u{FFFD} 0 \u{FFFD} 00 0 086/202 0-0 \u{FFFD} 分 类 政府信息公开年 报
      发布机构 西岭师范学院 发文日期 \u{FFFD}
      名 称 西岭师范学院 2019 年政府信息公开工作年度报告
      所 7 “1 题 词 年了
      """
    let page = portalPage(head: head, title: "西岭师范学院2019年政府信息公开工作年度报告", other: "无。", tail: "")
    let report = try Fixtures.report(ofText: page)
    #expect(report.meta.title == "西岭师范学院2019年政府信息公开工作年度报告")
    #expect(report.meta.agency == "西岭师范学院")
  }

  @Test("a side box's entry the scan reads on the title's line is no part of the title")
  func sideBoxEntryBesideTitle() throws {
    // The top of a browser-printed portal page as the scan reader read its photocopy
    // (make_browser_variants.py --seed 5200 variant s6, make_scan_variants.py --seed 5201:
    // g5202, Noto Serif, 200 dpi): the 政府信息公开 side box's entries stand left of the
    // title, and 信息公开指南 was read on the title's line, a blank between.
    let head = """
      当前位置Location: 首页 Home > 政务公开> 年度报告 Annual Reports
      政府信息公开
      """
    for (line, title) in [
      ("信息公开指南 石城县交通运输局2022年政府信息公开工作年度报告", "石城县交通运输局2022年政府信息公开工作年度报告"),
      ("政府信息公开年报 石城县交通运输局2022年政府信息公开工作年度报告", "石城县交通运输局2022年政府信息公开工作年度报告"),
      // A title whose agency is printed apart keeps it: no side box entry leads it.
      ("石城县 交通运输局2022年政府信息公开工作年度报告", "石城县交通运输局2022年政府信息公开工作年度报告"),
    ] {
      let report = try Fixtures.report(ofText: portalPage(head: head, title: line, other: "无。", tail: ""))
      #expect(report.meta.title == title, "\(line)")
      #expect(report.meta.agency == "石城县交通运输局", "\(line)")
    }
  }

  @Test("a title on two lines below a banner: the agency line is joined to the 2023年… line")
  func twoLineTitle() throws {
    let page = portalPage(
      head: "某某县人民政府\n政府信息公开\n您现在的位置：首页 >> 信息公开\n某某县人民政府", title: "2023年政府信息公开工作年度报告",
      other: "无。", tail: "")
    let report = try Fixtures.report(ofText: page)
    #expect(report.meta.title == "某某县人民政府2023年政府信息公开工作年度报告")
  }

  @Test("a 相关文章 box listing other years' reports above the title is no title")
  func relatedReportsNoTitle() throws {
    // A sidebar beside the article, printed by a browser: its three lines run together
    // into one above the page's own title.
    let page = portalPage(
      head: "首页 / 法定主动公开内容 / 政府信息公开工作年度报告\n相关文章某某县人民政府2022年政府信息公开工作年度报告某某县人民政府2021年政府信息公开工作年度报告",
      other: "无。", tail: "")
    let report = try Fixtures.report(ofText: page)
    #expect(report.meta.title == "某某县人民政府2023年政府信息公开工作年度报告")
    #expect(report.meta.year == 2023)
    #expect(report.meta.agency == "某某县人民政府")
  }

  @Test(
    "Chrome's en-US header date (12/1/26, 9:05 AM) is never the signing date: the signing date is found past it, and an unsigned page has none"
  )
  func browserHeaderDateNeverPublished() throws {
    // The header of a page printed by Chromium in an en-US locale: date, time and the
    // page's title. On the last page it may follow the signing lines, or be the last
    // line of an unsigned page.
    let header = "12/1/26, 9:05 AM\t某某县人民政府2023年政府信息公开工作年度报告_某某县人民政府"
    let signed = portalPage(head: header, other: "无。", tail: "12/1/26, 9:05 AM")
    #expect(try Fixtures.report(ofText: signed).meta.published == "2024-01-20")
    let between = portalPage(head: header, other: "无。", tail: "").replacingOccurrences(
      of: "某某县人民政府\n2024年1月20日", with: "某某县人民政府\n12/1/26, 9:05 AM\n2024年1月20日")
    #expect(try Fixtures.report(ofText: between).meta.published == "2024-01-20")
    for last in ["12/1/26, 9:05 AM", "12/1/26", "1/26/24"] {
      let unsigned = portalPage(head: header, other: "无。", tail: last).replacingOccurrences(
        of: "某某县人民政府\n2024年1月20日\n", with: "")
      #expect(!unsigned.contains("2024年1月20日"))
      #expect(try Fixtures.report(ofText: unsigned).meta.published == nil, "\(last)")
    }
  }

  @Test("an unsigned page ending in a share line naming its targets (分享到：微信微博 QQ空间 QQ好友): the line is dropped")
  func unsignedShareLineDropped() throws {
    // s9browser3 seed 2 s23: the line stayed at the end of section 六.
    let page = portalPage(head: "", other: "无。", tail: "分享到：微信微博 QQ空间 QQ好友").replacingOccurrences(
      of: "某某县人民政府\n2024年1月20日\n", with: "")
    let document = ReportPipeline().repair(page)
    #expect(document.narrative["other"] == "无。")
  }

  @Test("lines after the signing date are dropped only when every one of them is furniture")
  func tailOnlyWhenAllFurniture() throws {
    let page = portalPage(head: "", other: "无。", tail: "附件：2023年政府信息公开统计表\n分享到：微信 微博")
    let report = try Fixtures.report(ofText: page)
    #expect(report.meta.published == nil)
    let document = ReportPipeline().repair(page)
    #expect(document.narrative["other"]?.contains("附件") == true)
  }

  @Test("a scanned footer after the signing date, its separator dots read as 。: two markers make it furniture")
  func scannedFooterWithFullStop() throws {
    // OCR of a browser print: the site footer on two lines, its · read as 。, colons ASCII.
    let footer = "主办单位: 某某县人民政府办公室。网站标识码: 3208000001"
    let page = portalPage(
      head: "", other: "无。", tail: "扫一扫在手机打开当前页\n" + footer + "\nICP备案号: 苏ICP 备05001234号。政务服务热线: 12345")
    let report = try Fixtures.report(ofText: page)
    #expect(report.meta.published == "2024-01-20")
    // Its colons read as ， and 。, the first line with no marker but the footer's own words
    // (g4502's last page, `make_browser_variants.py --seed 4500` s0 scanned with --seed 4501).
    let commas = portalPage(
      head: "", other: "无。",
      tail: "【打印本页】【关闭窗口】\n主办单位，某某县人民政府办公室。网站标识码。3208000001\nICP备案号: 苏ICP 备05001234号 政务服务热线 :12345")
    #expect(try Fixtures.report(ofText: commas).meta.published == "2024-01-20")
    // One marker in a sentence is not enough: the date is then not the report's end.
    let prose = portalPage(head: "", other: "无。", tail: "本报告由某某县人民政府办公室编制，欢迎扫一扫关注。")
    #expect(try Fixtures.report(ofText: prose).meta.published == nil)
  }

  @Test("a portal's previous and next article links after the date are furniture, their colons read as ; or :")
  func articleLinksAfterDate() throws {
    // OCR of a browser print (make_browser_variants.py --seed 4900 s9, photocopied with
    // --seed 4901): 上一篇：… and 下一篇：… under the signing date, 下一篇's colon read as ;.
    // That line was taken for the report's own, and the signing date was lost.
    let links = "上一篇: 白沙县人民政府关于公布行政许可事项清单的通知\n下一篇; 白沙县人民政府2023年重点民生实事项目完成情况"
    let report = try Fixtures.report(ofText: portalPage(head: "", other: "无。", tail: links))
    #expect(report.meta.published == "2024-01-20")
    let fullWidth = "上一篇：关于印发某某县2024年政务公开工作要点的通知\n下一篇：无"
    #expect(
      try Fixtures.report(ofText: portalPage(head: "", other: "无。", tail: fullWidth)).meta.published == "2024-01-20")
    // A sentence of the report that names the next article is no link line.
    let prose = portalPage(head: "", other: "无。", tail: "下一篇：本机关将继续做好政务公开工作。")
    #expect(try Fixtures.report(ofText: prose).meta.published == nil)
  }

  @Test("a scanned footer in two columns, a wrapped word's last character alone on a line: furniture after the date")
  func scannedFooterInColumns() throws {
    // OCR of a browser print (make_browser_variants.py portal_cms): the footer's fields side
    // by side read as cells, 政务服务热线 wrapped with 线 alone below. Tabs kept the lines
    // from counting as furniture, and the signing date was lost.
    let tail = """
      分享到 : 微信微博QQ 空间 QQ好友
      主办单位: 青石县人民政府办公室\t网站标识码: 3208000001
      ICP 备案号 : 苏ICP 备05001234号\t政务服务热 : 12345
      线
      """
    let report = try Fixtures.report(ofText: portalPage(head: "", other: "无。", tail: tail))
    #expect(report.meta.published == "2024-01-20")
    #expect(report.sections.other == "无。", "\(report.sections.other ?? "")")
    // A short line after the date with no furniture above it is the report's: no signing date.
    let kept = try Fixtures.report(ofText: portalPage(head: "", other: "无。", tail: "附件\n无"))
    #expect(kept.meta.published == nil)
  }

  @Test("a scanned signing date whose 1 reads as a bracket or a letter is the date")
  func misreadOneInDate() throws {
    for (printed, date) in [("2024年]月20日", "2024-01-20"), ("2024年l2月3l日", "2024-12-31")] {
      let page = portalPage(head: "", other: "无。", tail: "").replacingOccurrences(of: "2024年1月20日", with: printed)
      #expect(try Fixtures.report(ofText: page).meta.published == date, "\(printed)")
    }
  }

  @Test(
    "a stray mark after the signing date (a speck read as 本) goes with the signature; a line of three characters does not"
  )
  func strayMarkAfterDate() throws {
    let page = portalPage(head: "", other: "无。", tail: "") + "本\n"
    let report = try Fixtures.report(ofText: page)
    #expect(report.meta.published == "2024-01-20")
    #expect(report.sections.other == "无。", "\(report.sections.other ?? "")")
    #expect(report.repairs.contains { $0.kind == "page_furniture" && $0.detail.contains("本") })
    // A portal's page tools 【打印】【关闭】 under the date, read from a copy as lines of one- and
    // two-character marks (make_browser_variants.py --seed 4900 s8, photocopied with --seed 4901).
    let tools = try Fixtures.report(
      ofText: portalPage(head: "", other: "无。", tail: "") + "下 11 \u{FFFD} 11\n下 \u{FFFD} 上 4\n")
    #expect(tools.meta.published == "2024-01-20")
    #expect(tools.sections.other == "无。", "\(tools.sections.other ?? "")")
    // Three characters are no stray mark, nor is a lone number: the date is not the last line.
    for tail in ["本页完\n", "11\n", "本报告 1 2\n"] {
      #expect(
        try Fixtures.report(ofText: portalPage(head: "", other: "无。", tail: "") + tail).meta.published == nil, "\(tail)"
      )
    }
  }

  @Test("an unsigned page: furniture dropped from the first line fully matching a rule; a contact line above it kept")
  func unsignedTail() throws {
    let page =
      portalPage(head: "", other: "无。", tail: "")
      .replacingOccurrences(of: "某某县人民政府\n2024年1月20日\n", with: "联系电话：0551-1234567\n")
      + "【打印本页】【关闭窗口】\n分享到：微信 微博\n版权所有：某某县人民政府 技术支持：某某公司\n"
    let document = ReportPipeline().repair(page)
    #expect(document.signatureDate == nil)
    #expect(document.narrative["other"] == "无。\n联系电话：0551-1234567", "\(document.narrative["other"] ?? "")")
  }

  @Test("the furniture rules' required words fit the byte screen (at most 64)")
  func requiredWordsFit() {
    let words = TemplateCatalog.standard.pageFurniture.reduce(0) { $0 + ($1.requires?.count ?? 0) }
    #expect(words > 0 && words <= 64)
  }
}
