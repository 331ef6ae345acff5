import CLibXML2
import Foundation

/// A document parsed by libxml2's XML parser (Word's XML parts). Owns the C tree and
/// frees it when released; its nodes are read only while it is alive, inside this module.
final class MarkupTree {
  private let document: xmlDocPtr
  private let xml: GongkaiXMLAPI

  private init(document: xmlDocPtr, xml: GongkaiXMLAPI) {
    self.document = document
    self.xml = xml
  }

  deinit { xml.xmlFreeDoc(document) }

  /// Parses XML `data` (no network, no entities from outside); nil when it is not
  /// well-formed enough for libxml2's recovering parser, or libxml2 could not be loaded.
  static func xml(_ data: Data) -> MarkupTree? {
    guard let xml = LibXML.api else { return nil }
    let options = Int32(
      XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
    let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
      raw.withMemoryRebound(to: CChar.self) { chars in
        xml.xmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, nil, options)
      }
    }
    return parsed.map { MarkupTree(document: $0, xml: xml) }
  }

  /// The root element, if any.
  var root: MarkupNode? {
    xml.xmlDocGetRootElement(document).map(MarkupNode.init(pointer:))
  }
}

/// One node of a `MarkupTree`: valid only while its tree is alive, never kept beyond the
/// walk that reads it.
struct MarkupNode {
  fileprivate let pointer: xmlNodePtr

  /// Whether this is an element.
  var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
  /// Whether this is text (or CDATA).
  var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

  /// The element's local name as written (HTML names are lower case in libxml2).
  var name: String {
    guard let name = pointer.pointee.name else { return "" }
    return String(cString: name)
  }

  /// The address of the element's name: libxml2's HTML parser keeps names in the
  /// document's dictionary, so equal names share it within one tree.
  var nameAddress: UnsafeRawPointer? { pointer.pointee.name.map { UnsafeRawPointer($0) } }

  /// Whether the element's local name is `expected` (compared without making a String).
  func named(_ expected: StaticString) -> Bool {
    guard let name = pointer.pointee.name else { return false }
    return strcmp(name, expected.utf8Start) == 0
  }

  /// The namespace prefix's URI, if any (for WordprocessingML).
  var namespaceURI: String? {
    guard let namespace = pointer.pointee.ns, let href = namespace.pointee.href else { return nil }
    return String(cString: href)
  }

  /// The first child node.
  var firstChild: MarkupNode? { pointer.pointee.children.map(MarkupNode.init(pointer:)) }
  /// The next sibling node.
  var next: MarkupNode? { pointer.pointee.next.map(MarkupNode.init(pointer:)) }

  /// The child nodes in order.
  var children: MarkupChildren { MarkupChildren(first: firstChild) }

  /// The text of a text node, as stored (UTF-8).
  var text: String {
    guard let content = pointer.pointee.content else { return "" }
    return String(cString: content)
  }

  /// Calls `body` with the raw UTF-8 bytes of a text node, without copying them.
  func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard let content = pointer.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    return body(UnsafeBufferPointer(start: content, count: strlen(content)))
  }

  /// The value of attribute `name` (any namespace: `w:val` is `val`), if present.
  func attribute(_ name: StaticString) -> String? {
    var attribute = pointer.pointee.properties
    while let current = attribute {
      if let attributeName = current.pointee.name, strcasecmp(attributeName, name.utf8Start) == 0 {
        // An attribute's value is the text of its children (one text node, as parsed).
        var value = ""
        var child = current.pointee.children
        while let node = child {
          if let content = node.pointee.content { value += String(cString: content) }
          child = node.pointee.next
        }
        return value
      }
      attribute = current.pointee.next
    }
    return nil
  }

  /// The first child element named `name`.
  func child(_ name: StaticString) -> MarkupNode? {
    var node = firstChild
    while let current = node {
      if current.isElement, current.named(name) { return current }
      node = current.next
    }
    return nil
  }
}

/// The children of a node, first to last.
struct MarkupChildren: Sequence, IteratorProtocol {
  var first: MarkupNode?

  mutating func next() -> MarkupNode? {
    guard let current = first else { return nil }
    first = current.next
    return current
  }
}
