import ArgumentParser
import FSQCore

/// fsq's command line. Parsing only; `Main.run` does the work.
struct Options: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fsq", abstract: "A query language for financial analysts.", discussion: overview, version: "")

  @Option(
    name: .customShort("e"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp("Evaluate EXPR and print its value (repeatable).", valueName: "EXPR"))
  var expressions: [String] = []

  @Option(
    name: .customLong("load"),
    help: ArgumentHelp(
      "Import an earnings release (Markdown, HTML or text), SEC company facts (JSON) or an XBRL instance before running; a directory or glob loads every file (repeatable).",
      valueName: "FILE"))
  var loads: [String] = []

  @Option(
    name: .customLong("company"),
    help: ArgumentHelp("Make a company current, by id, ticker or name.", valueName: "NAME"))
  var company: String?

  @Option(
    name: .customLong("format"),
    help: ArgumentHelp("Output format: text, csv, json (JSON Lines) or markdown.", valueName: "FORMAT"))
  var format: String = "text"

  @Flag(name: .customLong("check"), help: "Check that the loaded releases tie; exit 1 if any error is found.")
  var check = false

  @Flag(
    name: .customLong("verbose"),
    help:
      "With --check (or check in a script): also list the claims and totals fsq could not verify, which text output otherwise counts in one line. JSON and CSV always list them."
  )
  var verbose = false

  @Flag(name: .customLong("explain"), help: "Explain each -e expression instead of printing only its value.")
  var explain = false

  @Flag(
    name: .customLong("keep-going"),
    help: "Report an error and go on with the next statement (in a script) or the next -e.")
  var keepGoing = false

  @Flag(name: .customLong("no-bundled"), help: "Start with no companies instead of the bundled Fusion model.")
  var noBundled = false

  @Option(
    name: .customLong("export"),
    help: ArgumentHelp(
      "Print every fact of the model (company, item, label, period start and end, value, unit, source) as csv or json (JSON Lines), then exit.",
      valueName: "FORMAT"))
  var export: String?

  @Option(
    name: .customLong("import-report"),
    help: ArgumentHelp(
      "Import FILE and print what was read: each table as which statement or why it was skipped, each column's period and scale and where they came from, every cell not read, and the import's cross-checks; then exit (1 if a cross-check failed).",
      valueName: "FILE"))
  var importReport: String?

  @Option(
    name: .customLong("chart"),
    help: ArgumentHelp(
      "Write the last chart the run draws (chart revenue(q1 2008..q3 2009)) to FILE as a standalone SVG, instead of drawing it in the terminal.",
      valueName: "FILE"))
  var chart: String?

  @Option(
    name: .customLong("library"),
    help: ArgumentHelp(
      "The model library to read companies from (default: $FSQ_LIBRARY, else $XDG_DATA_HOME/fsq/library.sqlite, else ~/.local/share/fsq/library.sqlite). See 'fsq library --help'.",
      valueName: "PATH"))
  var library: String?

  @Flag(name: .customLong("no-library"), help: "Do not read the model library, even if one exists.")
  var noLibrary = false

  @Flag(name: .customLong("no-color"), help: "Never use colour (also: the NO_COLOR environment variable).")
  var noColor = false

  @Flag(name: .customLong("version"), help: "Print the version and exit.")
  var version = false

  @Argument(help: ArgumentHelp("A script to run; '-' reads the script from standard input.", valueName: "SCRIPT"))
  var script: String?

  // One line per paragraph: the argument parser wraps at the terminal's width, and a line break
  // of our own in the middle of a sentence would break it again there.
  static let overview = [
    "With no SCRIPT and no -e, fsq starts an interactive session on a terminal, or runs the script on standard input when it is not a terminal. fsq starts on the bundled model of Fusion Telecommunications unless --load or --no-bundled says otherwise, or the model library ('fsq library add FILES') holds companies: then queries read the company they name from it (aapl.revenue(q1 2011), --company aapl).",
    "Exit codes: 0 success; 1 failed assertion or check; 2 usage error; 3 syntax error; 4 evaluation error; 5 unreadable or unimportable input file; 6 output not written (a full disk); 130 interrupted.",
  ].joined(separator: "\n\n")
}

/// What `Main` needs from the command line, as plain values.
struct Settings {
  var expressions: [String] = []
  var loads: [String] = []
  var company: String?
  var format = "text"
  var check = false
  var verbose = false
  var explain = false
  var keepGoing = false
  var noBundled = false
  var export: String?
  var importReport: String?
  var chart: String?
  var noColor = false
  var version = false
  var script: String?
  var library: String?
  var noLibrary = false

  init() {}

  init(_ options: Options) {
    expressions = options.expressions
    loads = options.loads
    company = options.company
    format = options.format
    check = options.check
    verbose = options.verbose
    explain = options.explain
    keepGoing = options.keepGoing
    noBundled = options.noBundled
    export = options.export
    importReport = options.importReport
    chart = options.chart
    noColor = options.noColor
    version = options.version
    script = options.script
    library = options.library
    noLibrary = options.noLibrary
  }

  /// The common command lines (`-e EXPR…`, `SCRIPT`, the flags and options in their plain
  /// spelling), read without swift-argument-parser, whose reflection-based set-up was a tenth
  /// of a one-liner's instructions. Anything else (help, `--opt=value`, a repeated flag, a
  /// value that looks like an option, an unknown word) returns nil and goes to `Options.parse`,
  /// which accepts or diagnoses it exactly as before.
  static func parseCommonForms(_ arguments: [String]) -> Settings? {
    var settings = Settings()
    var seen: Set<String> = []
    var index = 0
    func once(_ name: String) -> Bool { seen.insert(name).inserted }
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      switch argument {
      case "-e":
        guard index < arguments.count else { return nil }
        settings.expressions.append(arguments[index])
        index += 1
      case "--load", "--company", "--format", "--chart", "--library":
        guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
        let value = arguments[index]
        index += 1
        if argument == "--load" {
          settings.loads.append(value)
        } else {
          guard once(argument) else { return nil }
          switch argument {
          case "--company": settings.company = value
          case "--chart": settings.chart = value
          case "--library": settings.library = value
          default: settings.format = value
          }
        }
      case "--check", "--verbose", "--explain", "--keep-going", "--no-bundled", "--no-color", "--no-library":
        guard once(argument) else { return nil }
        switch argument {
        case "--check": settings.check = true
        case "--verbose": settings.verbose = true
        case "--explain": settings.explain = true
        case "--keep-going": settings.keepGoing = true
        case "--no-bundled": settings.noBundled = true
        case "--no-library": settings.noLibrary = true
        default: settings.noColor = true
        }
      default:
        guard argument == "-" || !argument.hasPrefix("-"), settings.script == nil else { return nil }
        settings.script = argument
      }
    }
    return settings
  }
}
