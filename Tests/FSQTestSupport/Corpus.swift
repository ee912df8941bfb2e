import FSQCore
import Foundation

/// The real-release corpus under `Tests/Corpus`: documents as filed, and for each a file of
/// values read off the document by hand (`expected/NAME.tsv`). Scoring imports each document
/// the way `load` does and asks the model for each value the way `item(period)` does.
public enum Corpus {
  public static let root = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus")

  /// One value read off a document by hand.
  public struct Expectation: Sendable {
    /// `revenue`, `operating_income`, `net_income`, `eps_diluted`, `shares_diluted`, `total_assets`.
    public var item: String
    /// As written: `3m 2009-09-30`, `at 2009-09-30`.
    public var periodText: String
    public var period: ResolvedPeriod
    public var value: FSQCore.Decimal
    public var whereRead: String
    public var line: Int
  }

  public struct Document: Sendable {
    public var name: String
    public var kind: String
    public var header: [String: String]
    public var expectations: [Expectation]
  }

  public enum Outcome: Sendable, Equatable {
    case right
    case missing
    /// The model answers with another value (in base units).
    case wrong(String)
  }

  public struct Score: Sendable {
    public var document: Document
    public var importError: String?
    public var outcomes: [(Expectation, Outcome)]
    public var right: Int { outcomes.filter { $0.1 == .right }.count }
    public var missing: Int { outcomes.filter { $0.1 == .missing }.count }
    public var wrong: Int { outcomes.count - right - missing }
  }

  /// The fsq item a corpus column names.
  public static let items: [String: String] = [
    "revenue": "revenue", "operating_income": "operating_income", "net_income": "net_income",
    "eps_diluted": "eps", "shares_diluted": "weighted_average_shares", "total_assets": "total_assets",
  ]

  /// Every expected-values file, sorted by document name. Malformed lines are reported as
  /// errors: a corpus file that cannot be read must not pass quietly.
  public static func documents() throws -> [Document] {
    let folder = root.appendingPathComponent("expected")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }
      .sorted()
    return try names.map { try parse(folder.appendingPathComponent($0)) }
  }

  struct FormatError: Error, CustomStringConvertible {
    var description: String
  }

  static func parse(_ url: URL) throws -> Document {
    let text = try String(contentsOf: url, encoding: .utf8)
    var header: [String: String] = [:]
    var expectations: [Expectation] = []
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if line.hasPrefix("#") {
        let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
        if let colon = body.firstIndex(of: ":") {
          let key = body[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
          let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
          header[key] = header[key].map { $0 + "; " + value } ?? value
        }
        continue
      }
      let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if fields.first == "item" { continue }
      let place = "\(url.lastPathComponent):\(offset + 1)"
      guard fields.count >= 3 else { throw FormatError(description: "\(place): expected item, period, value") }
      guard items[fields[0]] != nil else { throw FormatError(description: "\(place): unknown item '\(fields[0])'") }
      guard let period = period(fields[1]) else {
        throw FormatError(description: "\(place): bad period '\(fields[1])'")
      }
      guard let value = FSQCore.Decimal(parsing: fields[2]) else {
        throw FormatError(description: "\(place): bad value '\(fields[2])'")
      }
      expectations.append(
        Expectation(
          item: fields[0], periodText: fields[1], period: period, value: value,
          whereRead: fields.count > 3 ? fields[3] : "", line: offset + 1))
    }
    guard let name = header["document"] else {
      throw FormatError(description: "\(url.lastPathComponent): no '# document:' line")
    }
    return Document(name: name, kind: header["kind"] ?? "", header: header, expectations: expectations)
  }

  /// `3m 2009-09-30` (any number of months), `at 2009-09-30`.
  static func period(_ text: String) -> ResolvedPeriod? {
    let parts = text.split(separator: " ")
    guard parts.count == 2, let end = CivilDate(iso: parts[1]) else { return nil }
    if parts[0] == "at" { return ResolvedPeriod(start: nil, end: end) }
    guard parts[0].hasSuffix("m"), let months = Int(parts[0].dropLast()), (1...24).contains(months) else { return nil }
    return ResolvedPeriod(start: end.adding(months: -months).adding(days: 1), end: end)
  }

  public static func bytes(_ document: Document) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appendingPathComponent("documents").appendingPathComponent(document.name)))
  }

  /// Imports the document as `load` does and compares every expected value.
  public static func score(_ document: Document) -> Score {
    let company: Company
    do {
      company = try ReleaseImporter.importRelease(bytes: try bytes(document), documentName: document.name)
    } catch {
      return Score(
        document: document, importError: "\(error)", outcomes: document.expectations.map { ($0, .missing) })
    }
    var outcomes: [(Expectation, Outcome)] = []
    for expectation in document.expectations {
      let item = items[expectation.item]!
      guard let figure = company.reportedFigure(item, period: expectation.period) else {
        outcomes.append((expectation, .missing))
        continue
      }
      if figure.quantity.amount == expectation.value {
        outcomes.append((expectation, .right))
      } else {
        let text = "\(figure.quantity.amount.formatted(places: 4, grouping: false)) from \(figure.source)"
        outcomes.append((expectation, .wrong(text)))
      }
    }
    return Score(document: document, importError: nil, outcomes: outcomes)
  }

  /// A per-document table and the totals, for the test's failure message and `fsq-bench --corpus`.
  public static func report(_ scores: [Score], verbose: Bool) -> String {
    var lines: [String] = []
    var right = 0
    var missing = 0
    var wrong = 0
    for score in scores {
      right += score.right
      missing += score.missing
      wrong += score.wrong
      let status = score.importError.map { " import failed: \($0)" } ?? ""
      lines.append(
        "\(score.document.name) [\(score.document.kind)]: \(score.right)/\(score.outcomes.count) right, "
          + "\(score.missing) missing, \(score.wrong) wrong\(status)")
      for (expectation, outcome) in score.outcomes {
        switch outcome {
        case .right: continue
        case .missing:
          if verbose { lines.append("  missing \(expectation.item) \(expectation.periodText) = \(expectation.value)") }
        case .wrong(let got):
          lines.append(
            "  WRONG \(expectation.item) \(expectation.periodText): expected \(expectation.value), got \(got)")
        }
      }
    }
    let total = right + missing + wrong
    let percent = total == 0 ? 0 : Double(right) * 100 / Double(total)
    lines.append(
      "corpus: \(scores.count) documents, \(total) values: \(right) right (\(String(format: "%.1f", percent))%), "
        + "\(missing) missing, \(wrong) wrong")
    return lines.joined(separator: "\n") + "\n"
  }
}
