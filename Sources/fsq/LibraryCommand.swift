import ArgumentParser
import FSQCore
import FSQLibrary

/// `fsq library add|list|remove|rebuild|path`: the persistent model library.
struct LibraryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fsq library",
    abstract: "Keep imported releases in a library that every later fsq reads.",
    discussion: """
      Queries read the library whenever it holds companies: fsq -e 'psem.revenue(fy2005)' works in a new shell with no --load. The bundled Fusion model is the default only when the library is empty or absent; --no-library ignores it.

      The library is $FSQ_LIBRARY, else $XDG_DATA_HOME/fsq/library.sqlite, else ~/.local/share/fsq/library.sqlite; --library PATH names another.
      """,
    subcommands: [Add.self, List.self, Remove.self, Rebuild.self, Path.self])

  struct Location: ParsableArguments {
    @Option(name: .customLong("library"), help: ArgumentHelp("The library file.", valueName: "PATH"))
    var library: String?
    var path: String { Library.location(option: library) }
  }

  /// A subcommand that failed after saying why.
  struct Failed: Error {
    var status: ExitStatus
  }

  static func fail(_ error: LibraryError) -> Failed {
    Output.err("fsq library: \(error.message)\n")
    return Failed(status: error.status)
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Import releases and filings (files, directories, glob patterns, ZIP archives such as the SEC's bulk companyfacts.zip) into the library, in one transaction, a document at a time. An unchanged document is left as it is; a changed one (same path) becomes a new version."
    )
    @OptionGroup var location: Location
    @Argument(
      help: ArgumentHelp("Release or filing files, directories, glob patterns or ZIP archives.", valueName: "FILE"))
    var files: [String]

    func run() throws {
      let outcome: Library.AddOutcome
      do throws(LibraryError) {
        // A bulk archive takes minutes: on a terminal, a count of the documents done.
        let progress: ((Int) -> Void)? =
          Output.stderrIsTerminal ? { done in if done % 100 == 0 { Output.err("\radding: \(done) documents") } } : nil
        outcome = try Library.openForChanges(path: location.path).add(paths: files, progress: progress)
        if progress != nil, outcome.added.count + outcome.unchanged.count >= 100 { Output.err("\r\u{1B}[K") }
      } catch {
        throw LibraryCommand.fail(error)
      }
      var companies: [String: Int] = [:]
      for added in outcome.added { companies[added.company, default: 0] += 1 }
      // Each company with its count; a bulk archive's thousands of companies as a number.
      let joined =
        companies.count > 12
        ? "\(companies.count) companies"
        : companies.keys.sorted().map { "\($0) \(companies[$0]!)" }.joined(separator: ", ")
      var line = "added \(outcome.added.count) release\(outcome.added.count == 1 ? "" : "s")"
      if !joined.isEmpty { line += " (\(joined))" }
      if !outcome.replaced.isEmpty { line += "; new version of \(outcome.replaced.joined(separator: ", "))" }
      if !outcome.unchanged.isEmpty { line += "; \(outcome.unchanged.count) already in the library, unchanged" }
      Output.out(line + "\n")
      for skipped in outcome.skipped { Output.out("skipped \(skipped)\n") }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the library's companies: releases, facts, the periods they cover, the latest release.")
    @OptionGroup var location: Location
    @Flag(name: .customLong("documents"), help: "List every document instead, with its version and path.")
    var documents = false

    func run() throws {
      do throws(LibraryError) {
        guard let library = try Library.openForQueries(path: location.path) else {
          Output.out("no library at \(location.path); add releases with 'fsq library add FILE…'\n")
          return
        }
        if documents {
          for document in try library.documents() {
            Output.out("\(document.company)\t\(document.name)\tv\(document.version)\t\(document.path)\n")
          }
          return
        }
        let companies = try library.list()
        if companies.isEmpty { Output.out("the library at \(location.path) is empty\n") }
        for company in companies {
          let periods = company.firstPeriod.map { "\($0) to \(company.lastPeriod ?? "?")" } ?? "no periods"
          let latest = company.latestRelease.map { ", latest \($0)" } ?? ""
          Output.out(
            "\(company.id)\t\(company.name)\t\(company.releases) release\(company.releases == 1 ? "" : "s"), "
              + "\(company.facts) facts, \(periods)\(latest)\n")
        }
      } catch {
        throw LibraryCommand.fail(error)
      }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Remove a company (by id, ticker or name) and its documents, or one document (by file name), after which its company is rebuilt from the releases it has left."
    )
    @OptionGroup var location: Location
    @Argument(help: ArgumentHelp("A company or a document name.", valueName: "NAME"))
    var names: [String]

    func run() throws {
      do throws(LibraryError) {
        guard Library.exists(location.path) else {
          throw LibraryError("no library at \(location.path)", status: .usage)
        }
        let library = try Library.openForChanges(path: location.path)
        for name in names { Output.out(try library.remove(name) + "\n") }
      } catch {
        throw LibraryCommand.fail(error)
      }
    }
  }

  struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Import every stored release again with this fsq (a new importer, a new model format, a damaged file). A file that is not a readable library is moved aside and an empty one created."
    )
    @OptionGroup var location: Location

    func run() throws {
      do throws(LibraryError) {
        Output.out(try Library.rebuild(path: location.path) + "\n")
      } catch {
        throw LibraryCommand.fail(error)
      }
    }
  }

  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the library's path (whether or not it exists).")
    @OptionGroup var location: Location

    func run() throws {
      Output.out(location.path + "\n")
    }
  }

  /// Runs `fsq library …` with the arguments after `library`.
  static func run(_ arguments: [String]) -> ExitStatus {
    do {
      var command = try LibraryCommand.parseAsRoot(arguments)
      try command.run()
      return .success
    } catch let failed as Failed {
      return failed.status
    } catch {
      let code = LibraryCommand.exitCode(for: error)
      if code == .success {
        Output.out(LibraryCommand.fullMessage(for: error) + "\n")
        return .success
      }
      Output.err("fsq library: " + LibraryCommand.message(for: error) + "\n")
      Output.err("Run 'fsq library --help' for the subcommands.\n")
      return .usage
    }
  }
}
