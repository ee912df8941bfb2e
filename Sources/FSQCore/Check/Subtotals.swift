// MARK: - Subtotals against their components

/// Walks a statement in printed order and checks each subtotal against the lines it sums,
/// found from the table's structure alone:
///
/// - a heading ("Operating Expenses:") opens a group; "Total X" closes the open group whose
///   heading X names, and the total joins the enclosing group, negated when the group lists
///   costs as positive figures (an expenses heading) so it is subtracted from what is above;
/// - "Total X" that names no open heading ("Total liabilities" under "Liabilities and
///   equity") is a running subtotal of the innermost group;
/// - a result line (a rule above it, or a label such as "Operating Loss", "Net Income") equals
///   the running total of everything since the previous result: the figures as printed, or
///   with positive cost lines subtracted ("Net sales / Cost of sales / Gross profit");
/// - a line with no rule that merely reads like a result is a subtotal only if it ties (within
///   rounding) — otherwise it is an ordinary line;
/// - a double rule ends the computation.
///
/// Differences the printed rounding explains are warnings; anything else is an error.
enum SubtotalRule {
  static func findings(_ company: Company) -> [Finding] {
    company.statements.flatMap { table in
      var walker = Walker(company: company, table: table)
      return walker.run()
    }
  }

  /// A figure taking part in a running total, with the sign it enters with.
  struct Entry {
    var row: Int
    var sign: Int
    /// A closed total of a group below (its group was a part of this one).
    var isTotal = false
  }

  struct Group {
    var heading: String?
    var words: Set<String>
    /// Costs listed positive under an expenses heading enter the enclosing total negated.
    var subtracts: Bool
    var entries: [Entry]
  }

  /// One way of reading the lines above a subtotal, with its result per column.
  struct Reading {
    /// Only the lines since the previous result: tried for a tie, never reported.
    var partial = false
    var description: String
    var rows: [Int]
    var values: [Decimal]
  }

  struct Walker {
    var company: Company
    var table: StatementTable
    var groups: [Group] = []
    var findings: [Finding] = []
    var columns: [Int]
    var rule: String

    init(company: Company, table: StatementTable) {
      self.company = company
      self.table = table
      self.columns = CheckSupport.periodColumns(table)
      self.rule = table.kind == .reconciliation ? "reconciliation" : "subtotal"
      reset()
    }

    mutating func reset() {
      groups = [Group(heading: nil, words: [], subtracts: false, entries: [])]
    }

    mutating func run() -> [Finding] {
      guard !columns.isEmpty else { return [] }
      var previousWasTotal = false
      for (index, row) in table.rows.enumerated() {
        if row.isHeading {
          openGroup(row)
          continue
        }
        guard row.kind == .money || row.kind == .perShare else { continue }
        let isTotalLabel = CheckSupport.words(row.label).first == "total"
        let resultLike = CheckSupport.isResultLike(row.label)
        if isTotalLabel {
          closeTotal(index)
          previousWasTotal = true
        } else if (row.ruleAbove && (!previousWasTotal || resultLike) || row.doubleRuleBelow) && hasEntries
          && checkResult(index, strong: true)
        {
          previousWasTotal = true
        } else if resultLike && previousWasTotal && hasEntries && checkResult(index, strong: false) {
          previousWasTotal = true
        } else {
          groups[groups.count - 1].entries.append(Entry(row: index, sign: 1))
          previousWasTotal = false
        }
        if row.doubleRuleBelow {
          reset()
          previousWasTotal = false
        }
      }
      return findings
    }

    var hasEntries: Bool { groups.contains { !$0.entries.isEmpty } }

    mutating func openGroup(_ row: StatementRow) {
      // A heading after a group of lines that was never totalled starts a sibling; after a
      // group holding totals of groups below ("Assets": current assets …) it nests.
      if groups.count > 1, let last = groups.last, !last.entries.isEmpty, !last.entries.contains(where: \.isTotal) {
        foldInnermost()
      }
      let subtracts = CheckSupport.isExpenseLike(row.label)
      groups.append(Group(heading: row.label, words: headingWords(row.label), subtracts: subtracts, entries: []))
    }

    func headingWords(_ label: String) -> Set<String> {
      Set(CheckSupport.words(label)).subtracting(["total", "and", "the", "of"])
    }

    /// Moves the innermost group's lines into the enclosing group.
    mutating func foldInnermost() {
      let group = groups.removeLast()
      let sign = group.subtracts ? -1 : 1
      groups[groups.count - 1].entries += group.entries.map { Entry(row: $0.row, sign: $0.sign * sign) }
    }

    /// "Total X": closes the group headed X, or is a running subtotal of the innermost group.
    mutating func closeTotal(_ index: Int) {
      let words = headingWords(table.rows[index].label)
      let matched = groups.indices.reversed().first { $0 > 0 && !groups[$0].words.isEmpty && groups[$0].words.isSubset(of: words) }
      if let matched {
        while groups.count - 1 > matched {
          // Nested headings never totalled fold into the group being closed, as printed.
          let group = groups.removeLast()
          groups[groups.count - 1].entries += group.entries
        }
        let group = groups[matched]
        compare(index, readings: readings(group.entries, allowCostReading: !group.subtracts, kind: table.rows[index].kind), strong: true, context: group.heading)
        groups.removeLast()
        let positive = columns.contains { (table.rows[index].values[$0].map { !$0.isNegative && !$0.isZero }) ?? false }
        groups[groups.count - 1].entries.append(Entry(row: index, sign: group.subtracts && positive ? -1 : 1, isTotal: true))
      } else {
        let target = groups.indices.reversed().first { !groups[$0].entries.isEmpty } ?? groups.count - 1
        while groups.count - 1 > target { foldInnermost() }
        let entries = groups[target].entries
        let kind = table.rows[index].kind
        // "Gross profit / SG&A / R&D / Total operating expenses": the total covers the lines
        // after the previous result, which stays in the running total with the total
        // subtracted when it totals costs.
        if let first = entries.first, entries.count > 1, isResult(first.row) {
          let rest = readings(Array(entries.dropFirst()), allowCostReading: false, kind: kind)
          if fitsBetter(index, rest, than: readings(entries, allowCostReading: true, kind: kind)) {
            compare(index, readings: rest, strong: true, context: groups[target].heading)
            let positive = columns.contains { (table.rows[index].values[$0].map { !$0.isNegative && !$0.isZero }) ?? false }
            let subtracts = positive && CheckSupport.isExpenseLike(table.rows[index].label)
            groups[target].entries = [first, Entry(row: index, sign: subtracts ? -1 : 1, isTotal: true)]
            return
          }
        }
        compare(index, readings: readings(entries, allowCostReading: true, kind: kind), strong: true, context: groups[target].heading)
        groups[target].entries = [Entry(row: index, sign: 1, isTotal: true)]
      }
    }

    /// Whether a row closed a running total before (a rule above it, or a result's label).
    func isResult(_ row: Int) -> Bool {
      table.rows[row].ruleAbove || CheckSupport.isResultLike(table.rows[row].label)
    }

    /// A result line: the running total since the previous result. Returns whether it was
    /// taken as a subtotal (always, when `strong` and there are lines of its kind above).
    mutating func checkResult(_ index: Int, strong: Bool) -> Bool {
      var copy = self
      while copy.groups.count > 1 { copy.foldInnermost() }
      let all = copy.groups[0].entries
      let kind = table.rows[index].kind
      let full = readings(all, allowCostReading: true, kind: kind)
      // Or only the lines since the previous result ("Net cash used in investing
      // activities"), the earlier results staying in the running total.
      var kept: [Entry] = []
      var since: [Entry] = []
      if let last = all.lastIndex(where: \.isTotal), last < all.count - 1 {
        kept = Array(all[...last])
        since = Array(all[(last + 1)...])
      } else if let first = all.first, isResult(first.row), all.count > 1 {
        kept = [first]
        since = Array(all.dropFirst())
      }
      let partial = readings(since, allowCostReading: true, kind: kind).map { reading in
        var partial = reading
        partial.partial = true
        return partial
      }
      let options = full + partial
      guard !options.isEmpty else { return false }
      if !strong && !ties(index, options, withinRounding: true) { return false }
      compare(index, readings: options, strong: strong, context: nil)
      let usePartial = !partial.isEmpty && !ties(index, full, withinRounding: false) && fitsBetter(index, partial, than: full)
      reset()
      groups[0].entries = (usePartial ? kept : []) + [Entry(row: index, sign: 1, isTotal: true)]
      return true
    }

    /// The readings of a list of lines: as printed (with the signs the structure gives), and,
    /// where lines name costs printed positive, with those costs subtracted.
    func readings(_ entries: [Entry], allowCostReading: Bool, kind: RowKind) -> [Reading] {
      let usable = entries.filter { table.rows[$0.row].kind == kind }
      guard !usable.isEmpty else { return [] }
      // 0: as printed; 1: positive cost lines subtracted; 2: the first line less all the rest.
      var result: [Reading] = []
      for reading in allowCostReading ? [0, 1, 2] : [0] {
        var values: [Decimal] = []
        var parts: [String] = []
        for (position, entry) in usable.enumerated() {
          let row = table.rows[entry.row]
          let subtracted = entry.sign == 1 && position > 0
            && (reading == 2 || reading == 1 && CheckSupport.isExpenseLike(row.label))
          parts.append((position == 0 ? (entry.sign < 0 ? "−" : "") : (entry.sign < 0 || subtracted ? " − " : " + ")) + "\"\(row.label)\"")
          for (c, column) in columns.enumerated() {
            if values.count <= c { values.append(.zero) }
            var value = row.values[column] ?? .zero
            if entry.sign < 0 || (subtracted && !value.isNegative) { value = value.negated() }
            values[c] = values[c].plus(value)
          }
        }
        let description = parts.joined()
        if result.contains(where: { $0.description == description }) { continue }
        result.append(Reading(description: description, rows: usable.map(\.row), values: values))
      }
      return result
    }

    func tolerance(_ reading: Reading, column: Int) -> Decimal {
      let kind = table.rows[reading.rows[0]].kind
      let count = reading.rows.filter { !(table.rows[$0].values[column]?.isZero ?? true) }.count
      return CheckSupport.roundingTolerance(count: count, unit: CheckSupport.printedUnit(table, kind: kind))
    }

    /// Whether `options` describe the row better than `others`: they tie it exactly in some
    /// column, or come closer in every column.
    func fitsBetter(_ index: Int, _ options: [Reading], than others: [Reading]) -> Bool {
      let row = table.rows[index]
      func distance(_ readings: [Reading], _ c: Int, _ printed: Decimal) -> Decimal? {
        readings.map { printed.minus($0.values[c]).magnitude }.min()
      }
      var closer = true
      for (c, column) in columns.enumerated() {
        guard let printed = row.values[column], let mine = distance(options, c, printed) else { continue }
        if mine.isZero { return true }
        if let theirs = distance(others, c, printed), !(mine < theirs) { closer = false }
      }
      return closer
    }

    /// Whether some reading ties the row in every column, exactly or within rounding.
    func ties(_ index: Int, _ options: [Reading], withinRounding: Bool) -> Bool {
      let row = table.rows[index]
      var anyExact = false
      for (c, column) in columns.enumerated() {
        guard let printed = row.values[column] else { continue }
        let best = options.map { printed.minus($0.values[c]).magnitude }.min() ?? printed.magnitude
        if best.isZero { anyExact = true; continue }
        if !withinRounding { return false }
        guard let reading = options.first(where: { printed.minus($0.values[c]).magnitude == best }),
          best <= tolerance(reading, column: column)
        else { return false }
      }
      return anyExact
    }

    mutating func compare(_ index: Int, readings options: [Reading], strong: Bool, context: String?) {
      let row = table.rows[index]
      guard !options.isEmpty, row.kind == table.rows[options[0].rows[0]].kind else { return }
      // Per-share lines that hold dollar totals are reported by the per-share rule.
      if row.kind == .perShare, options[0].rows.contains(where: { PerShareRule.holdsDollarTotal(table, row: $0) }) { return }
      for (c, column) in columns.enumerated() {
        guard let printed = row.values[column] else { continue }
        // Any reading that ties is enough; else the closest full reading is reported.
        if options.contains(where: { printed.minus($0.values[c]).isZero }) { continue }
        let full = options.filter { !$0.partial }
        let best = (full.isEmpty ? options : full).min { printed.minus($0.values[c]).magnitude < printed.minus($1.values[c]).magnitude }!
        let cell = Cell(table: table, row: index, column: column)
        let lines = best.rows.map { String(table.rows[$0].line) }.joined(separator: ", ")
        let under = context.map { " under \"\($0)\"" } ?? ""
        let message =
          "\"\(row.label)\" (\(table.columns[column].header)) does not equal \(best.rows.count == 1 ? "the line" : "the lines")\(under) it totals"
        if let finding = CheckSupport.mismatch(
          rule: rule, company: company, printed: cell, computed: best.values[c],
          computedDescription: "\(best.description) (lines \(lines))", tolerance: tolerance(best, column: column),
          message: message)
        {
          findings.append(finding)
        }
      }
    }
  }
}
