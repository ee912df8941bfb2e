// MARK: - Metrics, defined in fsq itself

/// The metric library. Each metric is an fsq definition, so `explain` shows its formula and
/// `:help NAME` its description. Where a company reports a figure under the same name
/// (EBITDA, Adjusted EBITDA, EPS), the reported figure wins; `formula(NAME, period)` gives
/// the formula's result and `check` compares the two.
enum Metrics {
  static let source = """
    # gross_profit(p): revenue less cost of revenue.
    def gross_profit(p) = revenue(p) - cost_of_revenue(p)
    # gross_margin(p): gross profit as a percentage of revenue.
    def gross_margin(p) = gross_profit(p) / revenue(p)
    # margin(p): the gross margin; the same as gross_margin.
    def margin(p) = gross_margin(p)
    # operating_margin(p): operating income (loss) as a percentage of revenue.
    def operating_margin(p) = operating_income(p) / revenue(p)
    # net_margin(p): net income (loss) as a percentage of revenue.
    def net_margin(p) = net_income(p) / revenue(p)
    # ebitda(p): operating income plus depreciation and amortization.
    def ebitda(p) = operating_income(p) + depreciation_amortization(p)
    # adjusted_ebitda(p): EBITDA plus non-cash (stock-based) compensation.
    def adjusted_ebitda(p) = ebitda(p) + stock_compensation(p)
    # ebitda_margin(p): EBITDA as a percentage of revenue.
    def ebitda_margin(p) = ebitda(p) / revenue(p)
    # eps(p): net income applicable to common stockholders per weighted average share (diluted where printed); a reported EPS (diluted, else basic) is preferred.
    def eps(p) = first(net_income_to_common(p), net_income(p)) / first(weighted_average_shares(p), first(weighted_average_shares_diluted(p), weighted_average_shares_basic(p)))
    # current_ratio(d): current assets over current liabilities, as a multiple.
    def current_ratio(d) = multiple(total_current_assets(d) / total_current_liabilities(d))
    # working_capital(d): current assets less current liabilities.
    def working_capital(d) = total_current_assets(d) - total_current_liabilities(d)
    # net_debt(d): total debt less cash.
    def net_debt(d) = total_debt(d) - cash(d)
    # debt_to_equity(d): total debt over stockholders' equity, as a multiple.
    def debt_to_equity(d) = multiple(total_debt(d) / stockholders_equity(d))
    # book_value(d): stockholders' equity.
    def book_value(d) = stockholders_equity(d)
    """

  /// Reported items that answer a metric's name, in order of preference: `eps` is diluted EPS
  /// where the release prints it, else EPS printed without a qualifier ("basic and diluted"),
  /// else basic; share counts likewise.
  static let reportedAliases: [String: [String]] = [
    "eps": ["eps_diluted", "eps", "eps_basic"],
    "weighted_average_shares": [
      "weighted_average_shares_diluted", "weighted_average_shares", "weighted_average_shares_basic",
    ],
  ]

  /// Parses the library once per session.
  static func load() -> [String: UserFunction] {
    let file = SourceFile(name: "<metrics>", text: source)
    let program = Parser.parse(file)
    var help: [String: String] = [:]
    // "# name(…): text" lines, read on bytes (a Character split was 0.8M instructions per start).
    var text = source
    text.withUTF8 { bytes in
      var lineStart = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let leading = lineStart + 2
        if leading <= lineEnd, bytes[lineStart] == UInt8(ascii: "#"), bytes[lineStart + 1] == 0x20,
          let paren = bytes[leading..<lineEnd].firstIndex(of: UInt8(ascii: "("))
        {
          let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[leading..<paren]), as: UTF8.self)
          help[name] = String(decoding: UnsafeBufferPointer(rebasing: bytes[leading..<lineEnd]), as: UTF8.self)
        }
        lineStart = lineEnd + 1
      }
    }
    var result: [String: UserFunction] = [:]
    for statement in program.statements {
      if case .definition(let name, _, let parameters, let body) = statement.kind {
        result[name] = UserFunction(
          name: name, parameters: parameters, body: body, source: file, bodyText: file.text(of: body.span),
          help: help[name])
      }
    }
    return result
  }
}
