import ArgumentParser
import FSQCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// A closed pipe is reported by write() as EPIPE and handled in Output, not by a signal.
signal(SIGPIPE, SIG_IGN)

// `fsq library …`: the model library's own commands.
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "library" {
  let status = LibraryCommand.run(Array(CommandLine.arguments.dropFirst(2)))
  Output.flush()
  exit(status.rawValue)
}

let options: Settings
if let common = Settings.parseCommonForms(Array(CommandLine.arguments.dropFirst())) {
  options = common
} else {
  do {
    options = Settings(try Options.parse())
  } catch {
    let code = Options.exitCode(for: error)
    if code == .success {
      Output.out(Options.fullMessage(for: error) + "\n")
      exit(0)
    }
    // The error alone, then one pointer to --help (the full message adds a usage line and a
    // "see --help" of its own).
    Output.err("fsq: " + Options.message(for: error) + "\n")
    Output.err("Run 'fsq --help' for the options.\n")
    exit(ExitStatus.usage.rawValue)
  }
}

let status = Main(options: options).run()
// What is still buffered is written now, and a failure to write it is an error (exit 6).
Output.flush()
exit(status.rawValue)
