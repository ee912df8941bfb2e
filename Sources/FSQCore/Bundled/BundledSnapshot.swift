// MARK: - The bundled model as compiled-in values

/// The model of the two bundled seed releases as Swift values, so that fsq need not import
/// them at each start (the import was 80% of a one-liner's instructions). The values are in
/// `BundledSnapshotData.swift`, generated from a fresh import by
/// `FSQ_RECORD=1 swift test --filter BundledSnapshotTests`; that test fails whenever the
/// generated values and a fresh import of `BundledReleases` differ in any stored property.
enum BundledSnapshot {
  // Short constructors the generated file is written with.

  static func d(_ significand: Int128, _ exponent: Int = 0, inexact: Bool = false) -> Decimal {
    Decimal(uncheckedSignificand: significand, exponent: exponent, exact: !inexact)
  }

  static func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    CivilDate(unchecked: year, month, day)
  }

  /// A duration: start and end, both inclusive.
  static func span(_ y1: Int, _ m1: Int, _ d1: Int, _ y2: Int, _ m2: Int, _ d2: Int) -> ResolvedPeriod {
    ResolvedPeriod(start: CivilDate(unchecked: y1, m1, d1), end: CivilDate(unchecked: y2, m2, d2))
  }

  static func at(_ year: Int, _ month: Int, _ day: Int) -> ResolvedPeriod {
    ResolvedPeriod(start: nil, end: CivilDate(unchecked: year, month, day))
  }

  static func src(
    _ document: String, _ statement: String, _ label: String, _ column: String, _ line: Int, _ sentence: String? = nil,
    sign: String? = nil
  ) -> SourceReference {
    var source = SourceReference(
      document: document, statement: statement, label: label, column: column, line: line, sentence: sentence)
    source.signNote = sign
    return source
  }
}
