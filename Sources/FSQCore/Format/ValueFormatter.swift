// MARK: - Values as text

/// How values read in text output: `$11,853,020`, `8.33%`, `+2.13 pp`, `0.29x`,
/// `-$0.03 per share`, `67,663,257 shares`. JSON and CSV use `jsonNumber` instead, at full
/// precision.
public enum ValueFormatter {
  public static func text(_ value: Value) -> String {
    switch value {
    case .quantity(let q): return text(q)
    case .text(let s): return "\"\(s)\""
    case .bool(let b): return b ? "true" : "false"
    case .period(let p): return p.description
    case .function(let name): return "<function \(name)>"
    case .table: return "<table>"
    case .list(let values): return "[" + values.map(source).joined(separator: ", ") + "]"
    case .series(let series):
      return zip(series.periods, series.values).map { "\($0): \($1.map(text) ?? "—")" }.joined(separator: "; ")
    case .nothing: return ""
    }
  }

  /// Plain text without quotes, for table cells and CSV.
  public static func bare(_ value: Value) -> String {
    if case .text(let s) = value { return s }
    return text(value)
  }

  public static func text(_ q: Quantity) -> String {
    let body = amountText(q)
    return q.isDerived ? body + " (derived)" : body
  }

  /// The amount in its unit; `places`, when given, is the number of decimals shown (a table's
  /// `decimals N`), rounded from the full amount, never padded.
  static func amountText(_ q: Quantity, places: Int? = nil) -> String {
    let amount = q.displayAmount
    let negative = amount.isNegative
    let magnitude = amount.magnitude
    switch q.unit {
    case .currency(let code):
      let digits =
        places.map { magnitude.formatted(places: $0) }
        ?? (q.scale > 0
          ? scaledDigits(magnitude)
          : magnitude.formatted(places: magnitude.isInteger || (magnitude.rounded(places: 0) == magnitude) ? 0 : 2))
      let suffix = Quantity.scaleSuffixes[q.scale]
      let sign = negative ? "-" : ""
      return code == "USD" ? "\(sign)$\(digits)\(suffix)" : "\(sign)\(digits)\(suffix) \(code)"
    case .perShare(let code):
      let digits = magnitude.formatted(places: places ?? 2)
      let sign = negative ? "-" : ""
      return code == "USD" ? "\(sign)$\(digits) per share" : "\(sign)\(digits) \(code) per share"
    case .percent:
      return amount.formatted(places: places ?? ratioPlaces(amount), grouping: true) + "%"
    case .percentagePoints:
      let digits = amount.formatted(places: places ?? ratioPlaces(amount))
      return (negative || digits.hasPrefix("-") ? digits : "+" + digits) + " pp"
    case .multiple:
      return amount.formatted(places: places ?? ratioPlaces(amount)) + "x"
    case .shares:
      if q.scale > 0 {
        return (negative ? "-" : "") + (places.map { magnitude.formatted(places: $0) } ?? scaledDigits(magnitude))
          + Quantity.scaleSuffixes[q.scale] + " shares"
      }
      return amount.formatted(places: places ?? (amount.isInteger ? 0 : 2)) + " shares"
    case .years:
      return (places.map { amount.formatted(places: $0) } ?? plain(amount)) + " years"
    case .none:
      return places.map { amount.formatted(places: $0) } ?? plain(amount)
    }
  }

  /// A scaled amount shows two decimals, or fewer when it was rounded to fewer
  /// (`round(revenue(q3 2009) / 1M, 1)` is $11.9M).
  static func scaledDigits(_ magnitude: Decimal) -> String {
    magnitude.formatted(places: magnitude.isExact ? min(2, max(0, -magnitude.exponent)) : 2)
  }

  /// Ratios show two decimals, or fewer when the value is exact with fewer (8.3% stays 8.3%,
  /// a rounded -17% stays -17%).
  static func ratioPlaces(_ amount: Decimal) -> Int {
    amount.isExact ? min(2, max(0, -amount.exponent)) : 2
  }

  /// Exact digits when the number is exact; otherwise the shortest text that reads back as
  /// the same double, so no float noise shows.
  static func plain(_ amount: Decimal) -> String {
    amount.isExact ? amount.plainString : shortest(amount)
  }

  static func shortest(_ amount: Decimal) -> String {
    let double = amount.doubleValue
    var text = double.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  /// The number for JSON and CSV, in the unit named: exact digits for exact values, the
  /// shortest round-trip double text for rounded quotients (8.328645357891913).
  public static func jsonNumber(_ q: Quantity) -> String {
    let amount = q.displayAmount
    if amount.isExact {
      if amount.exponent > 40 || amount.exponent < -40 { return amount.scientificString }
      return amount.plainString
    }
    return shortest(amount)
  }

  /// The value for JSON: `jsonNumber`, or that same text as a JSON string when no JSON reader
  /// could hold it as a double (beyond ±1.8e308, or so small it would read as zero), so its
  /// digits are never lost or read as infinity: `"1e+600"`.
  public static func jsonValue(_ q: Quantity) -> String {
    let number = jsonNumber(q)
    let double = q.displayAmount.roughDouble
    if double.isInfinite || (double == 0 && !q.displayAmount.isZero) { return "\"" + number + "\"" }
    return number
  }

  /// How a value is written back as fsq source, for explain's call descriptions.
  public static func source(_ value: Value) -> String {
    switch value {
    case .period(let p): return p.description
    case .function(let name): return name
    case .text(let s): return "\"\(s)\""
    default: return text(value)
    }
  }
}
