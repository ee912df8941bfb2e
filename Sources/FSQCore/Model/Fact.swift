// MARK: - Facts and where they came from

/// The kind of statement a table or fact belongs to.
public enum StatementKind: String, Hashable, Sendable, CaseIterable {
  case incomeStatement = "income statement"
  case balanceSheet = "balance sheet"
  case cashFlow = "cash flow statement"
  case reconciliation = "reconciliation"
  case segment = "segment table"
  case other = "table"
  case text = "text"
}

/// Where a figure was printed: document, statement, printed label, column header and line.
public struct SourceReference: Hashable, Sendable, CustomStringConvertible {
  public var document: String
  public var statement: String
  public var label: String
  public var column: String
  /// One-based line in the document.
  public var line: Int
  /// For figures stated in the text: the sentence that states them.
  public var sentence: String?
  /// When the statement's structure, not the label, gave the row its item: the rule, as
  /// `explain` says it ("the first line of the income statement").
  public var namedBy: String?
  /// When fsq turned the printed sign (a cost printed in parentheses as a deduction): why, as
  /// `explain` says it.
  public var signNote: String?

  public init(
    document: String, statement: String, label: String, column: String, line: Int,
    sentence: String? = nil
  ) {
    self.document = document
    self.statement = statement
    self.label = label
    self.column = column
    self.line = line
    self.sentence = sentence
  }

  public var description: String {
    if let sentence { return "\(document):\(line): \"\(sentence)\"" }
    return "\(document):\(line): \(statement), \"\(label)\", column \"\(column)\""
  }
}

/// One reported figure: an item's value for a period, in base units.
public struct Fact: Hashable, Sendable {
  /// Canonical item name (`revenue`), or a name made from the printed label when the
  /// label maps to no canonical item (`advertising_and_marketing`).
  public var item: String
  /// The label as the company printed it.
  public var label: String
  public var statement: StatementKind
  /// The heading the row sits under (`Net Loss Per Common Share: Basic and Diluted`), so the
  /// same label in two sections stays two facts.
  public var section: String?
  public var period: ResolvedPeriod
  public var value: Decimal
  public var unit: Unit
  public var source: SourceReference
  /// Computed by fsq rather than printed (a Q4 derived from a year minus nine months).
  public var isDerived: Bool

  public init(
    item: String, label: String, statement: StatementKind, section: String? = nil,
    period: ResolvedPeriod, value: Decimal, unit: Unit, source: SourceReference,
    isDerived: Bool = false
  ) {
    self.item = item
    self.label = label
    self.statement = statement
    self.section = section
    self.period = period
    self.value = value
    self.unit = unit
    self.source = source
    self.isDerived = isDerived
  }
}

/// A claim in the text that compares or states figures, kept for `check`:
/// "a decrease of 17% compared to revenues of $14.3 million".
public struct Claim: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    /// A stated level: "revenues of $11.9 million for the quarter".
    case value
    /// A stated change in amount: "improved $0.2 million".
    case changeAmount = "change amount"
    /// A stated change in percent: "a decrease of 17%".
    case changePercent = "change percent"
  }
  public var kind: Kind
  /// The item the claim is about, when the importer could tell (`revenue`).
  public var item: String?
  /// The period the claim is about and, for changes, the one it compares with.
  public var period: ResolvedPeriod?
  public var comparedPeriod: ResolvedPeriod?
  /// The stated figure with its sign as the text gives it (a decrease is negative).
  public var value: Decimal
  public var unit: Unit
  /// Decimal places the text stated, in the unit shown: "$0.4 million" is 1 place of
  /// millions, so the tolerance is half of 0.1 million.
  public var tolerance: Decimal
  /// The words that state it ("a decrease of 17%") and the whole sentence.
  public var phrase: String
  public var sentence: String
  public var document: String
  public var line: Int
  /// Why the sentence does not tie the figure to the item or the period it names ("it is
  /// about adjusted net income …"): `check` lists such a claim as unverified.
  public var unplaced: String?

  public init(
    kind: Kind, item: String?, period: ResolvedPeriod?, comparedPeriod: ResolvedPeriod?,
    value: Decimal, unit: Unit, tolerance: Decimal, phrase: String, sentence: String,
    document: String, line: Int, unplaced: String? = nil
  ) {
    self.unplaced = unplaced
    self.kind = kind
    self.item = item
    self.period = period
    self.comparedPeriod = comparedPeriod
    self.value = value
    self.unit = unit
    self.tolerance = tolerance
    self.phrase = phrase
    self.sentence = sentence
    self.document = document
    self.line = line
  }
}
