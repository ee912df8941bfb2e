// MARK: - Charts: terminal bars, SVG bar charts and sparklines

/// One line of a chart: a name and one value per category (nil where there is no figure).
public struct ChartSeries: Sendable, Equatable {
  public var name: String
  /// Values in the unit shown (already scaled, e.g. 11.85 for $11.85M); nil = no figure.
  public var values: [Double?]
  /// The same values formatted for people ("$11.85M", "8.33%"), nil where values is nil.
  public var texts: [String?]
  public init(name: String, values: [Double?], texts: [String?]) {
    self.name = name
    self.values = values
    self.texts = texts
  }
}

/// A chart: categories along one axis (periods such as "q1 2008"), one or more series.
public struct ChartData: Sendable, Equatable {
  public var title: String?
  public var categories: [String]
  public var series: [ChartSeries]
  /// What the values are in, for the axis: "USD millions", "%", "shares".
  public var unitLabel: String
  public init(title: String?, categories: [String], series: [ChartSeries], unitLabel: String) {
    self.title = title
    self.categories = categories
    self.series = series
    self.unitLabel = unitLabel
  }
}

public enum ChartRenderer {
  /// A chart for a terminal: one row per category; horizontal Unicode bars made of full blocks
  /// and eighth blocks (▏▎▍▌▋▊▉█), drawn from a zero axis so negative values extend left of
  /// the axis and positive ones right (when any value is negative the axis is not at column
  /// 0); each row shows the category label, the bar, and the value's text. With several series,
  /// each category has one row per series (series name shown in a legend line at the top,
  /// each series with its own bar character or, when `color` is true, its own ANSI colour).
  /// A missing value shows "—" and no bar. An axis line below shows the minimum and maximum
  /// with the unit label. `width` is the total width in columns (at least 40).
  /// ANSI escape codes only when color is true. Output ends with "\n".
  ///
  /// Unicode has no right-aligned eighth blocks, so bars left of the axis end in ▐ (a half
  /// cell); series after the first drawn with ▓ ░ ▒ (no colour) have whole-cell precision. The
  /// axis line spans the scale: its ends are the minimum (0 when nothing is negative) and the
  /// maximum (0 when nothing is positive), with ┼ at zero.
  public static func terminal(_ chart: ChartData, width: Int = 80, color: Bool = false) -> String {
    let chart = Prepared(chart)
    let total = min(max(width, 40), 10_000)
    var lines: [String] = []
    if let title = chart.title {
      let text = Text.truncate(title, total)
      lines.append(color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text)
    }
    if chart.series.count > 1 { lines += legendLines(chart, total: total, color: color) }
    guard !chart.categories.isEmpty, !chart.series.isEmpty else {
      lines.append("(no data)")
      return lines.joined(separator: "\n") + "\n"
    }
    let present = chart.presentValues
    let low = present.reduce(0.0) { min($0, $1) }
    let high = present.reduce(0.0) { max($0, $1) }
    let hasAxis = !present.isEmpty
    let minText = Num.general(low)
    let tail = Num.general(high) + (chart.unitLabel.isEmpty ? "" : " " + chart.unitLabel)

    // Columns: label, space, bars, space, value text (or the axis line's maximum and unit).
    var labelWidth = chart.categories.reduce(hasAxis ? minText.count : 0) { max($0, $1.count) }
    var valueWidth = chart.series.reduce(0) { acc, s in s.texts.reduce(acc) { max($0, $1.count) } }
    var textWidth = max(valueWidth, hasAxis ? tail.count : 0)
    let available = total - 2 - minimumBarWidth
    if labelWidth + textWidth > available {
      textWidth = min(textWidth, max(available - labelWidth, available / 2))
      labelWidth = min(labelWidth, available - textWidth)
      valueWidth = min(valueWidth, textWidth)
    }
    let barWidth = total - 2 - labelWidth - textWidth
    let scale = BarScale(low: low, high: high, cells: barWidth)

    for (index, category) in chart.categories.enumerated() {
      for (number, series) in chart.series.enumerated() {
        let label = number == 0 ? Text.truncate(category, labelWidth) : ""
        let bar = barCells(series.values[index], series: number, scale: scale, color: color)
        let text = Text.truncate(series.texts[index], valueWidth)
        let line = Text.padRight(label, labelWidth) + " " + bar + " " + Text.padLeft(text, valueWidth)
        lines.append(Text.trimTrailingSpaces(line))
      }
    }
    if hasAxis {
      var rule = Array(repeating: "─", count: barWidth)
      rule[0] = "├"
      rule[barWidth - 1] = "┤"
      if scale.negativeCells > 0 && scale.negativeCells < barWidth - 1 { rule[scale.negativeCells] = "┼" }
      let line =
        Text.padLeft(Text.truncate(minText, labelWidth), labelWidth) + " " + rule.joined() + " "
        + Text.truncate(tail, textWidth)
      lines.append(Text.trimTrailingSpaces(line))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A standalone SVG 1.1 document (with XML declaration and xmlns) of a bar chart (one bar
  /// per category per series, grouped), a zero baseline, a y axis with 4–6 "nice" tick values
  /// (1, 2, 2.5, 5 × 10^n) labelled with the unit label, category labels under the bars,
  /// a title when present, a legend when there are several series, and each bar carrying
  /// a <title> child with "category: text" (tooltip) and data-value="…" attribute holding the
  /// exact value. All text XML-escaped (& < > " '). Numbers in coordinates printed with at most
  /// 2 decimals and never in exponent form or as "nan"/"inf". Missing values draw no bar.
  public static func svg(_ chart: ChartData, width: Int = 720, height: Int = 360) -> String {
    let chart = Prepared(chart)
    let w = Double(min(max(width, 200), 100_000))
    let h = Double(min(max(height, 150), 100_000))
    let present = chart.presentValues.map(geometric)
    let ticks = Ticks(low: present.reduce(0.0) { min($0, $1) }, high: present.reduce(0.0) { max($0, $1) })
    let tickChars = ticks.labels.reduce(1) { max($0, $1.count) }
    let unit = chart.unitLabel

    // Margins: tick labels (and the rotated unit label) left, category labels below.
    let left = 12 + (unit.isEmpty ? 0 : 18) + Double(tickChars) * 7 + 8
    let right = 16.0
    var top = 14.0
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(c(w))\" height=\"\(c(h))\""
    out += " viewBox=\"0 0 \(c(w)) \(c(h))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
    if let title = chart.title { out += "  <title>\(Text.xml(title))</title>\n" }
    out += "  <rect x=\"0\" y=\"0\" width=\"\(c(w))\" height=\"\(c(h))\" fill=\"#ffffff\"/>\n"
    if let title = chart.title {
      let fitted = Text.truncate(title, max(1, Int((w - 20) / 9)))
      out += "  <text class=\"title\" x=\"\(c(w / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"16\""
      out += " font-weight=\"bold\">\(Text.xml(fitted))</text>\n"
      top = 40
    }
    if chart.series.count > 1 {
      out += "  <g class=\"legend\">\n"
      var x = left
      var y = top
      for (number, series) in chart.series.enumerated() {
        let name = Text.truncate(series.name, max(1, Int((w - left - right - 16) / 7)))
        let itemWidth = 16 + Double(name.count) * 7 + 14
        if x > left && x + itemWidth > w - right {
          x = left
          y += 18
        }
        let fill = palette[number % palette.count]
        out += "    <rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"10\" height=\"10\" fill=\"\(fill)\"/>\n"
        out += "    <text x=\"\(c(x + 15))\" y=\"\(c(y + 9))\">\(Text.xml(name))</text>\n"
        x += itemWidth
      }
      out += "  </g>\n"
      top = y + 22
    }
    top += 8
    let x0 = left
    let x1 = max(w - right, x0 + 10)
    let y0 = top
    let y1 = max(h - 32, y0 + 10)
    func yOf(_ value: Double) -> Double {
      let fraction = (value - ticks.low) / (ticks.high - ticks.low)
      let y = y1 - (fraction.isFinite ? fraction : 0) * (y1 - y0)
      return min(max(y, y0 - 1), y1 + 1)
    }

    out += "  <g class=\"grid\" stroke=\"#e3e3e3\" stroke-width=\"1\">\n"
    for value in ticks.values {
      out += "    <line x1=\"\(c(x0))\" y1=\"\(c(yOf(value)))\" x2=\"\(c(x1))\" y2=\"\(c(yOf(value)))\"/>\n"
    }
    out += "  </g>\n"
    out += "  <g class=\"y-axis\" font-size=\"11\" fill=\"#333333\">\n"
    out += "    <line x1=\"\(c(x0))\" y1=\"\(c(y0))\" x2=\"\(c(x0))\" y2=\"\(c(y1))\" stroke=\"#333333\"/>\n"
    for (value, label) in zip(ticks.values, ticks.labels) {
      out += "    <text x=\"\(c(x0 - 6))\" y=\"\(c(yOf(value)))\" dy=\"0.35em\" text-anchor=\"end\">"
      out += "\(Text.xml(label))</text>\n"
    }
    if !unit.isEmpty {
      let fitted = Text.truncate(unit, max(1, Int((y1 - y0) / 7)))
      let (ux, uy) = (c(14), c((y0 + y1) / 2))
      out += "    <text x=\"\(ux)\" y=\"\(uy)\" transform=\"rotate(-90 \(ux) \(uy))\" text-anchor=\"middle\">"
      out += "\(Text.xml(fitted))</text>\n"
    }
    out += "  </g>\n"

    let groupWidth = (x1 - x0) / Double(max(chart.categories.count, 1))
    let barWidth = groupWidth * 0.8 / Double(max(chart.series.count, 1))
    let zero = yOf(0)
    out += "  <g class=\"bars\">\n"
    for (index, category) in chart.categories.enumerated() {
      for (number, series) in chart.series.enumerated() {
        guard let value = series.values[index] else { continue }
        let x = x0 + Double(index) * groupWidth + groupWidth * 0.1 + Double(number) * barWidth
        let y = yOf(geometric(value))
        let tip = Text.xml(category + ": " + series.texts[index])
        out += "    <rect class=\"bar series-\(number)\" x=\"\(c(x))\" y=\"\(c(min(y, zero)))\""
        out += " width=\"\(c(barWidth))\" height=\"\(c(abs(y - zero)))\" fill=\"\(palette[number % palette.count])\""
        out += " data-value=\"\(Text.xml(String(value)))\"><title>\(tip)</title></rect>\n"
      }
    }
    out += "  </g>\n"
    out += "  <line class=\"baseline\" x1=\"\(c(x0))\" y1=\"\(c(zero))\" x2=\"\(c(x1))\" y2=\"\(c(zero))\""
    out += " stroke=\"#333333\" stroke-width=\"1.5\"/>\n"
    if !chart.categories.isEmpty {
      out += "  <g class=\"categories\" font-size=\"11\" fill=\"#333333\" text-anchor=\"middle\">\n"
      let fit = max(1, Int(groupWidth / 7))
      for (index, category) in chart.categories.enumerated() {
        let x = x0 + (Double(index) + 0.5) * groupWidth
        out += "    <text x=\"\(c(x))\" y=\"\(c(y1 + 18))\">\(Text.xml(Text.truncate(category, fit)))</text>\n"
      }
      out += "  </g>\n"
    }
    if present.isEmpty {
      out += "  <text x=\"\(c((x0 + x1) / 2))\" y=\"\(c((y0 + y1) / 2))\" text-anchor=\"middle\""
      out += " fill=\"#777777\">No data</text>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// A sparkline: one character per value from ▁▂▃▄▅▆▇█ scaled between the minimum and maximum
  /// (all equal → all ▄), a space for nil. Empty input gives "".
  public static func sparkline(_ values: [Double?]) -> String {
    let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let finite = values.compactMap { $0 }.filter { $0.isFinite }
    guard let low = finite.min(), let high = finite.max() else {
      return String(repeating: " ", count: values.count)
    }
    var out = ""
    for value in values {
      guard let value, value.isFinite else {
        out.append(" ")
        continue
      }
      guard high > low else {
        out.append("▄")
        continue
      }
      // Halves first: high - low overflows for values near ±Double.greatestFiniteMagnitude.
      let halfSpan = high / 2 - low / 2
      let fraction = halfSpan > 0 ? (value / 2 - low / 2) / halfSpan : (value - low) / (high - low)
      out.append(levels[Num.clamped((fraction * 7).rounded(), 0, 7)])
    }
    return out
  }
}

// MARK: - Input made safe

extension ChartRenderer {
  static let minimumBarWidth = 10
  /// Tableau 10, for SVG bars and swatches.
  static let palette = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  ]
  static let ansiColors = [34, 33, 32, 35, 36, 31]
  static let fills = ["█", "▓", "░", "▒"]

  /// The chart with every series as long as the categories, non-finite values as nil, a text for
  /// each value ("—" where there is none) and control characters replaced.
  struct Prepared {
    struct Series {
      var name: String
      var values: [Double?]
      var texts: [String]
    }
    var title: String?
    var categories: [String]
    var series: [Series]
    var unitLabel: String

    init(_ chart: ChartData) {
      title = chart.title.flatMap { $0.isEmpty ? nil : Text.clean($0) }
      categories = chart.categories.map(Text.clean)
      unitLabel = Text.clean(chart.unitLabel)
      let count = categories.count
      series = chart.series.map { s in
        let values: [Double?] = (0..<count).map { i in
          guard i < s.values.count, let v = s.values[i], v.isFinite else { return nil }
          return v
        }
        let texts: [String] = (0..<count).map { i in
          guard let v = values[i] else { return "—" }
          if i < s.texts.count, let text = s.texts[i], !text.isEmpty { return Text.clean(text) }
          return Num.general(v)
        }
        return Series(name: Text.clean(s.name), values: values, texts: texts)
      }
    }

    var presentValues: [Double] { series.flatMap { $0.values.compactMap { $0 } } }
  }

  /// Values near the largest doubles, clamped for geometry so differences stay finite.
  static func geometric(_ value: Double) -> Double { min(max(value, -1e307), 1e307) }

  /// A coordinate: at most 2 decimals, never exponent, NaN or infinity.
  static func c(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    return Num.trimmed(Num.fixed(min(max(value, -1e9), 1e9), decimals: 2, grouping: false) ?? "0")
  }
}

// MARK: - Terminal pieces

extension ChartRenderer {
  /// Where zero sits among `cells` columns and how many columns a unit of value takes.
  struct BarScale {
    let cells: Int
    let negativeCells: Int
    /// Values divided by `norm` lie in [-1, 1], so nothing overflows for huge or tiny values.
    let norm: Double
    let cellsPerUnit: Double

    init(low: Double, high: Double, cells: Int) {
      self.cells = cells
      let largest = max(-low, high)
      norm = largest > 0 && largest.isFinite ? largest : 1
      let (negative, positive) = (-low / norm, high / norm)
      let span = negative + positive
      var left = span > 0 ? Num.clamped((negative / span * Double(cells)).rounded(), 0, cells) : 0
      if negative > 0 { left = max(left, 1) }
      if positive > 0 { left = min(left, cells - 1) }
      negativeCells = left
      let leftFit = negative > 0 ? Double(left) / negative : Double.infinity
      let rightFit = positive > 0 ? Double(cells - left) / positive : Double.infinity
      let fit = min(leftFit, rightFit)
      cellsPerUnit = fit.isFinite ? fit : 0
    }

    /// Length of the bar for `value` in 1/`steps` of a cell: at least one step when not zero.
    func length(_ value: Double, steps: Int) -> Int {
      let room = (value < 0 ? negativeCells : cells - negativeCells) * steps
      let exact = abs(value / norm) * cellsPerUnit * Double(steps)
      let n = Num.clamped(exact.rounded(), 0, room)
      return value != 0 && n == 0 ? min(1, room) : n
    }
  }

  /// The `scale.cells` columns of one row's bar area.
  static func barCells(_ value: Double?, series: Int, scale: BarScale, color: Bool) -> String {
    guard let value, value != 0 else { return String(repeating: " ", count: scale.cells) }
    let fine = color || series == 0
    let fill = color ? "█" : fills[series % fills.count]
    var bar: String
    if value > 0 {
      let steps = fine ? 8 : 1
      let length = scale.length(value, steps: steps)
      let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
      bar = String(repeating: fill, count: length / steps) + partials[length % steps]
    } else {
      let steps = fine ? 2 : 1
      let length = scale.length(value, steps: steps)
      bar = (length % steps == 1 ? "▐" : "") + String(repeating: fill, count: length / steps)
    }
    let used = bar.count
    let start = value > 0 ? scale.negativeCells : scale.negativeCells - used
    let after = scale.cells - start - used
    if color { bar = "\u{1B}[\(ansiColors[series % ansiColors.count])m" + bar + "\u{1B}[0m" }
    return String(repeating: " ", count: max(start, 0)) + bar + String(repeating: " ", count: max(after, 0))
  }

  /// "█ Revenue  ▓ Net income", wrapped to `total` columns.
  static func legendLines(_ chart: Prepared, total: Int, color: Bool) -> [String] {
    var lines: [String] = []
    var line = ""
    var used = 0
    for (number, series) in chart.series.enumerated() {
      let name = Text.truncate(series.name, total - 2)
      let swatch =
        color ? "\u{1B}[\(ansiColors[number % ansiColors.count])m█\u{1B}[0m" : fills[number % fills.count]
      let itemWidth = 2 + name.count
      if used > 0 && used + 2 + itemWidth > total {
        lines.append(line)
        line = ""
        used = 0
      }
      if used > 0 {
        line += "  "
        used += 2
      }
      line += swatch + " " + name
      used += itemWidth
    }
    lines.append(Text.trimTrailingSpaces(line))
    return lines
  }
}

// MARK: - Ticks for the SVG axis

extension ChartRenderer {
  /// 4–6 multiples of a step of 1, 2, 2.5 or 5 × 10^n covering low...high (low ≤ 0 ≤ high).
  struct Ticks {
    var values: [Double] = []
    var labels: [String] = []
    var low: Double { values.first ?? 0 }
    var high: Double { values.last ?? 1 }

    init(low: Double, high: Double) {
      let (low, high) = high > low ? (low, high) : (0, 1)
      let exponent = Num.exponent(high - low)
      for e in (exponent - 2)...(exponent + 1) {
        for mantissa in [1.0, 2.0, 2.5, 5.0] {
          let step = mantissa * Num.pow10(e)
          guard step > 0, step.isFinite else { continue }
          let first = (low / step + 1e-9).rounded(.down)
          let last = (high / step - 1e-9).rounded(.up)
          let count = last - first + 1
          guard count.isFinite, count >= 4, count <= 6 else { continue }
          // k × mantissa / 10^-e keeps 0.3 as close to 0.3 as a double gets.
          values = (0..<Int(count)).map { k in
            let units = (first + Double(k)) * mantissa
            return e < 0 ? units / Num.pow10(-e) : units * Num.pow10(e)
          }
          let decimals = max(0, -e) + (mantissa == 2.5 && e <= 0 ? 1 : 0)
          labels = Ticks.labels(values, decimals: decimals)
          return
        }
      }
      values = [low, high]
      labels = Ticks.labels(values, decimals: 99)
    }

    static func labels(_ values: [Double], decimals: Int) -> [String] {
      let largest = values.reduce(0) { max($0, abs($1)) }
      if decimals <= 6 && largest < 1e15 {
        return values.map { Num.trimmed(Num.fixed($0, decimals: decimals, grouping: true) ?? Num.scientific($0)) }
      }
      return values.map(Num.scientific)
    }
  }
}

// MARK: - Numbers as text, without Foundation

extension ChartRenderer {
  enum Num {
    /// `value` as an Int in lo...hi; NaN gives lo.
    static func clamped(_ value: Double, _ lo: Int, _ hi: Int) -> Int {
      guard value >= Double(lo) else { return lo }
      guard value <= Double(hi) else { return hi }
      return Int(value)
    }

    static func pow10(_ e: Int) -> Double {
      if e > 308 { return .infinity }
      if e < -340 { return 0 }
      if e < -300 { return 1e-300 / pow10(-e - 300) }
      var result = 1.0
      for _ in 0..<abs(e) { result *= 10 }
      return e < 0 ? 1 / result : result
    }

    /// n with 10^n ≤ x < 10^(n+1), for finite x > 0 (0 otherwise).
    static func exponent(_ x: Double) -> Int {
      guard x > 0, x.isFinite else { return 0 }
      var n = 0
      if x >= 1 {
        while n < 308 && pow10(n + 1) <= x { n += 1 }
      } else {
        while n > -330 && pow10(n) > x { n -= 1 }
      }
      return n
    }

    /// `value` rounded to `decimals` places ("1,234.50", "-0.25"), or nil when too large.
    static func fixed(_ value: Double, decimals: Int, grouping: Bool) -> String? {
      guard value.isFinite, decimals >= 0, decimals <= 15 else { return nil }
      let scaled = (abs(value) * pow10(decimals)).rounded()
      guard scaled < 9e15 else { return nil }
      let n = Int64(scaled)
      var unit: Int64 = 1
      for _ in 0..<decimals { unit *= 10 }
      var digits = String(n / unit)
      if grouping && digits.count > 3 {
        var grouped = ""
        for (i, ch) in digits.enumerated() {
          if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
          grouped.append(ch)
        }
        digits = grouped
      }
      if decimals > 0 {
        let fraction = String(n % unit)
        digits += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
      }
      return (value < 0 && n != 0 ? "-" : "") + digits
    }

    /// "2.50" → "2.5", "10.00" → "10".
    static func trimmed(_ text: String) -> String {
      guard text.contains(".") else { return text }
      var text = Substring(text)
      while text.hasSuffix("0") { text = text.dropLast() }
      if text.hasSuffix(".") { text = text.dropLast() }
      return String(text)
    }

    /// "2.5e-301", "1e300": for values too large or too small for fixed places.
    static func scientific(_ value: Double) -> String {
      guard value.isFinite, value != 0 else { return "0" }
      var e = exponent(abs(value))
      let mantissa: Double
      if e > 290 {
        mantissa = abs(value) / 1e290 / pow10(e - 290)
      } else if e < -290 {
        mantissa = abs(value) * 1e290 * pow10(-e - 290)
      } else {
        mantissa = abs(value) / pow10(e)
      }
      var rounded = (mantissa * 100).rounded() / 100
      if rounded >= 10 {
        rounded /= 10
        e += 1
      }
      let digits = trimmed(fixed(rounded, decimals: 2, grouping: false) ?? "1")
      return (value < 0 ? "-" : "") + digits + "e" + String(e)
    }

    /// About four significant digits: "11.85", "1,235", "0.3", "-2.1", "1e300".
    static func general(_ value: Double) -> String {
      guard value.isFinite, value != 0 else { return "0" }
      let magnitude = abs(value)
      if magnitude >= 1e15 || magnitude < 1e-4 { return scientific(value) }
      let decimals = min(max(3 - exponent(magnitude), 0), 6)
      return trimmed(fixed(value, decimals: decimals, grouping: true) ?? scientific(value))
    }
  }
}

// MARK: - Text: width, truncation, escaping

extension ChartRenderer {
  enum Text {
    /// Control characters and bidi overrides replaced so they cannot move a terminal's cursor or
    /// break XML; line breaks and tabs become spaces.
    static func clean(_ text: String) -> String {
      let safe = text.unicodeScalars.allSatisfy { s in
        s.value >= 0x20 && s.value != 0x7F && !(0x80..<0xA0).contains(s.value) && !isBidi(s.value)
          && s.value != 0xFFFE && s.value != 0xFFFF
      }
      if safe { return text }
      var out = String.UnicodeScalarView()
      for s in text.unicodeScalars {
        switch s.value {
        case 0x09, 0x0A, 0x0D: out.append(" ")
        case 0..<0x20, 0x7F, 0x80..<0xA0, 0xFFFE, 0xFFFF: out.append("\u{FFFD}")
        case let v where isBidi(v): out.append("\u{FFFD}")
        default: out.append(s)
        }
      }
      return String(out)
    }

    static func isBidi(_ v: UInt32) -> Bool {
      (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
    }

    /// At most `width` characters; "…" ends text that was cut.
    static func truncate(_ text: String, _ width: Int) -> String {
      guard text.count > width else { return text }
      guard width > 1 else { return width == 1 ? "…" : "" }
      return String(text.prefix(width - 1)) + "…"
    }

    static func padRight(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
      String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func trimTrailingSpaces(_ text: String) -> String {
      var text = Substring(text)
      while text.hasSuffix(" ") { text = text.dropLast() }
      return String(text)
    }

    static func xml(_ text: String) -> String {
      // By scalar: "&" followed by a combining mark is one Character but still needs escaping.
      var out = ""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out
    }
  }
}
