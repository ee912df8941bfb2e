// MARK: - Subtotals against their components

/// Walks a statement in printed order and checks each subtotal against the lines it sums,
/// found from the table's structure alone:
///
/// - a heading ("Operating Expenses:") opens a group; "Total X" closes the open group whose
///   heading X names, and the total joins the enclosing group, negated when the group lists
///   costs as positive figures (an expenses heading) so it is subtracted from what is above;
/// - "Total X" that names no open heading ("Total liabilities" under "Liabilities and
///   equity") is a running subtotal of the innermost group's lines since the previous total
///   that is not a part of X: "Total current liabilities" is a part of "Total liabilities",
///   "Total assets" is a part of nothing after it, and "Total A and B" sums "Total A" and
///   "Total B" (or their lines). Lines of another statement's items are a list, not a sum;
/// - "Net cash provided by (used in) X activities" closes the section headed "… X activities";
///   the ending cash balance is the beginning balance plus the net change;
/// - a running total its lines fall short of may stand for omitted lines (the lines stay, and
///   later totals are read both ways); in a statement titled condensed, summary or selected
///   that shortfall is a note, while lines exceeding their total are an error anywhere;
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
    /// A total printed above lines that fall short of it (a condensed statement): the lines
    /// may be its printed part or belong to the next total. Sums are read both ways.
    var coveredBy: Int? = nil
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
    /// Totals whose uncertain lines this reading counts as lines of their own.
    var uncovered: Set<Int> = []
  }

  struct Walker {
    var company: Company
    var table: StatementTable
    var groups: [Group] = []
    var findings: [Finding] = []
    var columns: [Int]
    var rule: String
    /// For each finding, the total whose uncertain lines it was about (retracted when a later
    /// total shows those lines belonged elsewhere).
    var findingTotals: [Int?] = []
    /// The import left out rows of this statement it could not read: a total its lines fall
    /// short of may be short by them.
    let leftOutRows: Bool
    /// The table's printed unit for each kind of row, found once (`printedUnit` scans every
    /// row; asked per total it made the check quadratic in the rows: 325 KB took 93 s).
    let units: [RowKind: Decimal]

    init(company: Company, table: StatementTable) {
      self.company = company
      self.table = table
      self.columns = CheckSupport.periodColumns(table)
      self.rule = table.kind == .reconciliation ? "reconciliation" : "subtotal"
      var units: [RowKind: Decimal] = [:]
      for kind in Set(table.rows.map(\.kind)) { units[kind] = CheckSupport.printedUnit(table, kind: kind) }
      self.units = units
      self.leftOutRows = company.importReports.contains { report in
        report.document == table.document
          && report.tables.contains { $0.title == table.title && $0.statement != nil && !$0.unread.isEmpty }
      }
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
        // "Cash at beginning of period" is no part of a running total; "Cash at end of
        // period" is the beginning balance plus the net change printed above it.
        if CashBalances.isBeginning(row.label) { continue }
        if CashBalances.isEnding(row.label), checkEndingBalance(index) {
          if row.doubleRuleBelow { reset() }
          previousWasTotal = true
          continue
        }
        // A total printed without a label closes the lines since the previous total.
        let isTotalLabel = Totals.isTotal(row.label) || row.label.isEmpty
        let resultLike = CheckSupport.isResultLike(row.label)
        if isTotalLabel {
          closeTotal(index)
          previousWasTotal = true
        } else if (row.ruleAbove && (!previousWasTotal || resultLike) || row.doubleRuleBelow) && hasEntries
          && checkResult(index, strong: true)
        {
          previousWasTotal = true
        } else if resultLike && (previousWasTotal || table.kind != .balanceSheet) && hasEntries
          && checkResult(index, strong: false)
        {
          previousWasTotal = true
        } else if closeImpliedSubtotal(index) {
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

    /// The ending balance of a cash flow statement against the beginning balance and the net
    /// change above it. Returns whether both were found (the row was checked).
    mutating func checkEndingBalance(_ index: Int) -> Bool {
      guard let beginning = (0..<index).last(where: { CashBalances.isBeginning(table.rows[$0].label) }),
        let change = (0..<index).last(where: {
          CashBalances.isNetChange(table.rows[$0].label) && table.rows[$0].kind == .money
        })
      else { return false }
      let reading = Reading(
        description: "\"\(table.rows[change].label)\" + \"\(table.rows[beginning].label)\"", rows: [change, beginning],
        values: columns.map { (table.rows[change].values[$0] ?? .zero).plus(table.rows[beginning].values[$0] ?? .zero) }
      )
      compare(index, readings: [reading], strong: true, context: nil)
      return true
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

    /// The words of a heading or total, singular ("Operating expenses and costs:" is closed
    /// by "Total operating expenses and cost").
    func headingWords(_ label: String) -> Set<String> {
      Set(
        CheckSupport.words(label).map { word in
          word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        }
      ).subtracting(["total", "and", "the", "of"])
    }

    /// Moves the innermost group's lines into the enclosing group.
    mutating func foldInnermost() {
      let group = groups.removeLast()
      let sign = group.subtracts ? -1 : 1
      groups[groups.count - 1].entries += group.entries.map { entry in
        var moved = entry
        moved.sign = entry.sign * sign
        return moved
      }
    }

    /// "Total X": closes the group headed X, or is a running subtotal of the innermost group's
    /// lines since the previous total that is not a part of it ("Total current liabilities"
    /// is a part of "Total liabilities"; "Total assets" is a part of neither).
    mutating func closeTotal(_ index: Int) {
      let label = table.rows[index].label
      let words = headingWords(label)
      let section = Totals.sectionWord(label)
      let matched = groups.indices.reversed().first { g in
        guard g > 0, !groups[g].words.isEmpty else { return false }
        if let section { return groups[g].words.contains("activities") && groups[g].words.contains(section) }
        return groups[g].words.isSubset(of: words)
      }
      if let matched {
        while groups.count - 1 > matched {
          // Nested headings never totalled fold into the group being closed, as printed.
          let group = groups.removeLast()
          groups[groups.count - 1].entries += group.entries
        }
        let group = groups[matched]
        compare(
          index,
          readings: readings(
            group.entries, allowCostReading: !group.subtracts, kind: table.rows[index].kind, target: index,
            flip: !group.subtracts),
          strong: true, context: group.heading, total: true)
        groups.removeLast()
        let positive = columns.contains { (table.rows[index].values[$0].map { !$0.isNegative && !$0.isZero }) ?? false }
        groups[groups.count - 1].entries.append(
          Entry(row: index, sign: group.subtracts && positive ? -1 : 1, isTotal: true))
        return
      }
      // A cash flow section total whose heading is gone (a nested heading folded it) covers
      // every line since the previous total, whatever headings they sit under.
      // So does "Total A and B" whose heading is gone ("Total liabilities" closed its own, and
      // equity sits under "Commitments and contingencies").
      let grand = CheckSupport.words(label).dropFirst().contains("and")
      let target =
        section != nil || grand
        ? 0 : groups.indices.reversed().first { !groups[$0].entries.isEmpty } ?? groups.count - 1
      while groups.count - 1 > target { foldInnermost() }
      let entries = groups[target].entries
      let kind = table.rows[index].kind
      // The lines since the previous total that is not a part of this one.
      var start = entries.count
      while start > 0 {
        let entry = entries[start - 1]
        if entry.isTotal && !Totals.isPart(table.rows[entry.row].label, of: label) { break }
        start -= 1
      }
      let barrier = start > 0 ? entries[start - 1] : nil
      let since = Array(entries[start...])
      let positive = columns.contains { (table.rows[index].values[$0].map { !$0.isNegative && !$0.isZero }) ?? false }
      guard !since.isEmpty, !fromAnotherStatement(index, since) else {
        groups[target].entries.append(Entry(row: index, sign: 1, isTotal: true))
        return
      }
      // "Gross profit / SG&A / R&D / Total operating expenses": the total covers the lines
      // after the previous result, which stays in the running total with the total
      // subtracted when it totals costs.
      if let first = barrier, isResult(first.row), !Totals.isTotal(table.rows[first.row].label) {
        let rest = readings(since, allowCostReading: false, kind: kind, target: index)
        if fitsBetter(index, rest, than: readings([first] + since, allowCostReading: true, kind: kind, target: index)) {
          let tied = ties(index, rest, withinRounding: true)
          compare(index, readings: rest, strong: true, context: groups[target].heading, total: true, tag: index)
          let subtracts = positive && CheckSupport.isExpenseLike(label)
          groups[target].entries =
            Array(entries[..<start]) + uncertainLines(since, tied: tied, total: index)
            + [Entry(row: index, sign: subtracts ? -1 : 1, isTotal: true)]
          return
        }
        let all = readings([first] + since, allowCostReading: true, kind: kind, target: index)
        let tied = ties(index, all, withinRounding: true)
        compare(index, readings: all, strong: true, context: groups[target].heading, total: true, tag: index)
        groups[target].entries =
          Array(entries[..<(start - 1)]) + uncertainLines([first] + since, tied: tied, total: index)
          + [Entry(row: index, sign: 1, isTotal: true)]
        return
      }
      if closeAfterTax(
        index, label: label, since: since, barrier: barrier, entries: entries, start: start, target: target)
      {
        return
      }
      let sinceOptions = readings(since, allowCostReading: true, kind: kind, target: index)
      // A total printed without a label may be the grand total of the totals above it (FICO's
      // total assets after "Total current assets" and the other assets): read both ways.
      let whole = label.isEmpty && start > 0 ? readings(entries, allowCostReading: true, kind: kind, target: index) : []
      let useWhole =
        !whole.isEmpty && !ties(index, sinceOptions, withinRounding: true) && ties(index, whole, withinRounding: true)
      if useWhole { start = 0 }
      let options = useWhole ? whole : sinceOptions
      let tied = ties(index, options, withinRounding: true)
      compare(index, readings: options, strong: true, context: groups[target].heading, total: true, tag: index)
      let subtracts = barrier.map { isResult($0.row) } == true && positive && CheckSupport.isExpenseLike(label)
      groups[target].entries =
        Array(entries[..<start]) + uncertainLines(since, tied: tied, total: index)
        + [Entry(row: index, sign: subtracts ? -1 : 1, isTotal: true)]
    }

    /// The lines a running total replaces: none when it ties; when it does not, they stay
    /// (the statement may show only some of its lines, or they may belong to the next total)
    /// and later sums are read with and without them.
    func uncertainLines(_ lines: [Entry], tied: Bool, total: Int) -> [Entry] {
      tied
        ? []
        : lines.map {
          var entry = $0; entry.coveredBy = entry.coveredBy ?? total; return entry
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
      // A line that only reads like a result, with no rule above, is a subtotal when the
      // lines as printed or with costs subtracted account for it: "the first line less all
      // the rest" would fit too many lines by chance.
      let full = readings(all, allowCostReading: true, kind: kind, target: index, firstLessRest: strong)
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
      let partial = readings(since, allowCostReading: true, kind: kind, target: index, firstLessRest: strong).map {
        reading in
        var partial = reading
        partial.partial = true
        return partial
      }
      let options = full + partial
      guard !options.isEmpty else { return false }
      // (Unless its label says what it nets: operating income as revenue less its costs.)
      if !strong && !ties(index, options, withinRounding: true)
        && !options.contains(where: { isEstablishedByMeaning(index, $0) })
      {
        return false
      }
      // A line under a rule that nets only the last few lines ("Gross loans receivable /
      // Reserve for loan losses / ----- / Net loans receivable") when no longer reading does:
      // the shortest run of last lines the columns bear out; the lines before it stay in the
      // running total for the totals below.
      if strong, !ties(index, options, withinRounding: true), let (prefix, run) = lastLinesReading(index, all) {
        compare(index, readings: run, strong: true, context: nil)
        reset()
        groups[0].entries = prefix + [Entry(row: index, sign: 1, isTotal: true)]
        return true
      }
      // A line under a rule whose label names no result ("Accounts receivable, net" under a
      // border of an HTML table) that no reading of the lines above accounts for is a line,
      // not a total: it stays in the running total rather than being noted as unverified.
      // The rule still ends the run above it ("Interest revenue" underlined, then the
      // expenses "Total expenses" sums): the line before the rule closes that run.
      if strong, !CheckSupport.isResultLike(table.rows[index].label), !table.rows[index].doubleRuleBelow,
        !ties(index, options, withinRounding: true)
      {
        // (Not where every line has a rule above it, as in tables bordered cell by cell.)
        if let g = groups.indices.last(where: { !groups[$0].entries.isEmpty }),
          let last = groups[g].entries.last, !table.rows[last.row].ruleAbove
        {
          groups[g].entries[groups[g].entries.count - 1].isTotal = true
        }
        return false
      }
      compare(index, readings: options, strong: strong, context: nil)
      let usePartial =
        !partial.isEmpty && !ties(index, full, withinRounding: false) && fitsBetter(index, partial, than: full)
      reset()
      groups[0].entries = (usePartial ? kept : []) + [Entry(row: index, sign: 1, isTotal: true)]
      return true
    }

    /// The readings of a list of lines: as printed (with the signs the structure gives), and,
    /// where lines name costs printed positive, with those costs subtracted. Lines of an
    /// "(income) expense" label carry an expense's sign and are subtracted from a result
    /// ("Income before income taxes"; not in a reconciliation, which adds expenses back). Lines a condensed total may
    /// cover are read both with the total alone and with the lines instead.
    func readings(
      _ entries: [Entry], allowCostReading: Bool, kind: RowKind, target: Int, flip: Bool = true,
      firstLessRest: Bool = true
    ) -> [Reading] {
      let usable = entries.filter { table.rows[$0.row].kind == kind }
      guard !usable.isEmpty else { return [] }
      let targetLabel = table.rows[target].label
      let flipsExpenses =
        flip && table.kind != .reconciliation && !Totals.isExpenseSigned(targetLabel)
        && CheckSupport.isResultLike(targetLabel)
      let present = Set(usable.map(\.row))
      let uncertain = Array(Set(usable.compactMap(\.coveredBy)).filter { present.contains($0) }.sorted().prefix(3))
      var result: [Reading] = []
      for mask in 0..<(1 << uncertain.count) {
        let uncovered = Set(uncertain.indices.filter { mask & (1 << $0) != 0 }.map { uncertain[$0] })
        let variant = usable.filter { entry in
          guard let total = entry.coveredBy, present.contains(total) else { return true }
          return uncovered.contains(total)
        }
        guard !variant.isEmpty else { continue }
        // 0: as printed; 1: positive cost lines subtracted; 2: the first line less all the rest;
        // 3: every line as printed, its heading's sign aside ("OPERATING EXPENSES" over lines
        // printed in parentheses, which already carry the sign they are summed with).
        // A reconciliation adds its adjustments as printed (expenses are added back): reading
        // its cost lines as subtracted would only find ties by chance.
        var kinds = allowCostReading && table.kind != .reconciliation ? (firstLessRest ? [0, 1, 2] : [0, 1]) : [0]
        if variant.contains(where: { $0.sign < 0 }) { kinds.append(3) }
        for reading in kinds {
          var values: [Decimal] = []
          var parts: [String] = []
          for (position, original) in variant.enumerated() {
            var entry = original
            if reading == 3 { entry.sign = 1 }
            let row = table.rows[entry.row]
            let expenseSigned =
              reading != 3 && flipsExpenses && entry.sign == 1 && position > 0 && Totals.isExpenseSigned(row.label)
            let subtracted =
              entry.sign == 1 && position > 0 && !expenseSigned
              && (reading == 2 || reading == 1 && CheckSupport.isExpenseLike(row.label))
            parts.append(
              (position == 0
                ? (entry.sign < 0 ? "−" : "") : (entry.sign < 0 || subtracted || expenseSigned ? " − " : " + "))
                + (row.label.isEmpty ? "(the total without a label)" : "\"\(row.label)\""))
            for (c, column) in columns.enumerated() {
              if values.count <= c { values.append(.zero) }
              var value = row.values[column] ?? .zero
              if entry.sign < 0 || expenseSigned || (subtracted && printsCostsPositive(entry.row)) {
                value = value.negated()
              }
              values[c] = values[c].plus(value)
            }
          }
          let description = parts.joined()
          if result.contains(where: { $0.description == description }) { continue }
          result.append(
            Reading(description: description, rows: variant.map(\.row), values: values, uncovered: uncovered))
        }
      }
      return result
    }

    /// A cost line printed as an amount of cost (some figure positive): subtracted in every
    /// column, so a benefit printed in parentheses adds back. A line printed all in
    /// parentheses already carries the sign it is summed with.
    func printsCostsPositive(_ row: Int) -> Bool {
      columns.contains { table.rows[row].values[$0].map { !$0.isNegative && !$0.isZero } ?? false }
    }

    func tolerance(_ reading: Reading, column: Int) -> Decimal {
      let kind = table.rows[reading.rows[0]].kind
      let count = reading.rows.filter { !(table.rows[$0].values[column]?.isZero ?? true) }.count
      return CheckSupport.roundingTolerance(
        count: count, unit: units[kind] ?? CheckSupport.printedUnit(table, kind: kind))
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

    /// Whether some reading ties the row in every column exactly, or (`withinRounding`) is
    /// borne out by the columns: one reading ties, exactly or within rounding, at least as
    /// many columns as it misses, and one exactly (a wrong figure in one column does not
    /// unmake the table's structure).
    func ties(_ index: Int, _ options: [Reading], withinRounding: Bool) -> Bool {
      if withinRounding {
        guard let best = structure(index, options) else { return false }
        return best.isBorneOut && best.exact > 0
      }
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

    /// Reports the columns no reading ties. A total its printed lines fall short of, in a
    /// statement titled condensed (or summary, selected …), is a note: such a statement omits
    /// lines. Lines that exceed their total are an error wherever they are printed. `tag`
    /// names a running total whose lines may instead belong to a later total: its findings
    /// are withdrawn when a later total ties only with those lines counted apart from it.
    mutating func compare(
      _ index: Int, readings options: [Reading], strong: Bool, context: String?, total: Bool = false, tag: Int? = nil
    ) {
      let row = table.rows[index]
      guard !options.isEmpty, row.kind == table.rows[options[0].rows[0]].kind else { return }
      // Per-share lines that hold dollar totals are reported by the per-share rule.
      if row.kind == .perShare, options[0].rows.contains(where: { PerShareRule.holdsDollarTotal(table, row: $0) }) {
        return
      }
      // One reading for every column: the table's structure, found from the columns that
      // bear it out or from the lines' meaning; without one the total stays unverified (a
      // condensed statement's total its lines fall short of is still a note).
      let full = options.filter { !$0.partial }
      let candidates = full.isEmpty ? options : full
      guard let chosen = structure(index, options) else { return }
      let established = chosen.isBorneOut || options.contains { isEstablishedByMeaning(index, $0) }
      let meaningful = candidates.first { isEstablishedByMeaning(index, $0) }
      var notedUnverified = false
      for (c, column) in columns.enumerated() {
        guard let printed = row.values[column] else { continue }
        let best: Reading
        if chosen.isBorneOut {
          best = chosen.reading
        } else if let meaningful {
          best = meaningful
        } else {
          best = candidates.min {
            printed.minus($0.values[c]).magnitude < printed.minus($1.values[c]).magnitude
          }!
        }
        if printed.minus(best.values[c]).isZero || !isComplete(best, column) { continue }
        let cell = Cell(table: table, row: index, column: column)
        let lines = best.rows.map { String(table.rows[$0].line) }.joined(separator: ", ")
        let under = context.map { " under \"\($0)\"" } ?? ""
        let computed = best.values[c]
        let tolerance = tolerance(best, column: column)
        // (Not when the same lines tie the total exactly in another column and miss in no
        // more: omitted lines would leave it short in every period.)
        let short =
          total
          && (leftOutRows || Totals.isCondensed(table.title) && !(chosen.isBorneOut && chosen.exact > 0))
          && printed.minus(computed).magnitude > tolerance
          && (printed.isNegative
            ? !(computed < printed) && !(Decimal.zero < computed) : computed < printed && !computed.isNegative)
        let name = row.label.isEmpty ? "The total printed without a label" : "\"\(row.label)\""
        let message =
          short
          ? "\(name) (\(table.columns[column].header)) is more than the \(best.rows.count == 1 ? "line" : "lines")\(under) printed above it; "
            + (leftOutRows
              ? "the import left out lines of this statement it could not read (--import-report lists them)"
              : "the statement is condensed and omits lines")
          : "\(name) (\(table.columns[column].header)) does not equal \(best.rows.count == 1 ? "the line" : "the lines")\(under) it totals"
        // A total no reading accounts for in any column is noted once, not reported against
        // a guess at its lines.
        if !established && !short && notedUnverified { continue }
        if var finding = CheckSupport.mismatch(
          rule: rule, company: company, printed: cell, computed: computed,
          computedDescription: "\(best.description) (lines \(lines))",
          computedLines: best.rows.map { table.rows[$0].line },
          tolerance: tolerance,
          message: message)
        {
          if short { finding.severity = .note }
          if !established && !short {
            notedUnverified = true
            finding.severity = .note
            finding.message =
              "cannot tell what \(row.label.isEmpty ? "the total printed without a label" : "\"\(row.label)\"") totals: no one reading of the lines\(under) above it ties any of its columns; the closest is shown for \(table.columns[column].header)"
          }
          findings.append(finding)
          findingTotals.append(tag)
        }
      }
      // A later total that ties (or comes closest) only with an earlier total's lines counted
      // apart from it shows those lines were never that total's: its finding is withdrawn.
      func distance(_ reading: Reading) -> Decimal {
        columns.indices.reduce(Decimal.zero) { sum, c in
          sum.plus(row.values[columns[c]].map { $0.minus(reading.values[c]).magnitude } ?? .zero)
        }
      }
      let tying = options.filter { ties(index, [$0], withinRounding: true) }
      let closest = tying.isEmpty ? options.min { distance($0) < distance($1) }.map { [$0] } ?? [] : tying
      if !closest.isEmpty, !closest.contains(where: { $0.uncovered.isEmpty }) {
        let withdrawn = closest[0].uncovered
        let keep = findingTotals.map { $0.map { !withdrawn.contains($0) } ?? true }
        findings = zip(findings, keep).filter(\.1).map(\.0)
        findingTotals = zip(findingTotals, keep).filter(\.1).map(\.0)
      }
    }
  }
}
