// MARK: - Inline XBRL documents (a 10-K's or 10-Q's .htm, as filed since 2019)

/// Reads an inline XBRL document: an XHTML page whose `ix:header` holds the contexts and units
/// (`ix:resources`) and whose figures are tagged where they are printed
/// (`<ix:nonFraction name="us-gaap:Revenues" contextRef="c-1" unitRef="usd" scale="6"
/// format="ixt:num-dot-decimal">81,797</ix:nonFraction>`). Each numeric fact is the printed
/// number read under its `format`, times 10^`scale`, negated by `sign="-"`; a fact in a format
/// fsq does not read is skipped and counted in the import report, never guessed. The facts then
/// become a company exactly as an XBRL instance's do (`XBRLInstanceImporter.company(from:)`):
/// an instance made from this document imports to the same facts.
enum InlineXBRLImporter {
  static let namespace = "http://www.xbrl.org/2013/inlineXBRL"

  /// An (X)HTML document that declares the inline XBRL namespace or opens an `ix:header`
  /// within its first 16 KB. Only those bytes are looked at; an ordinary HTML release declares
  /// neither.
  static func looksLikeInlineXBRL(_ bytes: [UInt8]) -> Bool {
    guard let root = XBRLInstanceImporter.rootElementName(bytes), root.elementsEqual("html".utf8) else {
      return false
    }
    let head = bytes.prefix(16_384)
    return contains(head, "=\"\(namespace)\"") || contains(head, "='\(namespace)'") || contains(head, "<ix:header")
  }

  private static func contains(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
    let needle = Array(text.utf8)
    guard bytes.count >= needle.count else { return false }
    var index = bytes.startIndex
    let last = bytes.endIndex - needle.count
    while index <= last {
      if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }

  static func importDocument(bytes: [UInt8], documentName: String) throws(ImportError) -> Company {
    let root = try XMLReader.parse(bytes)
    guard root.localName == "html" else {
      throw ImportError(message: "not an inline XBRL document: \(documentName) has no html root element")
    }
    var reader = Reader(bytes: bytes, prefix: inlinePrefix(root))
    try reader.visit(root, depth: 0)
    guard reader.headers > 0 else {
      throw ImportError(message: "not an inline XBRL document: \(documentName) has no ix:header")
    }
    return try XBRLInstanceImporter.company(from: reader.finished(), documentName: documentName, format: "inline XBRL")
  }

  /// The prefix the document gives the inline XBRL namespace (`ix` nearly always).
  static func inlinePrefix(_ root: XMLElement) -> String {
    for attribute in root.attributes where attribute.value == namespace && attribute.name.hasPrefix("xmlns:") {
      return String(attribute.name.dropFirst(6))
    }
    return "ix"
  }

  /// One pass over the document's elements, in document order.
  struct Reader {
    let bytes: [UInt8]
    let header: String
    let nonFraction: String
    let nonNumeric: String
    let fraction: String
    let resources: String
    var reading = XBRLReading()
    var headers = 0
    var inResources = 0
    /// Numeric facts skipped for their format: the format, and how many.
    var unreadFormats: [String: Int] = [:]
    /// Numeric facts whose text does not fit their (known) format, or whose scale is unreadable.
    var unreadable = 0
    var fractions = 0

    init(bytes: [UInt8], prefix: String) {
      self.bytes = bytes
      header = prefix + ":header"
      nonFraction = prefix + ":nonFraction"
      nonNumeric = prefix + ":nonNumeric"
      fraction = prefix + ":fraction"
      resources = prefix + ":resources"
    }

    mutating func visit(_ element: XMLElement, depth: Int) throws(ImportError) {
      let name = element.name
      if name == nonFraction {
        // Its children too: one printed number may carry two facts
        // (`<ix:nonFraction name="…Basic"><ix:nonFraction name="…Diluted">0.17</…></…>`).
        numericFact(element)
      } else if name == nonNumeric {
        coverFact(element)
      } else if name == fraction {
        fractions += 1
        return
      } else if name == header {
        headers += 1
      } else if name.hasSuffix("context"), name == "context" || name.hasSuffix(":context") || inResources > 0 {
        if let id = element.attribute("id"), let context = XBRLInstanceImporter.context(element) {
          reading.contexts[id] = context
        }
        return
      } else if name == "unit" || name.hasSuffix(":unit") {
        if let id = element.attribute("id") { reading.units[id] = XBRLInstanceImporter.unit(element) }
        return
      }
      if depth % 16 == 0 { try ImportError.checkInterrupt() }
      let isResources = name == resources
      if isResources { inResources += 1 }
      for child in element.children { try visit(child, depth: depth + 1) }
      if isResources { inResources -= 1 }
    }

    /// `ix:nonFraction`: a number, read under its format, scaled and signed.
    mutating func numericFact(_ element: XMLElement) {
      guard let qualified = element.attribute("name"), let colon = qualified.firstIndex(of: ":"),
        let contextRef = element.attribute("contextRef")
      else { return }
      let prefix = String(qualified[..<colon])
      let concept = String(qualified[qualified.index(after: colon)...])
      var value: Decimal? = nil
      let isNil = element.attribute("nil") == "true"
      if !isNil {
        let format = element.attribute("format")
        let text = XMLReader.innerText(of: element, in: bytes)
        if let format, !InlineFormats.readsNumbers(format) {
          unreadFormats[format, default: 0] += 1
        } else if let number = InlineFormats.number(text, format: format),
          let scaled = InlineFormats.scaled(number, by: element.attribute("scale"))
        {
          value = element.attribute("sign") == "-" ? scaled.negated() : scaled
        } else {
          unreadable += 1
        }
      }
      if prefix == "dei" {
        if let value {
          reading.dei.append(XBRLReading.DEIFact(name: concept, contextRef: contextRef, text: value.description))
        }
        return
      }
      reading.facts.append(
        XBRLReading.NumericFact(
          prefix: prefix, concept: concept, contextRef: contextRef, unitRef: element.attribute("unitRef") ?? "",
          value: value, isNil: isNil, decimals: XBRLReading.decimals(element.attribute("decimals")), line: element.line)
      )
    }

    /// `ix:nonNumeric` of the dei taxonomy: the cover page (name, ticker, form, period).
    mutating func coverFact(_ element: XMLElement) {
      guard let qualified = element.attribute("name"), qualified.hasPrefix("dei:") else { return }
      var text = XMLReader.innerText(of: element, in: bytes)
      if let format = element.attribute("format"), let date = InlineFormats.isoDate(text, format: format) {
        text = date
      }
      reading.dei.append(
        XBRLReading.DEIFact(
          name: String(qualified.dropFirst(4)), contextRef: element.attribute("contextRef"), text: text))
    }

    func finished() -> XBRLReading {
      var reading = reading
      if !unreadFormats.isEmpty {
        let formats = unreadFormats.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
        reading.notes.append(
          "\(unreadFormats.values.reduce(0, +)) numeric facts in formats fsq does not read were skipped: "
            + formats.joined(separator: ", "))
      }
      if unreadable > 0 {
        reading.notes.append("\(unreadable) numeric facts whose text does not fit their format were skipped")
      }
      if fractions > 0 { reading.notes.append("\(fractions) ix:fraction facts were skipped") }
      return reading
    }
  }
}
