import FSQCore

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - A 40-quarter report table, beside sqlite3's pivot of the same facts

/// One company with `items` income-statement lines over `quarters` quarters (2000 onwards),
/// each figure distinct, as facts: what a library of ten years of releases would hold.
func reportModel(items: Int, quarters: Int) -> Model {
  var facts: [Fact] = []
  for quarter in 0..<quarters {
    let year = 2000 + quarter / 4
    let q = quarter % 4 + 1
    let start = CivilDate(year: year, month: 3 * q - 2, day: 1)!
    let end = CivilDate(year: year, month: 3 * q, day: CivilDate.daysIn(month: 3 * q, year: year))!
    for item in 0..<items {
      let value = Decimal(1_000_000 + item * 10_000 + quarter * 37)
      let source = SourceReference(
        document: "synthetic.md", statement: "income statement", label: "Line \(item)", column: "Q\(q) \(year)",
        line: item + 1)
      facts.append(
        Fact(
          item: "line_\(item)", label: "Line \(item)", statement: .incomeStatement,
          period: ResolvedPeriod(start: start, end: end), value: value, unit: .currency("USD"), source: source))
    }
  }
  var model = Model()
  model.companies = [Company(id: "synth", name: "Synthetic Reports Inc.", facts: facts, documents: ["synthetic.md"])]
  return model
}

/// The report in fsq, and the same pivot in SQL (one row per item, one column per quarter).
func reportWorkload(items: Int, quarters: Int) -> (fsq: String, csv: String, sql: String) {
  let last = "q\((quarters - 1) % 4 + 1) \(2000 + (quarters - 1) / 4)"
  let fsq = "table items(income_statement) for q1 2000..\(last)"
  var csv = "item,period_end,value\n"
  var columns: [String] = []
  for quarter in 0..<quarters {
    let year = 2000 + quarter / 4
    let month = 3 * (quarter % 4 + 1)
    let end = "\(year)-\(month < 10 ? "0" : "")\(month)-\(CivilDate.daysIn(month: month, year: year))"
    columns.append("max(CASE WHEN period_end='\(end)' THEN value END)")
    for item in 0..<items { csv += "line_\(item),\(end),\(1_000_000 + item * 10_000 + quarter * 37)\n" }
  }
  let sql =
    "SELECT item, " + columns.joined(separator: ", ") + " FROM facts GROUP BY item ORDER BY min(rowid);"
  return (fsq, csv, sql)
}

/// Runs the report in process (evaluate and render as text, the median of `runs`) and the
/// pivot in sqlite3 with `.timer on` (its own query time, no process start-up): both sides
/// count only the work of the table. Returns (fsq seconds, sqlite3 seconds, rows agree).
func reportBenchmark(items: Int, quarters: Int, runs: Int, sqlite: String, folder: String) -> (Double, Double, Bool) {
  let model = reportModel(items: items, quarters: quarters)
  let (fsq, csv, sql) = reportWorkload(items: items, quarters: quarters)
  var times: [Double] = []
  var text = ""
  for _ in 0..<runs {
    let session = Session(model: model)
    let start = now()
    let result = session.run(fsq, origin: .commandLine)
    var renderer = OutputRenderer(format: .text)
    text = result.items.map { renderer.renderNext($0) }.joined()
    times.append(now() - start)
    if !result.diagnostics.isEmpty { fail("report table: \(result.diagnostics[0].message)") }
  }
  writeFile(folder + "/report.csv", csv)
  var script = "CREATE TABLE facts(item TEXT, period_end TEXT, value INTEGER);\n"
  script += ".import --csv --skip 1 \(folder)/report.csv facts\n.timer on\n"
  for _ in 0..<runs { script += sql + "\n" }
  writeFile(folder + "/report.sql", script)
  let run = spawn(
    [sqlite, ":memory:"], stdin: folder + "/report.sql", stdout: folder + "/report.out",
    stderr: folder + "/report.err")
  if run.status != 0 { fail("sqlite3 report: \(readFile(folder + "/report.err"))") }
  let output = readFile(folder + "/report.out")
  var sqliteTimes: [Double] = []
  var sqliteRows = 0
  for line in output.split(separator: "\n") {
    if line.hasPrefix("Run Time: real "), let seconds = Double(line.dropFirst(15).split(separator: " ")[0]) {
      sqliteTimes.append(seconds)
    } else if line.hasPrefix("line_") {
      sqliteRows += 1
    }
  }
  for name in ["report.csv", "report.sql", "report.out", "report.err"] { unlink(folder + "/" + name) }
  // fsq's table: a header, a rule, one line per item.
  let fsqRows = text.split(separator: "\n").count - 2
  let agree = fsqRows == items && sqliteRows == items * runs
  return (median(times), sqliteTimes.isEmpty ? .nan : median(sqliteTimes), agree)
}
