@testable import FSQCore

/// Writes a model as the Swift source of `BundledSnapshotData.swift`: every stored property of
/// every value, in the constructors of `BundledSnapshot`. Arrays are split into functions of
/// at most `chunk` elements to keep the compiler's work per function small.
struct SnapshotWriter {
  var out = ""
  var functions: [String] = []
  let chunk = 60

  static func source(_ model: Model) -> String {
    var writer = SnapshotWriter()
    var companies: [String] = []
    for (index, company) in model.companies.enumerated() {
      companies.append(writer.company(company, index))
    }
    var text = """
      // MARK: - Generated: the bundled model as values

      // Generated from a fresh import of BundledReleases by Tests/FSQCoreTests/SnapshotWriter.swift
      // (FSQ_RECORD=1 swift test --filter BundledSnapshotTests); do not edit by hand. A test fails
      // when these values and a fresh import differ.
      // swift-format-ignore-file

      extension BundledSnapshot {
        static func model() -> Model {
          Model(companies: [\(companies.joined(separator: ", "))])
        }

      """
    for function in writer.functions { text += "\n" + function }
    text += "}\n"
    return text
  }

  mutating func company(_ c: Company, _ n: Int) -> String {
    let fye =
      "FiscalYearEnd(month: \(c.fiscalYearEnd.month), day: \(c.fiscalYearEnd.day), namedForStartYear: \(c.fiscalYearEnd.namedForStartYear))"
    let listings = array("listings\(n)", "Listing", c.listings.map(listing))
    let events = array("events\(n)", "CompanyEvent", c.events.map(event))
    let facts = array("facts\(n)", "Fact", c.facts.map(fact))
    let narrative = array("narrative\(n)", "NarrativeFact", c.narrative.map(narrativeFact))
    let claims = array("claims\(n)", "Claim", c.claims.map(claim))
    var tables: [String] = []
    for (t, table) in c.statements.enumerated() {
      let columns = "[" + table.columns.map(column).joined(separator: ", ") + "]"
      let rows = array("rows\(n)_\(t)", "StatementRow", table.rows.map(row))
      tables.append(
        "StatementTable(title: \(lit(table.title)), kind: .\(table.kind), document: \(lit(table.document)), columns: \(columns), rows: \(rows), scaleCaption: \(opt(table.scaleCaption, lit)), line: \(table.line))"
      )
    }
    let statements = array("statements\(n)", "StatementTable", tables)
    let name = "company\(n)"
    functions.append(
      """
        static func \(name)() -> Company {
          Company(
            id: \(lit(c.id)), name: \(lit(c.name)), fiscalYearEnd: \(fye), currency: \(lit(c.currency)),
            listings: \(listings), events: \(events), facts: \(facts), narrative: \(narrative),
            claims: \(claims), statements: \(statements), documents: [\(c.documents.map(lit).joined(separator: ", "))])
        }

      """)
    return name + "()"
  }

  /// An array expression: the elements inline when few, else calls of generated functions.
  mutating func array(_ name: String, _ type: String, _ elements: [String]) -> String {
    if elements.count <= 4 { return "[" + elements.joined(separator: ", ") + "]" }
    var parts: [String] = []
    var start = 0
    while start < elements.count {
      let part = elements[start..<min(start + chunk, elements.count)]
      let function = "\(name)_\(parts.count)"
      functions.append(
        "  static func \(function)() -> [\(type)] {\n    [\n" + part.map { "      " + $0 + ",\n" }.joined()
          + "    ]\n  }\n")
      parts.append(function + "()")
      start += chunk
    }
    return parts.count == 1 ? parts[0] : parts.joined(separator: " + ")
  }

  func listing(_ l: Listing) -> String {
    "Listing(ticker: \(lit(l.ticker)), exchange: \(lit(l.exchange)), seen: \(opt(l.seen, dated)), until: \(opt(l.until, dated)), source: \(source(l.source)))"
  }

  func event(_ e: CompanyEvent) -> String {
    "CompanyEvent(date: \(dated(e.date)), kind: \(lit(e.kind)), description: \(lit(e.description)), source: \(source(e.source)))"
  }

  func fact(_ f: Fact) -> String {
    "Fact(item: \(lit(f.item)), label: \(lit(f.label)), statement: .\(f.statement), section: \(opt(f.section, lit)), period: \(period(f.period)), value: \(decimal(f.value)), unit: \(unit(f.unit)), source: \(source(f.source)), isDerived: \(f.isDerived))"
  }

  func narrativeFact(_ f: NarrativeFact) -> String {
    "NarrativeFact(item: \(lit(f.item)), label: \(lit(f.label)), period: \(opt(f.period, period)), value: \(decimal(f.value)), unit: \(unit(f.unit)), source: \(source(f.source)))"
  }

  func claim(_ c: Claim) -> String {
    "Claim(kind: .\(c.kind), item: \(opt(c.item, lit)), period: \(opt(c.period, period)), comparedPeriod: \(opt(c.comparedPeriod, period)), value: \(decimal(c.value)), unit: \(unit(c.unit)), tolerance: \(decimal(c.tolerance)), phrase: \(lit(c.phrase)), sentence: \(lit(c.sentence)), document: \(lit(c.document)), line: \(c.line)\(c.unplaced.map { ", unplaced: \(lit($0))" } ?? ""))"
  }

  func column(_ c: StatementColumn) -> String {
    "StatementColumn(header: \(lit(c.header)), kind: .\(c.kind), period: \(opt(c.period, period)))"
  }

  func row(_ r: StatementRow) -> String {
    let values = "[" + r.values.map { $0.map(decimal) ?? "nil" }.joined(separator: ", ") + "]"
    return
      "StatementRow(label: \(lit(r.label)), item: \(opt(r.item, lit)), section: \(opt(r.section, lit)), kind: .\(r.kind), values: \(values), line: \(r.line), ruleAbove: \(r.ruleAbove), doubleRuleBelow: \(r.doubleRuleBelow), indent: \(r.indent))"
  }

  func dated(_ d: DatedFact) -> String {
    "DatedFact(date: \(date(d.date)), inference: \(opt(d.inference, lit)))"
  }

  func date(_ d: CivilDate) -> String { "BundledSnapshot.day(\(d.year), \(d.month), \(d.day))" }

  func period(_ p: ResolvedPeriod) -> String {
    guard let start = p.start else { return "BundledSnapshot.at(\(p.end.year), \(p.end.month), \(p.end.day))" }
    return
      "BundledSnapshot.span(\(start.year), \(start.month), \(start.day), \(p.end.year), \(p.end.month), \(p.end.day))"
  }

  func decimal(_ d: Decimal) -> String {
    var args = "\(d.significand)"
    if d.exponent != 0 || !d.isExact { args += ", \(d.exponent)" }
    if !d.isExact { args += ", inexact: true" }
    return "BundledSnapshot.d(\(args))"
  }

  func unit(_ u: Unit) -> String {
    switch u {
    case .none: ".none"
    case .currency(let code): ".currency(\(lit(code)))"
    case .shares: ".shares"
    case .perShare(let code): ".perShare(\(lit(code)))"
    case .percent: ".percent"
    case .percentagePoints: ".percentagePoints"
    case .multiple: ".multiple"
    case .years: ".years"
    }
  }

  func source(_ s: SourceReference) -> String {
    var args = "\(lit(s.document)), \(lit(s.statement)), \(lit(s.label)), \(lit(s.column)), \(s.line)"
    if let sentence = s.sentence { args += ", \(lit(sentence))" }
    if let sign = s.signNote { args += ", sign: \(lit(sign))" }
    return "BundledSnapshot.src(\(args))"
  }

  func opt<T>(_ value: T?, _ write: (T) -> String) -> String { value.map(write) ?? "nil" }

  /// A Swift string literal for exactly these scalars: ASCII as is, the rest escaped.
  func lit(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value >= 0x20 && scalar.value < 0x7F {
          out.unicodeScalars.append(scalar)
        } else {
          out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
      }
    }
    return out + "\""
  }
}
