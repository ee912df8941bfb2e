import Testing

@testable import FSQCore

// MARK: - Charts for the terminal, SVG and sparklines

@Suite struct ChartRendererTests {
  static let netIncome = ChartData(
    title: "Net income",
    categories: ["q1 2008", "q2 2008", "q3 2008"],
    series: [ChartSeries(name: "Net income", values: [10, -5, 2.5], texts: ["$10.00M", "-$5.00M", "$2.50M"])],
    unitLabel: "USD millions")

  static let salesAndCosts = ChartData(
    title: nil,
    categories: ["2023", "2024"],
    series: [
      ChartSeries(name: "Sales", values: [4, 8], texts: ["4", "8"]),
      ChartSeries(name: "Costs", values: [-2, nil], texts: ["-2", nil]),
    ],
    unitLabel: "%")

  // Bars 16 columns wide, 5 left of zero: -5 fills them (10 halves), 10 takes 10 cells (80
  // eighths), 2.5 takes 2 cells and a half (▌). Values right-aligned after the bars; the axis
  // runs from the minimum to the maximum with ┼ at zero.
  @Test func terminalSingleSeriesWithNegative() {
    #expect(
      ChartRenderer.terminal(Self.netIncome, width: 40) == """
        Net income
        q1 2008      ██████████  $10.00M
        q2 2008 █████            -$5.00M
        q3 2008      ██▌          $2.50M
             -5 ├────┼─────────┤ 10 USD millions

        """)
  }

  // Legend first; one row per series, the category named on its first row only; the second
  // series in ▓ (whole cells); the missing cost shows "—" and no bar.
  @Test func terminalSeveralSeries() {
    #expect(
      ChartRenderer.terminal(Self.salesAndCosts, width: 40) == """
        █ Sales  ▓ Costs
        2023       ████████████               4
             ▓▓▓▓▓▓                          -2
        2024       ████████████████████████   8
                                              —
          -2 ├─────┼───────────────────────┤ 8 %

        """)
  }

  @Test func terminalColourOnlyWhenAsked() {
    let plain = ChartRenderer.terminal(Self.salesAndCosts)
    let coloured = ChartRenderer.terminal(Self.salesAndCosts, color: true)
    #expect(!plain.contains("\u{1B}"))
    #expect(coloured.contains("\u{1B}[34m"))
    #expect(coloured.contains("\u{1B}[33m"))
    #expect(!coloured.contains("▓"))
    #expect(coloured.hasSuffix("\n"))
  }

  @Test func sparklines() {
    #expect(ChartRenderer.sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█")
    #expect(ChartRenderer.sparkline([0, nil, 10, 5]) == "▁ █▅")
    #expect(ChartRenderer.sparkline([3, 3, nil, 3]) == "▄▄ ▄")
    #expect(ChartRenderer.sparkline([-1, 1]) == "▁█")
    #expect(ChartRenderer.sparkline([Double.nan, .infinity, 2]) == "  ▄")
    #expect(ChartRenderer.sparkline([nil, nil]) == "  ")
    #expect(ChartRenderer.sparkline([]) == "")
  }

  @Test func svgIsWellFormedWithOneBarPerValue() {
    let chart = ChartData(
      title: "R&D <\"costs\"> 'q1'",
      categories: ["q1 2008", "q2 <2008>", "q3 2008", "q4 2008"],
      series: [
        ChartSeries(name: "Revenue", values: [11.85, -2.1, nil, 0.3], texts: ["$11.85M", "-$2.10M", nil, "$0.30M"]),
        ChartSeries(name: "Costs & fees", values: [nil, 1.25, 7, nil], texts: [nil, "$1.25M", "$7.00M", nil]),
      ],
      unitLabel: "USD millions")
    let svg = ChartRenderer.svg(chart)
    let doc = XMLCheck(svg)
    #expect(doc.problems == [])
    #expect(svg.hasPrefix("<?xml version=\"1.0\""))
    #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("R&amp;D &lt;&quot;costs&quot;&gt; &apos;q1&apos;"))
    #expect(svg.contains("q2 &lt;2008&gt;: -$2.10M"))
    #expect(svg.contains(">Costs &amp; fees<"))
    let bars = doc.elements.filter { $0.name == "rect" && $0.attributes["data-value"] != nil }
    #expect(bars.map { $0.attributes["data-value"] ?? "" } == ["11.85", "-2.1", "1.25", "7.0", "0.3"])
    #expect(svg.contains("<title>q1 2008: $11.85M</title>"))
    #expect(doc.problemsInCoordinates == [])
    #expect(svg.contains(">USD millions</text>"))
  }

  @Test func svgTicksAreNiceNumbers() {
    func labels(_ high: Double) -> [String] {
      let chart = ChartData(
        title: nil, categories: ["a"], series: [ChartSeries(name: "s", values: [high], texts: ["x"])],
        unitLabel: "")
      let doc = XMLCheck(ChartRenderer.svg(chart))
      return doc.elements.filter { $0.name == "text" && $0.attributes["text-anchor"] == "end" }.map(\.text)
    }
    #expect(labels(0.3) == ["0", "0.1", "0.2", "0.3"])
    #expect(labels(0.1 + 0.2) == ["0", "0.1", "0.2", "0.3"])
    #expect(labels(12) == ["0", "2.5", "5", "7.5", "10", "12.5"])
    #expect(labels(2500) == ["0", "500", "1,000", "1,500", "2,000", "2,500"])
    #expect(labels(11.85) == ["0", "2.5", "5", "7.5", "10", "12.5"])
    #expect(labels(-0.8) == ["-0.8", "-0.6", "-0.4", "-0.2", "0"])
  }

  static let edgeCases: [ChartData] = {
    func chart(_ categories: [String], _ values: [[Double?]], title: String? = "Edge") -> ChartData {
      ChartData(
        title: title, categories: categories,
        series: values.enumerated().map { n, v in
          ChartSeries(name: "S\(n)", values: v, texts: v.map { _ in nil })
        },
        unitLabel: "USD millions")
    }
    let long = String(repeating: "Très long libellé € ", count: 8)
    return [
      chart([], [[]]),
      chart(["a", "b"], []),
      chart([], []),
      chart(["a", "b"], [[nil, nil]]),
      chart(["a"], [[7]]),
      chart(["a", "b", "c"], [[3, 3, 3]]),
      chart(["a", "b"], [[0, 0], [0, nil]]),
      chart(["a", "b"], [[1e300, -1e300]]),
      chart(["a", "b"], [[1.7e308, -1.7e308]]),
      chart(["a", "b"], [[1e-300, 3e-300], [.leastNonzeroMagnitude, nil]]),
      chart(["a", "b", "c", "d"], [[.nan, .infinity, -.infinity, 2]]),
      chart(["a", "b", "c", "d"], [[.nan, .infinity, -.infinity, nil]]),
      chart(["日本語の期間", "😀😀😀 e\u{301}", "\u{1B}[31mred"], [[1, 2, 3], [-1, nil, 4]], title: "タイトル & <x>"),
      chart([long, long + "2"], [[12.5, -3], [4, 5], [1, 2]], title: long),
      chart(["a"], [[1, 2, 3]]),
      chart(["a", "b", "c"], [[1]]),
      chart(["a", "b"], [[-4, -8]]),
      chart(["a", "b"], [[0.001, 999_999_999_999.5]]),
    ]
  }()

  @Test(arguments: edgeCases)
  func edgeCasesGiveOutput(_ chart: ChartData) {
    for width in [1, 40, 80, 200] {
      let text = ChartRenderer.terminal(chart, width: width)
      #expect(!text.isEmpty && text.hasSuffix("\n"))
      for line in text.split(separator: "\n") {
        #expect(line.count <= max(width, 40), "\(line)")
        #expect(!line.unicodeScalars.contains { $0.value == 0x1B })
      }
      #expect(!ChartRenderer.terminal(chart, width: width, color: true).isEmpty)
    }
    for (w, h) in [(720, 360), (0, 0), (100, 50), (2000, 1200)] {
      let svg = ChartRenderer.svg(chart, width: w, height: h)
      let doc = XMLCheck(svg)
      #expect(doc.problems == [])
      #expect(doc.problemsInCoordinates == [])
      let present = chart.series.flatMap { s in
        s.values.prefix(chart.categories.count).compactMap { $0 }.filter { $0.isFinite }
      }
      #expect(doc.elements.filter { $0.attributes["data-value"] != nil }.count == present.count)
    }
    for series in chart.series {
      let line = ChartRenderer.sparkline(series.values)
      #expect(line.count == series.values.count)
    }
  }

  @Test func narrowWidthTruncatesLabels() {
    let chart = ChartData(
      title: nil, categories: ["A very long category label that cannot fit", "short"],
      series: [ChartSeries(name: "s", values: [1, 2], texts: ["$1.00M", "$2.00M"])], unitLabel: "USD millions")
    let text = ChartRenderer.terminal(chart, width: 40)
    #expect(text.contains("…"))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
    #expect(text.contains("$1.00M") && text.contains("$2.00M"))
  }
}

// MARK: - A small XML checker

extension ChartRendererTests {
  @Test func xmlCheckerCatchesMistakes() {
    #expect(XMLCheck("<a x=\"1\"><b/>R&amp;D &#38;</a>").problems == [])
    #expect(XMLCheck("<a><b></a></b>").problems != [])
    #expect(XMLCheck("<a x=1/>").problems != [])
    #expect(XMLCheck("<a x='1'/>").problems != [])
    #expect(XMLCheck("<a>R&D</a>").problems != [])
    #expect(XMLCheck("<a y=\"<\"/>").problems != [])
    #expect(XMLCheck("<a>").problems != [])
    #expect(XMLCheck("<rect x=\"1e5\" y=\"1.234\" width=\"nan\" height=\"-0.5\"/>").problemsInCoordinates.count == 3)
  }
}

extension ChartRendererTests {
  /// Elements of an XML document, and what is wrong with it: every tag closed in order or
  /// self-closed, attribute values quoted, `&` only in known entities, `<` never in text.
  struct XMLCheck {
    struct Element {
      var name: String
      var attributes: [String: String]
      var text = ""
    }

    var elements: [Element] = []
    var problems: [String] = []

    init(_ xml: String) {
      let s = Array(xml.unicodeScalars)
      var i = 0
      var open: [(name: String, index: Int)] = []
      func isNameChar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == ":" || c == "."
      }
      func name() -> String {
        var out = ""
        while i < s.count && isNameChar(s[i]) {
          out.unicodeScalars.append(s[i])
          i += 1
        }
        return out
      }
      func skipSpace() { while i < s.count && (s[i] == " " || s[i] == "\n" || s[i] == "\t") { i += 1 } }
      func entity() {
        var j = i + 1
        var body = ""
        while j < s.count && s[j] != ";" && j - i < 10 {
          body.unicodeScalars.append(s[j])
          j += 1
        }
        let known = ["amp", "lt", "gt", "quot", "apos"].contains(body) || body.hasPrefix("#")
        if j >= s.count || s[j] != ";" || !known { problems.append("bare & at \(i)") }
      }
      if xml.hasPrefix("<?xml") {
        while i + 1 < s.count && !(s[i] == "?" && s[i + 1] == ">") { i += 1 }
        i += 2
      }
      while i < s.count {
        let c = s[i]
        if c == "&" { entity() }
        if c == ">" { problems.append("stray > at \(i)") }
        if c != "<" {
          if let top = open.last { elements[top.index].text.unicodeScalars.append(c) }
          i += 1
          continue
        }
        i += 1
        if i < s.count && s[i] == "/" {
          i += 1
          let closing = name()
          skipSpace()
          if i >= s.count || s[i] != ">" { problems.append("bad closing tag \(closing)") }
          i += 1
          if open.last?.name == closing { open.removeLast() } else { problems.append("</\(closing)> out of order") }
          continue
        }
        var element = Element(name: name(), attributes: [:])
        if element.name.isEmpty { problems.append("< without a name at \(i)") }
        var selfClosed = false
        while true {
          skipSpace()
          guard i < s.count else {
            problems.append("unterminated <\(element.name)")
            break
          }
          if s[i] == ">" {
            i += 1
            break
          }
          if s[i] == "/" && i + 1 < s.count && s[i + 1] == ">" {
            selfClosed = true
            i += 2
            break
          }
          let attribute = name()
          guard !attribute.isEmpty, i + 1 < s.count, s[i] == "=", s[i + 1] == "\"" else {
            problems.append("unquoted attribute \(attribute) in <\(element.name)>")
            i += 1
            continue
          }
          i += 2
          var value = ""
          while i < s.count && s[i] != "\"" {
            if s[i] == "<" { problems.append("< in attribute \(attribute)") }
            if s[i] == "&" { entity() }
            value.unicodeScalars.append(s[i])
            i += 1
          }
          i += 1
          if element.attributes[attribute] != nil { problems.append("attribute \(attribute) twice") }
          element.attributes[attribute] = value
        }
        elements.append(element)
        if !selfClosed { open.append((element.name, elements.count - 1)) }
      }
      if !open.isEmpty { problems.append("unclosed: \(open.map(\.name))") }
    }

    /// Coordinates that are not plain decimals with at most 2 places (exponent, nan, inf).
    var problemsInCoordinates: [String] {
      let keys = ["x", "y", "x1", "y1", "x2", "y2", "width", "height"]
      var out: [String] = []
      for element in elements {
        for key in keys {
          guard let value = element.attributes[key] else { continue }
          let parts = value.split(separator: ".", omittingEmptySubsequences: false)
          let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
          let ok =
            parts.count <= 2 && !whole.isEmpty && whole.allSatisfy(\.isASCII) && whole.allSatisfy(\.isNumber)
            && (parts.count == 1 || (1...2).contains(parts[1].count) && parts[1].allSatisfy(\.isNumber))
          if !ok { out.append("\(element.name) \(key)=\(value)") }
        }
      }
      return out
    }
  }
}
