// MARK: - Scaling: every cost linear in the input (issue 17)

/// One family of hostile input: a generator for a size, and how fsq is run on it.
struct ScalingFamily {
  var name: String
  /// The three sizes measured, 1×, 10× and 100×, in the family's own unit.
  var sizes: [Int]
  var unit: String
  /// The file's name and text for a size.
  var file: (Int) -> (name: String, text: String)
  /// fsq's arguments after the file's path is known.
  var arguments: (String) -> [String]
}

/// A release with the given body after a dateline, so the importer reads it as one.
func scalingRelease(_ body: String) -> String {
  "# Acme Reports Results\n\nAcme (NYSE: ACME) today reported results.\n\n" + body + "\n"
}

/// An HTML release page holding one table of the given rows.
func scalingPage(_ rows: String) -> String {
  "<html><body><p>Acme (NYSE: ACME) today reported results.</p><table>\(rows)</table></body></html>"
}

func scalingFamilies() -> [ScalingFamily] {
  let load: (String) -> [String] = { ["--no-bundled", "--load", $0, "-e", "1"] }
  let script: (String) -> [String] = { ["--no-bundled", "--keep-going", $0] }
  let words = ["revenue", "increased", "was", "million", "compared", "to", "the", "$4.7", "12%", "quarter"]
  return [
    ScalingFamily(
      name: "prose line", sizes: [3_000, 30_000, 300_000], unit: "bytes",
      file: { n in
        var text = ""
        var k = 0
        while text.utf8.count < n {
          text += words[k % words.count] + " "
          k += 7
        }
        return ("prose.md", scalingRelease(text))
      }, arguments: load),
    ScalingFamily(
      name: "text table columns", sizes: [100, 1_000, 10_000], unit: "columns",
      file: { n in
        let years = (0..<n).map { "        " + String(2000 + $0 % 50) }.joined()
        let figures = String(repeating: "       1,234", count: n)
        return (
          "wide.txt",
          "ACME CORP (NYSE: ACME) today reported results.\n\nSTATEMENTS OF OPERATIONS\n\n        " + years
            + "\n\nRevenues" + figures + "\nNet income" + figures + "\n"
        )
      }, arguments: load),
    ScalingFamily(
      name: "HTML rowspan staircase", sizes: [20, 200, 2_000], unit: "rows",
      file: { n in
        ("rowspan.html", scalingPage((0..<n).map { "<tr><td rowspan=1000>\($0)</td><td>2</td></tr>" }.joined()))
      }, arguments: load),
    ScalingFamily(
      name: "HTML cells in one row", sizes: [3_000, 30_000, 300_000], unit: "cells",
      file: { n in
        ("cells.html", scalingPage("<tr>" + String(repeating: "<td>1</td>", count: n) + "</tr>"))
      }, arguments: load),
    ScalingFamily(
      name: "HTML colspans", sizes: [20, 200, 2_000], unit: "cells",
      file: { n in
        let row = "<tr>" + String(repeating: "<td colspan=1000>1</td>", count: n) + "</tr>"
        return ("colspan.html", scalingPage(row + row))
      }, arguments: load),
    ScalingFamily(
      name: "script lines", sizes: [15_000, 150_000, 1_500_000], unit: "lines",
      file: { n in ("lines.fsq", String(repeating: "1\n", count: n)) }, arguments: script),
    ScalingFamily(
      name: "def parameters", sizes: [1_000, 10_000, 100_000], unit: "parameters",
      file: { n in ("params.fsq", "def f(" + (0..<n).map { "a\($0)" }.joined(separator: ", ") + ") = 1\n") },
      arguments: script),
    ScalingFamily(
      name: "invalid characters", sizes: [30_000, 300_000, 3_000_000], unit: "bytes",
      file: { n in ("at.fsq", String(repeating: "@", count: n) + "\n") }, arguments: script),
  ]
}

/// Runs each family at 1×, 10× and 100× and prints time and peak memory with the growth per
/// 10× in size. A growth above 20× per 10× (worse than linear with room for noise) fails.
/// Returns whether every family stayed within it.
func scalingReport(fsq: String, folder: String, quick: Bool) -> Bool {
  print("scaling: time and peak memory at 1x, 10x and 100x; growth per 10x, at most 20x")
  var allLinear = true
  for family in scalingFamilies() {
    let sizes = quick ? family.sizes.map { max(1, $0 / 100) } : family.sizes
    var results: [ChildRun] = []
    for size in sizes {
      let (name, text) = family.file(size)
      let path = folder + "/scaling-" + name
      writeFile(path, text)
      results.append(spawn([fsq] + family.arguments(path), stdout: "/dev/null", stderr: "/dev/null"))
    }
    // Below 50 ms or 20 MB the process's start dominates: growth there is noise, not cost.
    func growth(_ a: Double, _ b: Double, floor: Double) -> Double { max(b, floor) / max(a, floor) }
    var line = "  " + padded(family.name, 24)
    var linear = true
    for (k, run) in results.enumerated() {
      line += "  \(sizes[k]) \(family.unit): \(fixed(run.seconds * 1000, 0)) ms, \(run.maxRSSKiB / 1024) MiB"
      if k > 0 {
        let time = growth(results[k - 1].seconds, run.seconds, floor: 0.05)
        let memory = growth(Double(results[k - 1].maxRSSKiB), Double(run.maxRSSKiB), floor: 20 * 1024)
        line += " (x\(fixed(time, 1)) time, x\(fixed(memory, 1)) memory)"
        if time > 20 || memory > 20 { linear = false }
      }
    }
    print(line + (linear || quick ? "" : "  FAIL: worse than linear"))
    if !quick && !linear { allLinear = false }
  }
  return allLinear
}
