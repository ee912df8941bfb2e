import FSQTestSupport
import Foundation
import Testing

@testable import FSQCore

/// `ModelCodec`: a company's whole model as one blob and back, every stored property intact,
/// and damaged blobs refused with an error rather than a crash.
@Suite struct ModelCodecTests {
  /// Everything a value holds, private stored properties included (`Decimal.isExact`, which
  /// `==` ignores): two companies with the same dump hold the same stored values.
  static func dumped(_ company: Company) -> String {
    var text = ""
    dump(company, to: &text)
    return text
  }

  static func expectSame(_ a: Company, _ b: Company) {
    #expect(a.id == b.id)
    #expect(a.name == b.name)
    #expect(a.fiscalYearEnd == b.fiscalYearEnd)
    #expect(a.currency == b.currency)
    #expect(a.listings == b.listings)
    #expect(a.events == b.events)
    #expect(a.facts == b.facts)
    #expect(a.narrative == b.narrative)
    #expect(a.claims == b.claims)
    #expect(a.statements == b.statements)
    #expect(a.documents == b.documents)
    #expect(a.importReports == b.importReports)
    #expect(dumped(a) == dumped(b))
  }

  static func roundTrip(_ company: Company) throws -> [UInt8] {
    let bytes = ModelCodec.encode(company)
    let back = try ModelCodec.decode(bytes)
    expectSame(company, back)
    // Encoding is deterministic: the decoded company encodes to the same bytes.
    #expect(ModelCodec.encode(back) == bytes)
    return bytes
  }

  static func error(_ bytes: [UInt8]) -> ModelCodecError? {
    do {
      _ = try ModelCodec.decode(bytes)
      return nil
    } catch {
      return error
    }
  }

  @Test func bundledCompanyRoundTrips() throws {
    let company = ReleaseImporter.importBundledReleases().companies[0]
    #expect(!company.importReports.isEmpty && !company.facts.isEmpty && !company.statements.isEmpty)
    let bytes = try Self.roundTrip(company)
    // Strings are stored once: the whole blob is far smaller than the company's strings
    // written out at every use.
    #expect(bytes.count < Self.stringBytes(company) / 2, "\(bytes.count) bytes")
  }

  /// The UTF-8 bytes of every string a value holds, counted at each use.
  static func stringBytes(_ value: Any) -> Int {
    if let string = value as? String { return string.utf8.count }
    return Mirror(reflecting: value).children.reduce(0) { $0 + stringBytes($1.value) }
  }

  @Test func mergedPericomReleasesRoundTrip() throws {
    let folder = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus/documents")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix("pericom_") && $0.hasSuffix(".txt") }.sorted()
    #expect(names.count >= 3)
    var model = Model()
    for name in names {
      let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
      try model.importRelease(bytes: bytes, documentName: name)
    }
    let company = try #require(model.companies.max { $0.facts.count < $1.facts.count })
    #expect(company.documents.count == names.count, "the releases merge into one company")
    #expect(company.importReports.count == names.count)
    let bytes = try Self.roundTrip(company)
    #expect(bytes.count < Self.stringBytes(company) / 2, "\(bytes.count) bytes")
  }

  /// A company built by hand so that every case and every optional (set and unset) occurs.
  static func everything() throws -> Company {
    let q3 = ResolvedPeriod(start: CivilDate(unchecked: 2009, 7, 1), end: CivilDate(unchecked: 2009, 9, 30))
    let instant = ResolvedPeriod(start: nil, end: CivilDate(unchecked: 2009, 9, 30))
    // Unchecked dates round-trip as stored, even one no calendar has.
    let odd = ResolvedPeriod(start: CivilDate(unchecked: 0, 2, 30), end: CivilDate(unchecked: 10_000, 12, 31))
    let third = try FSQCore.Decimal(1).dividing(by: FSQCore.Decimal(3))
    #expect(!third.isExact)
    let values: [FSQCore.Decimal] = [
      .zero, .one, FSQCore.Decimal(-42), third, third.negated(), FSQCore.Decimal(parsing: "-0.000125")!,
      FSQCore.Decimal(parsing: "9999999999999999999999999999999999e6000")!, FSQCore.Decimal(parsing: "1e-6176")!,
      FSQCore.Decimal(Int.min), FSQCore.Decimal(Int.max),
    ]
    let units: [FSQCore.Unit] = [
      .none, .usd, .currency("€uro"), .shares, .perShare("USD"), .perShare(""), .percent, .percentagePoints,
      .multiple, .years,
    ]
    var source = SourceReference(
      document: "q3.htm", statement: "income statement", label: "Revenues", column: "Three Months", line: 12)
    source.namedBy = "the first line of the income statement"
    source.signNote = "a cost printed in parentheses"
    let sentenceSource = SourceReference(
      document: "q3.htm", statement: "", label: "", column: "", line: -3, sentence: "Revenues rose — 17%.")
    var facts: [Fact] = []
    for (k, kind) in StatementKind.allCases.enumerated() {
      facts.append(
        Fact(
          item: "item_\(k)", label: "Label \(k) ✓", statement: kind, section: k % 2 == 0 ? nil : "Section",
          period: [q3, instant, odd][k % 3], value: values[k % values.count], unit: units[k % units.count],
          source: k % 2 == 0 ? source : sentenceSource, isDerived: k % 3 == 0))
    }
    for (k, unit) in units.enumerated() {
      facts.append(
        Fact(
          item: "u", label: "", statement: .other, period: q3, value: values[(k + 3) % values.count], unit: unit,
          source: source))
    }
    var company = Company(
      id: "acme", name: "Acme Ünïcode Corp.", fiscalYearEnd: FiscalYearEnd(month: 1, day: 31, namedForStartYear: true),
      currency: "EUR",
      listings: [
        Listing(ticker: "ACME", exchange: "NASDAQ", seen: nil, until: nil, source: source),
        Listing(
          ticker: "ACM", exchange: "OTC", seen: DatedFact(date: CivilDate(unchecked: 2008, 1, 2)),
          until: DatedFact(date: CivilDate(unchecked: 2010, 3, 4), inference: "year inferred"),
          source: sentenceSource),
      ],
      events: [
        CompanyEvent(
          date: DatedFact(date: CivilDate(unchecked: 2009, 11, 5)), kind: "release", description: "Q3", source: source)
      ],
      facts: facts,
      narrative: [
        NarrativeFact(
          item: "customers", label: "customers", period: nil, value: FSQCore.Decimal(173), unit: .none, source: source),
        NarrativeFact(item: "x", label: "y", period: q3, value: third, unit: .percent, source: sentenceSource),
      ],
      claims: [
        Claim(
          kind: .value, item: nil, period: nil, comparedPeriod: nil, value: .one, unit: .usd, tolerance: third,
          phrase: "p", sentence: "s", document: "q3.htm", line: 1),
        Claim(
          kind: .changeAmount, item: "revenue", period: q3, comparedPeriod: instant, value: FSQCore.Decimal(-2),
          unit: .usd,
          tolerance: .zero, phrase: "p", sentence: "s", document: "q3.htm", line: 2, unplaced: "adjusted"),
        Claim(
          kind: .changePercent, item: "revenue", period: odd, comparedPeriod: nil, value: third, unit: .percent,
          tolerance: .one, phrase: "", sentence: "", document: "", line: 0),
      ],
      documents: ["q3.htm", "q2.txt"])
    let columnKinds: [ColumnKind] = [.period, .change, .percentChange, .percentOfTotal, .other]
    let rowKinds: [RowKind] = [.money, .perShare, .shares, .percent, .count]
    var table = StatementTable(
      title: "Balance Sheet", kind: .balanceSheet, document: "q3.htm",
      columns: columnKinds.map { StatementColumn(header: "\($0)", kind: $0, period: $0 == .period ? q3 : nil) },
      rows: rowKinds.enumerated().map { k, kind in
        StatementRow(
          label: "row \(k)", item: k == 0 ? nil : "item", section: k == 1 ? "Assets:" : nil, kind: kind,
          values: [values[k], nil, third, nil, .hundred], line: 40 + k, ruleAbove: k & 1 != 0,
          doubleRuleBelow: k & 2 != 0, indent: k)
      }, scaleCaption: "in thousands", line: 30)
    table.withheld = true
    let plain = StatementTable(
      title: "", kind: .text, document: "q2.txt", columns: [],
      rows: [
        StatementRow(
          label: "Heading:", item: nil, section: nil, kind: .money, values: [], line: 1)
      ], line: 1)
    company.statements = [table, plain]
    var report = ImportReport(document: "q3.htm", format: "HTML")
    report.parts = ["q3.htm: read", "ex99.htm: skipped"]
    var read = ImportReport.Table(line: 30, title: "Balance Sheet", statement: .balanceSheet)
    read.continues = true
    read.columns = [ImportReport.Column(header: "2009", kind: .period, period: instant)]
    read.columns.append(ImportReport.Column(header: "%", kind: .percentChange, period: nil))
    read.moneyScale = FSQCore.Decimal(1000)
    read.sharesScale = FSQCore.Decimal(1_000_000)
    read.caption = "in thousands"
    read.scaleNote = "from the table above"
    read.rows = 12
    read.unread = [ImportReport.UnreadCell(line: 33, label: "Range", text: "($70) to ($61)")]
    var skipped = ImportReport.Table(line: 90, title: nil, statement: nil)
    skipped.skipped = "no column is a period"
    report.tables = [read, skipped]
    report.findings = [
      ImportReport.Finding(message: "off by 1000", line: 44, repaired: true),
      ImportReport.Finding(message: "no line", line: nil),
    ]
    report.withheld = ["balance sheet"]
    company.importReports = [report, ImportReport(document: "q2.txt", format: "text")]
    return company
  }

  @Test func everyCaseAndOptionalRoundTrips() throws {
    _ = try Self.roundTrip(try Self.everything())
    _ = try Self.roundTrip(Company(id: "", name: ""))
  }

  /// The enumerations' stored numbers are the tag tables' positions, and every case has one.
  @Test func enumerationTagsAreStable() {
    #expect(Set(ModelCodecTags.statementKinds) == Set(StatementKind.allCases))
    for (k, kind) in ModelCodecTags.statementKinds.enumerated() { #expect(ModelCodecTags.tag(kind) == k) }
    for (k, kind) in ModelCodecTags.columnKinds.enumerated() { #expect(ModelCodecTags.tag(kind) == k) }
    for (k, kind) in ModelCodecTags.rowKinds.enumerated() { #expect(ModelCodecTags.tag(kind) == k) }
    for (k, kind) in ModelCodecTags.claimKinds.enumerated() { #expect(ModelCodecTags.tag(kind) == k) }
    #expect(ModelCodecTags.tag(.cashFlow) == 2 && ModelCodecTags.tag(.percentOfTotal) == 3)
  }

  /// Version 1's bytes for a minimal company, pinned: a change to the layout must come with
  /// a new `formatVersion`.
  @Test func formatVersionTwoIsPinned() throws {
    var company = Company(id: "x", name: "X")
    company.cik = "913234"
    let bytes = ModelCodec.encode(company)
    let expected: [UInt8] = [
      0x46, 0x53, 0x51, 0x4D, 0x02,  // "FSQM", version 2
      0x04, 0x01, 0x78, 0x01, 0x58, 0x03, 0x55, 0x53, 0x44,  // strings: "x", "X", "USD",
      0x06, 0x39, 0x31, 0x33, 0x32, 0x33, 0x34,  // "913234"
      0x00,  // no periods
      0x00, 0x01, 0x18, 0x3E, 0x00, 0x02,  // id, name, fiscal year end 12-31, currency
      0x04,  // the CIK (string 3, written as index + 1)
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  // eight empty lists
    ]
    #expect(ModelCodec.formatVersion == 2)
    #expect(Array(bytes.dropLast(ModelChecksum.byteCount)) == expected)
    #expect(try ModelCodec.decode(bytes).cik == "913234")
  }

  /// Version 1 (before the CIK): a library written then still reads, with no CIK.
  @Test func formatVersionOneStillReads() throws {
    var version1: [UInt8] = [
      0x46, 0x53, 0x51, 0x4D, 0x01,  // "FSQM", version 1
      0x03, 0x01, 0x78, 0x01, 0x58, 0x03, 0x55, 0x53, 0x44,  // strings: "x", "X", "USD"
      0x00,  // no periods
      0x00, 0x01, 0x18, 0x3E, 0x00, 0x02,  // id, name, fiscal year end 12-31, currency
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  // eight empty lists
    ]
    var writer = ByteWriter()
    writer.bytes = version1
    ModelChecksum.append(to: &writer)
    version1 = writer.bytes
    let company = try ModelCodec.decode(version1)
    #expect(company.id == "x" && company.name == "X" && company.cik == nil)
  }

  @Test func sharedStringsAreStoredOnce() throws {
    let label = String(repeating: "Selling, general and administrative expenses ", count: 4)
    let period = ResolvedPeriod(start: nil, end: CivilDate(unchecked: 2009, 9, 30))
    let source = SourceReference(document: "doc.htm", statement: "s", label: label, column: "c", line: 7)
    let facts = (0..<1000).map { k in
      Fact(
        item: "sga", label: label, statement: .incomeStatement, period: period, value: FSQCore.Decimal(k),
        unit: .usd, source: source)
    }
    let bytes = try Self.roundTrip(Company(id: "c", name: "C", facts: facts))
    #expect(bytes.count < 20 * facts.count, "\(bytes.count) bytes for 1000 facts")
    let occurrences = (0...(bytes.count - label.utf8.count)).filter {
      bytes[$0..<$0 + label.utf8.count].elementsEqual(label.utf8)
    }
    #expect(occurrences.count == 1)
  }

  @Test func emptyForeignAndOtherVersionsAreRefused() {
    #expect(Self.error([])?.message.contains("empty") == true)
    #expect(Self.error(Array("SQLite format 3\0".utf8))?.message.contains("FSQM") == true)
    #expect(Self.error(Array("FSQ".utf8))?.message.contains("FSQM") == true)
    var other = ModelCodec.encode(Company(id: "x", name: "X"))
    other[4] = 3
    #expect(Self.error(other)?.message.contains("version 3 is not supported") == true)
    other[4] = 0
    #expect(Self.error(other)?.message.contains("version 0 is not supported") == true)
    #expect(Self.error(Array("FSQM".utf8) + [0xFF, 0xFF, 0x03])?.message.contains("version") == true)
    #expect(Self.error(Array("FSQM".utf8))?.message.contains("damaged") == true)
  }

  /// A count larger than the data left could hold is refused before anything is allocated.
  @Test func claimedCountsAreBounded() {
    let payload = Array(ModelCodec.encode(Company(id: "x", name: "X")).dropLast(ModelChecksum.byteCount))
    #expect(payload[23] == 0, "the facts count of the pinned layout")
    for count: [UInt8] in [
      [0x7F], [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
    ] {
      var damaged = payload
      damaged.replaceSubrange(23...23, with: count)
      let error = #expect(throws: ModelCodecError.self) { try ModelCodec.decode(damaged, checked: false) }
      #expect(error?.message.contains("exceeds the data left") == true, "\(String(describing: error))")
    }
  }

  /// Every prefix of a small company is refused: by the checksum, and, with the checksum
  /// skipped, by the reader running out of bytes.
  @Test func everyTruncationIsRefused() throws {
    var company = try Self.everything()
    company.facts = Array(company.facts.prefix(3))
    let bytes = ModelCodec.encode(company)
    for length in 0..<bytes.count {
      #expect(Self.error(Array(bytes[..<length])) != nil, "prefix of \(length) bytes decoded")
    }
    let payload = Array(bytes.dropLast(ModelChecksum.byteCount))
    #expect(throws: Never.self) { try ModelCodec.decode(payload, checked: false) }
    for length in 0..<payload.count {
      #expect(throws: ModelCodecError.self) { try ModelCodec.decode(Array(payload[..<length]), checked: false) }
    }
  }

  /// Changed bytes are refused by the checksum; past it (checksum skipped) they decode to
  /// something or throw, but never crash.
  @Test func changedBytesAreRefusedAndNeverCrash() throws {
    let bytes = ModelCodec.encode(try Self.everything())
    let payload = Array(bytes.dropLast(ModelChecksum.byteCount))
    var random = SeededGenerator(seed: 0xF5_0C0D)
    var refused = 0
    for _ in 0..<3000 {
      var damaged = bytes
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        let at = Int.random(in: 0..<damaged.count, using: &random)
        damaged[at] ^= UInt8.random(in: 1...255, using: &random)
      }
      #expect(Self.error(damaged) != nil)
      var unchecked = payload
      let at = Int.random(in: 5..<unchecked.count, using: &random)
      unchecked[at] = UInt8.random(in: 0...255, using: &random)
      do {
        _ = try ModelCodec.decode(unchecked, checked: false)
      } catch {
        refused += 1
      }
    }
    // Random bytes after a valid header, too.
    for length in [1, 10, 100, 1000] {
      let garbage = Array("FSQM".utf8) + [1] + (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      #expect(Self.error(garbage) != nil)
      _ = try? ModelCodec.decode(garbage, checked: false)
    }
    #expect(refused > 0, "the structural checks refuse some damage on their own")
  }
}
