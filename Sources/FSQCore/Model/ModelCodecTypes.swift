// MARK: - Bytes for the model codec

/// Why stored model bytes could not be read back: not an fsq model, a format version this fsq
/// does not read, or damaged data (the byte offset where reading stopped).
public struct ModelCodecError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(message: String) { self.message = message }
  public var description: String { message }
}

/// Appends bytes: raw bytes, LEB128 varints (seven bits a byte, low group first), and zigzag
/// varints for signed numbers (0, -1, 1, -2 … as 0, 1, 2, 3 …, so small negatives stay short).
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func byte(_ value: UInt8) { bytes.append(value) }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func varint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  mutating func varint(_ value: Int) { varint(UInt64(value)) }

  mutating func varint(_ value: UInt128) {
    if let small = UInt64(exactly: value) { return varint(small) }
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  mutating func signed(_ value: Int) {
    let wide = Int64(value)
    varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
  }

  mutating func signed(_ value: Int128) {
    varint(UInt128(bitPattern: (value << 1) ^ (value >> 127)))
  }

  mutating func append(_ other: [UInt8]) { bytes += other }
}

/// Reads what `ByteWriter` wrote, between `position` and `end`. Every read is bounds-checked
/// and throws `ModelCodecError` naming the byte offset: no input can make it trap. It reads
/// through a buffer pointer (no array bounds check after its own), so it lives only inside
/// the `withUnsafeBufferPointer` that made it.
struct ByteReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var position: Int
  let end: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0, to end: Int? = nil) {
    self.bytes = bytes
    self.position = max(0, min(position, bytes.count))
    self.end = max(self.position, min(end ?? bytes.count, bytes.count))
  }

  var remaining: Int { end - position }

  /// An error at the current offset. Kept out of line: the read paths stay small.
  @inline(never)
  func damaged(_ what: String) -> ModelCodecError {
    ModelCodecError(message: "damaged model data at byte \(position): \(what)")
  }

  @inline(__always)
  mutating func byte() throws(ModelCodecError) -> UInt8 {
    guard position < end else { throw damaged("it ends too soon") }
    let value = bytes[position]
    position += 1
    return value
  }

  mutating func bool() throws(ModelCodecError) -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw damaged("a flag is neither 0 nor 1")
    }
  }

  /// Most numbers (string and period indices, small counts) are one byte: that case inline.
  @inline(__always)
  mutating func varint() throws(ModelCodecError) -> UInt64 {
    if position < end && bytes[position] < 0x80 {
      position += 1
      return UInt64(bytes[position - 1])
    }
    return try longVarint()
  }

  @inline(never)
  mutating func longVarint() throws(ModelCodecError) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      // The tenth byte may only carry the top bit of 64.
      if shift == 63 && next > 1 { throw damaged("a number is too large") }
      result |= UInt64(next & 0x7f) << shift
      if next < 0x80 { return result }
      shift += 7
    }
  }

  mutating func varint128() throws(ModelCodecError) -> UInt128 {
    // Up to 63 bits (nine bytes) in 64-bit arithmetic: the usual significand.
    var small: UInt64 = 0
    var smallShift: UInt64 = 0
    while smallShift < 63 {
      let next = try byte()
      small |= UInt64(next & 0x7f) << smallShift
      if next < 0x80 { return UInt128(small) }
      smallShift += 7
    }
    var result = UInt128(small)
    var shift: UInt128 = 63
    while true {
      let next = try byte()
      // The nineteenth byte may only carry the top two bits of 128.
      if shift == 126 && next > 3 { throw damaged("a number is too large") }
      result |= UInt128(next & 0x7f) << shift
      if next < 0x80 { return result }
      shift += 7
    }
  }

  /// A zigzag varint that fits in `Int`.
  mutating func signed() throws(ModelCodecError) -> Int {
    let raw = try varint()
    let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    guard let int = Int(exactly: value) else { throw damaged("a number is too large") }
    return int
  }

  mutating func signed128() throws(ModelCodecError) -> Int128 {
    let raw = try varint128()
    return Int128(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
  }

  /// A count of things that follow, each at least `bytesEach` bytes: a count the bytes left
  /// cannot hold is damage, so no allocation is ever sized by a number the data merely claims.
  mutating func count(bytesEach: Int = 1) throws(ModelCodecError) -> Int {
    let value = try varint()
    guard value <= UInt64(remaining / bytesEach) else { throw damaged("a count of \(value) exceeds the data left") }
    return Int(value)
  }

  /// `count` bytes as UTF-8 text.
  mutating func text(byteCount count: Int) throws(ModelCodecError) -> String {
    guard count >= 0, count <= remaining else { throw damaged("a string runs past the end") }
    let start = position
    position += count
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
  }
}

/// A Fletcher-style checksum over 64-bit little-endian words: `a` sums the words (seeded with
/// the length), `b` sums the running `a`s. Any change confined to one 8-byte word changes `a`;
/// most other changes change `b`. Not cryptographic: it catches damage, not tampering.
enum ModelChecksum {
  static let byteCount = 16

  static func compute(_ bytes: [UInt8], count: Int) -> (UInt64, UInt64) {
    let count = max(0, min(count, bytes.count))
    var a = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
    var b: UInt64 = 0x243F_6A88_85A3_08D3
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset + 8 <= count {
        a &+= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        b &+= a
        offset += 8
      }
      if offset < count {
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
          tail |= UInt64(raw[offset]) << shift
          shift += 8
          offset += 1
        }
        a &+= tail
        b &+= a
      }
    }
    return (a, b)
  }

  static func append(to writer: inout ByteWriter) {
    let (a, b) = compute(writer.bytes, count: writer.bytes.count)
    for value in [a, b] {
      for k in 0..<8 { writer.byte(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
    }
  }

  /// Whether the last `byteCount` bytes are the checksum of those before them.
  static func verify(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= byteCount else { return false }
    let count = bytes.count - byteCount
    let (a, b) = compute(bytes, count: count)
    func stored(_ at: Int) -> UInt64 {
      var value: UInt64 = 0
      for k in 0..<8 { value |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
      return value
    }
    return stored(count) == a && stored(count + 8) == b
  }
}

// MARK: - Decoding

/// Reads a company's body after the header, with the string and period tables built once
/// and then indexed. Anything out of range throws.
struct ModelDecoder {
  var input: ByteReader
  var strings: [String] = []
  var periods: [ResolvedPeriod] = []
  /// The format version being read (`ModelCodec.formatVersion` or an earlier one).
  var version = ModelCodec.formatVersion

  init(_ input: ByteReader) { self.input = input }

  /// 10³⁸: decoded significands have at most 38 digits.
  static let significandLimit = UInt128(Decimal.powersOfTen[38])

  mutating func tables() throws(ModelCodecError) {
    let stringCount = try input.count()
    strings.reserveCapacity(stringCount)
    for _ in 0..<stringCount {
      let length = try input.count()
      strings.append(try input.text(byteCount: length))
    }
    let periodCount = try input.count()
    periods.reserveCapacity(periodCount)
    for _ in 0..<periodCount {
      let start: CivilDate? = try input.bool() ? try date() : nil
      periods.append(ResolvedPeriod(start: start, end: try date()))
    }
  }

  /// A date as stored, even one `CivilDate(year:month:day:)` would refuse (an unchecked
  /// 2009-02-30 round-trips), within the ranges outside which date arithmetic would trap.
  mutating func date() throws(ModelCodecError) -> CivilDate {
    let year = try input.signed()
    let month = try input.signed()
    let day = try input.signed()
    guard (-1_000_000...1_000_000).contains(year), (1...12).contains(month), (1...31).contains(day) else {
      throw input.damaged("a date is out of range")
    }
    return CivilDate(unchecked: year, month, day)
  }

  mutating func string() throws(ModelCodecError) -> String {
    let index = try input.varint()
    guard index < UInt64(strings.count) else { throw input.damaged("a string index is out of range") }
    return strings[Int(index)]
  }

  mutating func optionalString() throws(ModelCodecError) -> String? {
    let index = try input.varint()
    if index == 0 { return nil }
    guard index <= UInt64(strings.count) else { throw input.damaged("a string index is out of range") }
    return strings[Int(index - 1)]
  }

  mutating func period() throws(ModelCodecError) -> ResolvedPeriod {
    let index = try input.varint()
    guard index < UInt64(periods.count) else { throw input.damaged("a period index is out of range") }
    return periods[Int(index)]
  }

  mutating func optionalPeriod() throws(ModelCodecError) -> ResolvedPeriod? {
    let index = try input.varint()
    if index == 0 { return nil }
    guard index <= UInt64(periods.count) else { throw input.damaged("a period index is out of range") }
    return periods[Int(index - 1)]
  }

  /// The first varint is zigzag(exponent) × 2 + inexact (+ 1 when optional, 0 being nil).
  /// Significands of 39 digits and exponents beyond ±1,000,000 are refused: no operation
  /// makes them, and negating or scaling them would trap.
  mutating func decimal(head: UInt64) throws(ModelCodecError) -> Decimal {
    let zigzag = head >> 1
    let exponent = Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    let significand = try input.signed128()
    guard (-1_000_000...1_000_000).contains(exponent), significand.magnitude < ModelDecoder.significandLimit
    else { throw input.damaged("a number is out of range") }
    return Decimal(uncheckedSignificand: significand, exponent: Int(exponent), exact: head & 1 == 0)
  }

  mutating func decimal() throws(ModelCodecError) -> Decimal { try decimal(head: try input.varint()) }

  mutating func optionalDecimal() throws(ModelCodecError) -> Decimal? {
    let head = try input.varint()
    return head == 0 ? nil : try decimal(head: head - 1)
  }

  mutating func tag<T>(_ cases: [T], _ what: String) throws(ModelCodecError) -> T {
    let tag = Int(try input.byte())
    guard tag < cases.count else { throw input.damaged("unknown \(what) \(tag)") }
    return cases[tag]
  }

  mutating func unit() throws(ModelCodecError) -> Unit {
    switch try input.byte() {
    case 0: return Unit.none
    case 1: return .currency(try string())
    case 2: return .shares
    case 3: return .perShare(try string())
    case 4: return .percent
    case 5: return .percentagePoints
    case 6: return .multiple
    case 7: return .years
    case let other: throw input.damaged("unknown unit \(other)")
    }
  }

  mutating func list<T>(_ read: (inout ModelDecoder) throws(ModelCodecError) -> T) throws(ModelCodecError) -> [T] {
    let count = try input.count()
    var items: [T] = []
    items.reserveCapacity(count)
    for _ in 0..<count { items.append(try read(&self)) }
    return items
  }

  /// Reads the elements straight into the new array's storage, each set to `blank` and then
  /// filled field by field. Building each with its initialiser and appending it copied every
  /// large struct once more (a retain and a release per string): in place, reading facts takes
  /// about half the time.
  /// `bytesEach`: the fewest bytes an element takes (a fact at least 16), which bounds the
  /// count, and so the allocation, by the data left.
  mutating func listInPlace<T>(
    blank: T, bytesEach: Int, _ fill: (inout ModelDecoder, inout T) throws(ModelCodecError) -> Void
  ) throws(ModelCodecError) -> [T] {
    let count = try input.count(bytesEach: bytesEach)
    var failure: ModelCodecError?
    let items = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      for k in 0..<count {
        buffer.initializeElement(at: k, to: blank)
        initialized = k + 1
        do throws(ModelCodecError) {
          try fill(&self, &buffer[k])
        } catch {
          failure = error
          return
        }
      }
    }
    if let failure { throw failure }
    return items
  }

  // What `listInPlace` and `fill` start from: every field is overwritten.
  static let blankSource = SourceReference(document: "", statement: "", label: "", column: "", line: 0)
  static let blankFact = Fact(
    item: "", label: "", statement: .other, period: ResolvedPeriod(start: nil, end: CivilDate(unchecked: 1, 1, 1)),
    value: .zero, unit: .none, source: blankSource)
  static let blankClaim = Claim(
    kind: .value, item: nil, period: nil, comparedPeriod: nil, value: .zero, unit: .none, tolerance: .zero, phrase: "",
    sentence: "", document: "", line: 0)
  static let blankRow = StatementRow(label: "", item: nil, section: nil, kind: .money, values: [], line: 0)

  mutating func dated() throws(ModelCodecError) -> DatedFact? {
    guard try input.bool() else { return nil }
    return DatedFact(date: try date(), inference: try optionalString())
  }

  mutating func source() throws(ModelCodecError) -> SourceReference {
    var source = ModelDecoder.blankSource
    try fill(&source)
    return source
  }

  mutating func fill(_ source: inout SourceReference) throws(ModelCodecError) {
    source.document = try string()
    source.statement = try string()
    source.label = try string()
    source.column = try string()
    source.line = try input.signed()
    source.sentence = try optionalString()
    source.namedBy = try optionalString()
    source.signNote = try optionalString()
  }

  mutating func company() throws(ModelCodecError) -> Company {
    let id = try string()
    let name = try string()
    let month = try input.signed()
    let day = try input.signed()
    guard (1...12).contains(month), (1...31).contains(day) else {
      throw input.damaged("a fiscal year end is out of range")
    }
    let yearEnd = FiscalYearEnd(month: month, day: day, namedForStartYear: try input.bool())
    let currency = try string()
    let cik = version >= 2 ? try optionalString() : nil
    let listings = try list { d throws(ModelCodecError) in
      Listing(
        ticker: try d.string(), exchange: try d.string(), seen: try d.dated(), until: try d.dated(),
        source: try d.source())
    }
    let events = try list { d throws(ModelCodecError) in
      guard let date = try d.dated() else { throw d.input.damaged("an event has no date") }
      return CompanyEvent(date: date, kind: try d.string(), description: try d.string(), source: try d.source())
    }
    let facts = try listInPlace(blank: ModelDecoder.blankFact, bytesEach: 16) { d, fact throws(ModelCodecError) in
      try d.fill(&fact)
    }
    let narrative = try list { d throws(ModelCodecError) in
      NarrativeFact(
        item: try d.string(), label: try d.string(), period: try d.optionalPeriod(), value: try d.decimal(),
        unit: try d.unit(), source: try d.source())
    }
    let claims = try listInPlace(blank: ModelDecoder.blankClaim, bytesEach: 14) { d, claim throws(ModelCodecError) in
      try d.fill(&claim)
    }
    let statements = try list { d throws(ModelCodecError) in try d.statement() }
    let documents = try list { d throws(ModelCodecError) in try d.string() }
    var company = Company(
      id: id, name: name, fiscalYearEnd: yearEnd, currency: currency, listings: listings, events: events,
      facts: facts, narrative: narrative, claims: claims, statements: statements, documents: documents)
    company.importReports = try list { d throws(ModelCodecError) in try d.report() }
    company.cik = cik
    return company
  }

  mutating func fill(_ fact: inout Fact) throws(ModelCodecError) {
    fact.item = try string()
    fact.label = try string()
    let flags = try input.byte()
    let kinds = ModelCodecTags.statementKinds
    guard Int(flags >> 1) < kinds.count else { throw input.damaged("unknown statement kind \(flags >> 1)") }
    fact.statement = kinds[Int(flags >> 1)]
    fact.isDerived = flags & 1 == 1
    fact.section = try optionalString()
    fact.period = try period()
    fact.value = try decimal()
    fact.unit = try unit()
    try fill(&fact.source)
  }

  mutating func fill(_ claim: inout Claim) throws(ModelCodecError) {
    claim.kind = try tag(ModelCodecTags.claimKinds, "claim kind")
    claim.item = try optionalString()
    claim.period = try optionalPeriod()
    claim.comparedPeriod = try optionalPeriod()
    claim.value = try decimal()
    claim.unit = try unit()
    claim.tolerance = try decimal()
    claim.phrase = try string()
    claim.sentence = try string()
    claim.document = try string()
    claim.line = try input.signed()
    claim.unplaced = try optionalString()
  }

  mutating func statement() throws(ModelCodecError) -> StatementTable {
    let title = try string()
    let kind = try tag(ModelCodecTags.statementKinds, "statement kind")
    let document = try string()
    let columns = try list { d throws(ModelCodecError) in
      StatementColumn(
        header: try d.string(), kind: try d.tag(ModelCodecTags.columnKinds, "column kind"),
        period: try d.optionalPeriod())
    }
    let rows = try listInPlace(blank: ModelDecoder.blankRow, bytesEach: 8) { d, row throws(ModelCodecError) in
      try d.fill(&row)
    }
    var table = StatementTable(
      title: title, kind: kind, document: document, columns: columns, rows: rows, scaleCaption: try optionalString(),
      line: try input.signed())
    table.withheld = try input.bool()
    return table
  }

  mutating func fill(_ row: inout StatementRow) throws(ModelCodecError) {
    row.label = try string()
    row.item = try optionalString()
    row.section = try optionalString()
    row.kind = try tag(ModelCodecTags.rowKinds, "row kind")
    row.values = try list { d throws(ModelCodecError) in try d.optionalDecimal() }
    row.line = try input.signed()
    let rules = try input.byte()
    guard rules < 4 else { throw input.damaged("unknown row rules \(rules)") }
    row.ruleAbove = rules & 1 != 0
    row.doubleRuleBelow = rules & 2 != 0
    row.indent = try input.signed()
  }

  mutating func report() throws(ModelCodecError) -> ImportReport {
    var report = ImportReport(document: try string(), format: try string())
    report.parts = try list { d throws(ModelCodecError) in try d.string() }
    report.tables = try list { d throws(ModelCodecError) in
      let line = try d.input.signed()
      let title = try d.optionalString()
      let statementTag = Int(try d.input.byte())
      guard statementTag <= ModelCodecTags.statementKinds.count else {
        throw d.input.damaged("unknown statement kind \(statementTag - 1)")
      }
      var table = ImportReport.Table(
        line: line, title: title,
        statement: statementTag == 0 ? nil : ModelCodecTags.statementKinds[statementTag - 1])
      table.skipped = try d.optionalString()
      table.continues = try d.input.bool()
      table.columns = try d.list { d throws(ModelCodecError) in
        ImportReport.Column(
          header: try d.string(), kind: try d.tag(ModelCodecTags.columnKinds, "column kind"),
          period: try d.optionalPeriod())
      }
      table.moneyScale = try d.decimal()
      table.sharesScale = try d.decimal()
      table.caption = try d.optionalString()
      table.scaleNote = try d.optionalString()
      table.rows = try d.input.signed()
      table.unread = try d.list { d throws(ModelCodecError) in
        ImportReport.UnreadCell(line: try d.input.signed(), label: try d.string(), text: try d.string())
      }
      return table
    }
    report.findings = try list { d throws(ModelCodecError) in
      let message = try d.string()
      let line: Int? = try d.input.bool() ? try d.input.signed() : nil
      return ImportReport.Finding(message: message, line: line, repaired: try d.input.bool())
    }
    report.withheld = try list { d throws(ModelCodecError) in try d.string() }
    return report
  }
}
