import FSQTestSupport
import Foundation
import Testing

@testable import FSQCore

/// `Model.bundledModel()` is compiled-in values (`BundledSnapshotData.swift`) rather than an
/// import at each start; these are generated from, and must equal, a fresh import.
@Suite struct BundledSnapshotTests {
  static let path = "Sources/FSQCore/Bundled/BundledSnapshotData.swift"

  @Test func generatedValuesAreAFreshImport() throws {
    let fresh = ReleaseImporter.importBundledReleases()
    let source = SnapshotWriter.source(fresh)
    let url = TestSupport.packageRoot.appendingPathComponent(Self.path)
    if TestSupport.recording {
      try source.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let recorded = try String(contentsOf: url, encoding: .utf8)
    #expect(
      recorded == source, "\(Self.path) is stale: re-record with FSQ_RECORD=1 swift test --filter BundledSnapshotTests")
  }

  @Test func bundledModelEqualsAFreshImportInEveryStoredProperty() {
    var fresh = ""
    var bundled = ""
    // Import reports are not compiled in (`:report` makes them again on request).
    var model = ReleaseImporter.importBundledReleases()
    for k in model.companies.indices { model.companies[k].importReports = [] }
    dump(model, to: &fresh)
    dump(Model.bundledModel(), to: &bundled)
    #expect(fresh == bundled)
    #expect(fresh.count > 10_000)
  }
}
