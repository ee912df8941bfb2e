// MARK: - Did you mean

enum Suggest {
  /// The candidate nearest to `name` by edit distance (with transpositions), if it is near
  /// enough to be a plausible typo.
  static func closest(to name: String, in candidates: [String]) -> String? {
    let target = Array(name.lowercased().utf8)
    guard !target.isEmpty, target.count < 200 else { return nil }
    // The same words without the small ones: research_and_development is research_development.
    let words = significantWords(name)
    if words.count >= 2, let same = Set(candidates).filter({ $0 != name && significantWords($0) == words }).min() {
      return same
    }
    var best: (String, Int)?
    for candidate in Set(candidates) where candidate != name {
      let bytes = Array(candidate.lowercased().utf8)
      if abs(bytes.count - target.count) > 3 { continue }
      let distance = editDistance(target, bytes)
      let limit = max(1, min(3, target.count / 3))
      if distance <= limit, best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// The words of a name joined by `_`, without "and", "of", "the", "&".
  static func significantWords(_ name: String) -> [Substring] {
    name.lowercased().split(separator: "_").filter { !["and", "of", "the", "&"].contains($0) }
  }

  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      previousPrevious = previous
      previous = current
    }
    return previous[b.count]
  }
}
