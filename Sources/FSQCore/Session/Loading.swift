// MARK: - Loading releases into a session

extension Session {
  /// Imports release files into the model: files, directories (every visible file in them) and
  /// glob patterns. Releases of one company merge into one history. All or nothing for what was
  /// named: a named file that cannot be read or imported fails the statement and leaves the
  /// model as it was; a file found in a directory or by a pattern that is not a release is
  /// skipped and listed, so one stray README does not stop a folder of releases.
  func load(paths: [String], spans: [Span]) throws(Diagnostic) -> String {
    var model = evaluator.model
    let before = model.companies.count
    var loaded: [String] = []
    var documentKeys: [String] = []
    var skipped: [String] = []
    for (path, span) in zip(paths, spans) {
      let files: [String]
      let expanded: Bool
      switch FileSystem.releaseFiles(path) {
      case .failure(let error):
        throw evaluator.fail(.unreadableFile, "cannot read '\(path)': \(error.reason)", span)
      case .success(let found):
        (files, expanded) = found
      }
      for file in files {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        switch readFile(file) {
        case .failure(let error):
          if expanded {
            skipped.append("\(name): \(error.reason)")
            continue
          }
          throw evaluator.fail(.unreadableFile, "cannot read '\(file)': \(error.reason)", span)
        case .success(let bytes):
          do {
            let imported = try ReleaseImporter.importRelease(bytes: bytes, documentName: name)
            try model.add(imported: imported)
            // The model's name for it: the file's, or a structured filing's first filing's.
            loaded.append(name)
            documentKeys.append(imported.documents.first ?? name)
          } catch {
            if error.isInterrupted {
              throw evaluator.fail(.interrupted, "interrupted while importing '\(file)'", span)
            }
            if expanded {
              skipped.append("\(name): \(error.message)")
              continue
            }
            throw evaluator.fail(.importFailed, "cannot import '\(file)': \(error.message)", span)
          }
        }
      }
    }
    guard !loaded.isEmpty else {
      throw evaluator.fail(
        .importFailed, "nothing in \(paths.map { "'\($0)'" }.joined(separator: ", ")) could be imported",
        spans[0], notes: skipped.prefix(8).map { DiagnosticNote("skipped \($0)") })
    }
    let previous = evaluator.currentCompany
    evaluator.replaceModel(model)
    // The company of the last release loaded becomes current.
    let lastName = loaded.last!
    let lastKey = documentKeys.last!
    let position = model.companies.lastIndex { $0.documents.contains(lastKey) } ?? model.companies.count - 1
    if model.companies.count > before { evaluator.currentCompany = position }
    let company = model.companies[position]
    var current = ""
    if let previous, previous != evaluator.currentCompany {
      current = "; \(company.id) is now the current company (use \(model.companies[previous].id) to go back)"
    }
    var skippedText = ""
    if !skipped.isEmpty {
      skippedText = "; skipped \(skipped.count): " + skipped.prefix(5).joined(separator: "; ")
      if skipped.count > 5 { skippedText += "; …" }
    }
    if loaded.count == 1 {
      let summary = company.importReports.last { $0.document == lastName }?.summary ?? ""
      return "loaded \(lastName): \(company.name) (\(company.id))\(summary)\(skippedText)\(current)"
    }
    // Several releases: how many went to which company.
    var perCompany: [(id: String, name: String, count: Int)] = []
    for key in documentKeys {
      guard let owner = model.companies.first(where: { $0.documents.contains(key) }) else { continue }
      if let k = perCompany.firstIndex(where: { $0.id == owner.id }) {
        perCompany[k].count += 1
      } else {
        perCompany.append((owner.id, owner.name, 1))
      }
    }
    let companies = perCompany.map { "\($0.name) (\($0.id)) \($0.count)" }.joined(separator: ", ")
    return "loaded \(loaded.count) releases: \(companies)\(skippedText)\(current)"
  }

  /// Loads releases from the command line (`--load FILE|DIR|GLOB`), with no source position.
  public func load(path: String) -> RunResult {
    let source = SourceFile(name: "--load", text: path)
    evaluator.source = source
    do throws(Diagnostic) {
      let message = try load(paths: [path], spans: [Span(start: 0, end: source.bytes.count)])
      return RunResult(items: [.message(message)])
    } catch {
      var diagnostic = error
      diagnostic.source = nil
      return RunResult(
        diagnostics: [diagnostic], status: error.id == .interrupted ? .interrupted : ExitStatus(error.category))
    }
  }
}
