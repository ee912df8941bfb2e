// MARK: - Units that travel with values

/// The unit of a quantity. Percent and percentage points are stored as fractions
/// (8.3% is 0.083) and shown ×100; every other unit is stored in base units (dollars, shares).
public enum Unit: Hashable, Sendable, CustomStringConvertible {
  /// A plain number or count.
  case none
  /// An amount of money in an ISO currency: `USD`.
  case currency(String)
  case shares
  /// Money per share: `USD/share`.
  case perShare(String)
  /// A ratio shown as a percentage.
  case percent
  /// A difference of two percentages.
  case percentagePoints
  /// A multiple, shown with `x`: a current ratio of 0.29x.
  case multiple
  case years

  public static let usd = Unit.currency("USD")

  /// The unit's name in JSON and messages: `"USD"`, `"%"`, `"pp"`, `"USD/share"`, `"x"`.
  public var symbol: String? {
    switch self {
    case .none: nil
    case .currency(let code): code
    case .shares: "shares"
    case .perShare(let code): "\(code)/share"
    case .percent: "%"
    case .percentagePoints: "pp"
    case .multiple: "x"
    case .years: "years"
    }
  }

  /// How the unit is named in an error message.
  public var description: String {
    switch self {
    case .none: "a plain number"
    case .percent: "%"
    default: symbol ?? "?"
    }
  }

  /// Units stored as fractions and shown ×100.
  public var isScaledByHundred: Bool { self == .percent || self == .percentagePoints }

  /// Dimensionless units combine with plain numbers in sums.
  var isDimensionless: Bool {
    switch self {
    case .none, .percent, .percentagePoints, .multiple: true
    default: false
    }
  }

  // MARK: Unit algebra

  /// The unit of `a + b` / `a - b`, or nil when the units do not combine.
  static func sum(_ a: Unit, _ b: Unit, subtracting: Bool) -> Unit? {
    switch (a, b) {
    case _ where a == b:
      if a == .percent && subtracting { return .percentagePoints }
      return a
    case (.percent, .percentagePoints), (.percentagePoints, .percent):
      return subtracting && b == .percent ? nil : .percent
    case (.none, let other) where other.isDimensionless: return other
    case (let other, .none) where other.isDimensionless: return other
    default: return nil
    }
  }

  /// The unit of `a * b`, or nil.
  static func product(_ a: Unit, _ b: Unit) -> Unit? {
    switch (a, b) {
    case (.none, _): return b
    case (_, .none): return a
    case (.percent, _): return b
    case (_, .percent): return a
    case (.multiple, _): return b
    case (_, .multiple): return a
    case (.perShare(let code), .shares), (.shares, .perShare(let code)): return .currency(code)
    default: return nil
    }
  }

  /// The unit of `a / b`, or nil.
  static func quotient(_ a: Unit, _ b: Unit) -> Unit? {
    switch (a, b) {
    case _ where a == b:
      switch a {
      case .multiple: return .multiple
      case .none: return Unit.none
      default: return .percent
      }
    case (_, .none): return a
    case (.currency(let code), .shares): return .perShare(code)
    case (.currency(let code), .perShare(let other)) where code == other: return .shares
    case (_, .percent) where a != .none: return a
    case (_, .multiple) where a != .none: return a
    case (.percent, .percentagePoints), (.percentagePoints, .percent): return Unit.none
    case (.none, .percent), (.none, .multiple): return Unit.none
    default: return nil
    }
  }
}
