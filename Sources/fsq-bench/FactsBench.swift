import FSQCore
import Foundation
import ZIPFoundation

// MARK: - SEC company facts at scale (issue 16)

/// The concepts every synthetic filer files: duration concepts (income statement) and one
/// instant (total assets). Half the filers use the revenue concept companies adopted in 2018.
private let durationConcepts = [
  "Revenues", "CostOfRevenue", "GrossProfit", "OperatingIncomeLoss", "NetIncomeLoss", "EarningsPerShareDiluted",
  "WeightedAverageNumberOfDilutedSharesOutstanding",
]

/// One synthetic filer's figures: company `company`, fiscal year `year` (2014–2023), quarter
/// `quarter` (1–4) of it. Revenue grows and is seasonal; the rest follows from it.
struct SyntheticFiler {
  var company: Int
  var cik: Int { 1_000_000 + company }
  /// A quarter of the fiscal year ends in September for one filer in five, else in December.
  var yearEndMonth: Int { company % 5 == 0 ? 9 : 12 }
  var name: String {
    let first = ["Acme", "First", "United", "General", "National", "American", "Pacific", "Global", "Summit", "Apex"]
    let second = ["Industries", "Holdings", "Systems", "Brands", "Energy", "Foods", "Financial", "Devices", "Media"]
    return "\(first[company % first.count]) \(second[company / first.count % second.count]) \(company) Inc"
  }

  func revenue(_ year: Int, _ quarter: Int) -> Int {
    let base = (company % 97 + 3) * [1_000_000, 10_000_000, 100_000_000, 1_000_000_000][company % 4]
    let k = (year - 2014) * 4 + quarter - 1
    return base + base / 50 * k + base / 20 * (quarter == 4 ? 1 : 0)
  }

  func values(_ year: Int, quarters: ClosedRange<Int>) -> [String: String] {
    let revenue = quarters.reduce(0) { $0 + self.revenue(year, $1) }
    let grossPercent = 20 + company % 60
    let gross = revenue / 100 * grossPercent
    let operating = gross - revenue / 100 * 12
    let net = operating / 4 * 3
    let shares = (100 + company % 300) * 1_000_000
    // Diluted EPS in cents, rounded half up, as filed (two decimals).
    let cents = (net * 100 + shares / 2) / shares
    return [
      "Revenues": "\(revenue)", "CostOfRevenue": "\(revenue - gross)", "GrossProfit": "\(gross)",
      "OperatingIncomeLoss": "\(operating)", "NetIncomeLoss": "\(net)",
      "EarningsPerShareDiluted": String(format: "%d.%02d", cents / 100, cents % 100),
      "WeightedAverageNumberOfDilutedSharesOutstanding": "\(shares)",
    ]
  }

  /// The start and end of quarters `quarters` of fiscal year `year`.
  func dates(_ year: Int, _ quarters: ClosedRange<Int>) -> (start: String, end: String) {
    func monthEnd(_ k: Int) -> String {
      // Month k after the fiscal year's start (the month after the previous year end).
      let absolute = (year - 1) * 12 + (yearEndMonth - 1) + k
      let y = absolute / 12
      let m = absolute % 12 + 1
      let days = [31, y % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
      return String(format: "%04d-%02d-%02d", y, m, days)
    }
    func monthStart(_ k: Int) -> String {
      let absolute = (year - 1) * 12 + (yearEndMonth - 1) + k
      return String(format: "%04d-%02d-01", absolute / 12, absolute % 12 + 1)
    }
    return (monthStart((quarters.lowerBound - 1) * 3 + 1), monthEnd(quarters.upperBound * 3))
  }

  /// The company-facts JSON: for each fiscal year 2014–2023, three 10-Qs (the quarter, the
  /// year to date, and both a year earlier) and a 10-K (three years), each with total assets
  /// at its date and at the last year end, as the SEC's files repeat every figure in the
  /// filings that compare with it. No 10-K files the fourth quarter alone: fsq derives it.
  func json() -> String {
    var rows: [String: [String]] = [:]
    func add(_ concept: String, _ start: String?, _ end: String, _ value: String, _ filing: Filing) {
      var row = start.map { "{\"start\":\"\($0)\"," } ?? "{"
      row +=
        "\"end\":\"\(end)\",\"val\":\(value),\"accn\":\"\(filing.accession)\",\"fy\":\(filing.year),\"fp\":\"\(filing.period)\",\"form\":\"\(filing.form)\",\"filed\":\"\(filing.filed)\"}"
      rows[concept, default: []].append(row)
    }
    var sequence = 0
    for year in 2014...2023 {
      for quarter in 1...4 {
        sequence += 1
        let end = dates(year, quarter...quarter).end
        let filed = String(end.prefix(8)) + "28"
        let filing = Filing(
          accession: String(format: "%010d-%02d-%06d", cik, year % 100, sequence), year: year,
          period: quarter == 4 ? "FY" : "Q\(quarter)", form: quarter == 4 ? "10-K" : "10-Q",
          filed: Self.monthsLater(filed, quarter == 4 ? 2 : 1))
        var periods: [(Int, ClosedRange<Int>)] = []
        if quarter == 4 {
          periods = [(year, 1...4), (year - 1, 1...4), (year - 2, 1...4)]
        } else {
          periods = [(year, quarter...quarter), (year - 1, quarter...quarter)]
          if quarter > 1 { periods += [(year, 1...quarter), (year - 1, 1...quarter)] }
        }
        for (y, quarters) in periods where y >= 2013 {
          let span = dates(y, quarters)
          let values = values(y, quarters: quarters)
          for concept in durationConcepts {
            var name = concept
            if concept == "Revenues", company % 2 == 1, y >= 2018 {
              name = "RevenueFromContractWithCustomerExcludingAssessedTax"
            }
            add(name, span.start, span.end, values[concept]!, filing)
          }
        }
        for (y, q) in [(year, quarter), (year - 1, 4)] where y >= 2013 {
          add("Assets", nil, dates(y, q...q).end, "\(revenue(y, q) * 3)", filing)
        }
      }
    }
    var concepts: [String] = []
    for (concept, list) in rows.sorted(by: { $0.key < $1.key }) {
      let unit =
        concept == "EarningsPerShareDiluted"
        ? "USD/shares" : concept == "WeightedAverageNumberOfDilutedSharesOutstanding" ? "shares" : "USD"
      concepts.append(
        "\"\(concept)\":{\"label\":\"\(concept)\",\"description\":\"synthetic\",\"units\":{\"\(unit)\":[\(list.joined(separator: ","))]}}"
      )
    }
    return
      "{\"cik\":\(cik),\"entityName\":\"\(name)\",\"facts\":{\"us-gaap\":{\(concepts.joined(separator: ","))}}}"
  }

  struct Filing {
    var accession: String
    var year: Int
    var period: String
    var form: String
    var filed: String
  }

  static func monthsLater(_ date: String, _ months: Int) -> String {
    let parts = date.split(separator: "-").compactMap { Int($0) }
    let absolute = parts[0] * 12 + parts[1] - 1 + months
    return String(format: "%04d-%02d-%02d", absolute / 12, absolute % 12 + 1, parts[2])
  }
}

/// Writes `companies` synthetic company-facts files into one ZIP archive, as the SEC's bulk
/// `companyfacts.zip` is (CIK##########.json per filer). Returns the uncompressed bytes.
func writeFactsArchive(_ path: String, companies: Int) -> Int {
  unlink(path)
  let archive: Archive
  do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create) } catch {
    fail("cannot create \(path): \(error)")
  }
  var total = 0
  for company in 0..<companies {
    let filer = SyntheticFiler(company: company)
    let data = Data(filer.json().utf8)
    total += data.count
    do {
      try archive.addEntry(
        with: String(format: "CIK%010d.json", filer.cik), type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    } catch {
      fail("cannot write \(path): \(error)")
    }
  }
  return total
}

/// `fsq-bench --facts N`: N synthetic filers × 40 quarters in the SEC's bulk company-facts
/// format, imported into a new library by `fsq library add` (time and peak memory of that
/// process), then a screen over every company beside the same screen in SQL on the library's
/// fact table (sqlite3), both run in the same way, and their ratio.
func factsBenchmark(companies: Int, runs: Int, fsq: String, sqlite: String, folder: String, keep: Bool) {
  let archive = folder + "/companyfacts.zip"
  let library = folder + "/facts-library.sqlite"
  print("company facts at scale: \(companies) synthetic filers × 40 quarters, as the SEC's bulk archive")
  var info = stat()
  if keep, stat(library, &info) == 0 {
    print("  the library of an earlier run with --keep: screens only")
  } else {
    buildFactsLibrary(
      companies: companies, fsq: fsq, sqlite: sqlite, folder: folder, archive: archive, library: library)
  }

  let screen =
    "screen margin(fy2023) > 40% and revenue(fy2023) > $1bn order by revenue(fy2023) desc limit 20"
  // The same screen in SQL: each filer's fiscal 2023 revenue and gross profit (the figure of
  // the latest filing: SQLite's max() picks the row's value), gross margin over 40%, revenue
  // over $1bn, the 20 largest; the facts found by the library's index on (item, period_end).
  let sql = """
    WITH fy AS (
      SELECT company_id, item, value, document_id FROM fact
      WHERE item IN ('revenue', 'gross_profit') AND period_end BETWEEN '2023-01-01' AND '2023-12-31'
        AND period_start IS NOT NULL AND julianday(period_end) - julianday(period_start) > 350),
    latest AS (SELECT company_id, item, value, max(document_id) FROM fy GROUP BY company_id, item),
    pivot AS (
      SELECT company_id, max(CASE WHEN item = 'revenue' THEN CAST(value AS REAL) END) AS revenue,
        max(CASE WHEN item = 'gross_profit' THEN CAST(value AS REAL) END) AS gross
      FROM latest GROUP BY company_id)
    SELECT company_id, revenue FROM pivot WHERE revenue > 1e9 AND gross > 0.4 * revenue
    ORDER BY revenue DESC LIMIT 20;
    """
  let commands: [[String]] = [[fsq, "--library", library, "-e", screen], [sqlite, library, sql]]
  var times: [[Double]] = [[], []]
  var outputs = ["", ""]
  var peak = 0
  for round in 0..<(runs + 1) {
    for k in 0..<2 {
      let run = spawn(commands[k], stdout: folder + "/screen.out", stderr: folder + "/screen.err")
      if run.status != 0 { fail("screen: \(readFile(folder + "/screen.err"))") }
      outputs[k] = readFile(folder + "/screen.out")
      if round > 0 { times[k].append(run.seconds) }
      if k == 0 { peak = max(peak, run.maxRSSKiB) }
    }
  }
  let fsqIDs = outputs[0].split(separator: "\n").dropFirst(2).dropLast().map { $0.split(separator: " ").first ?? "" }
  let sqlIDs = outputs[1].split(separator: "\n").map { $0.split(separator: "|").first ?? "" }
  print("  \(screen)")
  print(
    "    fsq: \(ms(median(times[0]))) (\(outputs[0].split(separator: "\n").last ?? ""); peak memory \(peak / 1024) MiB)"
  )
  print("    sqlite3, the same screen in SQL on the fact table: \(ms(median(times[1])))")
  print(
    "    fsq / sqlite3 = \(fixed(median(times[0]) / median(times[1]), 2))x; the same 20 companies in the same order: \(fsqIDs == sqlIDs ? "yes" : "NO")"
  )
  if fsqIDs != sqlIDs { print("    fsq: \(fsqIDs.prefix(5))…\n    sql: \(sqlIDs.prefix(5))…") }
  if keep { return }
  for suffix in ["", "-wal", "-shm"] { unlink(library + suffix) }
  for file in ["add.out", "add.err", "count.out", "count.err", "screen.out", "screen.err", "companyfacts.zip"] {
    unlink(folder + "/" + file)
  }
}

/// The archive and the library of `factsBenchmark`: their sizes, and `fsq library add`'s time and
/// peak memory.
func buildFactsLibrary(companies: Int, fsq: String, sqlite: String, folder: String, archive: String, library: String) {
  for suffix in ["", "-wal", "-shm"] { unlink(library + suffix) }
  var start = now()
  let bytes = writeFactsArchive(archive, companies: companies)
  var info = stat()
  stat(archive, &info)
  print(
    "  archive: \(fixed(Double(info.st_size) / 1_048_576, 1)) MiB (\(fixed(Double(bytes) / 1_048_576, 1)) MiB of JSON), written in \(fixed(now() - start, 1)) s"
  )
  start = now()
  let add = spawn(
    [fsq, "library", "add", "--library", library, archive], stdout: folder + "/add.out", stderr: folder + "/add.err")
  if add.status != 0 { fail("fsq library add: \(readFile(folder + "/add.err"))") }
  stat(library, &info)
  let facts = (try? String(contentsOfFile: folder + "/add.out", encoding: .utf8))?.split(separator: "\n").first ?? ""
  print(
    "  import: \(fixed(add.seconds, 1)) s, peak memory \(fixed(Double(add.maxRSSKiB) / 1024, 0)) MiB, library \(fixed(Double(info.st_size) / 1_048_576, 0)) MiB (\(facts))"
  )
  let count = spawn(
    [sqlite, library, "SELECT count(*) FROM fact;"], stdout: folder + "/count.out", stderr: folder + "/count.err")
  if count.status == 0 {
    print("  facts in the library: \(readFile(folder + "/count.out").trimmingCharacters(in: .whitespacesAndNewlines))")
  }
}
