// MARK: - One number of decimals per row

/// The display rule for decimals in a table: the figures of one row in one unit show as many
/// decimal places as the most precise of them (8.3% beside 8.33% reads 8.30%), or exactly the
/// places `decimals N` asked for. Only the text changes; CSV and JSON keep full precision.
enum TableDecimals {
  static func texts(_ cells: [Value?], decimals: Int?) -> [String] {
    if let decimals {
      // Exactly the places asked for, rounded from the full amount (never zeros added to a
      // rounder text: $14.3014M in four places is $14.3014M, not $14.3000M).
      return cells.map { cell in
        guard case .quantity(let q)? = cell else { return cell.map(ValueFormatter.bare) ?? "—" }
        return ValueFormatter.amountText(q, places: decimals) + (q.isDerived ? " (derived)" : "")
      }
    }
    var texts = cells.map { $0.map(ValueFormatter.bare) ?? "—" }
    // Per unit and scale shown, the most places any figure of the row shows.
    var groups: [(unit: Unit, scale: Int, places: Int)] = []
    var shown = [Int](repeating: 0, count: cells.count)
    for (index, cell) in cells.enumerated() {
      guard case .quantity(let q)? = cell else { continue }
      shown[index] = decimalPlaces(texts[index])
      if let group = groups.firstIndex(where: { $0.unit == q.unit && $0.scale == q.scale }) {
        groups[group].places = max(groups[group].places, shown[index])
      } else {
        groups.append((q.unit, q.scale, shown[index]))
      }
    }
    guard groups.contains(where: { $0.places > 0 }) else { return texts }
    for (index, cell) in cells.enumerated() {
      guard case .quantity(let q)? = cell,
        let wanted = groups.first(where: { $0.unit == q.unit && $0.scale == q.scale })?.places, wanted > shown[index]
      else { continue }
      texts[index] = padded(texts[index], to: wanted)
    }
    return texts
  }

  /// The digits after the decimal point of the first number in a text.
  static func decimalPlaces(_ text: String) -> Int {
    var sawDigit = false
    var afterPoint = -1
    var previous: UInt8 = 0
    for byte in text.utf8 {
      let digit = byte >= 0x30 && byte <= 0x39
      if digit {
        sawDigit = true
        if afterPoint >= 0 { afterPoint += 1 }
      } else if sawDigit {
        if byte == UInt8(ascii: "."), afterPoint < 0, previous >= 0x30 && previous <= 0x39 {
          afterPoint = 0
        } else if byte != UInt8(ascii: ",") {
          break
        }
      }
      previous = byte
    }
    return max(0, afterPoint)
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
