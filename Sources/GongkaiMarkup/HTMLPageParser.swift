import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs libxml2's HTML parser over a page with SAX callbacks that build an `HTMLPage`
/// directly: no libxml2 tree is made or freed, no attribute becomes a String unless the
/// walk needs its value (a cell's span). Owns the parser context for one parse.
final class HTMLPageParser {
  private let context: htmlParserCtxtPtr
  private let xml: GongkaiXMLAPI

  private init(context: htmlParserCtxtPtr, xml: GongkaiXMLAPI) {
    self.context = context
    self.xml = xml
  }

  deinit {
    if let document = context.pointee.myDoc { xml.xmlFreeDoc(document) }
    context.pointee.myDoc = nil
    xml.xmlFreeParserCtxt(context)
  }

  /// The options the page is parsed with: forgiving, silent, no network, the page's own
  /// charset ignored (the text is already decoded), no depth limit (as a browser has
  /// none: nothing here recurses on the page's nesting), white space between block
  /// elements dropped as libxml2's tree drops it.
  private static let options = Int32(
    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
      | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
      | HTML_PARSE_NODEFDTD.rawValue | XML_PARSE_HUGE.rawValue | HTML_PARSE_NOBLANKS.rawValue)

  /// Parses the UTF-8 page `bytes` into a page; nil when libxml2 could not be loaded or
  /// could not start.
  /// `cuts` are the offsets where `HTMLFurnitureCut` left a furniture <div> without its
  /// content: the page is nil unless each is a <div> the parse prunes.
  /// `firstLine` (when not 0) is the input line the bytes start on: each text node's line
  /// is kept.
  static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, furniture: WebFurniture, pruneFurniture: Bool, cuts: [Int] = [],
    firstLine: Int = 0
  ) -> HTMLPage? {
    guard !bytes.isEmpty, let base = bytes.baseAddress else {
      return cuts.isEmpty ? HTMLPage(nodes: [HTMLPageBuilder.documentNode], text: [], isPruned: pruneFurniture) : nil
    }
    guard let xml = LibXML.api else { return nil }
    // As htmlReadMemory sets it up, with this file's callbacks in place of the tree builder.
    xml.xmlInitParser()
    let created = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
      xml.xmlCreateMemoryParserCtxt($0, Int32(clamping: bytes.count))
    }
    guard let created else { return nil }
    let parser = HTMLPageParser(context: created, xml: xml)
    return withExtendedLifetime(parser) {
      parser.run(
        bytes: bytes.count, furniture: furniture, pruneFurniture: pruneFurniture, cuts: cuts, firstLine: firstLine)
    }
  }

  private func run(bytes: Int, furniture: WebFurniture, pruneFurniture: Bool, cuts: [Int], firstLine: Int)
    -> HTMLPage?
  {
    guard let handler = context.pointee.sax else { return nil }
    var callbacks = xmlSAXHandler()
    callbacks.initialized = 1
    callbacks.startElement = { user, name, attributes in
      guard let user, let name else { return }
      user.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.start(name, attributes: attributes)
    }
    callbacks.endElement = { user, _ in
      user?.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.end()
    }
    callbacks.characters = { user, characters, length in
      guard let user, let characters, length > 0 else { return }
      user.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.characters(characters, count: Int(length))
    }
    callbacks.cdataBlock = { user, characters, length in
      guard let user, let characters, length > 0 else { return }
      user.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.characters(
        characters, count: Int(length), isCDATA: true)
    }
    callbacks.internalSubset = { user, _, externalID, _ in
      user?.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.doctype(externalID)
    }
    callbacks.processingInstruction = { user, target, _ in
      user?.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.processingInstruction(target)
    }
    handler.pointee = callbacks
    _ = xml.htmlCtxtUseOptions(context, Self.options)
    context.pointee.html = 1
    // The bytes are valid UTF-8, libxml2's own character set: no encoding is switched to
    // (htmlReadMemory's switch to "UTF-8" copies the whole input through a converter).
    let builder = UnsafeMutablePointer<HTMLPageBuilder>.allocate(capacity: 1)
    builder.initialize(
      to: HTMLPageBuilder(
        context: context, xml: xml, furniture: furniture, prune: pruneFurniture, cuts: cuts, expectedBytes: bytes,
        firstLine: firstLine))
    defer {
      builder.deinitialize(count: 1)
      builder.deallocate()
    }
    context.pointee.userData = UnsafeMutableRawPointer(builder)
    _ = xml.htmlParseDocument(context)
    guard builder.pointee.cutsHeld else { return nil }
    return builder.pointee.page
  }
}

/// The state of one parse: the nodes so far and the elements open, mirroring the tree
/// libxml2 would build (its NOBLANKS white-space rule needs the last child of the open
/// element, which this keeps since there is no libxml2 tree to ask).
struct HTMLPageBuilder {
  /// What the page knows about an element name.
  private struct ElementInfo {
    var kind: HTMLPage.Kind
    var tag: HTMLPage.Tag
    /// libxml2 keeps white space after or inside it (its `allowPCData` list).
    var keepsSpace: Bool
  }

  /// An element open in the parse.
  private struct OpenElement {
    var node: Int32
    /// Its last child node linked so far, or -1.
    var lastChild: Int32
    /// Its last child as libxml2's white-space rule sees it.
    var last: LastChild
    /// libxml2 keeps white space inside it.
    var keepsSpace: Bool
  }

  /// The last child of an open element, for the white-space rule (comments do not count).
  private enum LastChild {
    case none, text, keepingSpace, droppingSpace
  }

  static let documentNode = HTMLPage.Node(
    kind: .block, tag: .other, isFurniture: false, isPruned: false, firstChild: -1, next: -1, first: 0, second: 0)

  /// Elements after or inside which libxml2 keeps white space (HTMLparser.c, allowPCData).
  private static let keepingSpace: Set<String> = [
    "a", "abbr", "acronym", "address", "applet", "b", "bdo", "big", "blockquote", "body", "button", "caption",
    "center", "cite", "code", "dd", "del", "dfn", "div", "dt", "em", "font", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "i", "iframe", "ins", "kbd", "label", "legend", "li", "noframes", "noscript", "object", "p", "pre", "q",
    "s", "samp", "small", "span", "strike", "strong", "td", "th", "tt", "u", "var",
  ]

  /// How deep (in elements below the root) furniture is still told apart by the walk.
  private static let furnitureLevels = HTMLBlockReader.maximumDepth + 2

  private let context: htmlParserCtxtPtr
  private let xml: GongkaiXMLAPI
  private let furniture: WebFurniture
  private let prune: Bool
  private var nodes: [HTMLPage.Node]
  private var text: [UInt8]
  private var open: [OpenElement]
  /// Elements open inside a skipped or pruned element (whose content is not kept).
  private var ignoredDepth = 0
  private var tablesOpen = 0
  private var sawDoctype = false
  /// The page declares strict HTML 4, under which libxml2 drops white space in <body>.
  private var strictDoctype = false
  /// Offsets of the `>` of furniture <div>s left without content, in order, and the next
  /// one expected.
  private let cuts: [Int]
  private var nextCut = 0
  /// Each cut so far was a <div> whose content the parse leaves out.
  private var cutsFollowed = true
  /// Element names seen, by address: libxml2 interns names per parse.
  private var names: [UnsafeRawPointer: ElementInfo] = [:]
  /// The input line the bytes start on when text nodes' lines are kept, else 0.
  private let firstLine: Int
  /// Each text node's input line (when kept).
  private var textLines: [Int32: Int] = [:]

  init(
    context: htmlParserCtxtPtr, xml: GongkaiXMLAPI, furniture: WebFurniture, prune: Bool, cuts: [Int],
    expectedBytes: Int, firstLine: Int
  ) {
    self.context = context
    self.xml = xml
    self.firstLine = firstLine
    self.cuts = cuts
    self.furniture = furniture
    self.prune = prune
    nodes = [Self.documentNode]
    nodes.reserveCapacity(min(expectedBytes / 24, 1 << 20))
    text = []
    text.reserveCapacity(min(expectedBytes / 2, 1 << 24))
    open = [OpenElement(node: 0, lastChild: -1, last: .none, keepsSpace: false)]
    names.reserveCapacity(64)
  }

  /// Whether every cut was a <div> the parse left without content.
  var cutsHeld: Bool { cutsFollowed && nextCut == cuts.count }

  /// The page built.
  var page: HTMLPage { HTMLPage(nodes: nodes, text: text, isPruned: prune, textLines: textLines) }

  private mutating func info(_ name: UnsafePointer<xmlChar>) -> ElementInfo {
    let address = UnsafeRawPointer(name)
    if let known = names[address] { return known }
    let string = String(cString: name)
    let kind: HTMLPage.Kind =
      furniture.skipElements.contains(string)
      ? .skipped
      : string == "br"
        ? .lineBreak
        : string == "table" ? .table : HTMLBlockReader.blockElements.contains(string) ? .block : .inline
    let tag: HTMLPage.Tag
    switch string {
    case "td", "th": tag = .cell
    case "tr": tag = .row
    case "thead", "tbody", "tfoot": tag = .rowGroup
    case "p": tag = .paragraph
    case "div": tag = .division
    case "footer": tag = .footer
    default: tag = .other
    }
    let info = ElementInfo(kind: kind, tag: tag, keepsSpace: Self.keepingSpace.contains(string))
    names[address] = info
    return info
  }

  private mutating func link(_ index: Int32) {
    let top = open.count - 1
    let previous = open[top].lastChild
    if previous >= 0 {
      nodes[Int(previous)].next = index
    } else {
      nodes[Int(open[top].node)].firstChild = index
    }
    open[top].lastChild = index
  }

  mutating func start(_ name: UnsafePointer<xmlChar>, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    let isCut = nextCut < cuts.count && isCutDivision(name)
    if ignoredDepth > 0 {
      ignoredDepth += 1
      return
    }
    let info = info(name)
    let top = open.count - 1
    open[top].last = info.keepsSpace ? .keepingSpace : .droppingSpace
    if info.kind == .skipped {
      ignoredDepth = 1
      return
    }
    var node = HTMLPage.Node(
      kind: info.kind, tag: info.tag, isFurniture: false, isPruned: false, firstChild: -1, next: -1, first: 1,
      second: 1)
    if info.kind == .block || info.kind == .table {
      node.isFurniture = info.tag == .footer || marksFurniture(attributes)
    }
    if info.tag == .cell, let attributes {
      node.first = span("colspan", in: attributes)
      node.second = span("rowspan", in: attributes)
    }
    let index = Int32(nodes.count)
    // Furniture outside tables, at a depth where the walk tells it apart, is read only
    // when the page has no report outside it: a pruned page keeps the element, not its content.
    let level = open.count
    let pruned = prune && node.isFurniture && tablesOpen == 0 && level >= 2 && level < Self.furnitureLevels
    if isCut, !pruned { cutsFollowed = false }
    if pruned {
      node.isPruned = true
      nodes.append(node)
      link(index)
      ignoredDepth = 1
      return
    }
    nodes.append(node)
    link(index)
    if info.kind == .table { tablesOpen += 1 }
    open.append(OpenElement(node: index, lastChild: -1, last: .none, keepsSpace: info.keepsSpace))
  }

  /// Whether the element starting now is the next cut <div> (libxml2 reports a start tag
  /// with its input at the tag's `>`); a cut passed without being reported fails the cuts.
  private mutating func isCutDivision(_ name: UnsafePointer<xmlChar>) -> Bool {
    guard let input = context.pointee.input, let current = input.pointee.cur, let base = input.pointee.base else {
      cutsFollowed = false
      return false
    }
    let position = Int(input.pointee.consumed) + base.distance(to: current)
    if position > cuts[nextCut] { cutsFollowed = false }
    guard position == cuts[nextCut], xml.xmlStrEqual(name, "div") != 0 else { return false }
    nextCut += 1
    return true
  }

  mutating func end() {
    if ignoredDepth > 0 {
      ignoredDepth -= 1
      return
    }
    guard open.count > 1, let closed = open.popLast() else { return }
    if nodes[Int(closed.node)].kind == .table { tablesOpen -= 1 }
  }

  mutating func characters(_ characters: UnsafePointer<xmlChar>, count: Int, isCDATA: Bool = false) {
    // libxml2's tree drops text outside any element.
    guard ignoredDepth == 0, open.count > 1 else { return }
    if !isCDATA, droppedAsBlank(characters, count: count) { return }
    let top = open.count - 1
    let last = open[top].lastChild
    if open[top].last == .text, last >= 0, Int(nodes[Int(last)].first) + Int(nodes[Int(last)].second) == text.count {
      // Text following text is one text node in libxml2's tree.
      nodes[Int(last)].second += Int32(count)
    } else {
      let index = Int32(nodes.count)
      nodes.append(
        HTMLPage.Node(
          kind: .text, tag: .other, isFurniture: false, isPruned: false, firstChild: -1, next: -1,
          first: Int32(text.count), second: Int32(count)))
      link(index)
      if firstLine > 0 { textLines[index] = line(ofFirstCharacterOf: characters, count: count) }
    }
    text.append(contentsOf: UnsafeBufferPointer(start: characters, count: count))
    open[top].last = isCDATA ? .droppingSpace : .text
  }

  /// The input line of the first non-blank character of a run just read: libxml2 counts
  /// lines up to where it stands, just after the run.
  private func line(ofFirstCharacterOf characters: UnsafePointer<xmlChar>, count: Int) -> Int {
    guard let input = context.pointee.input else { return firstLine }
    var index = 0
    while index < count {
      let byte = characters[index]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
      index += 1
    }
    var breaksAfter = 0
    while index < count {
      if characters[index] == 0x0A { breaksAfter += 1 }
      index += 1
    }
    return firstLine + max(0, Int(input.pointee.line) - 1 - breaksAfter)
  }

  mutating func doctype(_ externalID: UnsafePointer<xmlChar>?) {
    // libxml2's HTML tree keeps the first DOCTYPE only.
    guard !sawDoctype else { return }
    sawDoctype = true
    guard let externalID else { return }
    strictDoctype =
      xml.xmlStrcasecmp(externalID, "-//W3C//DTD HTML 4.01//EN") == 0
      || xml.xmlStrcasecmp(externalID, "-//W3C//DTD HTML 4//EN") == 0
  }

  mutating func processingInstruction(_ target: UnsafePointer<xmlChar>?) {
    guard ignoredDepth == 0, open.count > 1 else { return }
    let keeps = target.map { Self.keepingSpace.contains(String(cString: $0)) } ?? false
    open[open.count - 1].last = keeps ? .keepingSpace : .droppingSpace
  }

  /// Whether libxml2's tree (NOBLANKS) would have dropped this run of white space: its
  /// rule (HTMLparser.c, areBlanks) asks for the last child of the open element, which a
  /// SAX parse cannot give it, so it hands the run on and the rule is finished here.
  private func droppedAsBlank(_ characters: UnsafePointer<xmlChar>, count: Int) -> Bool {
    for index in 0..<count {
      let byte = characters[index]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return false }
    }
    guard let input = context.pointee.input, let current = input.pointee.cur, let base = input.pointee.base else {
      return false
    }
    // The rule applies to character data, not to a character reference (&#32;): the run
    // must be the bytes just read.
    if count <= 8 {
      guard base.distance(to: current) >= count, memcmp(current - count, characters, count) == 0 else { return false }
    }
    let next = current.pointee
    if next == 0 { return true }
    if next != UInt8(ascii: "<") { return false }
    guard let name = context.pointee.name else { return true }
    if xml.xmlStrEqual(name, "html") != 0 || xml.xmlStrEqual(name, "head") != 0 { return true }
    if strictDoctype, xml.xmlStrEqual(name, "body") != 0 { return true }
    let element = open[open.count - 1]
    switch element.last {
    case .none: return !element.keepsSpace
    case .text, .keepingSpace: return false
    case .droppingSpace: return true
    }
  }

  /// Whether the element's class or id names site furniture.
  private func marksFurniture(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
    guard let attributes else { return false }
    if let value = attribute("class", in: attributes), furniture.isFurniture(classOrID: value) { return true }
    if let value = attribute("id", in: attributes), furniture.isFurniture(classOrID: value) { return true }
    return false
  }

  /// A cell's span attribute as the walk reads it (an integer after trimming spaces,
  /// else 1), held within 32 bits.
  private func span(_ name: StaticString, in attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>)
    -> Int32
  {
    guard let value = attribute(name, in: attributes) else { return 1 }
    let parsed = Int(String(cString: value).trimmingSpaces) ?? 1
    return Int32(clamping: parsed)
  }

  /// The first attribute called `name` (lower case), if present with a value.
  func attribute(_ name: StaticString, in attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>)
    -> UnsafePointer<xmlChar>?
  {
    var index = 0
    while let attribute = attributes[index] {
      if xml.xmlStrcasecmp(attribute, name.utf8Start) == 0 {
        return attributes[index + 1]
      }
      index += 2
    }
    return nil
  }
}
