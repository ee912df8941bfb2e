import FSQCore

/// The interactive front end (replaced by the libedit REPL).
struct InteractiveShell {
  let session: Session
  let renderer: OutputRenderer
  let diagnostics: DiagnosticRenderer
  func run() -> ExitStatus {
    Output.err("fsq: the interactive shell is not available yet\n")
    return .usage
  }
}
