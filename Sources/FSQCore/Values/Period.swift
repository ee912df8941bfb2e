// MARK: - Periods

/// A period as written in fsq, before it is placed on a company's calendar:
/// `q3 2009`, `fy2008`, `h1 2009`, `9m 2009`, `cq4 2010`, or an instant `2009-09-30`.
///
/// Fiscal labels follow the company's fiscal year end; `cq`/`cy` labels are calendar ones.
public struct PeriodSpec: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    case quarter(Int)
    case half(Int)
    case year
    /// The first `n` months of the (fiscal) year: `9m 2009`.
    case monthsToDate(Int)
    case instant(CivilDate)
    /// Explicit bounds, from period functions such as `prior` on a resolved period.
    case range(start: CivilDate, end: CivilDate)
  }
  public var kind: Kind
  public var year: Int
  /// Calendar rather than fiscal labelling.
  public var calendar: Bool

  public init(_ kind: Kind, year: Int, calendar: Bool = false) {
    self.kind = kind
    self.year = year
    self.calendar = calendar
  }

  public static func instant(_ date: CivilDate) -> PeriodSpec {
    PeriodSpec(.instant(date), year: date.year, calendar: true)
  }

  public var isInstant: Bool {
    if case .instant = kind { return true }
    return false
  }

  /// Number of months the period spans (0 for an instant).
  public var months: Int {
    switch kind {
    case .quarter: 3
    case .half: 6
    case .year: 12
    case .monthsToDate(let n): n
    case .instant: 0
    case .range(let start, let end): max(1, Int(((Double(end.dayNumber - start.dayNumber + 1)) / 30.44).rounded()))
    }
  }

  /// The canonical spelling, which fsq also reads back: `q3 2009`, `fy 2008`, `9m 2009`.
  public var description: String {
    let c = calendar ? "c" : ""
    switch kind {
    case .quarter(let q): return "\(c)q\(q) \(year)"
    case .half(let h): return "\(calendar ? "c" : "")h\(h) \(year)"
    case .year: return calendar ? "cy \(year)" : "fy \(year)"
    case .monthsToDate(let n): return "\(n)m \(year)"
    case .instant(let date): return date.description
    case .range(let start, let end): return "\(start)..\(end)"
    }
  }
}

/// A company's fiscal year end: a month and day (`12-31`), or, for 52/53-week years, the
/// month only, with the exact day inferred from reported periods.
public struct FiscalYearEnd: Hashable, Sendable, CustomStringConvertible {
  public var month: Int
  public var day: Int
  /// The fiscal year is named for the calendar year in which it begins: retailers' "fiscal
  /// 2005" ends on January 28, 2006. Otherwise (the usual case) for the year in which it ends.
  public var namedForStartYear: Bool
  public init(month: Int, day: Int, namedForStartYear: Bool = false) {
    self.month = month
    self.day = day
    self.namedForStartYear = namedForStartYear
  }
  public static let december = FiscalYearEnd(month: 12, day: 31)
  public var description: String { "\(CivilDate(unchecked: 2000, month, 1).monthName.prefix(3)) \(day)" }

  /// The nominal end date of fiscal year `year`.
  public func endOfFiscalYear(_ year: Int) -> CivilDate {
    let endYear = namedForStartYear ? year + 1 : year
    return CivilDate(unchecked: endYear, month, min(day, CivilDate.daysIn(month: month, year: endYear)))
  }
}

/// A period placed on a calendar: either an instant or a duration from `start` to `end`
/// (both inclusive).
public struct ResolvedPeriod: Hashable, Sendable, CustomStringConvertible {
  public var start: CivilDate?
  public var end: CivilDate
  public init(start: CivilDate?, end: CivilDate) {
    self.start = start
    self.end = end
  }
  public var isInstant: Bool { start == nil }
  public var days: Int { start.map { end.dayNumber - $0.dayNumber + 1 } ?? 0 }
  public var months: Int { start == nil ? 0 : max(1, Int((Double(days) / 30.44).rounded())) }
  public var description: String {
    if let start { return "\(start)..\(end)" }
    return end.description
  }

  /// Whether two periods are the same reporting period, allowing a week of slack for
  /// 52/53-week fiscal calendars.
  public func matches(_ other: ResolvedPeriod) -> Bool {
    if isInstant != other.isInstant { return false }
    if abs(end.dayNumber - other.end.dayNumber) > 7 { return false }
    if isInstant { return true }
    return months == other.months
  }
}

extension PeriodSpec {
  /// Places the period on a company's calendar.
  public func resolve(fiscalYearEnd: FiscalYearEnd) -> ResolvedPeriod {
    let yearEnd = calendar ? FiscalYearEnd.december : fiscalYearEnd
    let fyEnd = yearEnd.endOfFiscalYear(year)
    let fyStart = fyEnd.adding(months: -12).adding(days: 1)
    switch kind {
    case .instant(let date):
      return ResolvedPeriod(start: nil, end: date)
    case .range(let start, let end):
      return ResolvedPeriod(start: start, end: end)
    case .quarter(let q):
      let end = fyEnd.adding(months: -12 + 3 * q)
      return ResolvedPeriod(start: end.adding(months: -3).adding(days: 1), end: end)
    case .half(let h):
      let end = fyEnd.adding(months: -12 + 6 * h)
      return ResolvedPeriod(start: end.adding(months: -6).adding(days: 1), end: end)
    case .year:
      return ResolvedPeriod(start: fyStart, end: fyEnd)
    case .monthsToDate(let n):
      return ResolvedPeriod(start: fyStart, end: fyEnd.adding(months: -12 + n))
    }
  }

  /// The same kind of period one year earlier.
  public var yearEarlier: PeriodSpec {
    var copy = self
    copy.year -= 1
    switch kind {
    case .instant(let date): copy.kind = .instant(date.adding(months: -12))
    case .range(let start, let end):
      copy.kind = .range(start: start.adding(months: -12), end: end.adding(months: -12))
    default: break
    }
    return copy
  }

  /// The period of the same length immediately before: q1 2009 → q4 2008.
  public var prior: PeriodSpec {
    var copy = self
    switch kind {
    case .quarter(let q):
      copy.kind = .quarter(q == 1 ? 4 : q - 1)
      if q == 1 { copy.year -= 1 }
    case .half(let h):
      copy.kind = .half(h == 1 ? 2 : 1)
      if h == 1 { copy.year -= 1 }
    case .year, .monthsToDate:
      copy.year -= 1
    case .instant(let date):
      // The previous quarter end.
      copy.kind = .instant(date.adding(months: -3))
    case .range(let start, let end):
      if start.day == 1 && end == end.endOfMonth {
        // Whole months: step back by the same number of months.
        let months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
        copy.kind = .range(start: start.adding(months: -months), end: start.adding(days: -1))
      } else {
        let length = end.dayNumber - start.dayNumber + 1
        copy.kind = .range(start: start.adding(days: -length), end: start.adding(days: -1))
      }
    }
    return copy
  }
}
