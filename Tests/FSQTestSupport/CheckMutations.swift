import FSQCore
import Foundation

/// Mutation testing of `check` on real releases: change one printed figure of a document (a
/// line item, a subtotal, a balance-sheet total, a figure in the text), import the changed
/// text as `load` would, and require a finding (error or warning) that points at that figure
/// in its column. A figure that cannot be found in the text, or whose change the importer
/// does not read into the same place, is not a mutation `check` could be held to: it is
/// listed as not placed, never counted as caught or missed.
public enum CheckMutations {
  public enum Role: String, Sendable, CaseIterable {
    case lineItem = "line item"
    case subtotal
    case balanceTotal = "balance-sheet total"
    case textFigure = "text figure"
  }

  public struct Outcome: Sendable {
    public var document: String
    public var role: Role
    /// What was changed: `"Cost of revenue" (Three Months Ended …) line 31: 40,300 → 41,300`.
    public var change: String
    /// nil: the mutation could not be placed; true: a finding points at it.
    public var caught: Bool?
  }

  /// Line items, most to least usual: the costs a statement subtracts.
  static let lineItems = [
    "cost_of_revenue", "sga", "research_development", "depreciation_amortization", "interest_expense", "income_taxes",
  ]
  static let subtotals = [
    "gross_profit", "operating_income", "income_before_taxes", "operating_expenses", "net_income",
  ]

  /// The mutations of one document, each checked.
  public static func run(name: String, bytes: [UInt8]) -> [Outcome] {
    guard let company = try? ReleaseImporter.importRelease(bytes: bytes, documentName: name) else { return [] }
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var outcomes: [Outcome] = []
    let before = Set(Checker.check(company).map(key))
    let targets: [(Role, [String], StatementKind)] = [
      (.lineItem, lineItems, .incomeStatement), (.subtotal, subtotals, .incomeStatement),
      (.balanceTotal, ["total_assets"], .balanceSheet),
    ]
    for (role, items, kind) in targets {
      guard let cell = firstCell(company, items: items, kind: kind) else { continue }
      outcomes.append(mutateCell(name: name, lines: lines, cell: cell, role: role, before: before))
    }
    if let claim = tyingClaim(company) {
      outcomes.append(mutateClaim(name: name, lines: lines, claim: claim, before: before))
    }
    return outcomes
  }

  struct Target {
    var table: StatementTable
    var row: Int
    var column: Int
    var value: FSQCore.Decimal
    var header: String { table.columns[column].header }
    var label: String { table.rows[row].label }
    var line: Int { table.rows[row].line }
  }

  /// The first period column of the first row, by the order of `items`, in a statement of
  /// `kind`, holding a non-zero figure.
  static func firstCell(_ company: Company, items: [String], kind: StatementKind) -> Target? {
    for item in items {
      for table in company.statements where table.kind == kind {
        let columns = table.columns.indices.filter { table.columns[$0].kind == .period }
        for (r, row) in table.rows.enumerated() where row.item == item && row.kind == .money {
          if let column = columns.first, let value = row.values[column], !value.isZero {
            return Target(table: table, row: r, column: column, value: value)
          }
        }
      }
    }
    return nil
  }

  /// A claim `check` verifies today (one with an item and a period that yields no finding).
  static func tyingClaim(_ company: Company) -> Claim? {
    let findings = Checker.check(company)
    for claim in company.claims where claim.item != nil && claim.period != nil && !claim.value.isZero {
      let flagged = findings.contains { $0.rule == "text-claim" && $0.figures.first?.source?.line == claim.line }
      let noted = findings.contains { $0.figures.first?.source?.label == claim.phrase }
      if !flagged && !noted { return claim }
    }
    return nil
  }

  /// The printed forms of a figure: its magnitude at each scale a table prints in, with and
  /// without thousands separators.
  static func printedForms(_ value: FSQCore.Decimal) -> [String] {
    var forms: [String] = []
    for exponent in [0, 3, 6, 9] {
      guard let scaled = try? value.magnitude.dividing(by: FSQCore.Decimal(significand: 1, exponent: exponent)) else {
        continue
      }
      let plain = scaled.description
      guard plain.contains(where: { $0.isNumber }), plain != "0" else { continue }
      let grouped = group(plain)
      for form in [grouped, plain] where !forms.contains(form) { forms.append(form) }
    }
    return forms
  }

  static func group(_ plain: String) -> String {
    let parts = plain.split(separator: ".", maxSplits: 1)
    var digits = Array(parts[0])
    var result = ""
    while digits.count > 3 {
      result = "," + String(digits.suffix(3)) + result
      digits.removeLast(3)
    }
    result = String(digits) + result
    return parts.count > 1 ? result + "." + parts[1] : result
  }

  /// Changes one digit of `form`: the second from the left (the leftmost of a one-digit
  /// figure), up by one (a 9 down by one).
  static func mutate(_ form: String) -> String {
    var characters = Array(form)
    let digitPositions = characters.indices.filter { characters[$0].isNumber }
    guard let first = digitPositions.first else { return form }
    let position = digitPositions.count >= 2 ? digitPositions[1] : first
    let digit = characters[position].wholeNumberValue ?? 0
    characters[position] = Character(String(digit == 9 ? 8 : digit + 1))
    return String(characters)
  }

  /// The places `form` is printed, on or after `line` (one-based), as whole numbers (no digit
  /// or decimal point either side).
  static func occurrences(of form: String, in lines: [String], from line: Int, within: Int) -> [(
    Int, Range<String.Index>
  )] {
    var found: [(Int, Range<String.Index>)] = []
    let last = min(lines.count, line - 1 + within)
    guard line - 1 < last else { return [] }
    for index in (line - 1)..<last {
      let text = lines[index]
      var searchStart = text.startIndex
      while let range = text.range(of: form, range: searchStart..<text.endIndex) {
        searchStart = range.upperBound
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
        let boundary: (Character) -> Bool = { !$0.isNumber && $0 != "." && $0 != "," }
        if boundary(before)
          && (boundary(after) || (after == "." || after == ",") && !nextIsDigit(text, range.upperBound))
        {
          found.append((index, range))
        }
      }
    }
    return found
  }

  static func nextIsDigit(_ text: String, _ index: String.Index) -> Bool {
    let next = text.index(after: index)
    return next < text.endIndex && text[next].isNumber
  }

  /// A finding as text, to tell a new one from one the document raised before the change.
  static func key(_ finding: Finding) -> String {
    "\(finding.severity) \(finding.rule) \(finding.message) \(finding.difference.map { "\($0.amount)" } ?? "")"
  }

  /// The document with one printed figure changed by a digit, imported as `load` would.
  static func importChanged(
    name: String, lines: [String], line index: Int, range: Range<String.Index>, form: String
  ) -> (company: Company, mutated: String)? {
    var changed = lines
    let mutated = mutate(form)
    changed[index].replaceSubrange(range, with: mutated)
    let bytes = Array(changed.joined(separator: "\n").utf8)
    guard let company = try? ReleaseImporter.importRelease(bytes: bytes, documentName: name) else { return nil }
    return (company, mutated)
  }

  static func mutateCell(name: String, lines: [String], cell: Target, role: Role, before: Set<String>) -> Outcome {
    var outcome = Outcome(document: name, role: role, change: "\"\(cell.label)\" (\(cell.header)) line \(cell.line)")
    for form in printedForms(cell.value) {
      for (index, range) in occurrences(of: form, in: lines, from: cell.line, within: 80).prefix(8) {
        guard let (company, mutated) = importChanged(name: name, lines: lines, line: index, range: range, form: form),
          let now = value(company, like: cell), now != cell.value
        else { continue }
        outcome.change += ": \(form) → \(mutated) (text line \(index + 1))"
        outcome.caught = Checker.check(company).contains {
          $0.severity != .note && $0.points(at: cell.line, column: cell.header) && !before.contains(key($0))
        }
        return outcome
      }
    }
    return outcome
  }

  /// The figure the importer read into the target's place after a change.
  static func value(_ company: Company, like cell: Target) -> FSQCore.Decimal? {
    for table in company.statements where table.title == cell.table.title && table.kind == cell.table.kind {
      guard cell.column < table.columns.count, table.columns[cell.column].header == cell.header else { continue }
      for row in table.rows where row.line == cell.line && row.label == cell.label {
        return row.values[cell.column]
      }
    }
    return nil
  }

  static func mutateClaim(name: String, lines: [String], claim: Claim, before: Set<String>) -> Outcome {
    var outcome = Outcome(document: name, role: .textFigure, change: "\"\(claim.phrase)\" line \(claim.line)")
    guard claim.line >= 1, claim.line <= lines.count else { return outcome }
    let phraseNumbers = claim.phrase.split(whereSeparator: { !$0.isNumber && $0 != "." && $0 != "," })
      .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".,")) }
      .filter { !$0.isEmpty && !isYear($0) }
    for form in phraseNumbers {
      for (index, range) in occurrences(of: form, in: lines, from: claim.line, within: 1).prefix(4) {
        guard let (company, mutated) = importChanged(name: name, lines: lines, line: index, range: range, form: form),
          let now = company.claims.first(where: {
            $0.line == claim.line && $0.item == claim.item && $0.kind == claim.kind && $0.value != claim.value
              && $0.phrase.contains(mutated)
          })
        else { continue }
        outcome.change += ": \(form) → \(mutated) (\(now.phrase))"
        outcome.caught = Checker.check(company).contains {
          $0.severity != .note && $0.rule == "text-claim" && $0.points(at: claim.line, column: "")
            && !before.contains(key($0))
        }
        return outcome
      }
    }
    return outcome
  }

  static func isYear(_ text: String) -> Bool {
    guard text.count == 4, let year = Int(text) else { return false }
    return (1900...2100).contains(year)
  }

  /// The rate over placed mutations and a line per mutation not caught or not placed.
  public static func report(_ outcomes: [Outcome]) -> String {
    let placed = outcomes.filter { $0.caught != nil }
    let caught = placed.filter { $0.caught == true }.count
    let rate = placed.isEmpty ? 0 : Double(caught) * 100 / Double(placed.count)
    var out = "check mutations: \(caught) of \(placed.count) caught (\(String(format: "%.1f", rate))%)"
    out += ", \(outcomes.count - placed.count) not placed\n"
    for role in Role.allCases {
      let mine = placed.filter { $0.role == role }
      out += "  \(role.rawValue): \(mine.filter { $0.caught == true }.count) of \(mine.count)\n"
    }
    for outcome in outcomes where outcome.caught != true {
      out +=
        "  \(outcome.caught == nil ? "not placed" : "missed"): \(outcome.document) \(outcome.role.rawValue) \(outcome.change)\n"
    }
    return out
  }
}
