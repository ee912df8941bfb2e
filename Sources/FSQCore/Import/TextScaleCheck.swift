// MARK: - Figures stated in the text against the tables

/// A caption that scales dollars and share counts alike ("(in thousands, except per share
/// amounts)" over figures in millions) passes the EPS × shares test: both halves are off by the
/// same thousand. The text catches it: "Revenue was $35.0 billion" against a table that reads
/// 35,021 at × 1,000 ($35,021,000). A figure in the text that equals a table's figure, for the
/// same item and period, only when one of them is multiplied by a power of a thousand shows
/// that one of the two was read at the wrong scale.
///
/// EPS × shares cannot settle it (a caption that scales both halves wrong still ties), and
/// the text's "billion" is printed once, not read from a caption: the table's dollar figures
/// are withheld and an error finding names the caption they were read with. A statement whose
/// figures the text confirms anywhere (one stated figure equal as read) is left alone.
enum TextScaleCheck {
  struct Key: Hashable {
    var item: String
    var period: ResolvedPeriod
  }

  /// Checks `narrative` against `facts`; withholds the dollar facts of statements the text
  /// shows to be read at the wrong scale, and adds findings to `report`.
  /// A figure the text states: its item, period, amount in dollars and line.
  struct Stated {
    var item: String
    /// The period stated, or the release's own quarter and year when the sentence names none
    /// ("Revenue was $35.0 billion").
    var periods: [ResolvedPeriod]
    var value: Decimal
    var line: Int
  }

  static func check(
    narrative: [NarrativeFact], claims: [Claim], currentPeriods: [ResolvedPeriod], facts: inout [Fact],
    statements: [StatementTable], report: inout ImportReport
  ) {
    var stated: [Stated] = []
    for figure in narrative where figure.unit == .usd && !figure.value.isZero {
      guard let period = figure.period else { continue }
      stated.append(Stated(item: figure.item, periods: [period], value: figure.value, line: figure.source.line))
    }
    for claim in claims where claim.kind == .value && claim.unit == .usd && !claim.value.isZero {
      guard let item = claim.item else { continue }
      let periods = claim.period.map { [$0] } ?? currentPeriods
      stated.append(Stated(item: item, periods: periods, value: claim.value, line: claim.line))
    }
    guard !stated.isEmpty else { return }
    // Only the items the text states are looked up.
    let statedItems = Set(stated.map(\.item))
    var byKey: [Key: [Int]] = [:]
    // (By index: `for fact in facts` copied every fact to read three fields.)
    for k in facts.indices
    where facts[k].unit == .usd && statedItems.contains(facts[k].item) && !facts[k].value.isZero {
      byKey[Key(item: facts[k].item, period: facts[k].period), default: []].append(k)
    }
    guard !byKey.isEmpty else { return }
    // Per statement (by title and line): the first disagreement found, as evidence.
    struct Mismatch {
      var fact: Int
      var stated: Stated
      var power: Int
    }
    var mismatches: [String: Mismatch] = [:]
    var agreeing = Set<String>()
    for stated in stated {
      let members = stated.periods.flatMap { byKey[Key(item: stated.item, period: $0)] ?? [] }
      // Equal as read somewhere: the text confirms those tables, and says nothing of the scale
      // of the others (a period-less sentence may be about either the quarter or the year).
      let equal = members.filter { k in
        // Within 2.5% first (cheap), then the exact test of rounding.
        let ratio = facts[k].value.roughDouble / stated.value.roughDouble
        return ratio > 0.97 && ratio < 1.03
          && StatementBuilder.samePrintedFigure([facts[k].value, stated.value]) != nil
      }
      if !equal.isEmpty {
        for k in equal { agreeing.insert(facts[k].source.statement) }
        continue
      }
      for k in members {
        let statement = facts[k].source.statement
        // Only a ratio near a power of a thousand is worth the exact test.
        let ratio = abs(facts[k].value.roughDouble / stated.value.roughDouble)
        guard ratio.isFinite, ratio > 0 else { continue }
        let powers = [-3, -2, -1, 1, 2, 3].filter { power in
          var target = 1.0
          for _ in 0..<abs(power) { target *= 1000 }
          if power < 0 { target = 1 / target }
          return ratio >= target * 0.9 && ratio <= target * 1.1
        }
        for power in powers {
          let factor = Decimal.power10(3 * abs(power))
          let scaled = power > 0 ? stated.value.times(factor) : (stated.value.over(factor) ?? .zero)
          if !scaled.isZero, StatementBuilder.samePrintedFigure([facts[k].value, scaled]) != nil {
            if mismatches[statement] == nil { mismatches[statement] = Mismatch(fact: k, stated: stated, power: power) }
            break
          }
        }
      }
    }
    var withheldTitles = Set<String>()
    for (title, mismatch) in mismatches.sorted(by: { $0.key < $1.key }) where !agreeing.contains(title) {
      let fact = facts[mismatch.fact]
      let statement = statements.first { $0.title == title && $0.document == fact.source.document }
      let caption = statement?.scaleCaption.map { "\"\($0)\"" } ?? "no caption (figures as printed)"
      let factor = Decimal.power10(3 * abs(mismatch.power)).formatted(places: 0)
      let relation = mismatch.power > 0 ? "\(factor)×" : "1/\(factor) of"
      let what =
        "\(fact.item) for \(ImportReport.describe(fact.period)) is \(relation) the figure the text states at line \(mismatch.stated.line) (\(mismatch.stated.value.formatted(places: 0)))"
      report.findings.append(
        ImportReport.Finding(
          message:
            "\(title): \(what) when read with \(caption); the table's scale is wrong, so its dollar figures were withheld",
          line: statement?.line ?? fact.source.line))
      withheldTitles.insert(title)
      report.withheld.append("\(title) (line \(statement?.line ?? fact.source.line)): dollar amounts")
    }
    if !withheldTitles.isEmpty {
      facts.removeAll { $0.unit == .usd && withheldTitles.contains($0.source.statement) }
    }
  }
}
