// MARK: - Values

/// A number with its unit: `$11,853,020`, `8.33%`, `+2.13 pp`.
public struct Quantity: Hashable, Sendable {
  public var amount: Decimal
  public var unit: Unit
  /// Computed by fsq from other figures rather than printed (shown as "derived").
  public var isDerived: Bool
  /// The thousands the amount is shown in (0 none, 1 K, 2 M, 3 bn): `revenue(q3 2009) / 1M`
  /// is the same $11,853,020, shown as `$11.85M`. Only money and share counts are shown scaled;
  /// the amount itself is never divided, so a scaled value compares and adds as itself.
  public var scale: Int

  public init(_ amount: Decimal, _ unit: Unit = .none, derived: Bool = false, scale: Int = 0) {
    self.amount = amount
    self.unit = unit
    self.isDerived = derived
    self.scale = scale
  }

  /// The largest scale shown (billions).
  public static let maximumScale = 3
  static let scaleSuffixes = ["", "K", "M", "bn"]
  static let scaleWords = ["", "thousands", "millions", "billions"]

  /// Whether the unit can be shown in thousands, millions or billions.
  static func isScalable(_ unit: Unit) -> Bool {
    switch unit {
    case .currency, .shares: true
    default: false
    }
  }

  /// The number in the unit named: 8.33% is 8.328…, not 0.0833; $11,853,020 shown in
  /// millions is 11.85302.
  public var displayAmount: Decimal {
    if unit.isScaledByHundred { return (try? amount.multiplying(by: .hundred)) ?? amount }
    if scale > 0 {
      return
        (try? Decimal(significand: amount.significand, exponent: amount.exponent - 3 * scale, exact: amount.isExact))
        ?? amount
    }
    return amount
  }

  /// The unit's name in JSON and CSV, with the scale shown: `USD millions`.
  public var unitSymbol: String? {
    guard scale > 0, let symbol = unit.symbol else { return unit.symbol }
    return "\(symbol) \(Quantity.scaleWords[scale])"
  }
}

/// Anything an fsq expression can produce.
public indirect enum Value: Sendable, Equatable {
  case quantity(Quantity)
  case text(String)
  case bool(Bool)
  case period(PeriodSpec)
  case table(ResultTable)
  /// `[revenue, sga]`, `items(income_statement)`, or the periods of `q1 2008..q3 2009`.
  case list([Value])
  /// One value per period: `revenue(q1 2008..q3 2009)`. A period with no figure holds nil.
  case series(Series)
  /// A function, item or metric named without calling it: `revenue` in `growth(revenue, q3 2009)`.
  case function(String)
  /// A statement with no value of its own (`let`, `def`, `use`).
  case nothing

  /// The kind of value, as named in error messages.
  public var typeName: String {
    switch self {
    case .quantity(let q): q.unit == .none ? "number" : "\(q.unit.symbol ?? "") amount"
    case .text: "text"
    case .bool: "boolean"
    case .period(let p): p.isInstant ? "date" : "period"
    case .table: "table"
    case .list: "list"
    case .series: "series"
    case .function: "function"
    case .nothing: "nothing"
    }
  }
}

/// A table of results: items as rows, periods as columns, and an optional change column.
public struct ResultTable: Sendable, Equatable {
  public var title: String?
  /// The heading over the row labels: `item`, or `period` for a series.
  public var rowHeader = "item"
  /// `decimals N`: every figure shows exactly N places; otherwise the figures of one row in
  /// one unit show as many places as the most precise of them.
  public var decimals: Int?
  public var columns: [String]
  public var rows: [Row]

  public struct Row: Sendable, Equatable {
    public var label: String
    public var cells: [Value?]
    public init(label: String, cells: [Value?]) {
      self.label = label
      self.cells = cells
    }
  }

  public init(title: String? = nil, columns: [String], rows: [Row]) {
    self.title = title
    self.columns = columns
    self.rows = rows
  }
}

/// Values over periods, in the order of the periods: what a function gives for a range.
public struct Series: Sendable, Equatable {
  /// What the series is of, as written: `revenue`, `margin(q1 2008..q3 2009)`.
  public var name: String
  public var periods: [PeriodSpec]
  /// One per period; nil where the company reports no figure.
  public var values: [Value?]

  public init(name: String, periods: [PeriodSpec], values: [Value?]) {
    self.name = name
    self.periods = periods
    self.values = values
  }

  /// The periods that have no figure.
  public var gaps: [PeriodSpec] { zip(periods, values).compactMap { $1 == nil ? $0 : nil } }
}
