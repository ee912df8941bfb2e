import CEditLine
import FSQCore
import FSQLibrary

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs fsq in the mode the options ask for: one-liners, a script, stdin, or the REPL.
struct Main {
  let options: Settings

  /// With `--chart FILE`: the last chart the run drew, written as SVG when the run ends.
  final class ChartSink {
    var last: ChartData?
  }

  func run() -> ExitStatus {
    let charts = ChartSink()
    let status = runModes(charts)
    guard let path = options.chart else { return status }
    guard let chart = charts.last else {
      Output.err("fsq: --chart \(path): the run drew no chart (write chart revenue(q1 2008..q3 2009))\n")
      return max(status, .usage)
    }
    if case .failure(let error) = FileSystem.write(path, Array(ChartRenderer.svg(chart).utf8)) {
      Output.err("fsq: cannot write the chart to '\(path)': \(error.reason)\n")
      return max(status, .output)
    }
    return status
  }

  func runModes(_ charts: ChartSink) -> ExitStatus {
    if options.version {
      Output.out("fsq \(FSQ.version)\n")
      return .success
    }
    guard let format = OutputFormat(rawValue: options.format.lowercased()) else {
      Output.err("fsq: unknown format '\(options.format)'; use text, csv, json or markdown\n")
      return .usage
    }
    if options.script != nil && !options.expressions.isEmpty {
      Output.err("fsq: give either a script or -e expressions, not both\n")
      return .usage
    }
    // The model library, when there is one and it holds companies: queries read from it the
    // company they name; the bundled model is the default only without it.
    var library: Library?
    if !options.noLibrary {
      do {
        library = try Library.openForQueries(path: Library.location(option: options.library))
        if let opened = library, opened.firstCompanies.isEmpty { library = nil }
      } catch {
        Output.err("fsq: \(error.message)\n")
        return error.status
      }
    }
    let bundled = !options.noBundled && options.loads.isEmpty && library == nil
    let session = Session(model: bundled ? ReleaseImporter.bundledModel() : Model())
    if let library {
      // Kept open until the process exits: closing the connection at the end of a one-liner
      // is work nobody waits for (the kernel releases the file).
      _ = Unmanaged.passRetained(library)
      session.companyLookup = { name in
        do throws(LibraryError) {
          return .success(try library.company(named: name))
        } catch {
          return .failure(FileError(reason: error.message))
        }
      }
      session.libraryCompanies = { (try? library.companyIDs()) ?? [] }
      session.screenSource = library
      // A library of one company: it is the current one.
      if options.loads.isEmpty, options.company == nil, library.firstCompanies.count == 1 {
        _ = session.use(company: library.firstCompanies[0])
      }
    }
    session.continueOnError = options.keepGoing
    var renderer = OutputRenderer(
      format: format, color: !options.noColor && !Output.noColorRequested && Output.stdoutIsTerminal)
    renderer.verbose = options.verbose
    let diagnostics = DiagnosticRenderer(color: !options.noColor && !Output.noColorRequested && Output.stderrIsTerminal)
    var status = ExitStatus.success

    /// One result, as the output format writes it (messages such as "loaded …" in text only).
    func write(_ item: ResultItem) {
      if case .message = item, format != .text { return }
      if options.chart != nil, case .chart(let chart) = item {
        charts.last = chart
        return
      }
      Output.out(renderer.renderNext(item))
    }

    /// The end of a run: its diagnostics after what it wrote, and its status.
    func finish(_ result: RunResult) {
      Output.flush()
      if !result.diagnostics.isEmpty { Output.err(diagnostics.render(result.diagnostics)) }
      status = max(status, result.status)
    }

    /// A script's statements, each result written as it comes (`Session.stream`).
    func stream(_ source: SourceFile) -> RunResult {
      let result = session.stream(
        source: source, emit: write,
        diagnose: { diagnostic in
          Output.flush()
          Output.err(diagnostics.render([diagnostic]))
        })
      finish(result)
      return result
    }

    func report(_ result: RunResult) {
      for item in result.items { write(item) }
      finish(result)
    }

    /// A script, with the REPL's `:` commands accepted on lines of their own: the statements
    /// between them run as parts of the script, keeping its line numbers.
    func runScript(_ bytes: [UInt8], origin: Origin) {
      let text = String(decoding: bytes, as: UTF8.self)
      guard !bytes.contains(0), let parts = REPL.scriptParts(text) else {
        _ = stream(SourceFile(name: origin.sourceName, bytes: bytes))
        return
      }
      nonisolated(unsafe) var commandFailed = false
      let repl = REPL(session: session, renderer: renderer, diagnostics: diagnostics) { text, stream in
        if stream == .output { Output.out(text) } else { Output.flush(); Output.err(text) }
        // "fsq: unknown command …", "usage: :load FILE": a command that could not run.
        if stream == .error && (text.hasPrefix("fsq: ") || text.hasPrefix("usage: ")) { commandFailed = true }
      }
      // A syntax error anywhere runs nothing, as in a script without commands.
      let sources = parts.map { part in
        SourceFile(name: origin.sourceName, text: String(repeating: "\n", count: part.line - 1) + part.text)
      }
      let syntax = zip(parts, sources).filter { !$0.0.isCommand }.flatMap { Parser.parse($0.1).diagnostics }
      if !syntax.isEmpty {
        report(RunResult(diagnostics: syntax, status: .syntax))
        return
      }
      for (part, source) in zip(parts, sources) {
        if part.isCommand {
          commandFailed = false
          let goOn = repl.command(part.text)
          Output.flush()
          if commandFailed {
            status = max(status, .usage)
            if !options.keepGoing { return }
          }
          if !goOn { return }
          continue
        }
        let result = stream(source)
        if result.status != .success && result.status != .assertionFailed && !options.keepGoing { return }
      }
    }

    if let path = options.importReport {
      // Shown whether or not the document imports: a refused one says what was skipped and why.
      switch FileSystem.read(path) {
      case .failure(let error):
        Output.err("fsq: cannot read '\(path)': \(error.reason)\n")
        return .input
      case .success(let bytes):
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let (importReport, error) = ReleaseImporter.importReport(bytes: bytes, documentName: name)
        Output.out(TerminalText.escape(importReport.render()))
        Output.flush()
        if error != nil { return .input }
        return importReport.findings.contains { !$0.repaired } ? .assertionFailed : .success
      }
    }
    for path in options.loads {
      let result = session.load(path: path)
      if result.status != .success {
        report(result)
        return result.status
      }
    }
    if let company = options.company {
      if let problem = session.use(company: company) {
        Output.err(diagnostics.render(problem))
        return .usage
      }
    }
    if let export = options.export {
      switch export.lowercased() {
      case "csv": Output.out(FactExport.csv(session.model))
      case "json": Output.out(FactExport.json(session.model))
      default:
        Output.err("fsq: unknown export format '\(export)'; use csv or json\n")
        return .usage
      }
      Output.flush()
      return status
    }
    if options.check {
      report(session.checkAll())
      if options.expressions.isEmpty && options.script == nil { return status }
    }
    if !options.expressions.isEmpty {
      for expression in options.expressions {
        let text = options.explain ? "explain " + expression : expression
        let result = session.run(text, origin: .commandLine)
        report(result)
        // An evaluation error stops the run unless --keep-going says to go on to the next -e.
        if result.status != .success && result.status != .assertionFailed && !options.keepGoing { return status }
      }
      return status
    }
    if let script = options.script, script != "-" {
      switch FileSystem.read(script) {
      case .failure(let error):
        Output.err("fsq: cannot read script '\(script)': \(error.reason)\n")
        return .input
      case .success(let bytes):
        runScript(bytes, origin: .file(script))
        return status
      }
    }
    if options.script == "-" || !Output.stdinIsTerminal {
      switch FileSystem.readAll(fsq_stdin()) {
      case .failure(let error):
        Output.err("fsq: cannot read standard input: \(error.reason)\n")
        return .input
      case .success(let bytes):
        runScript(bytes, origin: .stdin)
        return status
      }
    }
    return InteractiveShell(session: session, renderer: renderer, diagnostics: diagnostics).run()
  }
}
