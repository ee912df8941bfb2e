// MARK: - A paragraph's sentences read into words before the tables are known

/// One sentence as `NarrativeReader.prepare` leaves it: its words, figures and the items it
/// names. None of this depends on the release's tables or fiscal calendar, so it is read
/// while the tables are; placing the figures on periods comes after (`read(prepared:)`).
struct PreparedSentence {
  enum Shape {
    /// No digit: no figure and no period, only the end of a chain of "This …" references.
    case noFigures
    /// Fewer than three words.
    case tooShort
    /// Thousands of words: no prose an analyst reads figures from (a table or a list run
    /// together, or hostile input). Reading each figure against all its words would cost the
    /// square of its length (300 KB took 46 s); it is left unread.
    case tooLong
    case read
  }

  var text: String
  /// UTF-8 offset of the sentence in its paragraph.
  var offset: Int
  var shape: Shape
  var words: [NarrativeReader.Word] = []
  var figures: [NarrativeReader.Figure] = []
  var mentions: [NarrativeReader.Mention] = []
  /// The sentence speaks of a segment; the rest of its paragraph is then about that segment.
  var namesSegment: Bool
  /// Where words the placing of each figure looks for stand (filled for a sentence with
  /// figures): each figure asks whether one stands before it, found once per sentence instead
  /// of once per figure.
  var marks = SentenceMarks()
}

/// Word positions in one sentence, for `NarrativeReader.read(sentence:)`. A "first" index is
/// `Int.max` when the sentence has no such word.
struct SentenceMarks {
  /// "segment", "segments".
  var firstSegment = Int.max
  /// A word that names six or nine months, or months (`WordClass.sixOrNine`).
  var firstSixOrNine = Int.max
  /// "quarter" / "year" not after a word that makes it a base ("the previous quarter").
  var firstOwnQuarter = Int.max
  var firstOwnYear = Int.max
  /// The first "six months" / "nine-month" and the months it names.
  var monthsNamed: (index: Int, months: Int)? = nil
  /// "compared", "over", "versus".
  var firstComparison = Int.max
  /// `comparesBefore[k]`: how many of words `0..<k` compare (`Word.compares`).
  var comparesBefore: [Int32] = []
  /// Second words of "year ago", "prior year", "last year", "previous year", "year earlier".
  var yearAgo: [Int] = []
  /// Second words of "current quarter", "this quarter".
  var currentQuarter: [Int] = []

  init() {}

  init(_ words: [NarrativeReader.Word]) {
    comparesBefore.reserveCapacity(words.count + 1)
    comparesBefore.append(0)
    var previous = ""
    var previousClasses: WordClass = []
    for (k, word) in words.enumerated() {
      let core = word.core
      let classes = word.classes
      comparesBefore.append(comparesBefore[k] + (word.compares ? 1 : 0))
      if firstSegment == .max, classes.contains(.segment) { firstSegment = k }
      if firstSixOrNine == .max, classes.contains(.sixOrNine) { firstSixOrNine = k }
      if firstComparison == .max, classes.contains(.comparison) { firstComparison = k }
      // "months", "sixmonth", "ninemonth" are all words of six or nine months.
      if monthsNamed == nil, classes.contains(.sixOrNine) {
        if core == "sixmonth" || (core == "months" && previous == "six") { monthsNamed = (k, 6) }
        if core == "ninemonth" || (core == "months" && previous == "nine") { monthsNamed = (k, 9) }
      }
      if core == "quarter" {
        if firstOwnQuarter == .max, !previousClasses.contains(.ownBase) { firstOwnQuarter = k }
        if previousClasses.contains(.current) { currentQuarter.append(k) }
      }
      if core == "year", firstOwnYear == .max, !previousClasses.contains(.ownBase) { firstOwnYear = k }
      if k > 0, NarrativeReader.isYearAgo(previous, core) { yearAgo.append(k) }
      previous = core
      previousClasses = classes
    }
  }

  /// How many words of `range` compare.
  func compares(in range: Range<Int>) -> Int {
    Int(comparesBefore[range.upperBound] - comparesBefore[range.lowerBound])
  }

  /// A year-ago pair ("a year ago", "the prior year") inside the range.
  func mentionsYearAgo(_ range: Range<Int>) -> Bool {
    yearAgo.contains { $0 > range.lowerBound && $0 < range.upperBound }
  }

  /// "current quarter", "this quarter" inside the range.
  func speaksOfCurrentQuarter(_ range: Range<Int>) -> Bool {
    currentQuarter.contains { $0 > range.lowerBound && $0 < range.upperBound }
  }
}

struct PreparedParagraph {
  var block: TextBlock
  var sentences: [PreparedSentence]
}

extension NarrativeReader {
  /// One paragraph's sentences; nil for a paragraph shorter than 20 bytes (no sentence with a
  /// figure to read).
  static func prepare(paragraph block: TextBlock) -> PreparedParagraph? {
    guard block.text.utf8.count >= 20 else { return nil }
    var sentences: [PreparedSentence] = []
    for (text, offset) in NarrativeReader.sentences(block.text) {
      var sentence = prepare(sentence: text, offset: offset)
      sentence.namesSegment = NarrativeReader.namesSegment(text)
      sentences.append(sentence)
    }
    return PreparedParagraph(block: block, sentences: sentences)
  }

  static func prepare(sentence text: String, offset: Int) -> PreparedSentence {
    var sentence = PreparedSentence(text: text, offset: offset, shape: .noFigures, namesSegment: false)
    // Every figure and every period has a digit.
    guard text.anyUTF8({ $0 >= 0x30 && $0 <= 0x39 }) else { return sentence }
    var words = NarrativeReader.words(text)
    guard words.count >= 3 else {
      sentence.shape = .tooShort
      return sentence
    }
    guard words.count <= NarrativeReader.maximumSentenceWords else {
      sentence.shape = .tooLong
      return sentence
    }
    let figures = NarrativeReader.figures(words)
    NarrativeReader.markWordClasses(&words, withFigures: !figures.isEmpty)
    sentence.mentions = NarrativeReader.mentions(words)
    sentence.marks = SentenceMarks(words)
    sentence.figures = figures
    sentence.words = words
    sentence.shape = .read
    return sentence
  }
}
