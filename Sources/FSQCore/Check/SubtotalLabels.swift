// MARK: - How subtotal labels read

/// How labels read: totals, the sections of a cash flow statement, expense-signed lines.
enum Totals {
  /// "Total X", or the total of a cash flow section ("Net cash used in investing activities").
  static func isTotal(_ label: String) -> Bool {
    CheckSupport.words(label).first == "total" || sectionWord(label) != nil
  }

  /// "… (after-tax)", "… after tax", "… net of tax(es)": a total stated after its tax.
  static func isAfterTax(_ label: String) -> Bool {
    let text = TextTools.normalize(label)
    return text.has("after tax") || text.has("net of tax")
  }

  /// The section a cash flow section total closes: "investing" in "Net cash used in
  /// investing activities".
  static func sectionWord(_ label: String) -> String? {
    let words = CheckSupport.words(label)
    guard words.first == "net" || words.first == "cash", words.contains("cash"),
      let activities = words.firstIndex(of: "activities"), activities > 0
    else { return nil }
    return words[activities - 1]
  }

  /// Whether the earlier total `part` is a part of `total`: "Total current liabilities" of
  /// "Total liabilities"; "Total liabilities" and "Total stockholders' equity" of "Total
  /// liabilities and stockholders' equity". A section total of a cash flow statement is a
  /// part of nothing but the net change below.
  static func isPart(_ part: String, of total: String) -> Bool {
    if sectionWord(part) != nil || sectionWord(total) != nil { return false }
    let filler: Set<String> = ["total", "the", "of"]
    let mine = Set(CheckSupport.words(part)).subtracting(filler).subtracting(["and"])
    guard !mine.isEmpty else { return false }
    let words = CheckSupport.words(total).filter { !filler.contains($0) }
    var pieces: [[String]] = [[]]
    for word in words {
      if word == "and" { pieces.append([]) } else { pieces[pieces.count - 1].append(word) }
    }
    let parts = pieces.filter { !$0.isEmpty }.map(Set.init)
    if parts.count > 1 {
      // "Total equity" is the equity of "Total liabilities and stockholders' equity".
      let mineLast = CheckSupport.words(part).last
      return parts.contains { p in
        mine.isSuperset(of: p) || (p.isSuperset(of: mine) && pieces.first { Set($0) == p }?.last == mineLast)
      }
    }
    guard let whole = parts.first else { return false }
    return mine != whole && mine.isSuperset(of: whole)
  }

  /// A label that prints an expense positive and income in parentheses: "Interest (income)
  /// expense, net", "Other (income) expense", "(Gain) loss on sale of assets".
  static func isExpenseSigned(_ label: String) -> Bool {
    let text = label.lowercased()
    for income in ["income", "gain", "gains", "benefit"] {
      for expense in ["expense", "expenses", "loss", "losses", "charge", "charges"]
      where text.contains("(\(income)) \(expense)") || text.contains("(\(income))\(expense)") {
        return true
      }
    }
    return false
  }

  /// A table of another basis than the statements': pro forma, non-GAAP, adjusted.
  static func isAdjusted(_ title: String) -> Bool {
    let words = Set(CheckSupport.words(title))
    return !words.isDisjoint(with: ["pro", "proforma", "adjusted", "nongaap", "non", "supplemental"])
  }

  /// A statement that says it shows only some lines ("Condensed Consolidated Balance Sheets",
  /// "Summary of Consolidated Results", "Selected Financial Data").
  static func isCondensed(_ title: String) -> Bool {
    !Set(CheckSupport.words(title)).isDisjoint(with: [
      "condensed", "summary", "summarized", "selected", "highlights", "abbreviated", "abridged",
    ])
  }
}

/// The opening and closing balances of a cash flow statement.
enum CashBalances {
  static func isBeginning(_ label: String) -> Bool {
    let words = Set(CheckSupport.words(label))
    return words.contains("cash") && (words.contains("beginning") || words.contains("opening"))
  }

  static func isEnding(_ label: String) -> Bool {
    let words = Set(CheckSupport.words(label))
    return words.contains("cash") && (words.contains("ending") || words.contains("closing") || words.contains("end"))
      && !words.contains("beginning")
  }

  static func isNetChange(_ label: String) -> Bool {
    let words = Set(CheckSupport.words(label))
    return words.contains("cash") && !words.isDisjoint(with: ["increase", "decrease", "change", "changes"])
      && !words.contains("effect") && !words.contains("activities")
  }
}

extension SubtotalRule.Walker {
  /// "Total non-interest expenses (after-tax)" under "Total non-interest expenses" and its
  /// "Income tax provision": the total before tax less the tax lines, by what it says. (The
  /// total before tax is a part of it by its words, so it may be among the lines since.)
  /// Returns whether the total was read so.
  mutating func closeAfterTax(
    _ index: Int, label: String, since: [SubtotalEntry], barrier: SubtotalEntry?, entries: [SubtotalEntry],
    start: Int, target: Int
  ) -> Bool {
    let inside = since.count >= 2 && since[0].isTotal
    guard Totals.isAfterTax(label), var pretax = inside ? since[0] : barrier,
      since.dropFirst(inside ? 1 : 0).allSatisfy({ TextTools.lowercasedASCII(table.rows[$0.row].label).has("tax") })
    else { return false }
    // The tax lines subtracted (or, printed as deductions, added as printed), in any table.
    let taxes = since.dropFirst(inside ? 1 : 0).map { entry -> SubtotalEntry in
      var tax = entry
      tax.sign = -1
      return tax
    }
    pretax.sign = 1  // (kept as subtracted from the running total it closed)
    let afterTax = readings([pretax] + taxes, allowCostReading: false, kind: table.rows[index].kind, target: index)
    compare(index, readings: afterTax, strong: true, context: groups[target].heading, total: true, tag: index)
    let kept = inside ? start : start - 1
    groups[target].entries = Array(entries[..<kept]) + [SubtotalEntry(row: index, sign: 1, isTotal: true)]
    return true
  }
}
