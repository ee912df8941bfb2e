#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Completion for the REPL

extension REPL {

  static let keywords = [
    "let", "def", "assert", "table", "for", "explain", "check", "use", "load", "and", "or", "not", "true", "false",
  ]

  /// Completions for the word that ends at `cursor` (a UTF-8 offset into `line`): whole
  /// replacement words, sorted. Meta-commands at the start, file paths after `:load`,
  /// companies after `:use`, else functions, metrics, items, variables and companies.
  public func completions(for line: String, cursor: Int) -> [String] {
    let bytes = Array(line.utf8.prefix(max(0, cursor)))
    var start = bytes.count
    let breaks = Set(REPL.wordBreakCharacters.utf8)
    while start > 0, !breaks.contains(bytes[start - 1]) { start -= 1 }
    let word = String(decoding: bytes[start...], as: UTF8.self)
    let before = trimmed(String(decoding: bytes[..<start], as: UTF8.self))
    var candidates: [String]
    if let labels = labelCompletions(before: bytes[..<start], word: word) { return labels }
    if before.isEmpty && word.hasPrefix(":") {
      candidates = REPL.metaCommands.map(\.name)
    } else if before == ":load" {
      return pathCompletions(word)
    } else if before == ":use" || before == "use" || before == ":check" || before == "check" {
      candidates = companyNames()
    } else if before == ":format" {
      candidates = OutputFormat.allCases.map(\.rawValue)
    } else if before == ":help" {
      candidates = helpNames.filter { !$0.hasPrefix(":") }
    } else if let dot = word.lastIndex(of: "."), dot > word.startIndex {
      // `fsnn.rev`: that company's items and the metrics, after the company's name.
      let name = word[..<dot].lowercased()
      let partial = String(word[word.index(after: dot)...])
      guard
        let company = session.model.companies.first(where: { company in
          company.id == name || company.listings.contains { $0.ticker.lowercased() == name }
        })
      else { return [] }
      let names = Set(company.facts.map(\.item)).union(session.evaluator.metrics.keys)
      return names.filter { $0.hasPrefix(partial) }.sorted().map { word[...dot] + $0 }
    } else if let followers = REPL.followers(of: before),
      case let matching = followers.filter({ $0.hasPrefix(word) }), !matching.isEmpty
    {
      return matching.sorted()
    } else {
      candidates =
        REPL.contextWords + Array(Builtins.table.keys) + Array(session.evaluator.metrics.keys)
        + Array(session.evaluator.functions.keys) + Array(session.evaluator.globals.keys) + REPL.keywords
      if let company = currentCompany { candidates += company.facts.map(\.item) }
      candidates += companyNames()
    }
    return Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
  }

  /// Inside an open quote, the current company's printed labels (and the sections they are
  /// printed under) that start with what is typed; after `"Section".` only that section's
  /// labels. Each completion replaces `word`, the part after the last word break.
  func labelCompletions(before: ArraySlice<UInt8>, word: String) -> [String]? {
    let quote = UInt8(ascii: "\"")
    guard before.count(where: { $0 == quote }) % 2 == 1, let open = before.lastIndex(of: quote),
      let company = currentCompany
    else { return nil }
    let typed = String(decoding: before[(open + 1)...], as: UTF8.self) + word
    // `"Cost of revenue"."Pro`: the section closed just before the opening quote.
    var section: String?
    let head = before[..<open]
    if head.last == UInt8(ascii: "."), head.dropLast().last == quote,
      let sectionOpen = head.dropLast(2).lastIndex(of: quote)
    {
      section = ModelIndex.normalize(String(decoding: head[(sectionOpen + 1)..<(head.endIndex - 2)], as: UTF8.self))
    }
    var names = Set<String>()
    for fact in company.facts {
      if let section {
        if ModelIndex.normalize(fact.section ?? "") == section { names.insert(fact.label) }
      } else {
        names.insert(fact.label)
        if let printed = fact.section, !printed.isEmpty { names.insert(printed) }
      }
    }
    let lowered = typed.lowercased()
    let dropped = typed.count - word.count
    return names.filter { $0.lowercased().hasPrefix(lowered) }.map { String($0.dropFirst(dropped)) }.sorted()
  }

  func companyNames() -> [String] {
    session.model.companies.flatMap { [$0.id] + $0.listings.map(\.ticker) }
  }

  func pathCompletions(_ word: String) -> [String] {
    var directory = ""
    var partial = word
    if let slash = word.lastIndex(of: "/") {
      directory = String(word[...slash])
      partial = String(word[word.index(after: slash)...])
    }
    let listed = directory.isEmpty ? "." : expandHome(directory)
    var result: [String] = []
    for entry in listDirectory(listed) where entry.name.hasPrefix(partial) {
      if entry.name == "." || entry.name == ".." { continue }
      if entry.name.hasPrefix(".") && !partial.hasPrefix(".") { continue }
      result.append(directory + entry.name + (entry.isDirectory ? "/" : ""))
    }
    return result.sorted()
  }

  /// The entries of a directory (empty when it cannot be read).
  public static func directoryEntries(_ path: String) -> [(name: String, isDirectory: Bool)] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var result: [(name: String, isDirectory: Bool)] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
      if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
        var info = stat()
        let full = path.hasSuffix("/") ? path + name : path + "/" + name
        isDirectory = stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
      }
      result.append((name, isDirectory))
    }
    return result
  }
}
