// MARK: - Calendar dates

/// A day in the proleptic Gregorian calendar, with no time zone: `2009-09-30`.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// Validates the date; nil for `2009-02-30`.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= CivilDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`.
  public init?(iso text: some StringProtocol) {
    // The usual spelling, eight ASCII digits and two dashes, is read byte by byte; splitting
    // into substrings was a fifth of the parser's time on scripts full of periods.
    if text.utf8.count == 10 {
      var digits = (0, 0, 0)
      var plain = true
      for (index, byte) in text.utf8.enumerated() {
        if index == 4 || index == 7 {
          if byte != UInt8(ascii: "-") { plain = false }
        } else if byte >= 0x30 && byte <= 0x39 {
          let value = Int(byte - 0x30)
          if index < 4 {
            digits.0 = digits.0 * 10 + value
          } else if index < 7 {
            digits.1 = digits.1 * 10 + value
          } else {
            digits.2 = digits.2 * 10 + value
          }
        } else {
          plain = false
        }
      }
      if plain {
        self.init(year: digits.0, month: digits.1, day: digits.2)
        return
      }
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  public init(dayNumber: Int) {
    let z = dayNumber + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// The same day `months` later, clamped to the month's end; a month end stays a month end.
  public func adding(months: Int) -> CivilDate {
    let total = year * 12 + (month - 1) + months
    let y = total / 12
    let m = total % 12 + 1
    let isMonthEnd = day == CivilDate.daysIn(month: month, year: year)
    let lastDay = CivilDate.daysIn(month: m, year: y)
    return CivilDate(unchecked: y, m, isMonthEnd ? lastDay : min(day, lastDay))
  }

  public var endOfMonth: CivilDate {
    CivilDate(unchecked: year, month, CivilDate.daysIn(month: month, year: year))
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// Month number from an English name or abbreviation (`Sept.`, `Dec`), case-insensitive.
  public static func month(named text: some StringProtocol) -> Int? {
    let word = text.lowercased().filter { $0.isLetter }
    guard word.count >= 3 else { return nil }
    if word == "sept" { return 9 }
    for (index, name) in monthNames.enumerated() where name.hasPrefix(word) || word == name {
      return index + 1
    }
    return nil
  }

  public var monthName: String {
    let name = CivilDate.monthNames[month - 1]
    return name.prefix(1).uppercased() + name.dropFirst()
  }
}
