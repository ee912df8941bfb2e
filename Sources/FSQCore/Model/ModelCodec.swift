// MARK: - A company's model as bytes

/// A compact binary form of a `Company` and everything it holds, so that a company's merged
/// model can be stored as one blob and loaded back without importing its releases again.
///
/// Layout (format version 1):
///
///     "FSQM"  varint(version)  payload  checksum (16 bytes)
///     payload = string table, period table, company
///
/// - Numbers are LEB128 varints; signed ones (lines, exponents, years) zigzag varints.
/// - Every `String` is an index into the string table (distinct strings in order of first use,
///   each a varint byte count and UTF-8); an optional string is index + 1, with 0 for nil.
///   Labels, documents and column headers repeat thousands of times and are stored once.
/// - Every `ResolvedPeriod` is an index into the period table (0 instant / 1 duration, then
///   the dates: zigzag year, month, day); an optional period is index + 1, 0 for nil.
/// - A `Decimal` is varint(zigzag(exponent) × 2 + inexact) then the zigzag significand (128
///   bits); an optional one (statement cells) adds 1 to the first varint, 0 for nil.
/// - Enumerations are stable small integers, listed in `ModelCodecTags`, never raw values or
///   declaration order: a case added later gets a new number and old data still reads.
/// - Arrays are a varint count and the elements; flags are one byte, 0 or 1.
/// - The checksum (`ModelChecksum`) covers everything before it.
///
/// Decoding checks every read and throws `ModelCodecError` on any damage; it never traps.
///
///     let blob = ModelCodec.encode(company)
///     let back = try ModelCodec.decode(blob)
public enum ModelCodec {
  /// Current format version, written after the magic; decode refuses any other version.
  public static let formatVersion: Int = 2

  static let magic: [UInt8] = Array("FSQM".utf8)

  public static func encode(_ company: Company) -> [UInt8] {
    var body = ModelEncoder()
    body.company(company)
    return assemble(body, magic: magic, version: formatVersion, checksum: true)
  }

  /// Magic, version, the string and period tables, the body and (with `checksum`) the checksum.
  static func assemble(_ body: ModelEncoder, magic: [UInt8], version: Int, checksum: Bool) -> [UInt8] {
    var out = ByteWriter()
    out.bytes.reserveCapacity(body.out.bytes.count + body.stringBytes + 64 + 20 * body.periods.count)
    out.append(magic)
    out.varint(version)
    out.varint(body.strings.count)
    for string in body.strings {
      out.varint(string.utf8.count)
      out.bytes.append(contentsOf: string.utf8)
    }
    out.varint(body.periods.count)
    for period in body.periods {
      if let start = period.start {
        out.byte(1)
        ModelEncoder.date(start, into: &out)
      } else {
        out.byte(0)
      }
      ModelEncoder.date(period.end, into: &out)
    }
    out.append(body.out.bytes)
    if checksum { ModelChecksum.append(to: &out) }
    return out.bytes
  }

  public static func decode(_ bytes: [UInt8]) throws(ModelCodecError) -> Company {
    try decode(bytes, checked: true)
  }

  /// `checked: false` skips the checksum and reads to the end of `bytes` (tests use it to
  /// reach the structural checks with damaged data).
  static func decode(_ bytes: [UInt8], checked: Bool) throws(ModelCodecError) -> Company {
    guard !bytes.isEmpty else { throw ModelCodecError(message: "not an fsq model: the data is empty") }
    guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else {
      throw ModelCodecError(message: "not an fsq model: the data does not start with \"FSQM\"")
    }
    return try bytes.withUnsafeBufferPointer { (buffer) throws(ModelCodecError) -> Company in
      var header = ByteReader(buffer, from: magic.count)
      let version = try header.varint()
      // Version 1 lacks the company's CIK; it is read as none.
      guard version >= 1 && version <= UInt64(formatVersion) else {
        throw ModelCodecError(
          message:
            "fsq model format version \(version) is not supported (this fsq reads versions 1 to \(formatVersion))")
      }
      var end = buffer.count
      if checked {
        guard buffer.count - header.position >= ModelChecksum.byteCount else {
          throw ModelCodecError(message: "damaged model data: it ends too soon")
        }
        guard ModelChecksum.verify(bytes) else {
          throw ModelCodecError(message: "damaged model data: the checksum does not match")
        }
        end -= ModelChecksum.byteCount
      }
      var decoder = ModelDecoder(ByteReader(buffer, from: header.position, to: end))
      decoder.version = Int(version)
      try decoder.tables()
      let company = try decoder.company()
      guard decoder.input.remaining == 0 else { throw decoder.input.damaged("unexpected bytes after the company") }
      return company
    }
  }
}

/// The stable numbers enumerations are written as. Append new cases; never renumber.
enum ModelCodecTags {
  static let statementKinds: [StatementKind] = [
    .incomeStatement, .balanceSheet, .cashFlow, .reconciliation, .segment, .other, .text,
  ]
  static let columnKinds: [ColumnKind] = [.period, .change, .percentChange, .percentOfTotal, .other]
  static let rowKinds: [RowKind] = [.money, .perShare, .shares, .percent, .count]
  static let claimKinds: [Claim.Kind] = [.value, .changeAmount, .changePercent]

  static func tag(_ kind: StatementKind) -> UInt8 {
    switch kind {
    case .incomeStatement: 0
    case .balanceSheet: 1
    case .cashFlow: 2
    case .reconciliation: 3
    case .segment: 4
    case .other: 5
    case .text: 6
    }
  }
  static func tag(_ kind: ColumnKind) -> UInt8 {
    switch kind {
    case .period: 0
    case .change: 1
    case .percentChange: 2
    case .percentOfTotal: 3
    case .other: 4
    }
  }
  static func tag(_ kind: RowKind) -> UInt8 {
    switch kind {
    case .money: 0
    case .perShare: 1
    case .shares: 2
    case .percent: 3
    case .count: 4
    }
  }
  static func tag(_ kind: Claim.Kind) -> UInt8 {
    switch kind {
    case .value: 0
    case .changeAmount: 1
    case .changePercent: 2
    }
  }
  // Units: 0 none, 1 currency(code), 2 shares, 3 perShare(code), 4 percent,
  // 5 percentagePoints, 6 multiple, 7 years.
}

// MARK: - Encoding

/// Writes a company's body, collecting the string and period tables as it goes.
struct ModelEncoder {
  var out = ByteWriter()
  var strings: [String] = []
  var stringIndex: [String: Int] = [:]
  var stringBytes = 0
  var periods: [ResolvedPeriod] = []
  var periodIndex: [ResolvedPeriod: Int] = [:]

  static func date(_ date: CivilDate, into out: inout ByteWriter) {
    out.signed(date.year)
    out.signed(date.month)
    out.signed(date.day)
  }

  mutating func index(_ string: String) -> Int {
    if let known = stringIndex[string] { return known }
    let index = strings.count
    strings.append(string)
    stringIndex[string] = index
    stringBytes += string.utf8.count + 2
    return index
  }

  mutating func string(_ string: String) { out.varint(index(string)) }

  mutating func string(_ string: String?) { out.varint(string.map { index($0) + 1 } ?? 0) }

  mutating func period(_ period: ResolvedPeriod) { out.varint(periodNumber(period)) }

  mutating func period(_ period: ResolvedPeriod?) { out.varint(period.map { periodNumber($0) + 1 } ?? 0) }

  mutating func periodNumber(_ period: ResolvedPeriod) -> Int {
    if let known = periodIndex[period] { return known }
    let index = periods.count
    periods.append(period)
    periodIndex[period] = index
    return index
  }

  mutating func decimal(_ value: Decimal, optional: Bool = false) {
    let exponent = Int64(value.exponent)
    let zigzag = UInt64(bitPattern: (exponent << 1) ^ (exponent >> 63))
    out.varint(zigzag &* 2 &+ (value.isExact ? 0 : 1) &+ (optional ? 1 : 0))
    out.signed(value.significand)
  }

  mutating func decimal(_ value: Decimal?) {
    guard let value else { return out.byte(0) }
    decimal(value, optional: true)
  }

  mutating func unit(_ unit: Unit) {
    switch unit {
    case .none: out.byte(0)
    case .currency(let code):
      out.byte(1)
      string(code)
    case .shares: out.byte(2)
    case .perShare(let code):
      out.byte(3)
      string(code)
    case .percent: out.byte(4)
    case .percentagePoints: out.byte(5)
    case .multiple: out.byte(6)
    case .years: out.byte(7)
    }
  }

  mutating func list<T>(_ items: [T], _ write: (inout ModelEncoder, T) -> Void) {
    out.varint(items.count)
    for item in items { write(&self, item) }
  }

  mutating func dated(_ fact: DatedFact?) {
    guard let fact else { return out.byte(0) }
    out.byte(1)
    ModelEncoder.date(fact.date, into: &out)
    string(fact.inference)
  }

  mutating func source(_ source: SourceReference) {
    string(source.document)
    string(source.statement)
    string(source.label)
    string(source.column)
    out.signed(source.line)
    string(source.sentence)
    string(source.namedBy)
    string(source.signNote)
  }

  mutating func company(_ company: Company) {
    string(company.id)
    string(company.name)
    out.signed(company.fiscalYearEnd.month)
    out.signed(company.fiscalYearEnd.day)
    out.bool(company.fiscalYearEnd.namedForStartYear)
    string(company.currency)
    string(company.cik)
    list(company.listings) { e, listing in
      e.string(listing.ticker)
      e.string(listing.exchange)
      e.dated(listing.seen)
      e.dated(listing.until)
      e.source(listing.source)
    }
    list(company.events) { e, event in
      e.dated(event.date)
      e.string(event.kind)
      e.string(event.description)
      e.source(event.source)
    }
    list(company.facts) { e, fact in e.fact(fact) }
    list(company.narrative) { e, fact in
      e.string(fact.item)
      e.string(fact.label)
      e.period(fact.period)
      e.decimal(fact.value)
      e.unit(fact.unit)
      e.source(fact.source)
    }
    list(company.claims) { e, claim in e.claim(claim) }
    list(company.statements) { e, table in e.statement(table) }
    list(company.documents) { e, document in e.string(document) }
    list(company.importReports) { e, report in e.report(report) }
  }

  mutating func fact(_ fact: Fact) {
    string(fact.item)
    string(fact.label)
    // Statement kind and the derived flag share a byte.
    out.byte(ModelCodecTags.tag(fact.statement) << 1 | (fact.isDerived ? 1 : 0))
    string(fact.section)
    period(fact.period)
    decimal(fact.value)
    unit(fact.unit)
    source(fact.source)
  }

  mutating func claim(_ claim: Claim) {
    out.byte(ModelCodecTags.tag(claim.kind))
    string(claim.item)
    period(claim.period)
    period(claim.comparedPeriod)
    decimal(claim.value)
    unit(claim.unit)
    decimal(claim.tolerance)
    string(claim.phrase)
    string(claim.sentence)
    string(claim.document)
    out.signed(claim.line)
    string(claim.unplaced)
  }

  mutating func statement(_ table: StatementTable) {
    string(table.title)
    out.byte(ModelCodecTags.tag(table.kind))
    string(table.document)
    list(table.columns) { e, column in
      e.string(column.header)
      e.out.byte(ModelCodecTags.tag(column.kind))
      e.period(column.period)
    }
    list(table.rows) { e, row in
      e.string(row.label)
      e.string(row.item)
      e.string(row.section)
      e.out.byte(ModelCodecTags.tag(row.kind))
      e.list(row.values) { e, value in e.decimal(value) }
      e.out.signed(row.line)
      e.out.byte((row.ruleAbove ? 1 : 0) | (row.doubleRuleBelow ? 2 : 0))
      e.out.signed(row.indent)
    }
    string(table.scaleCaption)
    out.signed(table.line)
    out.bool(table.withheld)
  }

  mutating func report(_ report: ImportReport) {
    string(report.document)
    string(report.format)
    list(report.parts) { e, part in e.string(part) }
    list(report.tables) { e, table in
      e.out.signed(table.line)
      e.string(table.title)
      e.out.byte(table.statement.map { ModelCodecTags.tag($0) + 1 } ?? 0)
      e.string(table.skipped)
      e.out.bool(table.continues)
      e.list(table.columns) { e, column in
        e.string(column.header)
        e.out.byte(ModelCodecTags.tag(column.kind))
        e.period(column.period)
      }
      e.decimal(table.moneyScale)
      e.decimal(table.sharesScale)
      e.string(table.caption)
      e.string(table.scaleNote)
      e.out.signed(table.rows)
      e.list(table.unread) { e, cell in
        e.out.signed(cell.line)
        e.string(cell.label)
        e.string(cell.text)
      }
    }
    list(report.findings) { e, finding in
      e.string(finding.message)
      if let line = finding.line {
        e.out.byte(1)
        e.out.signed(line)
      } else {
        e.out.byte(0)
      }
      e.out.bool(finding.repaired)
    }
    list(report.withheld) { e, statement in e.string(statement) }
  }
}
