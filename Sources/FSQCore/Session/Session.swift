// MARK: - Session: the one entry point

/// One analyst's session: a model, the current company, variables and definitions. The REPL,
/// scripts and one-liners all call `run(source:)`; it returns results and diagnostics and
/// never prints.
///
///     let session = Session(model: Model.bundled())
///     let result = session.run("margin(q3 2009) - margin(q3 2008)", origin: .commandLine)
///     // result.items == [.value(.quantity(+2.13 pp))]
public final class Session {
  let evaluator: Evaluator
  /// Keep going after an error in a script instead of stopping at the first one.
  public var continueOnError = false
  /// Reads files for `load`; replaceable in tests.
  public var readFile: (String) -> Result<[UInt8], FileError> = FileSystem.read
  /// Where `chart … to "FILE"` writes.
  public var writeFile: (String, [UInt8]) -> Result<Void, FileError> = FileSystem.write

  public init(model: Model) {
    evaluator = Evaluator(model: model, metrics: Metrics.load())
  }

  public var model: Model { evaluator.model }

  /// Reads a company the session does not hold (by id, ticker or name) from the model
  /// library when an expression names it: `aapl.revenue(q1 2011)`, `use aapl`, `--company`.
  public var companyLookup: ((String) -> Result<Company?, FileError>)? {
    get { evaluator.companyLookup }
    set { evaluator.companyLookup = newValue }
  }

  /// The library's company ids, for "no company is current" and did-you-mean.
  public var libraryCompanies: (() -> [String])? {
    get { evaluator.libraryCompanies }
    set { evaluator.libraryCompanies = newValue }
  }

  /// Where a screen reads the library's companies from, item by item, instead of whole models.
  public var screenSource: ScreenSource? {
    get { evaluator.screenSource }
    set { evaluator.screenSource = newValue }
  }

  /// The current company's id, for the prompt.
  public var currentCompanyID: String? {
    evaluator.currentCompany.map { evaluator.model.companies[$0].id }
  }

  // MARK: Running source

  public func run(_ text: String, origin: Origin) -> RunResult {
    run(source: SourceFile(name: origin.sourceName, text: text))
  }

  public func run(bytes: [UInt8], origin: Origin) -> RunResult {
    run(source: SourceFile(name: origin.sourceName, bytes: bytes))
  }

  /// Parses and runs a whole source. A source with syntax errors runs nothing.
  public func run(source: SourceFile) -> RunResult {
    let program = Parser.parse(source)
    if !program.diagnostics.isEmpty {
      return RunResult(diagnostics: program.diagnostics, status: .syntax, isIncomplete: program.isIncomplete)
    }
    evaluator.source = source
    nonisolated(unsafe) var result = RunResult()
    Interrupt.clear()
    // Evaluation runs on a thread with a large stack so deep recursion is a diagnostic, unless
    // the program provably nests shallowly (most one-liners), which runs here.
    var needs = StackNeeds(evaluator)
    if needs.fitsCallerStack(program.statements) {
      return execute(program.statements, source)
    }
    StackGuard.run { [self] in
      result = self.execute(program.statements, source)
    }
    return result
  }

  /// Runs a script statement by statement, handing each result to `emit` and each error to
  /// `diagnose` as it comes, and keeping none: memory stays bounded by the longest statement,
  /// not the script (1.5 million one-line statements peaked at 700 MB kept whole). The syntax
  /// is checked first in a pass that keeps nothing, so a syntax error anywhere still runs
  /// nothing. Returns the worst outcome; its items and diagnostics are empty.
  public func stream(
    source: SourceFile, emit: @escaping (ResultItem) -> Void, diagnose: @escaping (Diagnostic) -> Void
  ) -> RunResult {
    var checker = Parser(source: source)
    let syntax = checker.parseProgram(retaining: false)
    if !syntax.diagnostics.isEmpty {
      return RunResult(diagnostics: syntax.diagnostics, status: .syntax, isIncomplete: syntax.isIncomplete)
    }
    evaluator.source = source
    Interrupt.clear()
    nonisolated(unsafe) var status = ExitStatus.success
    StackGuard.run { [self] in
      evaluator.stackBase = StackGuard.address()
      var parser = Parser(source: source)
      _ = parser.parseProgram(retaining: false) { statement in
        do throws(Diagnostic) {
          if let item = try self.execute(statement, source) {
            if case .findings(let findings) = item, findings.contains(where: { $0.severity == .error }) {
              status = max(status, .assertionFailed)
            }
            emit(item)
          }
        } catch {
          diagnose(error)
          status = max(status, error.id == .interrupted ? .interrupted : ExitStatus(error.category))
          if !self.continueOnError || error.id == .interrupted { return false }
        }
        return true
      }
    }
    return RunResult(status: status)
  }

  func execute(_ statements: [Statement], _ source: SourceFile) -> RunResult {
    var result = RunResult()
    evaluator.stackBase = StackGuard.address()
    for statement in statements {
      do throws(Diagnostic) {
        if let item = try execute(statement, source) { result.items.append(item) }
      } catch {
        result.diagnostics.append(error)
        result.status = max(result.status, error.id == .interrupted ? .interrupted : ExitStatus(error.category))
        if !continueOnError || error.id == .interrupted { break }
      }
      if case .findings(let findings)? = result.items.last, findings.contains(where: { $0.severity == .error }) {
        result.status = max(result.status, .assertionFailed)
      }
    }
    return result
  }

  func execute(_ statement: Statement, _ source: SourceFile) throws(Diagnostic) -> ResultItem? {
    evaluator.depth = 0
    evaluator.steps = 0
    let scope = Scope(company: evaluator.currentCompany)
    switch statement.kind {
    case .expression(let expression):
      return .value(try evaluator.evaluate(expression, scope))
    case .letBinding(let name, let nameSpan, let value):
      if Builtins.table[name] != nil || evaluator.metrics[name] != nil {
        throw evaluator.fail(.redefinition, "'\(name)' is a built-in function; choose another name", nameSpan)
      }
      evaluator.globals[name] = try evaluator.evaluate(value, scope)
      return nil
    case .definition(let name, let nameSpan, let parameters, let body):
      if Builtins.table[name] != nil {
        throw evaluator.fail(.redefinition, "'\(name)' is a built-in function; choose another name", nameSpan)
      }
      evaluator.functions[name] = UserFunction(
        name: name, parameters: parameters, body: body, source: source, bodyText: source.text(of: body.span))
      return nil
    case .assertion(let condition, let message):
      let value = try evaluator.evaluate(condition, scope)
      guard case .bool(let holds) = value else {
        throw evaluator.fail(.typeMismatch, "assert needs a comparison, found \(value.typeName)", condition.span)
      }
      if !holds {
        var notes: [DiagnosticNote] = []
        if case .binary(let op, let left, let right, _) = condition.kind, op.isComparison {
          let l = (try? evaluator.evaluate(left, scope)).map(ValueFormatter.text) ?? "?"
          let r = (try? evaluator.evaluate(right, scope)).map(ValueFormatter.text) ?? "?"
          notes.append(DiagnosticNote("left side is \(l), right side is \(r)"))
        }
        throw evaluator.fail(
          .assertionFailed, message.map { "assertion failed: \($0)" } ?? "assertion failed", condition.span,
          notes: notes)
      }
      return nil
    case .table(let spec):
      return .value(.table(try buildTable(spec, scope)))
    case .screen(let spec):
      return .value(.table(try screen(spec, scope)))
    case .chart(let series, let file, let fileSpan):
      return try chart(series, file: file, fileSpan: fileSpan, span: statement.span, scope)
    case .explain(let expression):
      return .explanation(try explain(expression, scope))
    case .check(let company):
      return .findings(try check(company: company, span: statement.span))
    case .use(let company, let nameSpan):
      evaluator.currentCompany = try evaluator.companyIndex(company, nameSpan)
      return .message("using \(evaluator.model.companies[evaluator.currentCompany!].name)")
    case .load(let paths, let spans):
      return .message(try load(paths: paths, spans: spans))
    case .invalid:
      return nil
    }
  }

  // MARK: Explain

  func explain(_ expression: Expression, _ scope: Scope) throws(Diagnostic) -> Explanation {
    evaluator.trace = [[]]
    defer { evaluator.trace = nil }
    let value = try evaluator.evaluate(expression, scope)
    let children = evaluator.trace![0]
    let text = evaluator.text(expression.span)
    // A single call explains itself; an expression of several calls gets a root node.
    if children.count == 1, children[0].expression == text || isCall(expression) {
      return children[0]
    }
    return Explanation(expression: text, value: value, children: children)
  }

  func isCall(_ expression: Expression) -> Bool {
    if case .call = expression.kind { return true }
    return false
  }

  // MARK: Loading and companies

  /// Makes a company current by id, ticker or name; nil on success, else the problem.
  public func use(company name: String) -> Diagnostic? {
    let source = SourceFile(name: "--company", text: name)
    evaluator.source = source
    do throws(Diagnostic) {
      evaluator.currentCompany = try evaluator.companyIndex(name, Span(start: 0, end: source.bytes.count))
      return nil
    } catch {
      var diagnostic = error
      diagnostic.source = nil
      return diagnostic
    }
  }

  func check(company: String?, span: Span) throws(Diagnostic) -> [Finding] {
    var companies = Array(evaluator.model.companies.indices)
    if let company { companies = [try evaluator.companyIndex(company, span)] }
    return companies.flatMap { Checker.check(evaluator.model.companies[$0]) }
  }

  /// The import reports of the loaded documents (of one, by file name), in load order.
  public func importReports(document: String? = nil) -> [ImportReport] {
    var all: [ImportReport] = []
    for company in evaluator.model.companies {
      all += company.importReports
      // The bundled model is compiled in without its reports: they are made again on request.
      for name in company.documents where !company.importReports.contains(where: { $0.document == name }) {
        if let release = ReleaseImporter.bundledReleases.first(where: { $0.name == name }),
          let imported = try? ReleaseImporter.importRelease(bytes: Array(release.text.utf8), documentName: name)
        {
          all += imported.importReports
        }
      }
    }
    guard let document else { return all }
    let name = document.split(separator: "/").last.map(String.init) ?? document
    return all.filter { $0.document == name }
  }

  /// Runs `check` on every company, for `fsq --check`.
  public func checkAll() -> RunResult {
    let findings = evaluator.model.companies.flatMap { Checker.check($0) }
    let failed = findings.contains { $0.severity == .error }
    return RunResult(items: [.findings(findings)], status: failed ? .assertionFailed : .success)
  }
}
