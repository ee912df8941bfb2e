// MARK: - The model fsq starts on

extension ReleaseImporter {
  /// The model of Fusion Telecommunications built from the two bundled seed releases, what fsq
  /// uses when nothing is loaded. It comes from `BundledSnapshot`, values generated from
  /// `importBundledReleases()` and checked against it by a test, so no import runs at start-up.
  ///
  ///     let model = ReleaseImporter.bundledModel()
  ///     model.company(named: "fsnn")?.facts.count
  public static func bundledModel() -> Model { BundledSnapshot.model() }

  /// Imports the two bundled seed releases now: what `bundledModel()` returns, computed.
  public static func importBundledReleases() -> Model {
    var model = Model()
    for release in BundledReleases.all {
      do {
        try model.importRelease(bytes: Array(release.text.utf8), documentName: release.name)
      } catch {
        // The bundled releases are fixed and tested; failing here is a bug in the importer.
        preconditionFailure("bundled release \(release.name) failed to import: \(error)")
      }
    }
    return model
  }

  /// The bundled seed releases by document name, for `:load`-style inspection and tests.
  public static var bundledReleases: [(name: String, text: String)] { BundledReleases.all }
}

extension Model {
  /// The model fsq starts on: Fusion Telecommunications from the two bundled seed releases.
  public static func bundledModel() -> Model { ReleaseImporter.bundledModel() }
}
