// MARK: - The line earnings per share divides

/// Net income is the line that EPS divides: when no label of an income statement names net
/// income ("Profit for the period", "Earnings for the quarter"), the line whose figure over the
/// weighted average shares is the printed EPS, in every period that prints both, is it.
extension StatementBuilder {
  mutating func inferNetIncomeFromEPS(_ index: Int) {
    let table = statements[index]
    let named: Set<String> = ["net_income", "net_income_to_common", "net_income_consolidated"]
    guard !table.rows.contains(where: { named.contains($0.item ?? "") }) else { return }
    // EPS and share counts of this statement by variant ("", "_basic", "_diluted") and period.
    var eps: [String: [ResolvedPeriod: Decimal]] = [:]
    var shares: [String: [ResolvedPeriod: Decimal]] = [:]
    var lines: [String: [ResolvedPeriod: Decimal]] = [:]
    for f in facts.indices where factStatements[f] == index {
      let fact = facts[f]
      if let variant = Self.variant(of: fact.item, base: "eps"), case .perShare = fact.unit {
        eps[variant, default: [:]][fact.period] = fact.value
      } else if let variant = Self.variant(of: fact.item, base: "weighted_average_shares"), fact.unit == .shares {
        shares[variant, default: [:]][fact.period] = fact.value
      } else if case .currency = fact.unit, ItemCatalog.entry(named: fact.item) == nil, !fact.value.isZero {
        // Only lines no catalog label named: a named line keeps its name.
        lines[fact.item, default: [:]][fact.period] = fact.value
      }
    }
    // Pairs of EPS and the shares it was computed on: the same variant, or an unqualified EPS
    // ("basic and diluted") over the one count printed.
    var pairs: [(eps: [ResolvedPeriod: Decimal], shares: [ResolvedPeriod: Decimal])] = []
    for (variant, values) in eps {
      if let counts = shares[variant] {
        pairs.append((values, counts))
      } else if variant.isEmpty, shares.count == 1, let counts = shares.values.first {
        pairs.append((values, counts))
      }
    }
    let periods = Set(pairs.flatMap { pair in pair.eps.keys.filter { pair.shares[$0] != nil } })
    // At least one EPS of five cents or more: a line cannot be told by dividing into zero.
    guard
      periods.contains(where: { p in
        pairs.contains { ($0.eps[p].map { $0.magnitude } ?? .zero) >= Decimal(parsing: "0.05")! }
      })
    else { return }
    let divides = lines.filter { _, values in
      periods.allSatisfy { period in
        guard let value = values[period] else { return false }
        return pairs.contains { pair in
          guard let e = pair.eps[period], let s = pair.shares[period] else { return false }
          return Self.rounds(value, over: s, to: e)
        }
      }
    }
    // Lines equal in every period are one figure printed twice (the bottom line is the last).
    guard let first = divides.first, divides.allSatisfy({ $0.value == first.value }) else { return }
    let items = Set(divides.keys)
    guard let row = table.rows.lastIndex(where: { items.contains($0.item ?? "") }) else { return }
    rename(row: row, of: index, to: "net_income", rule: "the line earnings per share divides")
  }

  /// `_basic`, `_diluted` or "" when `item` is `base` or one of its variants.
  static func variant(of item: String, base: String) -> String? {
    guard item.hasPrefix(base) else { return nil }
    let rest = String(item.dropFirst(base.count))
    return ["", "_basic", "_diluted"].contains(rest) ? rest : nil
  }

  /// `value / shares` rounds to the printed `eps`: within half a cent, plus a thousandth of the
  /// figure for share counts printed in thousands or millions.
  static func rounds(_ value: Decimal, over shares: Decimal, to eps: Decimal) -> Bool {
    guard !shares.isZero, let quotient = try? value.dividing(by: shares),
      let difference = try? quotient.subtracting(eps),
      let share = try? eps.magnitude.multiplying(by: Decimal(parsing: "0.001")!),
      let allowance = try? Decimal(parsing: "0.0051")!.adding(share)
    else { return false }
    return difference.magnitude <= allowance
  }
}
