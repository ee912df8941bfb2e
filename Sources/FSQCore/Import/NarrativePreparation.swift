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
}

struct PreparedParagraph {
  var block: TextBlock
  var sentences: [PreparedSentence]
  /// UTF-8 length of the sentences read for figures: how much placing them will cost.
  var weight: Int
}

extension NarrativeReader {
  /// Splits every paragraph of at least 20 bytes into sentences, and each sentence with a digit
  /// into words, figures and mentions.
  static func prepare(_ paragraphs: [TextBlock]) -> [PreparedParagraph] {
    var result: [PreparedParagraph] = []
    for block in paragraphs where block.text.utf8.count >= 20 {
      var sentences: [PreparedSentence] = []
      var weight = 0
      for (text, offset) in NarrativeReader.sentences(block.text) {
        var sentence = prepare(sentence: text, offset: offset)
        sentence.namesSegment = NarrativeReader.namesSegment(text)
        if sentence.shape == .read { weight += text.utf8.count }
        sentences.append(sentence)
      }
      result.append(PreparedParagraph(block: block, sentences: sentences, weight: weight))
    }
    return result
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
    if !figures.isEmpty { NarrativeReader.markWordClasses(&words) }
    sentence.mentions = NarrativeReader.mentions(words)
    sentence.figures = figures
    sentence.words = words
    sentence.shape = .read
    return sentence
  }

  /// Where to cut `paragraphs` so that each half has about the same weight to place.
  static func middle(of paragraphs: [PreparedParagraph]) -> Int {
    let total = paragraphs.reduce(0) { $0 + $1.weight }
    var sum = 0
    for (index, paragraph) in paragraphs.enumerated() {
      sum += paragraph.weight
      if sum * 2 >= total { return index + 1 }
    }
    return paragraphs.count
  }
}
