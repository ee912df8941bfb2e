import FSQTestSupport
import Testing

@testable import FSQCore

/// The real-release corpus (`Tests/Corpus`): earnings releases as filed by companies none of us
/// works for, each with values read off the document by hand. A value the importer gets wrong
/// fails the test outright (a wrong number is worse than none); missing values only count
/// against the accuracy floor. `swift run fsq-bench --corpus` prints the same report.
@Suite struct CorpusTests {
  /// The share of hand-read values that must come out right: issue 11's bar, 98% (measured
  /// 799 of 815, 98.0%, when it was set). What is still missing is listed by
  /// `swift run fsq-bench --corpus`.
  static let minimumAccuracy = 0.98

  @Test func corpusValuesAreRightOrMissingNeverWrong() throws {
    let documents = try Corpus.documents()
    #expect(documents.count >= 40, "the corpus should hold at least 40 releases")
    let scores = documents.map(Corpus.score)
    let report = Corpus.report(scores, verbose: true)
    let wrong = scores.reduce(0) { $0 + $1.wrong }
    let right = scores.reduce(0) { $0 + $1.right }
    let total = scores.reduce(0) { $0 + $1.outcomes.count }
    #expect(wrong == 0, "values imported wrong:\n\(report)")
    #expect(total > 0 && Double(right) >= Double(total) * Self.minimumAccuracy, "accuracy below the floor:\n\(report)")
  }

  @Test func everyDocumentHasSixValuesAndItsFile() throws {
    for document in try Corpus.documents() {
      #expect(document.expectations.count >= 6, "\(document.name): fewer than 6 values")
      #expect((try? Corpus.bytes(document)) != nil, "\(document.name): document missing")
    }
  }
}
