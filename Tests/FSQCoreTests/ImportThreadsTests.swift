import FSQTestSupport
import Testing

@testable import FSQCore

/// An import reads its tables while another thread reads its prose into words, then places the
/// prose's figures half on each thread (`TwoThreads`). The result must not depend on that: every
/// real release imports to the same bytes, report and error with one thread as with two.
@Suite struct ImportThreadsTests {
  static func outcome(_ bytes: [UInt8], name: String, threads: Bool) -> String {
    var report: ImportReport? = nil
    do {
      let company = try ReleaseImporter.importRelease(
        bytes: bytes, documentName: name, report: &report, threads: threads)
      return ModelCodec.encode(company).map { String($0) }.joined(separator: ",") + "\n"
        + (company.importReports.first?.render() ?? "")
    } catch {
      return "error: \(error.description)\n" + (report?.render() ?? "")
    }
  }

  @Test func corpusImportsTheSameOnOneThreadAndTwo() throws {
    let documents = try Corpus.documents()
    #expect(documents.count >= 40)
    var compared = 0
    for document in documents {
      let bytes = try Corpus.bytes(document)
      let one = Self.outcome(bytes, name: document.name, threads: false)
      let two = Self.outcome(bytes, name: document.name, threads: true)
      #expect(one == two, "\(document.name) imports differently on two threads")
      if bytes.count >= TwoThreads.minimumBytes { compared += 1 }
    }
    // Most of the corpus is large enough to be read on two threads.
    #expect(compared >= 30)
  }

  @Test func bundledReleasesImportTheSameOnOneThreadAndTwo() {
    for release in ReleaseImporter.bundledReleases {
      let bytes = Array(release.text.utf8)
      #expect(
        Self.outcome(bytes, name: release.name, threads: false)
          == Self.outcome(bytes, name: release.name, threads: true))
    }
  }

  /// A release cut short in the middle of a table, and one whose tables fail: the same error
  /// and the same partial report either way.
  @Test func failuresAreTheSameOnOneThreadAndTwo() {
    let seed = Array(ReleaseImporter.bundledReleases[0].text.utf8)
    for cut in stride(from: 4_096, to: seed.count, by: 2_203) {
      let bytes = Array(seed[..<cut])
      #expect(Self.outcome(bytes, name: "cut.md", threads: false) == Self.outcome(bytes, name: "cut.md", threads: true))
    }
  }
}
