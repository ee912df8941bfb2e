import FSQCore
import FSQLibrary

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - The model library at scale (issue 15)

/// A synthetic quarterly release: company `company` (one of many, each its own ticker and name),
/// quarter `quarter` (0 = Q1 2000), with the same quarter a year earlier beside it. Figures tie
/// (gross profit, operating income, net income) and are the same in every release that prints
/// them, so a library of them holds no restatements.
func syntheticRelease(company: Int, quarter: Int) -> (name: String, text: String) {
  let names = ["First", "Second", "Third", "Fourth"]
  let months = ["March 31", "June 30", "September 30", "December 31"]
  let releaseMonths = ["April 28", "July 28", "October 28", "January 28"]
  let q = quarter % 4
  let year = 2000 + quarter / 4
  let tag = syntheticTicker(company)
  func figures(_ k: Int) -> [Int] {
    let revenue = 10_000 + company % 97 * 100 + k * 37
    let cost = revenue * 6 / 10
    let sga = revenue / 10
    let rd = revenue / 20
    let operating = revenue - cost - sga - rd
    let taxes = operating / 4
    return [revenue, cost, revenue - cost, sga, rd, sga + rd, operating, taxes, operating - taxes]
  }
  let now = figures(quarter)
  let before = figures(max(0, quarter - 4))
  let labels = [
    "Revenues", "Cost of revenues", "Gross profit", "Selling, general and administrative", "Research and development",
    "Total operating expenses", "Operating income", "Provision for income taxes", "Net income",
  ]
  func grouped(_ n: Int) -> String {
    n >= 1000 ? "\(n / 1000),\(String(n % 1000 + 1000).dropFirst())" : String(n)
  }
  var rows = ""
  for (index, label) in labels.enumerated() {
    let dollar = index == 0 || index == labels.count - 1 ? "$ " : ""
    rows += "| \(label) | \(dollar)\(grouped(now[index])) | \(dollar)\(grouped(before[index])) |\n"
  }
  let shares = 20_000 + company % 13
  rows += "| Diluted weighted average shares | \(grouped(shares)) | \(grouped(shares)) |\n"
  let releaseYear = q == 3 ? year + 1 : year
  let text = """
    # \(tag.prefix(1))\(tag.dropFirst().lowercased())ex Industries Reports \(names[q]) Quarter \(year) Results

    NEW YORK, \(releaseMonths[q]), \(releaseYear) -- \(tag.prefix(1))\(tag.dropFirst().lowercased())ex Industries Inc. (NYSE: \(tag)) today reported results for the \(names[q].lowercased()) quarter ended \(months[q]), \(year).

    ## Consolidated Statements of Operations

    *(in thousands, except share data)*

    | | Three Months Ended \(months[q]), | |
    |---|---:|---:|
    | | \(year) | \(year - 1) |
    \(rows)
    """
  return ("\(tag.lowercased())_q\(q + 1)_\(year).md", text)
}

/// Company k's ticker: four letters (AAAA, AAAB, …), as the importer reads tickers.
func syntheticTicker(_ company: Int) -> String {
  var letters: [Character] = []
  var k = company
  for _ in 0..<4 {
    letters.append(Character(UnicodeScalar(UInt8(65 + k % 26))))
    k /= 26
  }
  return String(letters.reversed())
}

/// Builds a library of `releases` synthetic releases (40 quarters per company) under `folder`,
/// in batches of 1,000 releases per `add`, and returns the seconds each batch took.
func buildLibrary(_ path: String, releases: Int, folder: String) -> [Double] {
  let library: Library
  do { library = try Library.openForChanges(path: path) } catch { fail("library: \(error.message)") }
  var times: [Double] = []
  var made = 0
  while made < releases {
    let batch = min(1_000, releases - made)
    let directory = folder + "/batch"
    mkdir(directory, 0o755)
    for k in made..<(made + batch) {
      let (name, text) = syntheticRelease(company: k / 40, quarter: k % 40)
      writeFile(directory + "/" + name, text)
    }
    let start = now()
    do {
      let outcome = try library.add(paths: [directory])
      if outcome.added.count != batch {
        fail("library: \(batch) releases, \(outcome.added.count) added; skipped \(outcome.skipped.prefix(3))")
      }
    } catch {
      fail("library: \(error.message)")
    }
    times.append(now() - start)
    for k in made..<(made + batch) { unlink(directory + "/" + syntheticRelease(company: k / 40, quarter: k % 40).name) }
    rmdir(directory)
    made += batch
  }
  return times
}

/// `fsq-bench --library N`: a library of N synthetic releases; its size, the time to add
/// releases, and a one-liner on it beside the same one-liner on the bundled model and
/// sqlite3's lookup of the same fact in the same file.
func libraryBenchmark(releases: Int, runs: Int, fsq: String, sqlite: String, folder: String) {
  let path = folder + "/library.sqlite"
  for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
  print("building a library of \(releases) synthetic releases (\(releases / 40) companies × 40 quarters)…")
  let batches = buildLibrary(path, releases: releases, folder: folder)
  var info = stat()
  stat(path, &info)
  let size = Double(info.st_size) / 1_048_576
  print("  size: \(fixed(size, 1)) MiB; adding: \(batches.count) batches of 1,000 releases")
  print(
    "  add 1,000 releases: first batch \(fixed(batches.first ?? 0, 2)) s, last batch \(fixed(batches.last ?? 0, 2)) s")
  // The last company, its last quarter: Q4 2009, revenue.
  let company = syntheticTicker(releases / 40 - 1).lowercased()
  let oneLiner = "\(company).revenue(q4 2009)"
  let sql =
    "SELECT value FROM fact WHERE company_id = '\(company)' AND item = 'revenue' AND period_start = '2009-10-01' AND period_end = '2009-12-31' LIMIT 1;"
  let commands: [(String, [String])] = [
    ("fsq on the library", [fsq, "--library", path, "-e", oneLiner]),
    ("fsq on the bundled model", [fsq, "--no-library", "-e", "revenue(q3 2009)"]),
    ("sqlite3 on the library", [sqlite, path, sql]),
  ]
  var times: [[Double]] = Array(repeating: [], count: commands.count)
  var outputs: [String] = Array(repeating: "", count: commands.count)
  for round in 0..<(runs + 1) {
    for k in 0..<commands.count {
      let index = (k + round) % commands.count
      let out = folder + "/one.out"
      let run = spawn(commands[index].1, stdout: out, stderr: folder + "/one.err")
      if run.status != 0 { fail("\(commands[index].0): \(readFile(folder + "/one.err"))") }
      outputs[index] = readFile(out)
      if round > 0 { times[index].append(run.seconds) }
    }
  }
  let library = median(times[0])
  let bundled = median(times[1])
  let peer = median(times[2])
  print(
    "  \(oneLiner): fsq printed \(outputs[0].split(separator: "\n").first ?? ""), sqlite3 \(outputs[2].split(separator: "\n").first ?? "")"
  )
  print(
    "  one-liner on the library \(ms(library)), on the bundled model \(ms(bundled)): \(fixed(library / bundled, 2))x (goal ≤ 2x)"
  )
  print("  sqlite3's lookup in the same file \(ms(peer)): fsq / sqlite3 = \(fixed(library / peer, 2))x")
  // A screen over every company, beside the same screen in SQL on the fact table.
  let screen = "screen revenue(q4 2009) > $10M order by revenue(q4 2009) desc limit 20"
  let screenSQL =
    "SELECT company_id, value FROM fact WHERE item = 'revenue' AND period_start = '2009-10-01' AND period_end = '2009-12-31' AND CAST(value AS INTEGER) > 10000000 GROUP BY company_id ORDER BY CAST(value AS INTEGER) DESC LIMIT 20;"
  var screenTimes: [[Double]] = [[], []]
  var screenOutputs = ["", ""]
  let screens: [[String]] = [[fsq, "--library", path, "-e", screen], [sqlite, path, screenSQL]]
  for round in 0..<min(runs, 5) + 1 {
    for k in 0..<2 {
      let out = folder + "/one.out"
      let run = spawn(screens[k], stdout: out, stderr: folder + "/one.err")
      if run.status != 0 { fail("screen: \(readFile(folder + "/one.err"))") }
      screenOutputs[k] = readFile(out)
      if round > 0 { screenTimes[k].append(run.seconds) }
    }
  }
  let fsqScreen = median(screenTimes[0])
  let sqlScreen = median(screenTimes[1])
  let fsqRows = screenOutputs[0].split(separator: "\n").count - 3
  let sqlRows = screenOutputs[1].split(separator: "\n").count
  print(
    "  \(screen): \(ms(fsqScreen)) over \(releases / 40) companies (\(fsqRows) rows); sqlite3's GROUP BY on the fact table \(ms(sqlScreen)) (\(sqlRows) rows): \(fixed(fsqScreen / sqlScreen, 1))x"
  )
  for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
  unlink(folder + "/one.out")
  unlink(folder + "/one.err")
}
