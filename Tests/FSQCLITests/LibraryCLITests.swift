import FSQTestSupport
import Foundation
import Testing

/// `fsq library add|list|remove|rebuild|path` and queries that read the library, through the
/// built binary. Expected figures are read by hand off the real Pericom releases.
@Suite struct LibraryCLITests {
  static let documents = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus/documents").path

  final class Folder {
    let temporary: TemporaryFolder
    init() throws { temporary = try TemporaryFolder("fsq-library-cli") }
    var url: URL { temporary.url }
    var library: String { temporary.file("lib/library.sqlite") }
    var environment: [String: String] { ["FSQ_LIBRARY": library] }
  }

  @Test func pathFollowsTheOptionThenTheEnvironment() throws {
    let option = try FSQBinary.run(["library", "path", "--library", "/tmp/x.sqlite"])
    #expect(option.out == "/tmp/x.sqlite\n", "\(option)")
    let variable = try FSQBinary.run(["library", "path"], environment: ["FSQ_LIBRARY": "/tmp/y.sqlite"])
    #expect(variable.out == "/tmp/y.sqlite\n")
    let xdg = try FSQBinary.run(["library", "path"], environment: ["FSQ_LIBRARY": "", "XDG_DATA_HOME": "/tmp/data"])
    #expect(xdg.out == "/tmp/data/fsq/library.sqlite\n")
    let home = try FSQBinary.run(
      ["library", "path"], environment: ["FSQ_LIBRARY": "", "XDG_DATA_HOME": "", "HOME": "/home/analyst"])
    #expect(home.out == "/home/analyst/.local/share/fsq/library.sqlite\n")
  }

  @Test func addListQueryRemove() throws {
    let folder = try Folder()
    let env = folder.environment
    let add = try FSQBinary.run(["library", "add", "\(Self.documents)/pericom_*.txt"], environment: env)
    #expect(add.status == 0, "\(add)")
    #expect(add.out == "added 5 releases (psem 5)\n", "\(add)")
    let again = try FSQBinary.run(["library", "add", "\(Self.documents)/pericom_q3_fy2005.txt"], environment: env)
    #expect(again.out.contains("1 already in the library, unchanged"), "\(again)")
    let list = try FSQBinary.run(["library", "list"], environment: env)
    #expect(list.out.hasPrefix("psem\tPericom Semiconductor Corporation\t5 releases, "), "\(list)")
    let documents = try FSQBinary.run(["library", "list", "--documents"], environment: env)
    #expect(documents.out.split(separator: "\n").count == 5)
    #expect(documents.out.contains("psem\tpericom_q3_fy2005.txt\tv1\t"))
    // A one-liner in a new shell, with no --load: the library's only company is current.
    // FY2005 net revenues 79,557 (pericom_q4_fy2005_submission.txt:346).
    let query = try FSQBinary.run(["-e", "revenue(fy2005)", "-e", "psem.revenue(fy2005)"], environment: env)
    #expect(query.out == "$79,557,000\n$79,557,000\n", "\(query)")
    // --no-library: the bundled Fusion model, as without a library.
    let bundled = try FSQBinary.run(["--no-library", "-e", "margin(q3 2009) - margin(q3 2008)"], environment: env)
    #expect(bundled.out == "+2.13 pp\n", "\(bundled)")
    let remove = try FSQBinary.run(["library", "remove", "psem"], environment: env)
    #expect(remove.out == "removed psem and its 5 documents\n", "\(remove)")
    let empty = try FSQBinary.run(["-e", "margin(q3 2009) - margin(q3 2008)"], environment: env)
    #expect(empty.out == "+2.13 pp\n", "an empty library leaves the bundled model: \(empty)")
    let unknown = try FSQBinary.run(["library", "remove", "psem"], environment: env)
    #expect(unknown.status == 2 && unknown.err.contains("no company or document named 'psem'"), "\(unknown)")
  }

  @Test func severalCompaniesAreNamedNotGuessed() throws {
    let folder = try Folder()
    let env = folder.environment
    _ = try FSQBinary.run(
      [
        "library", "add", "\(Self.documents)/pericom_q4_fy2005_submission.txt",
        "\(Self.documents)/ultraclean_q1_2020.htm",
      ],
      environment: env)
    let bare = try FSQBinary.run(["-e", "revenue(fy2005)"], environment: env)
    #expect(bare.status == 4)
    #expect(bare.err.contains("no company is current") && bare.err.contains("psem, uctt"), "\(bare)")
    let named = try FSQBinary.run(["--company", "psem", "-e", "revenue(fy2005)"], environment: env)
    #expect(named.out == "$79,557,000\n", "\(named)")
    let typo = try FSQBinary.run(["-e", "psme.revenue(fy2005)"], environment: env)
    #expect(typo.err.contains("did you mean 'psem'?"), "\(typo)")
  }

  @Test func aFailedAddChangesNothingAndSaysWhy() throws {
    let folder = try Folder()
    let env = folder.environment
    let junk = folder.url.appendingPathComponent("junk.txt").path
    try "not a release\n".write(toFile: junk, atomically: true, encoding: .utf8)
    let add = try FSQBinary.run(["library", "add", "\(Self.documents)/pericom_q3_fy2005.txt", junk], environment: env)
    #expect(add.status == 5, "\(add)")
    #expect(add.err.hasPrefix("fsq library: cannot import '\(junk)'"), "\(add)")
    let list = try FSQBinary.run(["library", "list"], environment: env)
    #expect(list.out.contains("is empty"), "\(list)")
  }

  @Test func aDamagedLibraryIsAnErrorWithAWayOut() throws {
    let folder = try Folder()
    try FileManager.default.createDirectory(
      atPath: (folder.library as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data("this is not a database, it is an analyst's shopping list\n".utf8 + Data(repeating: 0x20, count: 4096))
      .write(to: URL(fileURLWithPath: folder.library))
    let query = try FSQBinary.run(["-e", "1 + 1"], environment: folder.environment)
    #expect(query.status == 5, "\(query)")
    #expect(query.err.contains("fsq library rebuild") && query.err.contains("--no-library"), "\(query)")
    let ignored = try FSQBinary.run(["--no-library", "-e", "1 + 1"], environment: folder.environment)
    #expect(ignored.out == "2\n")
    let rebuild = try FSQBinary.run(["library", "rebuild"], environment: folder.environment)
    #expect(rebuild.status == 0 && rebuild.out.contains("moved to"), "\(rebuild)")
    let after = try FSQBinary.run(["-e", "1 + 1"], environment: folder.environment)
    #expect(after.out == "2\n", "\(after)")
    // A file that is not a library, named by mistake, is neither advised nor moved.
    let notes = folder.url.appendingPathComponent("notes.txt").path
    try "my notes\n".write(toFile: notes, atomically: true, encoding: .utf8)
    let wrong = try FSQBinary.run(["--library", notes, "-e", "1"])
    #expect(wrong.status == 5 && wrong.err.contains("is not an fsq library"), "\(wrong)")
    #expect(!wrong.err.contains("rebuild"), "\(wrong)")
    let refused = try FSQBinary.run(["library", "rebuild", "--library", notes])
    #expect(refused.status == 2, "\(refused)")
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
  }

  @Test func twoProcessesAddingAtOnce() throws {
    let folder = try Folder()
    let env = folder.environment
    _ = try FSQBinary.run(["library", "list"], environment: env)
    let sets = [
      ["\(Self.documents)/pericom_q3_fy2005.txt", "\(Self.documents)/pericom_q4_fy2003.txt"],
      ["\(Self.documents)/pericom_q4_fy2005_submission.txt", "\(Self.documents)/ultraclean_q1_2020.htm"],
    ]
    nonisolated(unsafe) var results: [BinaryResult?] = [nil, nil]
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      results[k] = try? FSQBinary.run(["library", "add"] + sets[k], environment: env)
    }
    #expect(results.allSatisfy { $0?.status == 0 }, "\(results)")
    let list = try FSQBinary.run(["library", "list"], environment: env)
    #expect(list.out.contains("psem\tPericom Semiconductor Corporation\t3 releases"), "\(list)")
    #expect(list.out.contains("uctt\t"), "\(list)")
  }

  /// Structured filings in the library, and a screen over its companies from a new shell:
  /// fiscal 2013 revenue of Apple 170,910,000,000 (companyfacts_AAPL.json, 10-K
  /// 0001193125-13-416534) and Boston Beer 739,053,000 (SAM_10-K_2013FY.xml).
  @Test func aScreenOverTheLibrary() throws {
    let folder = try Folder()
    let env = folder.environment
    let xbrl = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus/xbrl").path
    let add = try FSQBinary.run(
      ["library", "add", "\(xbrl)/companyfacts_AAPL.json", "\(xbrl)/SAM_10-K_2013FY.xml"], environment: env)
    #expect(add.out == "added 2 releases (apple 1, sam 1)\n", "\(add)")
    let screen = try FSQBinary.run(
      ["-e", "screen revenue(fy2013) > $500M order by revenue(fy2013) desc"], environment: env)
    #expect(
      screen.out == """
        company                name   revenue(fy2013)
        -------  ------------------  ----------------
        apple            Apple Inc.  $170,910,000,000
        sam      BOSTON BEER CO INC      $739,053,000
        screen: 2 of 2 companies pass

        """, "\(screen)")
    let json = try FSQBinary.run(
      ["--format", "json", "-e", "screen net_income(fy2013) > $1B"], environment: env)
    #expect(json.out.contains("\"title\":\"screen: 1 of 2 companies pass\""), "\(json)")
  }

  @Test func helpNamesEverySubcommand() throws {
    let help = try FSQBinary.run(["library", "--help"])
    for subcommand in ["add", "list", "remove", "rebuild", "path"] {
      #expect(help.out.contains("  \(subcommand) "), "\(subcommand): \(help.out)")
    }
    let bad = try FSQBinary.run(["library", "frobnicate"])
    #expect(bad.status == 2)
  }
}
