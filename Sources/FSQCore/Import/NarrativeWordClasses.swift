// MARK: - What a word of a sentence can be, looked up once

/// The roles a sentence's word plays for the narrative reader, from one table lookup a word:
/// `markWordClasses`, `mentions` and `SentenceMarks` each looked words up in sets of their
/// own (three or four hashes of every word of a sentence with a figure).
struct WordClass: OptionSet {
  let rawValue: UInt32

  /// One of `NarrativeReader.compareWords` ("compared", "over", "versus", "vs", "from", "than").
  static let compares = WordClass(rawValue: 1 << 0)
  /// The first word of a phrase in `NarrativeReader.mentionIndex`.
  static let startsMention = WordClass(rawValue: 1 << 1)
  /// "segment", "segments".
  static let segment = WordClass(rawValue: 1 << 2)
  /// "six", "nine", "sixmonth", "ninemonth", "months": a six- or nine-month period.
  static let sixOrNine = WordClass(rawValue: 1 << 3)
  /// One of `NarrativeReader.ownBaseWords` ("previous", "prior", …).
  static let ownBase = WordClass(rawValue: 1 << 4)
  /// "compared", "over", "versus": a comparison that ends the period a paragraph carries.
  static let comparison = WordClass(rawValue: 1 << 5)
  /// "current", "this" (before "quarter").
  static let current = WordClass(rawValue: 1 << 6)
}

extension NarrativeReader {
  /// Every word with a class or a change kind (`changeWords`), and both.
  static let wordClasses: [String: (classes: WordClass, change: Int8)] = {
    var table: [String: (classes: WordClass, change: Int8)] = [:]
    func add(_ word: String, _ classes: WordClass) {
      table[word, default: ([], -1)].classes.formUnion(classes)
    }
    for word in compareWords { add(word, .compares) }
    for word in mentionIndex.keys { add(word, .startsMention) }
    for word in ["segment", "segments"] { add(word, .segment) }
    for word in ["six", "nine", "sixmonth", "ninemonth", "months"] { add(word, .sixOrNine) }
    for word in ownBaseWords { add(word, .ownBase) }
    for word in ["compared", "over", "versus"] { add(word, .comparison) }
    for word in ["current", "this"] { add(word, .current) }
    for (word, kind) in changeWords { table[word, default: ([], -1)].change = Int8(kind) }
    return table
  }()

  /// The longest word in `wordClasses`: a longer word is not looked up.
  static let longestClassWord = wordClasses.keys.map(\.utf8.count).max() ?? 0
}
