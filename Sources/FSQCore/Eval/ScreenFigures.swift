// MARK: - Screens over the model library: a few items of each company, not its whole model

/// What the evaluator asked of an index that holds only some of a company's items (a screen
/// reads from the library only the items its condition names). Anything it lacks is noted, and
/// the screen loads it and evaluates that company again, so the answer is the whole model's.
final class PartialIndex {
  /// Every item the company has, one per line between newlines ("\nrevenue\n…\n"): searched,
  /// not made a set (a real filer has hundreds of items and a screen asks about a few).
  let itemNames: [UInt8]
  /// Items the company has that the index lacks and the evaluation asked for.
  var missingItems: Set<String> = []
  /// The evaluation read what only the whole model holds (printed labels, events, every item).
  var needsWholeModel = false

  init(itemNames: String) { self.itemNames = Array(("\n" + itemNames + "\n").utf8) }

  var allItems: Set<String> {
    Set(itemNames.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
  }

  /// Whether the company has an item the index lacks; if it does, the item is noted as missing.
  func lacks(_ name: String) -> Bool {
    let needle = Array(("\n" + name + "\n").utf8)
    guard needle.count <= itemNames.count else { return false }
    var found = false
    for start in 0...(itemNames.count - needle.count) where itemNames[start] == needle[0] {
      if itemNames[(start + 1)..<(start + needle.count)].elementsEqual(needle[1...]) {
        found = true
        break
      }
    }
    if found { missingItems.insert(name) }
    return found
  }

  var isComplete: Bool { !needsWholeModel && missingItems.isEmpty }
}

/// A library company as a screen first reads it: its profile (the model without facts, text,
/// statements or events: id, name, fiscal year end, currency, listings) and its items' names.
public struct ScreenCompany: Sendable {
  public var id: String
  public var profile: [UInt8]
  /// Item names, one per line.
  public var items: String

  public init(id: String, profile: [UInt8], items: String) {
    self.id = id
    self.profile = profile
    self.items = items
  }
}

/// What a screen reads from the model library instead of each company's whole model.
public protocol ScreenSource: AnyObject {
  /// Every company of the library, in the order `screenFigures(items:_:)` visits them; nil when
  /// the library keeps no screen figures (one written by an older fsq).
  func screenCompanies() -> Result<[ScreenCompany]?, FileError>
  /// Calls `body` for each company of `screenCompanies()`, in that order, with the stored
  /// figures (`ScreenFigures.encode`) of those of `items` it has; `body` returns false to stop.
  func screenFigures(items: [String], _ body: (String, [String: [UInt8]]) -> Bool) -> Result<Void, FileError>
  /// One company's stored figures of `items`.
  func screenFigures(company: String, items: [String]) -> Result<[String: [UInt8]], FileError>
}

/// The bytes a library keeps per company and item for screens:
///
///     "FSQS"  varint(version)  string table  period table  figures
///
/// Each figure is what picking a figure reads (`ModelIndex.best`): period, amount, unit, derived,
/// statement priority and release date, with its label and section. Of the figures of one
/// period and priority only the one `best` can pick is kept (the first of the newest release's);
/// the others, restated or repeated, can never be the answer. Provenance is not kept: `explain`
/// reads the whole model.
public enum ScreenFigures {
  static let magic: [UInt8] = Array("FSQS".utf8)
  static let version = 1

  /// The company without what screens never read: its profile.
  public static func profile(of company: Company) -> [UInt8] {
    var light = company
    light.facts = []
    light.narrative = []
    light.claims = []
    light.statements = []
    light.events = []
    light.documents = []
    light.importReports = []
    return ModelCodec.encode(light)
  }

  /// Each of the company's items with its figures as bytes, in item order.
  public static func encodeItems(of company: Company) -> [(item: String, bytes: [UInt8])] {
    let items = ModelIndex.index(company).items
    return items.keys.sorted().map { ($0, encode(items[$0]!)) }
  }

  static func encode(_ figures: [IndexedFigure]) -> [UInt8] {
    struct Key: Hashable {
      var period: ResolvedPeriod
      var priority: Int
    }
    // `best` keeps the first figure of the highest score and, among equals, of the latest
    // release: in each group of one period and priority only that figure can win.
    var winner: [Key: Int] = [:]
    for (index, figure) in figures.enumerated() {
      let key = Key(period: figure.period, priority: figure.priority)
      if let current = winner[key], figures[current].asOf >= figure.asOf { continue }
      winner[key] = index
    }
    var body = ModelEncoder()
    let kept = figures.indices.filter {
      winner[Key(period: figures[$0].period, priority: figures[$0].priority)] == $0
    }
    body.out.varint(kept.count)
    for index in kept {
      let figure = figures[index]
      body.period(figure.period)
      body.decimal(figure.quantity.amount)
      body.unit(figure.quantity.unit)
      body.out.bool(figure.quantity.isDerived)
      body.out.signed(figure.priority)
      body.out.signed(figure.asOf)
      body.string(figure.label)
      body.string(figure.section)
    }
    return ModelCodec.assemble(body, magic: magic, version: version, checksum: false)
  }

  static func decode(_ bytes: [UInt8]) throws(ModelCodecError) -> [IndexedFigure] {
    guard bytes.count > magic.count, bytes[0..<magic.count].elementsEqual(magic) else {
      throw ModelCodecError(message: "not fsq screen figures: the data does not start with \"FSQS\"")
    }
    return try bytes.withUnsafeBufferPointer { (buffer) throws(ModelCodecError) -> [IndexedFigure] in
      var header = ByteReader(buffer, from: magic.count)
      let stored = try header.varint()
      guard stored == UInt64(version) else {
        throw ModelCodecError(message: "fsq screen figures of version \(stored) are not supported")
      }
      var decoder = ModelDecoder(ByteReader(buffer, from: header.position))
      try decoder.tables()
      let figures = try decoder.list { (d) throws(ModelCodecError) -> IndexedFigure in
        let period = try d.period()
        let amount = try d.decimal()
        let unit = try d.unit()
        let derived = try d.input.bool()
        let priority = try d.input.signed()
        let asOf = try d.input.signed()
        let label = try d.string()
        var source = ModelDecoder.blankSource
        source.label = label
        return IndexedFigure(
          period: period, quantity: Quantity(amount, unit, derived: derived), label: label,
          section: try d.optionalString(), source: source, priority: priority, asOf: asOf)
      }
      guard decoder.input.remaining == 0 else { throw decoder.input.damaged("unexpected bytes after the figures") }
      return figures
    }
  }
}
