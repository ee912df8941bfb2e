// MARK: - One number of decimals per row

/// The display rule for decimals in a table: the figures of one row in one unit show as many
/// decimal places as the most precise of them (8.3% beside 8.33% reads 8.30%), or exactly the
/// places `decimals N` asked for. Only the text changes; CSV and JSON keep full precision.
enum TableDecimals {
  static func texts(_ cells: [Value?], decimals: Int?) -> [String] {
    var texts = cells.map { $0.map(ValueFormatter.bare) ?? "—" }
    var places: [String: Int] = [:]
    func key(_ q: Quantity) -> String { "\(q.unit)/\(q.scale)" }
    for (index, cell) in cells.enumerated() {
      guard case .quantity(let q)? = cell else { continue }
      places[key(q)] = max(places[key(q)] ?? 0, decimals ?? decimalPlaces(texts[index]))
    }
    for (index, cell) in cells.enumerated() {
      guard case .quantity(let q)? = cell, let wanted = places[key(q)] else { continue }
      texts[index] = padded(texts[index], to: wanted)
    }
    return texts
  }

  /// The digits after the decimal point of the first number in a text.
  static func decimalPlaces(_ text: String) -> Int {
    guard let range = numberRange(Array(text)) else { return 0 }
    let characters = Array(text)[range]
    guard let point = characters.firstIndex(of: ".") else { return 0 }
    return characters.distance(from: point, to: characters.endIndex) - 1
  }

  /// The text with zeros added after its first number's last digit, up to `places`.
  static func padded(_ text: String, to places: Int) -> String {
    var characters = Array(text)
    guard let range = numberRange(characters) else { return text }
    let current = decimalPlaces(text)
    guard places > current else { return text }
    let insertion = (current == 0 ? "." : "") + String(repeating: "0", count: places - current)
    characters.insert(contentsOf: insertion, at: range.upperBound)
    return String(characters)
  }

  /// Where the first number is: digits, with the commas and one point between them.
  static func numberRange(_ characters: [Character]) -> Range<Int>? {
    guard let start = characters.firstIndex(where: \.isASCIIDigit) else { return nil }
    var end = start
    var sawPoint = false
    while end < characters.count {
      let character = characters[end]
      if character.isASCIIDigit {
        end += 1
      } else if (character == "," || (character == "." && !sawPoint)) && end + 1 < characters.count
        && characters[end + 1].isASCIIDigit
      {
        if character == "." { sawPoint = true }
        end += 1
      } else {
        break
      }
    }
    return start..<end
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
