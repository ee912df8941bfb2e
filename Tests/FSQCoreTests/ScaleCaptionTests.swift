import Testing

@testable import FSQCore

/// Scale captions as real releases print them: each scale word goes to what its clause names
/// (dollars, or share counts), and share counts follow dollars unless the caption excepts them.
@Suite struct ScaleCaptionTests {
  static let thousand = Decimal(1000)
  static let million = Decimal(1_000_000)

  /// (caption, money scale, shares scale)
  static let cases: [(String, Decimal, Decimal)] = [
    // The failure that imported a whole statement 1,000× too small.
    ("(in millions, except share amounts which are reflected in thousands and per share amounts)", million, thousand),
    ("(millions)", million, million),
    ("(millions, except per common share data)", million, million),
    ("(In millions, except per share data)", million, million),
    ("(in thousands, except share and per share amounts)", thousand, .one),
    ("(in thousands, except per share data)", thousand, thousand),
    ("(Dollars in millions, except per share amounts; shares in thousands)", million, thousand),
    ("(Amounts in thousands, except per share data and number of shares)", thousand, .one),
    ("$ in millions", million, million),
    ("($ millions)", million, million),
    ("(000's omitted)", thousand, thousand),
    ("(In Thousands)", thousand, thousand),
    ("(Millions of dollars, except per share amounts)", million, million),
    ("(Thousands of U.S. dollars)", thousand, thousand),
    ("(in millions, except per share amounts; shares in thousands)", million, thousand),
    ("(Dollars in thousands, except share data)", thousand, .one),
    ("(In millions of dollars, except per share data)", million, million),
    ("(Dollars and Shares in Millions, Except Per Share Data)", million, million),
    // Apple's statements.
    (
      "(In millions, except number of shares, which are reflected in thousands, and per-share amounts)", million,
      thousand
    ),
  ]

  @Test func captionsGiveMoneyAndShareScales() {
    for (caption, money, shares) in Self.cases {
      let scale = PeriodHeaders.scale(in: [caption])
      #expect(scale.caption != nil, "\(caption)")
      #expect(scale.money == money, "\(caption): dollars × \(scale.money)")
      #expect(scale.shares == shares, "\(caption): shares × \(scale.shares)")
    }
  }

  @Test func proseAndTitlesAreNotCaptions() {
    for text in [
      "Millions of customers served", "Revenue was $26.7 billion, up 4% from a year ago.",
      "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "Three Months Ended June 30,",
      "The company returned millions to shareholders through buybacks and dividends during the year.",
    ] {
      #expect(PeriodHeaders.scale(in: [text]).caption == nil, "\(text)")
    }
  }
}
