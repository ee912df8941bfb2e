import FSQCore
import Testing

// MARK: - Exact decimal arithmetic

private func d(_ text: String) -> Decimal { Decimal(parsing: text)! }

@Suite struct DecimalTests {
  @Test func tenthsAddExactly() throws {
    let sum = try d("0.1").adding(d("0.2"))
    #expect(sum == d("0.3"))
    #expect(sum.isExact)
    #expect(sum.description == "0.3")
  }

  @Test func sumsAreExactToTheCent() throws {
    let figures = ["11853020.37", "-987196.12", "0.01", "6749842.99", "-0.25", "123456789012.34"]
    var total = Decimal.zero
    for figure in figures { total = try total.adding(d(figure)) }
    #expect(total.description == "123474404679.34")
    #expect(total.isExact)
    var cents = Decimal.zero
    for _ in 0..<1000 { cents = try cents.adding(d("0.01")) }
    #expect(cents == Decimal(10))
    #expect(try d("0.3").subtracting(d("0.1")) == d("0.2"))
    #expect(try d("1.10").multiplying(by: d("3")) == d("3.3"))
  }

  @Test func marginPrintsAtFullDoublePrecision() throws {
    let margin = try Decimal(987196).dividing(by: Decimal(11853020)).multiplying(by: .hundred)
    #expect(!margin.isExact)
    #expect(Double(margin.description)!.description == "8.328645357891913")
    #expect(margin.doubleValue.description == "8.328645357891913")
  }

  @Test func exactQuotientsStayExact() throws {
    #expect(try Decimal(1).dividing(by: Decimal(4)) == d("0.25"))
    #expect(try Decimal(1).dividing(by: Decimal(4)).isExact)
    #expect(try !Decimal(1).dividing(by: Decimal(3)).isExact)
    #expect(try Decimal(-6).dividing(by: d("0.5")) == Decimal(-12))
  }

  @Test func divisionByZeroAndOverflowThrow() throws {
    #expect(throws: ArithmeticError.divisionByZero) { try Decimal(1).dividing(by: .zero) }
    #expect(throws: ArithmeticError.divisionByZero) { try Decimal.zero.dividing(by: d("0.000")) }
    let huge = try Decimal(significand: 1, exponent: Decimal.maxExponent)
    #expect(throws: ArithmeticError.overflow) { try huge.multiplying(by: Decimal(10)) }
    #expect(throws: ArithmeticError.overflow) { try huge.adding(huge.multiplying(by: Decimal(9))) }
    #expect(throws: ArithmeticError.overflow) { try Decimal(significand: 1, exponent: Decimal.maxExponent + 1) }
    #expect(throws: ArithmeticError.overflow) { try Decimal(10).power(10_001) }
    #expect(throws: ArithmeticError.overflow) { try Decimal(10).power(7000) }
    #expect(Decimal(parsing: "1e999999") == nil)
    #expect(try Decimal(2).power(10) == Decimal(1024))
    #expect(try Decimal(2).power(-2) == d("0.25"))
  }

  @Test func roundingIsHalfEven() {
    let cases: [(String, Int, String)] = [
      ("2.5", 0, "2"), ("3.5", 0, "4"), ("-2.5", 0, "-2"), ("-3.5", 0, "-4"), ("2.51", 0, "3"),
      ("0.125", 2, "0.12"), ("0.135", 2, "0.14"), ("0.1251", 2, "0.13"), ("1250", -2, "1200"),
      ("1350", -2, "1400"), ("1.005", 2, "1"), ("9.995", 2, "10"), ("7", 2, "7"),
    ]
    for (input, places, expected) in cases {
      #expect(d(input).rounded(places: places) == d(expected), "\(input) to \(places) places")
    }
    #expect(d("0.125").rounded(places: 2).isExact == false)
    #expect(d("0.12").rounded(places: 2).isExact)
  }

  @Test func parsing() {
    #expect(d("123") == Decimal(123))
    #expect(d("1_000.25").description == "1000.25")
    #expect(d("1e3") == Decimal(1000))
    #expect(d("2.5E-4").description == "0.00025")
    #expect(d("-1.5").description == "-1.5")
    #expect(d("+2") == Decimal(2))
    #expect(d(".5").description == "0.5")
    #expect(d("0.000") == .zero)
    #expect(d("1.50").exponent == -1)
    for bad in ["", "abc", "1e", "1e+", "1.2.3", "_1", "-", "1x", "e5", "1e5x"] {
      #expect(Decimal(parsing: bad) == nil, "\(bad)")
    }
    // More digits than fit are rounded, and marked inexact.
    let long = d("1234567890123456789012345678901234567")
    #expect(!long.isExact)
    #expect(long.digitCount <= Decimal.precision)
  }

  @Test func formatting() {
    #expect(d("1234567.891").formatted(places: 2) == "1,234,567.89")
    #expect(d("-1234.5").formatted(places: 2) == "-1,234.50")
    #expect(d("11853020").formatted(places: 0) == "11,853,020")
    #expect(d("11853020").formatted(places: 0, grouping: false) == "11853020")
    #expect(d("999.995").formatted(places: 2) == "1,000.00")
    #expect(d("0.005").formatted(places: 2) == "0.00")
    #expect(d("0.015").formatted(places: 2) == "0.02")
    #expect(d("0.5").formatted(places: 3) == "0.500")
    #expect(d("-0.03").formatted(places: 2) == "-0.03")
    #expect(d("-0.001").formatted(places: 2) == "0.00")
    #expect(d("123").formatted(places: 0) == "123")
    #expect(d("-123456").formatted(places: 1) == "-123,456.0")
    #expect(d("1e6").formatted(places: 0) == "1,000,000")
  }

  @Test func comparisonsAcrossExponents() {
    #expect(d("1.50") == d("1.5"))
    #expect(d("1e3") == d("1000"))
    #expect(d("0.999") < d("1"))
    #expect(d("1") < d("1.001"))
    #expect(d("-2") < d("-1.5"))
    #expect(d("-0.1") < .zero)
    #expect(d("9.99e39") < d("1e40"))
    #expect(d("100") > d("99.999999"))
    #expect(d("1e-5") > d("0.0000099"))
    #expect(Set([d("2.0"), d("2"), d("0.2e1")]).count == 1)
    #expect([d("3"), d("-1"), d("2.5"), d("0.1e2")].sorted() == [d("-1"), d("2.5"), d("3"), d("10")])
  }
}
