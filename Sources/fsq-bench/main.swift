import FSQCore
import FSQTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// fsq-bench: fsq against sqlite3 on the same figures, run alternately, and the core in process.
// Run it with Scripts/bench (release build). `--quick` is a smoke test with tiny sizes, which is
// what `swift test` runs; its timings mean nothing.

let usage = """
  usage: fsq-bench [--quick] [--runs N] [--fsq PATH] [--sqlite3 PATH] [--keep DIR]

    --quick        tiny sizes and few runs: checks that everything runs and agrees
    --runs N       runs of each process benchmark per program (default 21)
    --fsq PATH     the fsq to measure (default: the fsq next to this executable)
    --sqlite3 PATH sqlite3 (default: /usr/bin/sqlite3, else sqlite3 on PATH)
    --keep DIR     write the work files (facts.csv, facts.db, scripts) to DIR and keep them
    --in-process   only the in-process parts (3 and 4): lexer, parser and importer
    --corpus       only the real-release corpus (Tests/Corpus): accuracy per document and
                   the whole corpus's import time
    --seed N       only the seed release's import, N times on two threads and N on one,
                   alternately (the medians): for a profiler
    --check        only check over the corpus: findings per document and the mutation
                   detection rate, with every mutation not caught (the full run prints the
                   rate too)
    --report       only the report table (30 items × 40 quarters) beside sqlite3's pivot
    --library N    only the model library: N synthetic releases (40 quarters per company)
                   added in batches of 1,000; the file's size, the time to add 1,000, and a
                   one-liner on it beside the bundled model's and sqlite3's same lookup
    --facts N      only SEC company facts at scale: N synthetic filers × 40 quarters in one
                   ZIP archive (the SEC's bulk format) imported by `fsq library add` (time,
                   peak memory), then a screen over every company beside the same screen
                   in SQL (sqlite3) on the library (issue 16 asks for 10000)
    --scaling      only the scaling harness: each hostile input family at 1x, 10x and 100x,
                   time and peak memory with their growth; exit 1 if any grows more than 20x
                   per 10x (the full run prints it too)

  """

var quick = false
var inProcessOnly = false
var corpusOnly = false
var checkOnly = false
var scalingOnly = false
var reportOnly = false
var seedRuns: Int?
var libraryReleases: Int?
var factsCompanies: Int?
var runs: Int?
var fsqPath = executableFolder() + "/fsq"
var sqlitePath = "/usr/bin/sqlite3"
var keepFolder: String?
do {
  var arguments = CommandLine.arguments.dropFirst()
  func value(_ option: String) -> String {
    guard let value = arguments.popFirst() else { fail("\(option) needs a value\n\(usage)") }
    return value
  }
  while let argument = arguments.popFirst() {
    switch argument {
    case "--quick": quick = true
    case "--in-process": inProcessOnly = true
    case "--corpus": corpusOnly = true
    case "--check": checkOnly = true
    case "--scaling": scalingOnly = true
    case "--report": reportOnly = true
    case "--seed":
      guard let count = Int(value(argument)), count > 0 else { fail("--seed needs a positive number") }
      seedRuns = count
    case "--library":
      guard let count = Int(value(argument)), count >= 40 else { fail("--library needs a number of releases ≥ 40") }
      libraryReleases = count
    case "--facts":
      guard let count = Int(value(argument)), count >= 2 else { fail("--facts needs a number of filers ≥ 2") }
      factsCompanies = count
    case "--runs":
      guard let count = Int(value(argument)), count > 0 else { fail("--runs needs a positive number") }
      runs = count
    case "--fsq": fsqPath = value(argument)
    case "--sqlite3": sqlitePath = value(argument)
    case "--keep": keepFolder = value(argument)
    case "-h", "--help":
      print(usage, terminator: "")
      exit(0)
    default: fail("unknown argument '\(argument)'\n\(usage)")
    }
  }
}

// MARK: The real-release corpus

/// Imports every corpus document (accuracy per document) and times the whole corpus's import.
func corpusBenchmark(runs: Int, printReport: Bool) -> Double {
  let documents: [Corpus.Document]
  do { documents = try Corpus.documents() } catch { fail("cannot read the corpus: \(error)") }
  if printReport { print(Corpus.report(documents.map(Corpus.score), verbose: true), terminator: "") }
  let bytes = documents.compactMap { try? Corpus.bytes($0) }
  var times: [Double] = []
  for _ in 0..<runs {
    let start = now()
    for (document, data) in zip(documents, bytes) {
      _ = try? ReleaseImporter.importRelease(bytes: data, documentName: document.name)
    }
    times.append(now() - start)
  }
  let total = bytes.reduce(0) { $0 + $1.count }
  let time = median(times)
  print(
    "corpus import: \(documents.count) documents, \(total / 1024) KiB, \(fixed(time * 1000, 1)) ms (median of \(runs))")
  return time
}
if let seedRuns {
  let seed = ReleaseImporter.bundledReleases[0]
  let bytes = Array(seed.text.utf8)
  // Two threads and one, alternately.
  var times: [Double] = []
  var oneThread: [Double] = []
  for _ in 0..<seedRuns {
    var start = now()
    _ = try? ReleaseImporter.importRelease(bytes: bytes, documentName: seed.name)
    times.append(now() - start)
    start = now()
    _ = try? ReleaseImporter.importRelease(bytes: bytes, documentName: seed.name, threads: false)
    oneThread.append(now() - start)
  }
  print("seed import: \(ms(median(times))), on one thread \(ms(median(oneThread))) (medians of \(seedRuns))")
  exit(0)
}
if corpusOnly {
  _ = corpusBenchmark(runs: quick ? 1 : 5, printReport: true)
  exit(0)
}
if checkOnly {
  _ = corpusCheckReport(verbose: true)
  exit(0)
}

if !isExecutable(sqlitePath) {
  if let path = getenv("PATH").map({ String(cString: $0) }),
    let found = path.split(separator: ":").map({ "\($0)/sqlite3" }).first(where: isExecutable)
  {
    sqlitePath = found
  } else {
    fail("sqlite3 not found; install it (apt-get install sqlite3) or pass --sqlite3 PATH")
  }
}
if !isExecutable(fsqPath) { fail("fsq not found at \(fsqPath); build it (swift build -c release) or pass --fsq PATH") }

let processRuns = runs ?? (quick ? 3 : 21)
let scriptStatements = quick ? 200 : 20_000
let lexerBytes = quick ? 100_000 : 10_000_000
let libraryCount = quick ? 10 : 1_000

// MARK: Work folder

let folder: String
if let keepFolder {
  mkdir(keepFolder, 0o755)
  folder = keepFolder
} else {
  var template = Array("/tmp/fsq-bench.XXXXXX".utf8CString)
  guard let made = mkdtemp(&template) else { fail("cannot create a work folder in /tmp") }
  folder = String(cString: made)
}
func path(_ name: String) -> String { folder + "/" + name }
var mismatches: [String] = []
if reportOnly {
  let (fsq, sqlite, agree) = reportBenchmark(items: 30, quarters: 40, runs: 51, sqlite: sqlitePath, folder: folder)
  print(
    "report table 30 × 40: fsq \(ms(fsq)), sqlite3 \(ms(sqlite)), ratio \(fixed(fsq / sqlite, 2))x, rows agree: \(agree)"
  )
  exit(agree ? 0 : 1)
}
if let factsCompanies {
  factsBenchmark(
    companies: factsCompanies, runs: runs ?? 5, fsq: fsqPath, sqlite: sqlitePath, folder: folder,
    keep: keepFolder != nil)
  exit(0)
}
if let libraryReleases {
  libraryBenchmark(releases: libraryReleases, runs: runs ?? 21, fsq: fsqPath, sqlite: sqlitePath, folder: folder)
  exit(0)
}
if scalingOnly {
  let linear = scalingReport(fsq: fsqPath, folder: folder, quick: quick)
  exit(linear ? 0 : 1)
}

// MARK: Machine

func cpuModel() -> String {
  for line in readFile("/proc/cpuinfo").split(separator: "\n") where line.hasPrefix("model name") {
    if let colon = line.firstIndex(of: ":") { return line[line.index(after: colon)...].trimmingPrefix(" ").description }
  }
  return "unknown CPU"
}
let sqliteVersion = { () -> String in
  _ = spawn([sqlitePath, "--version"], stdout: path("version.out"), stderr: path("version.err"))
  return String(readFile(path("version.out")).split(separator: " ").first ?? "?")
}()
print("fsq-bench\(quick ? " --quick (sizes too small for the figures to mean anything)" : "")")
print("machine: \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores, \(cpuModel()); sqlite3 \(sqliteVersion)")
print("fsq: \(fsqPath)")
print("runs: \(processRuns) of each program, alternating; figures are medians\n")

// MARK: Prepare the same figures for both

let model = Model.bundledModel()
writeFile(path("facts.csv"), factsCSV(model))
unlink(path("facts.db"))
writeFile(path("setup.sql"), SQL.setup(csvPath: path("facts.csv")))
let setup = spawn(
  [sqlitePath, path("facts.db")], stdin: path("setup.sql"), stdout: path("setup.out"), stderr: path("setup.err"))
if setup.status != 0 { fail("sqlite3 could not load the facts: \(readFile(path("setup.err")))") }
let factCount = model.companies.reduce(0) { $0 + $1.facts.count }
print("prepared \(factCount) facts of \(model.companies.count) company from the bundled model: facts.csv → facts.db\n")

// MARK: Alternating process benchmark

struct Pair {
  var fsq: [ChildRun] = []
  var sqlite: [ChildRun] = []
  var fsqOutput = ""
  var sqliteOutput = ""
}

/// Runs fsq and sqlite3 alternately (which goes first alternates too), after one warm-up each.
@MainActor func alternate(fsq: [String], fsqStdin: String? = nil, sqlite: [String], sqliteStdin: String? = nil) -> Pair
{
  var pair = Pair()
  func runFSQ() -> ChildRun {
    let run = spawn(fsq, stdin: fsqStdin, stdout: path("fsq.out"), stderr: path("fsq.err"))
    if run.status != 0 { fail("fsq exited with \(run.status): \(readFile(path("fsq.err")))") }
    return run
  }
  func runSQLite() -> ChildRun {
    let run = spawn(sqlite, stdin: sqliteStdin, stdout: path("sqlite.out"), stderr: path("sqlite.err"))
    if run.status != 0 { fail("sqlite3 exited with \(run.status): \(readFile(path("sqlite.err")))") }
    return run
  }
  _ = runFSQ()
  _ = runSQLite()
  for index in 0..<processRuns {
    if index % 2 == 0 {
      pair.fsq.append(runFSQ())
      pair.sqlite.append(runSQLite())
    } else {
      pair.sqlite.append(runSQLite())
      pair.fsq.append(runFSQ())
    }
  }
  pair.fsqOutput = readFile(path("fsq.out"))
  pair.sqliteOutput = readFile(path("sqlite.out"))
  return pair
}

/// Checks that both printed the same numbers, line by line.
@MainActor func compare(_ what: String, _ pair: Pair, expectedLines: Int) {
  let a = pair.fsqOutput.split(separator: "\n")
  let b = pair.sqliteOutput.split(separator: "\n")
  if a.count != expectedLines || b.count != expectedLines {
    mismatches.append("\(what): fsq printed \(a.count) lines, sqlite3 \(b.count), expected \(expectedLines)")
    return
  }
  for (index, (x, y)) in zip(a, b).enumerated() where normalizedNumber(x) != normalizedNumber(y) {
    mismatches.append("\(what), line \(index + 1): fsq printed '\(x)', sqlite3 '\(y)'")
    return
  }
  print(
    "  fsq and sqlite3 agree on all \(expectedLines) result\(expectedLines == 1 ? "" : "s") (first: fsq '\(a[0])', sqlite3 '\(b[0])')"
  )
}

struct Row {
  var name: String
  var fsq: String
  var sqlite: String
  var ratio: String
  var target: String
  var met: Bool?
}
var rows: [Row] = []

func ms(_ seconds: Double) -> String { fixed(seconds * 1000, 2) + " ms" }

// 1. The one-liner.
var oneRuns: Pair?
if !inProcessOnly {
  print("1. one-liner: fsq -e '\(oneLinerExpression)'  vs  sqlite3 facts.db \"SELECT …\"")
  let one = alternate(
    fsq: [fsqPath, "--no-library", "-e", oneLinerExpression], sqlite: [sqlitePath, path("facts.db"), SQL.oneLiner])
  compare("one-liner", one, expectedLines: 1)
  let oneFSQ = median(one.fsq.map(\.seconds))
  let oneSQLite = median(one.sqlite.map(\.seconds))
  rows.append(
    Row(
      name: "one-liner, wall", fsq: ms(oneFSQ), sqlite: ms(oneSQLite), ratio: fixed(oneFSQ / oneSQLite, 2) + "x",
      target: "≤ 1.5x", met: oneFSQ / oneSQLite <= 1.5))

  // 2. The script.
  let (fsqScript, sqlScript) = grossProfitWorkload(statements: scriptStatements)
  writeFile(path("script.fsq"), fsqScript)
  writeFile(path("queries.sql"), sqlScript)
  print("2. script: fsq script.fsq (\(scriptStatements) statements)  vs  sqlite3 facts.db < queries.sql")
  let script = alternate(
    fsq: [fsqPath, "--no-library", path("script.fsq")], sqlite: [sqlitePath, path("facts.db")],
    sqliteStdin: path("queries.sql"))
  compare("script", script, expectedLines: scriptStatements)
  let scriptFSQ = median(script.fsq.map(\.seconds))
  let scriptSQLite = median(script.sqlite.map(\.seconds))
  oneRuns = one
  rows.append(
    Row(
      name: "\(scriptStatements)-statement script, wall", fsq: ms(scriptFSQ), sqlite: ms(scriptSQLite),
      ratio: fixed(scriptFSQ / scriptSQLite, 2) + "x", target: "≤ 0.25x", met: scriptFSQ / scriptSQLite <= 0.25))
}

// 3. Lexer and parser, in process.
let lexerText = lexerWorkload(bytes: lexerBytes)
let lexerSource = SourceFile(name: "bench.fsq", text: lexerText)
let lexerMB = Double(lexerSource.bytes.count) / 1_000_000
print("3. lexing and parsing \(fixed(lexerMB, 1)) MB of generated fsq, in process")
let check = Parser.parse(lexerSource)
if !check.diagnostics.isEmpty {
  mismatches.append("lexer workload: \(check.diagnostics.count) diagnostics, first: \(check.diagnostics[0].message)")
}
print("  \(check.statements.count) statements, no diagnostics: \(check.diagnostics.isEmpty)")
var lexTimes: [Double] = []
var parseTimes: [Double] = []
for _ in 0..<(quick ? 2 : 7) {
  let source = SourceFile(name: "bench.fsq", bytes: lexerSource.bytes)
  var start = now()
  var lexer = Lexer(source: source)
  let tokens = lexer.tokenize()
  lexTimes.append(now() - start)
  precondition(tokens.count > 1)
  start = now()
  let program = Parser.parse(source)
  parseTimes.append(now() - start)
  precondition(program.statements.count == check.statements.count)
}
let lexRate = lexerMB / median(lexTimes)
let parseRate = lexerMB / median(parseTimes)
rows.append(Row(name: "lexer alone", fsq: fixed(lexRate, 0) + " MB/s", sqlite: "", ratio: "", target: "", met: nil))
rows.append(
  Row(
    name: "lexer + parser", fsq: fixed(parseRate, 0) + " MB/s", sqlite: "", ratio: "", target: "≥ 100 MB/s",
    met: parseRate >= 100))

// 3b. A report table: 30 items over 40 quarters, evaluated and rendered, beside sqlite3's pivot.
print("3b. report table: table items(income_statement) for q1 2000..q4 2009 (30 items × 40 quarters), in process")
let (reportFSQ, reportSQLite, reportAgree) = reportBenchmark(
  items: 30, quarters: 40, runs: quick ? 3 : 51, sqlite: sqlitePath, folder: folder)
if !reportAgree { mismatches.append("report table: fsq and sqlite3 did not both give 30 rows") }
print("  fsq renders 30 rows, sqlite3 selects 30 rows (its own .timer, no start-up)")
rows.append(
  Row(
    name: "report table 30 × 40", fsq: ms(reportFSQ), sqlite: ms(reportSQLite),
    ratio: fixed(reportFSQ / reportSQLite, 2) + "x", target: "< 5 ms", met: reportFSQ < 0.005))

// 4. Importing, in process.
let seeds = ReleaseImporter.bundledReleases
let seedBytes = seeds.map { Array($0.text.utf8) }
print(
  "4. importing the seed release \(seeds[0].name) (\(seedBytes[0].count) bytes) and \(libraryCount) generated releases, in process"
)
var seedTimes: [Double] = []
var seedOneThreadTimes: [Double] = []
var bundledTimes: [Double] = []
var snapshotTimes: [Double] = []
for _ in 0..<(quick ? 3 : 200) {
  var start = now()
  let company = try! ReleaseImporter.importRelease(bytes: seedBytes[0], documentName: seeds[0].name)
  seedTimes.append(now() - start)
  precondition(!company.facts.isEmpty)
  start = now()
  _ = try! ReleaseImporter.importRelease(bytes: seedBytes[0], documentName: seeds[0].name, threads: false)
  seedOneThreadTimes.append(now() - start)
  start = now()
  let bundled = ReleaseImporter.importBundledReleases()
  bundledTimes.append(now() - start)
  precondition(bundled.companies.count == 1)
  start = now()
  let snapshot = Model.bundledModel()
  snapshotTimes.append(now() - start)
  precondition(snapshot.companies.count == 1)
}
let seedTime = median(seedTimes)
rows.append(Row(name: "seed import", fsq: ms(seedTime), sqlite: "", ratio: "", target: "< 1 ms", met: seedTime < 0.001))
rows.append(
  Row(name: "seed import, one thread", fsq: ms(median(seedOneThreadTimes)), sqlite: "", ratio: "", target: "", met: nil)
)
rows.append(
  Row(name: "import of both seed releases", fsq: ms(median(bundledTimes)), sqlite: "", ratio: "", target: "", met: nil))
rows.append(
  Row(name: "bundled model (compiled in)", fsq: ms(median(snapshotTimes)), sqlite: "", ratio: "", target: "", met: nil))

let library = releaseLibrary(count: libraryCount, template: seeds[0].text)
var libraryTimes: [Double] = []
for _ in 0..<(quick ? 1 : 3) {
  var libraryModel = Model()
  let start = now()
  for release in library {
    do {
      try libraryModel.importRelease(bytes: release.bytes, documentName: release.name)
    } catch {
      fail("generated release \(release.name) failed to import: \(error)")
    }
  }
  libraryTimes.append(now() - start)
  if libraryModel.companies.count != libraryCount {
    mismatches.append("library: \(libraryCount) releases made \(libraryModel.companies.count) companies")
  }
}
let libraryTime = median(libraryTimes)
print("  \(libraryCount) releases → \(libraryCount) companies")
rows.append(
  Row(
    name: "\(libraryCount) releases", fsq: fixed(libraryTime, 3) + " s", sqlite: "", ratio: "", target: "< 1 s",
    met: libraryTime < 1))

// The real-release corpus, whole.
print("  the real-release corpus:")
let corpusTime = corpusBenchmark(runs: quick ? 1 : 5, printReport: false)
rows.append(Row(name: "real-release corpus import", fsq: ms(corpusTime), sqlite: "", ratio: "", target: "", met: nil))

// check over the corpus: findings and the mutation detection rate (not timed; skipped by
// --quick, which the tests run).
if !quick {
  print("  check over the real-release corpus:")
  let (caught, placed) = corpusCheckReport(verbose: false)
  rows.append(
    Row(
      name: "check mutations caught", fsq: "\(caught)/\(placed)", sqlite: "", ratio: "", target: "≥ 95%",
      met: placed > 0 && caught * 100 >= placed * 95))
}

// Hostile inputs at 1x, 10x and 100x: every cost linear (issue 17).
let scalingLinear = scalingReport(fsq: fsqPath, folder: folder, quick: quick)
rows.append(
  Row(
    name: "hostile inputs scale linearly", fsq: scalingLinear ? "yes" : "no", sqlite: "", ratio: "",
    target: "≤ 20x per 10x", met: quick ? nil : scalingLinear))

// 5. Peak memory of the one-liner. Not from the runs in 1: a child of posix_spawn shares this
// benchmark's memory until exec, and Linux keeps that high-water mark in the child's
// ru_maxrss. /usr/bin/time forks the program from its own small process instead.
func peakRSS(_ argv: [String]) -> Double? {
  guard isExecutable("/usr/bin/time") else { return nil }
  var peaks: [Double] = []
  for _ in 0..<5 {
    let run = spawn(
      ["/usr/bin/time", "-f", "%M", "-o", path("rss.out")] + argv, stdout: path("rss.stdout"),
      stderr: path("rss.err"))
    guard run.status == 0, let kib = Double(readFile(path("rss.out")).split(separator: "\n").last ?? "") else {
      return nil
    }
    peaks.append(kib)
  }
  for name in ["rss.out", "rss.stdout", "rss.err"] { unlink(path(name)) }
  return median(peaks) / 1024
}
if oneRuns != nil, let rssFSQ = peakRSS([fsqPath, "--no-library", "-e", oneLinerExpression]),
  let rssSQLite = peakRSS([sqlitePath, path("facts.db"), SQL.oneLiner])
{
  rows.append(
    Row(
      name: "one-liner, peak RSS", fsq: fixed(rssFSQ, 1) + " MiB", sqlite: fixed(rssSQLite, 1) + " MiB",
      ratio: fixed(rssFSQ / rssSQLite, 2) + "x", target: "≤ 20 MiB", met: rssFSQ <= 20))
}

// MARK: Report

print("")
let widths = [34, 12, 12, 12, 12]
print(
  padded("", widths[0]) + padded("fsq", widths[1], right: true) + padded("sqlite3", widths[2], right: true)
    + padded("fsq/sqlite3", widths[3], right: true) + "  target")
for row in rows {
  let verdict = row.met.map { $0 ? "  met" : "  MISSED" } ?? ""
  print(
    padded(row.name, widths[0]) + padded(row.fsq, widths[1], right: true) + padded(row.sqlite, widths[2], right: true)
      + padded(row.ratio, widths[3], right: true) + "  " + row.target + verdict)
}
if keepFolder == nil {
  for name in [
    "facts.csv", "facts.db", "setup.sql", "setup.out", "setup.err", "script.fsq", "queries.sql", "fsq.out", "fsq.err",
    "sqlite.out", "sqlite.err", "version.out", "version.err",
  ] {
    unlink(path(name))
  }
  rmdir(folder)
}
if !mismatches.isEmpty {
  print("\nfsq and sqlite3 DISAGREE:")
  for mismatch in mismatches { print("  " + mismatch) }
  exit(1)
}
print("\noutputs checked: fsq and sqlite3 agree")
