import FSQCore

// MARK: - The same figures for fsq and for sqlite3

/// The bundled model's facts as CSV, through fsq's own export (`fsq --export csv`).
func factsCSV(_ model: Model) -> String { FactExport.csv(model) }

/// The sqlite3 side: a facts table loaded from the CSV, indexed for the lookups below.
enum SQL {
  static func setup(csvPath: String) -> String {
    """
    CREATE TABLE facts(company TEXT, item TEXT, label TEXT, period_start TEXT, period_end TEXT,
                       value REAL, unit TEXT, source TEXT, statement TEXT, section TEXT, \"column\" TEXT);
    .import --csv --skip 1 \(csvPath) facts
    CREATE INDEX facts_lookup ON facts(company, item, period_start, period_end);
    SELECT count(*) FROM facts;

    """
  }

  /// One reported figure. The model can hold the same figure twice (the seed's statement of
  /// operations is printed twice), hence LIMIT 1.
  static func figure(_ item: String, _ period: (start: String, end: String)) -> String {
    "(SELECT value FROM facts WHERE company='fsnn' AND item='\(item)' AND period_start='\(period.start)'"
      + " AND period_end='\(period.end)' LIMIT 1)"
  }

  static let q3_2009 = (start: "2009-07-01", end: "2009-09-30")
  static let q3_2008 = (start: "2008-07-01", end: "2008-09-30")

  /// `margin(q3 2009) - margin(q3 2008)` as one SELECT, printed the way fsq prints it.
  static var oneLiner: String {
    func margin(_ p: (start: String, end: String)) -> String {
      "(\(figure("revenue", p)) - \(figure("cost_of_revenue", p))) / \(figure("revenue", p))"
    }
    return "SELECT printf('%+.2f pp', 100.0 * (\(margin(q3_2009)) - \(margin(q3_2008))));"
  }

  /// `revenue(P) - cost_of_revenue(P)` as one SELECT.
  static func grossProfit(_ p: (start: String, end: String)) -> String {
    "SELECT printf('$%,d', \(figure("revenue", p)) - \(figure("cost_of_revenue", p)));"
  }
}

/// The fsq one-liner.
let oneLinerExpression = "margin(q3 2009) - margin(q3 2008)"

/// The 20,000-statement script and its SQL twin, alternating two quarters so neither side can
/// answer every statement from one cached result.
func grossProfitWorkload(statements: Int) -> (fsq: String, sql: String) {
  var fsq = ""
  var sql = ""
  let periods = [("q3 2009", SQL.q3_2009), ("q3 2008", SQL.q3_2008)]
  let sqlLines = periods.map { SQL.grossProfit($0.1) + "\n" }
  let fsqLines = periods.map { "revenue(\($0.0)) - cost_of_revenue(\($0.0))\n" }
  for index in 0..<statements {
    fsq += fsqLines[index % 2]
    sql += sqlLines[index % 2]
  }
  return (fsq, sql)
}

/// Numbers as both programs print them ("+2.13 pp", "$11,853,020", "$-1,234") reduced to a
/// plain decimal string, so the two outputs can be compared line by line.
func normalizedNumber(_ line: Substring) -> String {
  var sign = ""
  var digits = ""
  for character in line {
    if character == "-" { sign = "-" } else if character.isNumber || character == "." { digits.append(character) }
  }
  return sign + digits
}

// MARK: - Lexer and parser input

/// A script of about `bytes` bytes of varied, valid fsq: bindings, definitions, assertions,
/// tables, comments, every literal form.
func lexerWorkload(bytes: Int) -> String {
  let block = [
    "# gross profit and margin, quarter on quarter\n",
    "let p{N} = q3 2009\n",
    "revenue(q3 2009) - cost_of_revenue(q3 2009)\n",
    "margin(q3 2009) - margin(q3 2008)   # +2.13 pp\n",
    "def gm{N}(p) = gross_profit(p) / revenue(p)\n",
    "assert revenue(q3 2009) > $11.8M, \"revenue above $11.8M\"\n",
    "table revenue, cost_of_revenue, margin for q3 2009, q3 2008\n",
    "growth(revenue, q3 2009) * 100 + 8.3% - 2.2pp; current_ratio(2009-09-30) >= 0.29x and not false\n",
    "(ebitda(fy2008) + 1.5k * 2 - 11_853_020 / 3) ^ 2 <= 2.1bn or net_margin(9m 2009) != -0.5%\n",
    "eps(q3 2009) == -$0.03 and working_capital(2009-09-30) < $0\n",
  ]
  var out = ""
  out.reserveCapacity(bytes + 256)
  var index = 0
  while out.utf8.count < bytes {
    for line in block { out += line.replacing("{N}", with: String(index)) }
    index += 1
  }
  return out
}

// MARK: - A library of releases

/// `count` releases made from the seed's Q3 text: another company name and ticker each, and
/// every table figure scaled by 1% to 29%, so no two are alike.
func releaseLibrary(count: Int, template: String) -> [(name: String, bytes: [UInt8])] {
  let names = [
    "Aurora", "Beacon", "Cobalt", "Dynamo", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper",
    "Kestrel", "Lumen", "Meridian", "Nimbus", "Orbit", "Pioneer", "Quartz", "Radiant", "Summit", "Tidal",
  ]
  var library: [(name: String, bytes: [UInt8])] = []
  for index in 0..<count {
    let name = names[index % names.count] + (index < names.count ? "" : String(index / names.count))
    var ticker = ""
    var n = index
    for _ in 0..<4 {
      ticker.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(n % 26))))
      n /= 26
    }
    let percent = 101 + index % 29
    var text = ""
    text.reserveCapacity(template.utf8.count + 1024)
    for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = String(line)
      line = line.replacing("Fusion", with: name).replacing("FUSION", with: name.uppercased())
        .replacing("FSNN", with: "Q" + ticker)
      if line.hasPrefix("|") { line = scaleFigures(line, percent: percent) }
      text += line
      text += "\n"
    }
    text.removeLast()
    library.append((name: "release_\(index).md", bytes: Array(text.utf8)))
  }
  return library
}

/// Scales grouped figures ("11,853,020") in a table row by `percent`/100, keeping the grouping.
/// Years and other ungrouped numbers stay as they are.
func scaleFigures(_ line: String, percent: Int) -> String {
  let bytes = Array(line.utf8)
  var out: [UInt8] = []
  out.reserveCapacity(bytes.count + 8)
  var i = 0
  func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
  while i < bytes.count {
    guard isDigit(bytes[i]), i == 0 || !isDigit(bytes[i - 1]) && bytes[i - 1] != 0x2C && bytes[i - 1] != 0x2E else {
      out.append(bytes[i])
      i += 1
      continue
    }
    // A run of digits and single commas between groups of three digits.
    var j = i
    var value = 0
    var grouped = false
    while j < bytes.count {
      if isDigit(bytes[j]) {
        value = value * 10 + Int(bytes[j] - 0x30)
        j += 1
      } else if bytes[j] == 0x2C, j + 3 < bytes.count + 0, j + 3 <= bytes.count,
        isDigit(bytes[j + 1]), isDigit(bytes[j + 2]), isDigit(bytes[j + 3]),
        j + 4 == bytes.count || !isDigit(bytes[j + 4])
      {
        grouped = true
        j += 1
      } else {
        break
      }
    }
    let followedByDecimal = j < bytes.count && bytes[j] == 0x2E
    if grouped && !followedByDecimal {
      out.append(contentsOf: grouping(value * percent / 100).utf8)
    } else {
      out.append(contentsOf: bytes[i..<j])
    }
    i = j
  }
  return String(decoding: out, as: UTF8.self)
}

func grouping(_ value: Int) -> String {
  let digits = Array(String(value))
  var out = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
    out.append(digit)
  }
  return out
}
