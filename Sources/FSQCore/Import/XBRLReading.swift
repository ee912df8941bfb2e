// MARK: - What a filing's XBRL holds, before it becomes a company

/// Contexts, units, dei cover facts and numeric facts as read from an XBRL instance (.xml) or an
/// inline XBRL document (.htm). Both readers fill one of these and hand it to
/// `XBRLInstanceImporter.company(from:documentName:format:)`, so a fact comes out the same
/// whichever form of the filing was read.
struct XBRLReading {
  struct NumericFact {
    var prefix: String
    var concept: String
    var contextRef: String
    var unitRef: String
    /// nil when the fact is nil in the filing or its number could not be read.
    var value: Decimal?
    /// Filed as nil (`xsi:nil="true"`): no value, on purpose.
    var isNil = false
    /// The `decimals` attribute: `Int.max` for INF, nil when absent or unreadable.
    var decimals: Int?
    /// One-based line of the fact's tag.
    var line: Int
  }

  /// A fact of the dei (cover page) taxonomy, its text as filed (inline: transformed).
  struct DEIFact {
    var name: String
    var contextRef: String?
    var text: String
  }

  var contexts: [String: XBRLInstanceImporter.Context] = [:]
  var units: [String: Unit] = [:]
  var dei: [DEIFact] = []
  var facts: [NumericFact] = []
  /// What the reader itself has to say in the import report (facts it could not read).
  var notes: [String] = []

  static func decimals(_ text: String?) -> Int? {
    guard let text else { return nil }
    return text == "INF" ? Int.max : Int(text)
  }

  /// Each dei fact by its name: the one of a context without dimensions (the registrant itself,
  /// not one class of its stock) when there is one, otherwise the first filed. White space runs
  /// become one space (a name broken over two lines of the page is one name).
  func coverFacts() -> [String: String] {
    var chosen: [String: (text: String, plain: Bool)] = [:]
    for fact in dei {
      let plain = fact.contextRef.flatMap { contexts[$0] }.map { $0.members.isEmpty } ?? false
      if let earlier = chosen[fact.name], earlier.plain || !plain { continue }
      chosen[fact.name] = (fact.text.split(whereSeparator: \.isWhitespace).joined(separator: " "), plain)
    }
    return chosen.mapValues(\.text)
  }

  /// The facts to import, in filing order: each fact once (a figure is often filed again in
  /// every table that shows it) and, where the same concept, context and unit is filed both in
  /// full (`decimals="-6"`, 81,797 million) and rounded (`decimals="-8"`, $81.8 billion in the
  /// text), only the precise one. Nil facts and facts without a known context, unit or number
  /// are counted.
  func usableFacts() -> (facts: [NumericFact], skipped: Int, nils: Int, lessPrecise: Int) {
    var skipped = 0
    var nils = 0
    var usable: [NumericFact] = []
    var best: [String: NumericFact] = [:]
    for fact in facts {
      if fact.isNil {
        nils += 1
        continue
      }
      guard contexts[fact.contextRef] != nil, units[fact.unitRef] != nil, let value = fact.value else {
        skipped += 1
        continue
      }
      usable.append(fact)
      let key = "\(fact.prefix):\(fact.concept) \(fact.contextRef) \(fact.unitRef)"
      if let other = best[key], (other.decimals ?? Int.min) >= (fact.decimals ?? Int.min) || other.value == value {
        continue
      }
      best[key] = fact
    }
    var seen: Set<String> = []
    var kept: [NumericFact] = []
    var lessPrecise = 0
    for fact in usable {
      let key = "\(fact.prefix):\(fact.concept) \(fact.contextRef) \(fact.unitRef)"
      guard let value = fact.value, seen.insert("\(key) \(value)").inserted else { continue }
      if let precise = best[key], let preciseValue = precise.value, preciseValue != value,
        let places = fact.decimals, places < (precise.decimals ?? Int.min),
        preciseValue.rounded(places: places) == value
      {
        lessPrecise += 1
        continue
      }
      kept.append(fact)
    }
    return (kept, skipped, nils, lessPrecise)
  }
}
