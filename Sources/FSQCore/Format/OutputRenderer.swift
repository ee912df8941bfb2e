// MARK: - Rendering results

/// Turns results into text, CSV, JSON Lines or Markdown. The same table renders in all four.
///
/// JSON: one object per result line; a scalar has `value` (full precision, in the unit named)
/// and `unit` (`"USD"`, `"%"`, `"pp"`, `"shares"`, `"USD/share"`, `"x"` or null).
public struct OutputRenderer: Sendable {
  public var format: OutputFormat
  public var color: Bool
  /// `check` in text lists its info findings too (`--verbose`, `:check verbose`).
  public var verbose = false
  /// CSV: the last result written was a scalar under a `value,unit` header, so the next scalar
  /// is one more row of the same table (`-e A -e B` gives one header, not one per value).
  var underScalarHeader = false

  public init(format: OutputFormat, color: Bool = false) {
    self.format = format
    self.color = color
  }

  /// The text for one result, ending in a newline (empty for results with nothing to show).
  /// The text for the next result of a stream of them (a script, `-e A -e B`): in CSV, scalars
  /// one after another are rows under one `value,unit` header.
  public mutating func renderNext(_ item: ResultItem) -> String {
    switch item {
    case .value(.nothing), .message: return render(item)
    case .value(.table), .value(.series), .value(.list), .explanation, .findings, .chart:
      underScalarHeader = false
      return render(item)
    case .value(let value):
      guard format == .csv else { return render(item) }
      let (number, unit) = csvFields(value)
      let header = underScalarHeader ? "" : "value,unit\r\n"
      underScalarHeader = true
      return header + CSV.row([number, unit])
    }
  }

  public func render(_ item: ResultItem) -> String {
    let text = renderRaw(item)
    // A chart's colours are its own escape codes; its labels are cleaned when it is drawn.
    if case .chart = item { return text }
    // Text a person reads on a terminal carries no control characters from a release.
    return format == .text || format == .markdown ? TerminalText.escape(text) : text
  }

  func renderRaw(_ item: ResultItem) -> String {
    switch item {
    case .value(.nothing): return ""
    case .value(.table(let table)): return renderTable(table)
    case .value(.series(let series)): return renderSeries(series)
    case .value(.list(let values)): return renderList(values)
    case .value(let value): return renderScalar(value)
    case .explanation(let explanation): return renderExplanation(explanation)
    case .findings(let findings): return FindingRenderer(format: format, verbose: verbose).render(findings)
    case .chart(let chart): return renderChart(chart)
    case .message(let message):
      return format == .text || format == .markdown ? message + "\n" : ""
    }
  }

  // MARK: Scalars

  func renderScalar(_ value: Value) -> String {
    switch format {
    case .text, .markdown:
      // A string result prints as itself ("FSNN", not "\"FSNN\""), so `$(fsq -e 'ticker(…)')`
      // gives the ticker.
      return ValueFormatter.bare(value) + "\n"
    case .json:
      return JSON.object(scalarFields(value)) + "\n"
    case .csv:
      let (number, unit) = csvFields(value)
      return "value,unit\r\n" + CSV.row([number, unit])
    }
  }

  func scalarFields(_ value: Value) -> [(String, String)] {
    switch value {
    case .quantity(let q):
      var fields = [("value", ValueFormatter.jsonValue(q)), ("unit", q.unitSymbol.map(JSON.string) ?? "null")]
      fields.append(("text", JSON.string(ValueFormatter.amountText(q))))
      if q.isDerived { fields.append(("derived", "true")) }
      return fields
    case .text(let s): return [("value", JSON.string(s)), ("unit", "null")]
    case .bool(let b): return [("value", b ? "true" : "false"), ("unit", "null")]
    case .period(let p):
      return [
        ("value", JSON.string(p.description)), ("unit", "null"), ("type", JSON.string(p.isInstant ? "date" : "period")),
      ]
    case .function(let name):
      return [("value", JSON.string(name)), ("unit", "null"), ("type", JSON.string("function"))]
    case .table, .nothing, .series: return [("value", "null"), ("unit", "null")]
    case .list(let values):
      return [
        ("value", JSON.array(values.map { JSON.object(scalarFields($0)) })), ("unit", "null"),
        ("type", JSON.string("list")),
      ]
    }
  }

  func csvFields(_ value: Value) -> (String, String) {
    switch value {
    case .quantity(let q): return (ValueFormatter.jsonNumber(q), q.unitSymbol ?? "")
    default: return (ValueFormatter.bare(value), "")
    }
  }

  // MARK: Charts

  /// Width of a terminal chart.
  public var chartWidth = 80

  /// Text draws the chart; Markdown fences it; JSON and CSV give its numbers.
  func renderChart(_ chart: ChartData) -> String {
    switch format {
    case .text: return ChartRenderer.terminal(chart, width: chartWidth, color: color)
    case .markdown: return "```\n" + ChartRenderer.terminal(chart, width: chartWidth, color: false) + "```\n"
    case .json:
      let series = chart.series.map { line -> String in
        let values = line.values.map { $0.map { $0.isFinite ? Self.plainNumber($0) : "null" } ?? "null" }
        return JSON.object([
          ("name", JSON.string(line.name)), ("values", JSON.array(values)),
          ("texts", JSON.array(line.texts.map { $0.map(JSON.string) ?? "null" })),
        ])
      }
      return JSON.object([
        ("type", JSON.string("chart")), ("unit", JSON.string(chart.unitLabel)),
        ("categories", JSON.array(chart.categories.map(JSON.string))), ("series", JSON.array(series)),
      ]) + "\n"
    case .csv:
      // The numbers in the unit of the axis, which the last column names.
      var out = CSV.row(["period"] + chart.series.map(\.name) + ["unit"])
      for (index, category) in chart.categories.enumerated() {
        let values = chart.series.map { $0.values[index].map(Self.plainNumber) ?? "" }
        out += CSV.row([category] + values + [chart.unitLabel])
      }
      return out
    }
  }

  static func plainNumber(_ value: Double) -> String {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  // MARK: Series and lists

  /// A series reads down the page, one period a line; in JSON it is one object with its points.
  func renderSeries(_ series: Series) -> String {
    if format == .json {
      let points = zip(series.periods, series.values).map { period, value -> String in
        var fields = [("period", JSON.string(period.description))]
        fields += value.map(scalarFields) ?? [("value", "null"), ("unit", "null")]
        return JSON.object(fields)
      }
      return JSON.object([
        ("type", JSON.string("series")), ("name", JSON.string(series.name)), ("points", JSON.array(points)),
      ]) + "\n"
    }
    var table = ResultTable(columns: [series.name], rows: [])
    table.rowHeader = "period"
    table.rows = zip(series.periods, series.values).map { ResultTable.Row(label: $0.description, cells: [$1]) }
    if format == .csv {
      var out = CSV.row(["period", "value", "unit"])
      for (period, value) in zip(series.periods, series.values) {
        let (number, unit) = value.map(csvFields) ?? ("", "")
        out += CSV.row([period.description, number, unit])
      }
      return out
    }
    return renderTable(table)
  }

  /// A list: one element a line (CSV rows under one header; JSON one object).
  func renderList(_ values: [Value]) -> String {
    switch format {
    case .json:
      return JSON.object([
        ("type", JSON.string("list")), ("values", JSON.array(values.map { JSON.object(scalarFields($0)) })),
      ]) + "\n"
    case .csv:
      var out = CSV.row(["value", "unit"])
      for value in values {
        let (number, unit) = csvFields(value)
        out += CSV.row([number, unit])
      }
      return out
    case .text, .markdown:
      return values.map { ValueFormatter.source($0) + "\n" }.joined()
    }
  }

  // MARK: Tables

  func renderTable(_ table: ResultTable) -> String {
    switch format {
    case .text:
      let header = [table.rowHeader] + table.columns
      let rows = table.rows.map { row in [row.label] + TableDecimals.texts(row.cells, decimals: table.decimals) }
      // A title (a screen's count of companies) follows the table.
      return TextTable.render(header: header, rows: rows) + (table.title.map { $0 + "\n" } ?? "")
    case .markdown:
      var out = "| \(table.rowHeader) | " + table.columns.joined(separator: " | ") + " |\n"
      out += "|---|" + table.columns.map { _ in "---:" }.joined(separator: "|") + "|\n"
      for row in table.rows {
        let cells = TableDecimals.texts(row.cells, decimals: table.decimals)
        out += "| \(row.label) | " + cells.map { $0.replacingPipes }.joined(separator: " | ") + " |\n"
      }
      return out + (table.title.map { "\n" + $0 + "\n" } ?? "")
    case .csv:
      var header = [table.rowHeader]
      for column in table.columns { header += [column, "\(column) unit"] }
      var out = CSV.row(header)
      for row in table.rows {
        var fields = [row.label]
        for cell in row.cells {
          let (number, unit) = cell.map(csvFields) ?? ("", "")
          fields += [number, unit]
        }
        out += CSV.row(fields)
      }
      return out
    case .json:
      let rows = table.rows.map { row -> String in
        var cells: [(String, String)] = []
        for (column, cell) in zip(table.columns, row.cells) {
          cells.append((column, cell.map { JSON.object(scalarFields($0)) } ?? "null"))
        }
        return JSON.object([(table.rowHeader, JSON.string(row.label)), ("values", JSON.object(cells))])
      }
      var fields = [
        ("type", JSON.string("table")),
        ("columns", JSON.array(table.columns.map(JSON.string))),
        ("rows", JSON.array(rows)),
      ]
      if let title = table.title { fields.append(("title", JSON.string(title))) }
      return JSON.object(fields) + "\n"
    }
  }

  // MARK: Explanations

  func renderExplanation(_ explanation: Explanation) -> String {
    let explanation = Self.collapsed(explanation)
    if format == .json { return JSON.explanation(explanation) + "\n" }
    var out = ""
    func walk(_ node: Explanation, _ prefix: String, _ childPrefix: String) {
      var line = prefix + node.expression + " = " + ValueFormatter.text(node.value)
      if let formula = node.formula { line += "    [\(formula)]" }
      out += line + "\n"
      var details: [String] = []
      if let source = node.source { details.append(Self.origin(source)) }
      details += node.remarks
      let bar = node.children.isEmpty ? "   " : "│  "
      for detail in details { out += childPrefix + bar + detail + "\n" }
      for (position, child) in node.children.enumerated() {
        let last = position == node.children.count - 1
        walk(child, childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "))
      }
    }
    walk(explanation, "", "")
    return out
  }

  /// Where a leaf figure comes from: a statement's label and column, or the text's words.
  static func origin(_ source: SourceReference) -> String {
    if let sentence = source.sentence {
      return "stated in the text, \(source.document) line \(source.line): \"\(sentence)\""
    }
    if source.statement == StatementKind.text.rawValue {
      return "from the text, \(source.document) line \(source.line): \"\(source.label)\""
    }
    return
      "from \(source.document) line \(source.line): \(source.statement), \"\(source.label)\", column \"\(source.column)\""
  }

  /// A call recorded twice over (`formula(ebitda, p)` tracing itself inside its own node)
  /// shows once: a node with nothing of its own and one child of the same expression and
  /// value takes that child's details.
  static func collapsed(_ node: Explanation) -> Explanation {
    var node = node
    node.children = node.children.map(collapsed)
    if node.children.count == 1, node.formula == nil, node.source == nil,
      node.children[0].expression == node.expression, node.children[0].value == node.value
    {
      let child = node.children[0]
      node.formula = child.formula
      node.source = child.source
      node.remarks += child.remarks
      node.children = child.children
    }
    return node
  }
}

extension String {
  var replacingPipes: String {
    var out = ""
    for character in self { out += character == "|" ? "\\|" : String(character) }
    return out
  }
}

/// Column-aligned text tables: labels left, figures right.
enum TextTable {
  static func render(header: [String], rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows {
      for (column, cell) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (column, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
        parts.append(column == 0 ? cell + pad : pad + cell)
      }
      var text = parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text + "\n"
    }
    var out = line(header)
    out += line(widths.map { String(repeating: "-", count: $0) })
    for row in rows { out += line(row) }
    return out
  }
}

/// RFC 4180 CSV fields and rows.
enum CSV {
  static func field(_ text: String) -> String {
    var out = ""
    append(text, to: &out)
    return out
  }

  /// Appends a field, quoted when it holds a comma, quote, CR or LF (quotes doubled). Text that
  /// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR) gets a
  /// leading `'`, as spreadsheet tools expect; numbers ("-25000", "+2.13") stay numbers.
  static func append(_ field: String, to out: inout String) {
    if let first = field.utf8.first,
      first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D,
      Decimal(parsing: field) == nil
    {
      append("'" + field, to: &out)
      return
    }
    let needsQuotes = field.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else {
      out += field
      return
    }
    out += "\""
    for character in field.unicodeScalars {
      if character == "\"" { out += "\"\"" } else { out.unicodeScalars.append(character) }
    }
    out += "\""
  }

  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }
}

/// Minimal JSON writing (keys in the order given).
enum JSON {
  static func string(_ text: String) -> String {
    var out = ""
    append(text, to: &out)
    return out
  }

  /// Appends a JSON string literal; control characters and U+2028/U+2029 are escaped.
  static func append(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.utf8.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

  static func source(_ source: SourceReference?) -> String {
    guard let source else { return "null" }
    var fields = [
      ("document", string(source.document)), ("statement", string(source.statement)),
      ("label", string(source.label)), ("column", string(source.column)), ("line", String(source.line)),
    ]
    if let sentence = source.sentence { fields.append(("sentence", string(sentence))) }
    return object(fields)
  }

  static func explanation(_ node: Explanation) -> String {
    let renderer = OutputRenderer(format: .json)
    var fields = [("expression", string(node.expression))]
    fields += renderer.scalarFields(node.value)
    fields.append(("formula", node.formula.map(string) ?? "null"))
    fields.append(("source", source(node.source)))
    fields.append(("remarks", array(node.remarks.map(string))))
    fields.append(("children", array(node.children.map(explanation))))
    return object(fields)
  }
}
