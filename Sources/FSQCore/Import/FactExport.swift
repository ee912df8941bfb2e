// MARK: - Exporting a model's facts (CSV and JSON Lines) and reading the CSV back

/// One fact as exported: who, what, when, how much, in what unit, and where it was printed.
///
/// `value` is in base units (dollars, shares; percentages as fractions, 8.3% is 0.083) and is
/// compared by amount, so `1.50` equals `1.5`.
public struct ExportedFact: Hashable, Sendable, CustomStringConvertible {
  public var company: String
  public var item: String
  public var label: String
  /// Nil for a balance at an instant.
  public var periodStart: CivilDate?
  public var periodEnd: CivilDate
  public var value: Decimal
  /// The unit's symbol: `USD`, `USD/share`, `shares`, `%`, or empty for a plain number.
  public var unit: String
  /// `document:line`.
  public var source: String
  public var statement: String
  public var section: String
  public var column: String

  public init(
    company: String, item: String, label: String, periodStart: CivilDate?, periodEnd: CivilDate, value: Decimal,
    unit: String, source: String, statement: String, section: String, column: String
  ) {
    self.company = company
    self.item = item
    self.label = label
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.value = value
    self.unit = unit
    self.source = source
    self.statement = statement
    self.section = section
    self.column = column
  }

  /// A model fact as exported for `company`.
  public init(company: String, fact: Fact) {
    self.init(
      company: company, item: fact.item, label: fact.label, periodStart: fact.period.start, periodEnd: fact.period.end,
      value: fact.value, unit: fact.unit.symbol ?? "", source: "\(fact.source.document):\(fact.source.line)",
      statement: fact.source.statement, section: fact.section ?? "", column: fact.source.column)
  }

  public static func == (a: ExportedFact, b: ExportedFact) -> Bool {
    a.company == b.company && a.item == b.item && a.label == b.label && a.periodStart == b.periodStart
      && a.periodEnd == b.periodEnd && Decimal.compare(a.value, b.value) == 0 && a.unit == b.unit
      && a.source == b.source
      && a.statement == b.statement && a.section == b.section && a.column == b.column
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(company)
    hasher.combine(item)
    hasher.combine(periodEnd)
    hasher.combine(source)
  }

  public var description: String {
    "\(company) \(item) \(periodStart.map { "\($0).." } ?? "")\(periodEnd) = \(value.plainString) \(unit) (\(source))"
  }

  /// The unit the symbol names (`USD/share` → `.perShare("USD")`).
  public var unitValue: Unit {
    switch unit {
    case "": return .none
    case "shares": return .shares
    case "%": return .percent
    case "pp": return .percentagePoints
    case "x": return .multiple
    case "years": return .years
    default:
      if unit.hasSuffix("/share") { return .perShare(String(unit.dropLast(6))) }
      return .currency(unit)
    }
  }
}

/// Exports every fact of a model, in model order, as CSV or JSON Lines, and reads the CSV back.
///
///     let csv = FactExport.csv(model)        // header row, then one row per fact
///     let facts = try FactExport.readCSV(csv)
///     facts == FactExport.facts(model)       // true
///
/// Values are exact decimal text at full precision (`412306000`, `-0.04`, `0.582`), never
/// rounded or in exponent form for ordinary magnitudes. Instants have an empty period start
/// (`null` in JSON).
public enum FactExport {
  /// The CSV header, in column order.
  public static let columns = [
    "company", "item", "label", "period_start", "period_end", "value", "unit", "source", "statement", "section",
    "column",
  ]

  /// The model's facts as exported, companies in model order, facts in import order.
  public static func facts(_ model: Model) -> [ExportedFact] {
    var result: [ExportedFact] = []
    for company in model.companies {
      result.reserveCapacity(result.count + company.facts.count)
      for fact in company.facts { result.append(ExportedFact(company: company.id, fact: fact)) }
    }
    return result
  }

  // MARK: CSV (RFC 4180)

  /// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote,
  /// CR or LF (quotes doubled).
  public static func csv(_ model: Model) -> String {
    var out = columns.joined(separator: ",") + "\r\n"
    for fact in facts(model) {
      let fields = [
        fact.company, fact.item, fact.label, fact.periodStart?.description ?? "", fact.periodEnd.description,
        fact.value.plainString, fact.unit, fact.source, fact.statement, fact.section, fact.column,
      ]
      var first = true
      for field in fields {
        if !first { out += "," }
        first = false
        CSV.append(field, to: &out)
      }
      out += "\r\n"
    }
    return out
  }

  /// Reads CSV written by `csv(_:)` (LF or CRLF line ends; columns found by the header's
  /// names, so their order may differ). Errors name the line.
  public static func readCSV(_ text: String) throws(ImportError) -> [ExportedFact] {
    let records = try parseCSV(text)
    guard let header = records.first else { throw ImportError(message: "the CSV is empty: no header row", line: 1) }
    var index: [String: Int] = [:]
    for (k, name) in header.fields.enumerated() { index[name] = k }
    for name in columns where index[name] == nil {
      throw ImportError(message: "the CSV header has no column '\(name)'", line: header.line)
    }
    var result: [ExportedFact] = []
    result.reserveCapacity(records.count - 1)
    for record in records.dropFirst() {
      if record.fields.count == 1 && record.fields[0].isEmpty { continue }  // a blank line
      guard record.fields.count == header.fields.count else {
        throw ImportError(
          message: "expected \(header.fields.count) fields, found \(record.fields.count)", line: record.line)
      }
      func field(_ name: String) -> String { record.fields[index[name]!] }
      let startText = field("period_start")
      var start: CivilDate? = nil
      if !startText.isEmpty {
        guard let date = CivilDate(iso: startText) else {
          throw ImportError(message: "cannot read the period start '\(startText)'", line: record.line)
        }
        start = date
      }
      guard let end = CivilDate(iso: field("period_end")) else {
        throw ImportError(message: "cannot read the period end '\(field("period_end"))'", line: record.line)
      }
      guard let value = Decimal(parsing: field("value")) else {
        throw ImportError(message: "cannot read the value '\(field("value"))'", line: record.line)
      }
      result.append(
        ExportedFact(
          company: field("company"), item: field("item"), label: field("label"), periodStart: start, periodEnd: end,
          value: value, unit: field("unit"), source: field("source"), statement: field("statement"),
          section: field("section"), column: field("column")))
    }
    return result
  }

  /// Splits RFC 4180 text into records of fields, with the line each record starts on.
  static func parseCSV(_ text: String) throws(ImportError) -> [(fields: [String], line: Int)] {
    var records: [(fields: [String], line: Int)] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var fieldWasQuoted = false
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    let bytes = Array(text.utf8)
    var i = 0
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = false
    }
    while i < bytes.count {
      let byte = bytes[i]
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            i += 2
            continue
          }
          inQuotes = false
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
        i += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        guard field.isEmpty && !fieldWasQuoted else {
          throw ImportError(message: "a quote inside an unquoted field", line: line)
        }
        inQuotes = true
        fieldWasQuoted = true
        quoteLine = line
      case UInt8(ascii: ","):
        endField()
      case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
        break  // the LF ends the record
      case 0x0A:
        endField()
        records.append((fields, recordLine))
        fields.removeAll(keepingCapacity: true)
        line += 1
        recordLine = line
      default:
        if fieldWasQuoted { throw ImportError(message: "text after a closing quote", line: line) }
        field.append(byte)
      }
      i += 1
    }
    if inQuotes { throw ImportError(message: "a quoted field is not closed", line: quoteLine) }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
      endField()
      records.append((fields, recordLine))
    }
    return records
  }

  // MARK: JSON Lines

  /// One JSON object per line and fact. `value` is a JSON number written with every digit of
  /// the exact decimal, as in `--format json`; `period_start` is null for instants and `unit`
  /// null for plain counts.
  public static func json(_ model: Model) -> String {
    var out = ""
    for fact in facts(model) {
      out += "{\"company\":"
      JSON.append(fact.company, to: &out)
      out += ",\"item\":"
      JSON.append(fact.item, to: &out)
      out += ",\"label\":"
      JSON.append(fact.label, to: &out)
      out += ",\"period_start\":"
      if let start = fact.periodStart { JSON.append(start.description, to: &out) } else { out += "null" }
      out += ",\"period_end\":"
      JSON.append(fact.periodEnd.description, to: &out)
      out += ",\"value\":"
      out += fact.value.plainString
      out += ",\"unit\":"
      if fact.unit.isEmpty { out += "null" } else { JSON.append(fact.unit, to: &out) }
      out += ",\"source\":"
      JSON.append(fact.source, to: &out)
      out += ",\"statement\":"
      JSON.append(fact.statement, to: &out)
      out += ",\"section\":"
      if fact.section.isEmpty { out += "null" } else { JSON.append(fact.section, to: &out) }
      out += ",\"column\":"
      JSON.append(fact.column, to: &out)
      out += "}\n"
    }
    return out
  }
}
