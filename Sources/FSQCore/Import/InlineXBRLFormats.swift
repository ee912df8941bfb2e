// MARK: - Inline XBRL transformation formats (ixt, ixt-sec)

/// The formats of the Inline XBRL Transformation Registry (versions 1 to 5, hyphenated or not)
/// and the SEC's ixt-sec that fsq reads for numbers, and the dates of the cover page. Anything
/// else is not read: the caller skips and counts the fact.
enum InlineFormats {
  /// Formats, by local name, whose text fsq turns into a number.
  static let numberFormats: Set<String> = dotDecimal.union(commaDecimal).union(zero).union(["numwordsen"])
  /// Version 1 of the registry named them by their separators (`numcommadot`: 1,234.5).
  static let dotDecimal: Set<String> = ["num-dot-decimal", "numdotdecimal", "numcommadot", "numspacedot"]
  static let commaDecimal: Set<String> = [
    "num-comma-decimal", "numcommadecimal", "numdotcomma", "numspacecomma", "numcomma",
  ]
  static let zero: Set<String> = ["fixed-zero", "zerodash", "numdash"]

  static func localName(_ format: String) -> Substring {
    format.split(separator: ":", omittingEmptySubsequences: false).last ?? Substring(format)
  }

  static func readsNumbers(_ format: String) -> Bool { numberFormats.contains(String(localName(format))) }

  /// The (non-negative) number that `text` states under `format`, or nil when the text does not
  /// fit the format. Without a format the text must be a plain decimal (`1234.5`).
  static func number(_ text: String, format: String?) -> Decimal? {
    guard let format else { return digits(text, grouping: [], point: ".") }
    let name = String(localName(format))
    if dotDecimal.contains(name) { return digits(text, grouping: [",", " ", "\u{00A0}"], point: ".") }
    if commaDecimal.contains(name) { return digits(text, grouping: [".", " ", "\u{00A0}"], point: ",") }
    if zero.contains(name) { return .zero }
    return name == "numwordsen" ? words(text) : nil
  }

  /// `number` × 10^`scale` (no scale: as printed).
  static func scaled(_ number: Decimal, by scale: String?) -> Decimal? {
    guard let scale else { return number }
    guard let power = Int(scale), (-30...30).contains(power) else { return nil }
    if power == 0 || number.isZero { return number }
    return try? Decimal(significand: number.significand, exponent: number.exponent + power)
  }

  /// Digits with group separators between them and one decimal point: `1,234.5`, `1.234,5`.
  static func digits(_ text: String, grouping: Set<Unicode.Scalar>, point: Unicode.Scalar) -> Decimal? {
    var plain = ""
    var sawPoint = false
    var sawDigit = false
    for scalar in text.unicodeScalars {
      if ("0"..."9").contains(scalar) {
        plain.unicodeScalars.append(scalar)
        sawDigit = true
      } else if scalar == point, !sawPoint {
        plain += "."
        sawPoint = true
      } else if grouping.contains(scalar), sawDigit, !sawPoint {
        continue
      } else {
        return nil
      }
    }
    guard sawDigit else { return nil }
    return Decimal(parsing: plain)
  }

  static let smallNumbers: [String: Int] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
  ]
  static let multipliers: [String: Int] = ["thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000]

  /// ixt-sec:numwordsen: `no`, `none`, `nil` → 0; `twenty-five`, `one hundred and five` → 25, 105.
  static func words(_ text: String) -> Decimal? {
    let lowered = TextTools.lowercasedASCII(text)
    let tokens = lowered.split { $0 == " " || $0 == "-" || $0 == "," || $0 == "\u{00A0}" || $0 == "\n" || $0 == "\t" }
    if tokens.count == 1, ["no", "none", "nil"].contains(tokens[0]) { return .zero }
    var total = 0
    var current = 0
    var sawNumber = false
    for token in tokens {
      if let small = smallNumbers[String(token)] {
        current += small
        sawNumber = true
      } else if token == "hundred", sawNumber {
        current = max(current, 1) * 100
      } else if let multiplier = multipliers[String(token)], sawNumber {
        total += max(current, 1) * multiplier
        current = 0
      } else if token == "and", sawNumber {
        continue
      } else {
        return nil
      }
    }
    guard sawNumber else { return nil }
    return Decimal(total + current)
  }

  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]

  /// A cover-page date (`September 30, 2023` under ixt:date-monthname-day-year-en, `09/30/2023`
  /// under ixt:date-month-day-year) as `2023-09-30`, a day of the year (`September 28` under
  /// ixt:date-monthname-day-en) as `--09-28`; nil for any other format or text.
  static func isoDate(_ text: String, format: String) -> String? {
    let name = localName(format)
    let tokens = TextTools.lowercasedASCII(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    let numbers = tokens.compactMap { Int($0) }
    var year: Int
    var month: Int
    var day: Int
    switch name {
    case "date-monthname-day-year-en", "datemonthnamedayyearen", "datemonthdayyearen", "datelongus", "dateshortus",
      "date-day-monthname-year-en", "datedaymonthnameyearen", "datedaymonthyearen", "datelonguk", "dateshortuk":
      guard
        let index = tokens.firstIndex(where: { token in
          token.count >= 3 && months.contains { $0.hasPrefix(token) }
        }),
        numbers.count == 2
      else { return nil }
      month = months.firstIndex { $0.hasPrefix(tokens[index]) }! + 1
      (day, year) = (numbers[0], numbers[1])
    case "date-monthname-day-en", "datemonthnamedayen", "datemonthdayen", "date-day-monthname-en",
      "datedaymonthnameen", "datedaymonthen":
      // A day of the year (the fiscal year's end): `September 28` → `--09-28`.
      guard
        let index = tokens.firstIndex(where: { token in
          token.count >= 3 && months.contains { $0.hasPrefix(token) }
        }),
        numbers.count == 1, let month = months.firstIndex(where: { $0.hasPrefix(tokens[index]) }),
        CivilDate(year: 2000, month: month + 1, day: numbers[0]) != nil
      else { return nil }
      return "--" + (month < 9 ? "0" : "") + String(month + 1) + "-" + (numbers[0] < 10 ? "0" : "") + String(numbers[0])
    case "date-month-day-year", "datemonthdayyear", "dateslashus", "datedotus":
      guard numbers.count == 3 else { return nil }
      (month, day, year) = (numbers[0], numbers[1], numbers[2])
    case "date-day-month-year", "datedaymonthyear", "dateslasheu", "datedoteu":
      guard numbers.count == 3 else { return nil }
      (day, month, year) = (numbers[0], numbers[1], numbers[2])
    default:
      return nil
    }
    if year < 100 { year += 2000 }
    guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
    return date.description
  }
}
