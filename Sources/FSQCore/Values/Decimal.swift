// MARK: - Exact decimal arithmetic

/// An exact decimal number: `significand × 10^exponent`, with up to 34 significant digits.
///
/// Sums, differences and products of reported figures are exact (`0.1 + 0.2 == 0.3`);
/// quotients that do not terminate are rounded half-even to 34 significant digits and marked
/// inexact, so output can print them at full double precision without float noise.
///
///     let margin = try Decimal(987196).dividing(by: Decimal(11853020))
///     margin.isExact   // false
public struct Decimal: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Always normalised: no trailing decimal zeros, zero has exponent 0.
  public private(set) var significand: Int128
  public private(set) var exponent: Int
  /// False once a result was rounded.
  public private(set) var isExact: Bool

  public static let precision = 34
  public static let maxExponent = 6111
  public static let minExponent = -6176

  public static let zero = Decimal(0)
  public static let one = Decimal(1)
  public static let hundred = Decimal(100)

  public init(_ integer: Int) {
    self.init(uncheckedSignificand: Int128(integer), exponent: 0, exact: true)
  }

  /// Builds `significand × 10^exponent`, rounding to 34 digits. Throws on overflow.
  public init(significand: Int128, exponent: Int, exact: Bool = true) throws(ArithmeticError) {
    var value = Decimal(uncheckedSignificand: significand, exponent: exponent, exact: exact)
    try value.fitPrecision()
    self = value
  }

  init(uncheckedSignificand: Int128, exponent: Int, exact: Bool) {
    self.significand = uncheckedSignificand
    self.exponent = exponent
    self.isExact = exact
    normalize()
  }

  public var isZero: Bool { significand == 0 }
  public var isNegative: Bool { significand < 0 }
  public var isInteger: Bool { exponent >= 0 }
  public var sign: Int { significand == 0 ? 0 : (significand < 0 ? -1 : 1) }
  public var magnitude: Decimal {
    var copy = self
    copy.significand = significand.magnitude == 0 ? 0 : (significand < 0 ? -significand : significand)
    return copy
  }

  /// Number of decimal digits in the significand (1 for zero).
  public var digitCount: Int { Decimal.digits(significand.magnitude) }

  // MARK: Arithmetic

  public func adding(_ other: Decimal) throws(ArithmeticError) -> Decimal {
    if other.isZero { return self.exactness(with: other) }
    if isZero { return other.exactness(with: self) }
    var (a, b) = (self, other)
    if a.exponent > b.exponent { swap(&a, &b) }
    // b has the larger exponent: scale it down to a's exponent, or round a up to what fits.
    var exact = a.isExact && b.isExact
    let shift = b.exponent - a.exponent
    let room = 37 - b.digitCount
    var aSig = a.significand
    var exponent = a.exponent
    var bSig = b.significand
    if shift <= room {
      bSig *= Decimal.powersOfTen[shift]
    } else {
      bSig *= Decimal.powersOfTen[max(0, room)]
      exponent = b.exponent - max(0, room)
      let drop = exponent - a.exponent
      let (rounded, lost) = Decimal.roundDividing(aSig, byPowerOfTen: drop)
      aSig = rounded
      if lost { exact = false }
    }
    var result = Decimal(uncheckedSignificand: aSig + bSig, exponent: exponent, exact: exact)
    try result.fitPrecision()
    return result
  }

  public func subtracting(_ other: Decimal) throws(ArithmeticError) -> Decimal {
    try adding(other.negated())
  }

  public func negated() -> Decimal {
    var copy = self
    copy.significand = -significand
    return copy
  }

  public func multiplying(by other: Decimal) throws(ArithmeticError) -> Decimal {
    var a = self
    var b = other
    var exact = a.isExact && b.isExact
    // Keep the exact product within 38 digits: shorten the longer operand first.
    while a.digitCount + b.digitCount > 38 {
      if a.digitCount >= b.digitCount {
        exact = a.shorten(to: 38 - b.digitCount) && exact
      } else {
        exact = b.shorten(to: 38 - a.digitCount) && exact
      }
    }
    var result = Decimal(
      uncheckedSignificand: a.significand * b.significand, exponent: a.exponent + b.exponent,
      exact: exact)
    try result.fitPrecision()
    return result
  }

  public func dividing(by other: Decimal) throws(ArithmeticError) -> Decimal {
    if other.isZero { throw .divisionByZero }
    if isZero { return Decimal(uncheckedSignificand: 0, exponent: 0, exact: isExact && other.isExact) }
    let negative = (significand < 0) != (other.significand < 0)
    let divisor = UInt128(other.significand.magnitude)
    var remainder = UInt128(significand.magnitude)
    var quotient: UInt128 = 0
    var exponent = self.exponent - other.exponent
    // Long division in chunks of as many digits as fit, until 35 digits or an exact result.
    let divisorDigits = Decimal.digits(divisor)
    quotient = remainder / divisor
    remainder = remainder % divisor
    while remainder != 0 && Decimal.digits(quotient) <= Decimal.precision {
      let chunk = max(1, min(37 - divisorDigits, 36 - Decimal.digits(quotient)))
      remainder *= UInt128(Decimal.powersOfTen[chunk])
      quotient = quotient * UInt128(Decimal.powersOfTen[chunk]) + remainder / divisor
      remainder %= divisor
      exponent -= chunk
    }
    var exact = isExact && other.isExact
    if remainder != 0 {
      exact = false
      // Sticky digit so half-even rounding sees that something was left over.
      quotient = quotient * 10 + 1
      exponent -= 1
    }
    var result = Decimal(
      uncheckedSignificand: negative ? -Int128(quotient) : Int128(quotient), exponent: exponent,
      exact: exact)
    try result.fitPrecision()
    return result
  }

  /// Integer power, for `^` with a whole exponent.
  public func power(_ n: Int) throws(ArithmeticError) -> Decimal {
    if n < 0 {
      // A power of a non-zero base that rounds to zero (0.1 ^ 10000) makes its reciprocal too
      // large, not a division by zero.
      let positive = try power(-n)
      if positive.isZero && !isZero { throw .overflow }
      return try Decimal.one.dividing(by: positive)
    }
    if n > 10_000 { throw .overflow }
    var result = Decimal.one
    var base = self
    var k = n
    while k > 0 {
      if k & 1 == 1 { result = try result.multiplying(by: base) }
      k >>= 1
      if k > 0 { base = try base.multiplying(by: base) }
    }
    return result
  }

  /// Rounded half-even to `places` decimal places (negative places round to tens, hundreds…).
  public func rounded(places: Int) -> Decimal {
    let drop = -places - exponent
    if drop <= 0 { return self }
    if drop > 40 { return Decimal(uncheckedSignificand: 0, exponent: 0, exact: isExact && isZero) }
    let (rounded, lost) = Decimal.roundDividing(significand, byPowerOfTen: drop)
    return Decimal(uncheckedSignificand: rounded, exponent: -places, exact: isExact && !lost)
  }

  /// The value truncated to an integer, if it fits in `Int`.
  public var intValue: Int? {
    guard exponent >= 0 else { return nil }
    guard exponent <= 38 else { return nil }
    let (product, overflow) = significand.multipliedReportingOverflow(by: Decimal.powersOfTen[exponent])
    guard !overflow, product >= Int128(Int.min), product <= Int128(Int.max) else { return nil }
    return Int(product)
  }

  /// The nearest double (correctly rounded from the decimal text).
  public var doubleValue: Double { Double(scientificString) ?? .nan }

  /// The value as a `Double` without going through text: the significand times an exact power
  /// of ten (one rounding while the exponent is within ±22). For the importer's ratios and
  /// tolerances, which run for every figure; `doubleValue` stays the one for display.
  public var roughDouble: Double {
    // A significand that fits 64 bits (nearly all) converts directly: the generic conversion
    // from Int128 showed in import profiles. Both round to the nearest Double alike.
    var value = Int64(exactly: significand).map(Double.init) ?? Double(significand)
    var e = exponent
    while e > 0 {
      let step = Swift.min(e, 22)
      value *= Decimal.doublePowersOfTen[step]
      e -= step
    }
    while e < 0 {
      let step = Swift.min(-e, 22)
      value /= Decimal.doublePowersOfTen[step]
      e += step
    }
    return value
  }

  /// 10⁰ … 10²², each exact in a `Double`.
  static let doublePowersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
  ]

  // MARK: Comparison

  public static func < (lhs: Decimal, rhs: Decimal) -> Bool { compare(lhs, rhs) < 0 }
  public static func == (lhs: Decimal, rhs: Decimal) -> Bool {
    lhs.significand == rhs.significand && lhs.exponent == rhs.exponent
  }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(significand)
    hasher.combine(exponent)
  }

  static func compare(_ a: Decimal, _ b: Decimal) -> Int {
    if a.sign != b.sign { return a.sign < b.sign ? -1 : 1 }
    if a.sign == 0 { return 0 }
    // Same sign: compare magnitudes by adjusted exponent, then aligned significands.
    let aTop = a.digitCount + a.exponent
    let bTop = b.digitCount + b.exponent
    var magnitudeOrder: Int
    if aTop != bTop {
      magnitudeOrder = aTop < bTop ? -1 : 1
    } else {
      var x = a.significand.magnitude
      var y = b.significand.magnitude
      let shift = a.exponent - b.exponent
      if shift > 0 { x *= UInt128(powersOfTen[min(shift, 38)]) }
      if shift < 0 { y *= UInt128(powersOfTen[min(-shift, 38)]) }
      magnitudeOrder = x == y ? 0 : (x < y ? -1 : 1)
    }
    return a.sign > 0 ? magnitudeOrder : -magnitudeOrder
  }

  // MARK: Text

  /// Plain decimal notation, every digit: `-1234.5`, `0.3`, `11853020`.
  public var description: String { plainString }

  public var plainString: String {
    if exponent > 40 { return scientificString }
    let digits = String(significand.magnitude)
    var text: String
    if exponent >= 0 {
      text = digits + String(repeating: "0", count: exponent)
    } else {
      let places = -exponent
      if places >= digits.count {
        text = "0." + String(repeating: "0", count: places - digits.count) + digits
      } else {
        let cut = digits.index(digits.endIndex, offsetBy: -places)
        text = digits[..<cut] + "." + digits[cut...]
      }
    }
    return significand < 0 ? "-" + text : text
  }

  /// `1.2345e+50` style, used for extreme exponents and for conversion to `Double`.
  public var scientificString: String {
    let digits = String(significand.magnitude)
    let adjusted = exponent + digits.count - 1
    var text = String(digits.first!)
    if digits.count > 1 { text += "." + digits.dropFirst() }
    text += "e" + (adjusted < 0 ? "-" : "+") + String(abs(adjusted))
    return significand < 0 ? "-" + text : text
  }

  /// Digits with a fixed number of places and optional thousands grouping: `1,234.50`.
  public func formatted(places: Int, grouping: Bool = true) -> String {
    // Built in one byte buffer: the String slicing and appending this did per digit was most
    // of printing a money amount, a tenth of running a script of 20,000 statements.
    let value = rounded(places: places)
    let magnitude = value.significand.magnitude
    var digits = Array((magnitude <= UInt128(UInt64.max) ? String(UInt64(magnitude)) : String(magnitude)).utf8)
    let valueExponent = value.exponent
    if valueExponent > 0 { digits += repeatElement(UInt8(ascii: "0"), count: valueExponent) }
    let fractionDigits = max(0, -valueExponent)
    if digits.count <= fractionDigits {
      digits = Array(repeating: UInt8(ascii: "0"), count: fractionDigits - digits.count + 1) + digits
    }
    let integerCount = digits.count - fractionDigits
    var out: [UInt8] = []
    out.reserveCapacity(digits.count + digits.count / 3 + places + 2)
    if value.significand < 0 { out.append(UInt8(ascii: "-")) }
    let grouped = grouping && integerCount > 3
    for index in 0..<integerCount {
      if grouped && index > 0 && (integerCount - index) % 3 == 0 { out.append(UInt8(ascii: ",")) }
      out.append(digits[index])
    }
    if places > 0 {
      out.append(UInt8(ascii: "."))
      out += digits[integerCount...]
      if fractionDigits < places { out += repeatElement(UInt8(ascii: "0"), count: places - fractionDigits) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Parses `123`, `-1.5`, `1_000.25`, `1e3`, `2.5E-4`. Returns nil on anything else.
  public init?(parsing text: some StringProtocol) {
    self.init(parsingUTF8: Array(text.utf8)[...])
  }

  /// `init(parsing:)` on UTF-8 bytes already at hand (the parser's literals).
  init?(parsingUTF8 utf8: ArraySlice<UInt8>) {
    var digits = DecimalDigits()
    var negative = false
    var sawDigit = false
    var sawPoint = false
    var bytes = utf8
    if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
      negative = bytes.first == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        sawDigit = true
        digits.append(byte, afterPoint: sawPoint)
      } else if byte == UInt8(ascii: "_") && sawDigit {
      } else if byte == UInt8(ascii: ".") && !sawPoint {
        sawPoint = true
      } else {
        break
      }
      index += 1
    }
    guard sawDigit else { return nil }
    if index < bytes.endIndex {
      guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
      index += 1
      var expNegative = false
      if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        expNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      var value = 0
      var expDigits = 0
      while index < bytes.endIndex, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
        if value < 100_000_000 { value = value * 10 + Int(bytes[index] - 0x30) }
        expDigits += 1
        index += 1
      }
      guard expDigits > 0, index == bytes.endIndex else { return nil }
      digits.exponent += expNegative ? -value : value
    }
    var result = Decimal(
      uncheckedSignificand: negative ? -digits.significand : digits.significand, exponent: digits.exponent,
      exact: digits.exact)
    do { try result.fitPrecision() } catch { return nil }
    self = result
  }

  // MARK: Internals

  static let powersOfTen: [Int128] = {
    var table: [Int128] = [1]
    for _ in 1...38 { table.append(table.last! * 10) }
    return table
  }()

  static func digits(_ value: UInt128) -> Int {
    var count = 1
    var bound: UInt128 = 10
    while count < 39 && value >= bound {
      count += 1
      if count == 39 { break }
      bound *= 10
    }
    return count
  }

  /// Divides by 10^places rounding half-even; reports whether any nonzero digit was lost.
  static func roundDividing(_ value: Int128, byPowerOfTen places: Int) -> (Int128, Bool) {
    if places <= 0 { return (value, false) }
    if places > 38 { return (0, value != 0) }
    let divisor = powersOfTen[places]
    let magnitude = value.magnitude
    var quotient = magnitude / UInt128(divisor)
    let remainder = magnitude % UInt128(divisor)
    let half = UInt128(divisor) / 2
    if remainder > half || (remainder == half && quotient % 2 == 1) { quotient += 1 }
    let signed = Int128(quotient)
    return (value < 0 ? -signed : signed, remainder != 0)
  }

  private mutating func normalize() {
    if significand == 0 {
      exponent = 0
      return
    }
    while significand % 10 == 0 {
      significand /= 10
      exponent += 1
    }
  }

  /// Rounds to at most `digits` significant digits; returns whether the value stayed exact.
  private mutating func shorten(to digits: Int) -> Bool {
    let drop = digitCount - max(1, digits)
    guard drop > 0 else { return true }
    let (rounded, lost) = Decimal.roundDividing(significand, byPowerOfTen: drop)
    significand = rounded
    exponent += drop
    normalize()
    return !lost
  }

  private mutating func fitPrecision() throws(ArithmeticError) {
    if digitCount > Decimal.precision {
      if !shorten(to: Decimal.precision) { isExact = false }
    }
    if significand != 0 && exponent + digitCount - 1 > Decimal.maxExponent { throw .overflow }
    if significand != 0 && exponent < Decimal.minExponent {
      if !shorten(to: digitCount - (Decimal.minExponent - exponent)) { isExact = false }
      if exponent < Decimal.minExponent {
        significand = 0
        exponent = 0
        isExact = false
      }
    }
  }

  private func exactness(with other: Decimal) -> Decimal {
    var copy = self
    copy.isExact = isExact && other.isExact
    return copy
  }
}

/// Why an arithmetic operation had no result.
public enum ArithmeticError: Error, Sendable, Equatable {
  case divisionByZero
  case overflow
}

/// Digits read one at a time, as `Decimal(parsing:)` and `CellReader` read them: up to 37
/// significant digits into the significand; later ones only move the exponent (and make the
/// value inexact unless they are zeros).
struct DecimalDigits {
  var significand: Int128 = 0
  var exponent = 0
  var exact = true
  /// `Decimal.digits(significand.magnitude)`, kept as digits arrive.
  var count = 1

  /// Adds the ASCII digit `byte`, before or after the decimal point.
  @inline(__always)
  mutating func append(_ byte: UInt8, afterPoint: Bool) {
    if count < 37 {
      if significand != 0 { count += 1 }
      significand = significand * 10 + Int128(byte - 0x30)
      if afterPoint { exponent -= 1 }
    } else {
      if byte != 0x30 { exact = false }
      if !afterPoint { exponent += 1 }
    }
  }
}
