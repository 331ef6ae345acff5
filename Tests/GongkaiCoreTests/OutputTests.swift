import Foundation
import GongkaiCore
import Testing

@Suite("Output")
struct OutputTests {
  @Test(
    "amounts use exact decimals: 63.79 万元 is 637900 yuan",
    arguments: [
      ("63.79", 4, "637900"), ("18.26", 4, "182600"), ("7920", 0, "7920"), ("12.5", 4, "125000"),
      ("0.86", 4, "8600"), ("1234.56", 0, "1234.56"), ("0.00001", 4, "0.1"),
    ])
  func exactDecimal(text: String, power: Int, expected: String) throws {
    let value = try #require(ExactDecimal(text))
    #expect(value.shifted(by: power)?.description == expected)
  }

  @Test("numbering is not a number", arguments: ["1.", "3、", "", "-", "1.2.3", "12a"])
  func notDecimal(text: String) {
    #expect(ExactDecimal(text) == nil)
  }

  @Test("SHA-256 matches the FIPS test vectors")
  func sha256() {
    #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hexDigest([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("every sample's JSON conforms to Models/report.schema.json", arguments: Fixtures.textInputsWithExpectations())
  func schemaConformance(name: String) throws {
    let schema = try JSONReader.parse(
      String(contentsOf: Fixtures.root.appending(path: "Models/report.schema.json"), encoding: .utf8))
    let json = ReportJSON.encode(try Fixtures.report(ofSample: name))
    let violations = SchemaValidator(schema: schema).violations(of: json)
    #expect(violations.isEmpty, "\(violations.prefix(5))")
  }

  @Test("the schema check catches a report that breaks the contract")
  func schemaRejectsBrokenReport() throws {
    let schema = try JSONReader.parse(
      String(contentsOf: Fixtures.root.appending(path: "Models/report.schema.json"), encoding: .utf8))
    let good = ReportJSON.encode(try Fixtures.report(ofSample: "000_9c86ffa99e553fb9.txt"))
    let text = JSONWriter(pretty: false).string(from: good)
    let broken = [
      text.replacingOccurrences(of: "\"template\":\"2019\"", with: "\"template\":\"2020\""),
      text.replacingOccurrences(of: "\"made\":18", with: "\"made\":\"18\""),
      text.replacingOccurrences(of: "\"schema\":\"gongkai.report/1\",", with: ""),
      text.replacingOccurrences(of: "\"total\":0}", with: "\"total\":0,\"extra\":1}"),
      text.replacingOccurrences(of: "\"year\":2020", with: "\"year\":20.5"),
    ]
    for variant in broken {
      #expect(variant != text)
      #expect(!SchemaValidator(schema: schema).violations(of: try JSONReader.parse(variant)).isEmpty)
    }
  }

  @Test("JSON written and read back gives the same report")
  func jsonRoundTrip() throws {
    for name in ["001_f54858a1ba3b72c6.txt", "003_d1513ee4e846cccb.txt", "rule-template_deviation.txt"] {
      let report = try Fixtures.report(ofSample: name)
      let text = JSONWriter(pretty: true).string(from: ReportJSON.encode(report))
      let back = try ReportJSON.decode(try JSONReader.parse(text))
      #expect(back == report, "\(name)")
    }
  }

  @Test("JSON strings escape quotes, backslashes and control characters")
  func jsonEscaping() throws {
    let value = JSONValue.string("a\"b\\c\nd\u{01}中")
    let text = JSONWriter(pretty: false).string(from: value)
    #expect(text == #""a\"b\\c\nd\u0001中""#)
    #expect(try JSONReader.parse(text) == value)
  }

  @Test("CSV: one header, one row per report, every row as wide as the header")
  func csv() throws {
    let writer = CSVWriter()
    let reports = try ["000_9c86ffa99e553fb9.txt", "003_d1513ee4e846cccb.txt"].map(Fixtures.report(ofSample:))
    #expect(writer.headers.contains("requests.other_other.total"))
    #expect(writer.headers.contains("proactive.procurement.amount.yuan"))
    #expect(Set(writer.headers).count == writer.headers.count)
    let rows = reports.map(writer.row).map(Self.fields)
    for fields in rows { #expect(fields.count == writer.headers.count) }
    let index = try #require(writer.headers.firstIndex(of: "proactive.procurement.amount.yuan"))
    let fields = rows[0]
    #expect(fields[index] == "7920")
    #expect(fields[try #require(writer.headers.firstIndex(of: "sections.problems"))].contains("，"))
    #expect(fields[try #require(writer.headers.firstIndex(of: "meta.template"))] == "2019")
    #expect(writer.headerLine().hasSuffix("\r\n"))
  }

  /// The fields of one RFC 4180 line (quoted fields may hold commas, quotes, newlines).
  static func fields(_ line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var characters = Array(line.hasSuffix("\r\n") ? String(line.dropLast(2)) : line)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if quoted {
        if character == "\"" {
          if index + 1 < characters.count, characters[index + 1] == "\"" {
            current.append("\"")
            index += 1
          } else {
            quoted = false
          }
        } else {
          current.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
      index += 1
    }
    fields.append(current)
    characters.removeAll()
    return fields
  }
}

@Suite("JSON text")
struct JSONTextTests {
  @Test("line and paragraph separators are escaped; other multi-byte text is kept as is")
  func separators() throws {
    let value = JSONValue.string("甲\u{2028}乙\u{2029}丙¨ɨ訨")
    let text = JSONWriter(pretty: false).string(from: value)
    #expect(text == "\"甲\\u2028乙\\u2029丙¨ɨ訨\"")
    #expect(try JSONReader.parse(text) == value)
  }
}
