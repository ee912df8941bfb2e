// MARK: - Help topics for series, lists and reports

extension REPL {
  static let reportTopics: [String: String] = [
    "history": """
    History: load "releases/", load "releases/acme-*.htm" or load "q1.htm", "q2.htm" loads
    several releases; releases of one company (CIK, ticker, id or name) merge into one history and
    revenue(q1 2008..q4 2009) answers from whichever release printed each figure. A figure two
    releases print differently is the newer release's by its own date (a restatement): explain
    shows the earlier one, check lists it. Quarters not printed are derived across releases
    (Q4 = year minus nine months), and so is ttm; explain marks them derived.
    """,
    "screen": """
    screen CONDITION [order by EXPR [asc|desc]] [limit N] runs CONDITION for every company of the
    session and of the library, as if each were current, and lists those for which it is true:
    screen margin(fy2023) > 40% and revenue(fy2023) > $1B order by revenue(fy2023) desc limit 20.
    A company that lacks a figure the condition or the key needs is left out and counted below the
    table; any other error stops the screen. Your def functions work in it. Over the library it
    reads only the items the condition asks for (and a company's whole model when it asks for
    more), so it answers the same as over loaded companies, in under a second for thousands.
    """,
    "xbrl": """
    Structured filings load like releases: SEC company facts (CIK##########.json, every filing of a
    filer, each dated by the day it was filed, so amendments win and explain shows the original),
    XBRL instances (.xml) and inline XBRL 10-K/10-Q filings (.htm). Concepts map to the release
    items (us-gaap:Revenues and its alternatives to revenue); any concept answers by its own name,
    "OperatingLeaseLiability"(2023-12-31). Facts with a dimension (a segment) are kept apart.
    Filers with different CIKs are different companies. fsq library add companyfacts.zip reads the
    SEC's bulk archive a filer at a time. With a release and the filing of the same period loaded,
    check lists every figure that differs (rule release-vs-filing).
    """,
    "library": """
    The model library keeps imported releases for every later fsq: fsq library add FILES…
    (files, folders, patterns, ZIP archives), fsq library list, fsq library remove NAME, fsq library rebuild,
    fsq library path. When it holds companies, fsq starts on it instead of the bundled model
    and reads a company when an expression names it: psem.revenue(fy2005), use psem, --company
    psem. It is $FSQ_LIBRARY, else $XDG_DATA_HOME/fsq/library.sqlite, else
    ~/.local/share/fsq/library.sqlite; --library PATH names another, --no-library ignores it.
    """,
    "series": """
    Series: a function given a range of periods gives one value per period:
    revenue(q1 2008..q3 2009), margin(fy2005..fy2009), growth(revenue, q1 2009..q4 2009),
    ttm(revenue, q1 2009..q4 2009) (rolling). A period with no figure is a gap (—). Arithmetic
    goes period by period: gross_profit(r) / revenue(r). Series functions: sum, avg, min, max,
    count (periods with a figure), first, last, cagr, stdev, pct_change(series). sum, avg, min,
    max and stdev refuse a series with a gap and name the periods; cagr, first and last need
    figures at the ends they use. See :help ranges.
    """,
    "ranges": """
    Ranges: q1 2008..q3 2009 is every quarter from the first to the last; fy2005..fy2009 and
    h1 2008..h2 2009 likewise (both ends the same kind). last(8, quarters, q3 2009) is the eight
    quarters that end with q3 2009 (also halves, years). A range holds at most 1,000 periods.
    """,
    "lists": """
    Lists: [revenue, sga, "Net income"]; items(income_statement), items(balance_sheet),
    items(cash_flow), items(reconciliation), items(segments) in printed order; items("Interest*")
    by label pattern (* and ?). [growth(x, q3 2009) for x in items(income_statement) if
    x(q3 2009) > $1M] builds a list; over a range of periods, a series. A function given a list
    is applied to each element. Lists go wherever table rows go.
    """,
    "chart": """
    chart SERIES [, SERIES…] draws bars in the terminal (colour only on a terminal), one row per
    period, with the value and an axis in the series' unit: chart revenue(q1 2008..q3 2009).
    All series share one unit. chart … to "FILE.svg" writes a standalone SVG instead, and the
    option --chart FILE.svg writes the SVG of a run's last chart. A table's sparkline column
    (table … with sparkline) draws a row's trend in one cell.
    """,
    "scale": """
    Scale: … in thousands, in millions or in billions after any expression shows money and
    share counts at that scale: revenue(q3 2009) in millions is $11.85M, and round(revenue(q3
    2009) in millions, 1) is $11.9M. In a table, in millions after the columns scales every
    figure; decimals N shows every figure with N places.
    """,
  ]

  /// Words with a meaning in their place (table options, chart, comprehensions), completed
  /// like keywords.
  static let contextWords = [
    "chart", "screen", "to", "in", "with", "where", "order", "by", "asc", "desc", "limit", "decimals", "if",
    "quarters", "halves", "years",
  ]

  /// What may follow a word: the options after `with`, the scales after `in`, the statements
  /// inside `items(`.
  static func followers(of before: String) -> [String]? {
    if before.hasSuffix("with") || (before.hasSuffix(",") && before.contains(" with ")) {
      return ["change", "pct_change", "sparkline"]
    }
    if before.hasSuffix(" in") { return ["thousands", "millions", "billions"] }
    if before.hasSuffix("items(") { return Array(Evaluator.statementWords.keys) }
    return nil
  }
}
