// MARK: - The catalog's lookup table, parsed once from `ItemCatalog.data`

extension ItemCatalog {
  struct Table: Sendable, Equatable {
    var entries: [ItemCatalogEntry] = []
    var byName: [String: Int] = [:]
    var bySynonym: [String: Int] = [:]
  }

  /// Built on the first catalog lookup, which every import and the built-ins make. Read on
  /// ASCII bytes: splitting the text by `Character` cost 16M instructions at each start of fsq.
  static let table: Table = parse(data)

  /// One `name | element | statement | unit | synonyms` line per entry; lines without exactly
  /// five fields are skipped. Same result as `referenceTable` (a test compares them).
  static func parse(_ text: String) -> Table {
    var text = text
    return text.withUTF8 { bytes in
      var table = Table()
      table.entries.reserveCapacity(128)
      var lineStart = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        addLine(bytes, lineStart..<lineEnd, to: &table)
        lineStart = lineEnd + 1
      }
      return table
    }
  }

  private static func addLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, to table: inout Table) {
    var fields: [Range<Int>] = []
    var fieldStart = line.lowerBound
    for index in line where bytes[index] == UInt8(ascii: "|") {
      fields.append(fieldStart..<index)
      fieldStart = index + 1
    }
    fields.append(fieldStart..<line.upperBound)
    guard fields.count == 5 else { return }
    let name = collapsed(bytes, fields[0])
    let statement: StatementKind? =
      switch collapsed(bytes, fields[2]) {
      case "income": .incomeStatement
      case "balance": .balanceSheet
      case "cashflow": .cashFlow
      case "reconciliation": .reconciliation
      default: nil
      }
    let unit = collapsed(bytes, fields[3])
    let isCost = unit.utf8.last == UInt8(ascii: "-")
    let unitKind: ItemUnitKind =
      switch isCost || unit.utf8.contains(UInt8(ascii: "-")) ? unit.filter({ $0 != "-" }) : unit {
      case "pershare": .perShare
      case "shares": .shares
      case "percent": .percent
      case "count": .count
      default: .money
      }
    var synonyms: [String] = []
    var synonymStart = fields[4].lowerBound
    for index in fields[4].lowerBound...fields[4].upperBound
    where index == fields[4].upperBound || bytes[index] == UInt8(ascii: ";") {
      if index > synonymStart {
        let synonym = collapsed(bytes, synonymStart..<index)
        if !synonym.isEmpty { synonyms.append(synonym) }
      }
      synonymStart = index + 1
    }
    let entry = ItemCatalogEntry(
      name: name, element: collapsed(bytes, fields[1]), statement: statement, unitKind: unitKind,
      isCost: isCost, synonyms: synonyms)
    let index = table.entries.count
    table.entries.append(entry)
    table.byName[entry.name] = index
    for synonym in synonyms {
      let key = TextTools.normalize(synonym)
      if table.bySynonym[key] == nil { table.bySynonym[key] = index }
    }
    let spaced = String(decoding: name.utf8.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }, as: UTF8.self)
    let key = TextTools.normalize(spaced)
    if table.bySynonym[key] == nil { table.bySynonym[key] = index }
  }

  /// `TextTools.collapseSpaces` of a field: trimmed, inner runs of blanks one space.
  private static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var pendingSpace = false
    for index in range {
      let byte = bytes[index]
      if byte >= 0x80 {
        return TextTools.collapseSpaces(
          Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
      }
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace { out.append(0x20); pendingSpace = false }
      out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The catalog table as first written (String and `Character` work), kept as the reference
  /// that `parse` must agree with.
  static func referenceTable(_ text: String) -> Table {
    var table = Table()
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
        TextTools.collapseSpaces($0)
      }
      guard fields.count == 5 else { continue }
      let statement: StatementKind? =
        switch fields[2] {
        case "income": .incomeStatement
        case "balance": .balanceSheet
        case "cashflow": .cashFlow
        case "reconciliation": .reconciliation
        default: nil
        }
      let isCost = fields[3].hasSuffix("-")
      let unitKind: ItemUnitKind =
        switch fields[3].filter({ $0 != "-" }) {
        case "pershare": .perShare
        case "shares": .shares
        case "percent": .percent
        case "count": .count
        default: .money
        }
      let synonyms = fields[4].split(separator: ";").map { TextTools.collapseSpaces($0) }.filter { !$0.isEmpty }
      let entry = ItemCatalogEntry(
        name: fields[0], element: fields[1], statement: statement, unitKind: unitKind, isCost: isCost,
        synonyms: synonyms)
      let index = table.entries.count
      table.entries.append(entry)
      table.byName[entry.name] = index
      for synonym in synonyms + [entry.name.split(separator: "_").joined(separator: " ")] {
        let key = TextTools.normalize(synonym)
        if table.bySynonym[key] == nil { table.bySynonym[key] = index }
      }
    }
    return table
  }
}
