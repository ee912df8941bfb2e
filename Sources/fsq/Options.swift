import ArgumentParser
import FSQCore

/// fsq's command line. Parsing only; `Main.run` does the work.
struct Options: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "fsq", abstract: "A query language for financial analysts.", discussion: overview, version: "")

  @Option(name: .customShort("e"), parsing: .unconditionalSingleValue, help: ArgumentHelp("Evaluate EXPR and print its value (repeatable).", valueName: "EXPR"))
  var expressions: [String] = []

  @Option(name: .customLong("load"), help: ArgumentHelp("Import an earnings release (Markdown, HTML or text) before running (repeatable).", valueName: "FILE"))
  var loads: [String] = []

  @Option(name: .customLong("company"), help: ArgumentHelp("Make a company current, by id, ticker or name.", valueName: "NAME"))
  var company: String?

  @Option(name: .customLong("format"), help: ArgumentHelp("Output format: text, csv, json (JSON Lines) or markdown.", valueName: "FORMAT"))
  var format: String = "text"

  @Flag(name: .customLong("check"), help: "Check that the loaded releases tie; exit 1 if any error is found.")
  var check = false

  @Flag(name: .customLong("explain"), help: "Explain each -e expression instead of printing only its value.")
  var explain = false

  @Flag(name: .customLong("keep-going"), help: "In a script, report an error and go on with the next statement.")
  var keepGoing = false

  @Flag(name: .customLong("no-bundled"), help: "Start with no companies instead of the bundled Fusion model.")
  var noBundled = false

  @Flag(name: .customLong("no-color"), help: "Never use colour (also: the NO_COLOR environment variable).")
  var noColor = false

  @Flag(name: .customLong("version"), help: "Print the version and exit.")
  var version = false

  @Argument(help: ArgumentHelp("A script to run; '-' reads the script from standard input.", valueName: "SCRIPT"))
  var script: String?

  static let overview = """
    With no SCRIPT and no -e, fsq starts an interactive session on a terminal, or runs the
    script on standard input when it is not a terminal. fsq starts on the bundled model of
    Fusion Telecommunications unless --load or --no-bundled says otherwise.

    Exit codes: 0 success; 1 failed assertion or check; 2 usage error; 3 syntax error;
    4 evaluation error; 5 unreadable or unimportable input file; 130 interrupted.
    """
}
