// MARK: - Values

/// A number with its unit: `$11,853,020`, `8.33%`, `+2.13 pp`.
public struct Quantity: Hashable, Sendable {
  public var amount: Decimal
  public var unit: Unit
  /// Computed by fsq from other figures rather than printed (shown as "derived").
  public var isDerived: Bool

  public init(_ amount: Decimal, _ unit: Unit = .none, derived: Bool = false) {
    self.amount = amount
    self.unit = unit
    self.isDerived = derived
  }

  /// The number in the unit named: 8.33% is 8.328…, not 0.0833.
  public var displayAmount: Decimal {
    unit.isScaledByHundred ? ((try? amount.multiplying(by: .hundred)) ?? amount) : amount
  }
}

/// Anything an fsq expression can produce.
public indirect enum Value: Sendable, Equatable {
  case quantity(Quantity)
  case text(String)
  case bool(Bool)
  case period(PeriodSpec)
  case table(ResultTable)
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
    case .function: "function"
    case .nothing: "nothing"
    }
  }
}

/// A table of results: items as rows, periods as columns, and an optional change column.
public struct ResultTable: Sendable, Equatable {
  public var title: String?
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
