import FSQCore
import FSQTestSupport
import Testing

// MARK: - Calendar dates and periods

private func resolved(_ spec: PeriodSpec, _ fiscalYearEnd: FiscalYearEnd = .december) -> String {
  spec.resolve(fiscalYearEnd: fiscalYearEnd).description
}

/// The period a literal spells, read through the parser.
private func period(_ text: String) -> PeriodSpec {
  guard case .expression(let expression) = parsed(text).statements.first?.kind,
    case .literal(.period(let spec)) = expression.kind
  else { fatalError("not a period: \(text)") }
  return spec
}

private let september = FiscalYearEnd(month: 9, day: 30)

@Suite struct PeriodTests {
  @Test func validatesCalendarDates() {
    #expect(CivilDate(iso: "2009-02-30") == nil)
    #expect(CivilDate(iso: "2009-02-29") == nil)
    #expect(CivilDate(iso: "2008-02-29") != nil)
    #expect(CivilDate(iso: "2000-02-29") != nil)
    #expect(CivilDate(iso: "1900-02-29") == nil)
    #expect(CivilDate(iso: "2009-13-01") == nil)
    #expect(CivilDate(iso: "2009-00-10") == nil)
    #expect(CivilDate(iso: "2009-9-30") == nil)
    #expect(date("2009-09-30").description == "2009-09-30")
  }

  @Test func dayArithmetic() {
    #expect(date("1970-01-01").dayNumber == 0)
    #expect(date("2008-02-28").adding(days: 1) == date("2008-02-29"))
    #expect(date("2008-02-28").adding(days: 2) == date("2008-03-01"))
    #expect(date("2009-12-31").adding(days: 1) == date("2010-01-01"))
    #expect(date("2010-01-01").adding(days: -1) == date("2009-12-31"))
    #expect(date("2009-09-30").adding(days: -365) == date("2008-09-30"))
    #expect(date("2010-01-01").dayNumber - date("2009-01-01").dayNumber == 365)
    #expect(date("2009-01-01").dayNumber - date("2008-01-01").dayNumber == 366)
    for day in stride(from: -800_000, through: 800_000, by: 9_973) {
      #expect(CivilDate(dayNumber: day).dayNumber == day)
    }
  }

  @Test func monthArithmeticKeepsMonthEnds() {
    #expect(date("2009-01-31").adding(months: 1) == date("2009-02-28"))
    #expect(date("2008-01-31").adding(months: 1) == date("2008-02-29"))
    #expect(date("2009-02-28").adding(months: 1) == date("2009-03-31"))
    #expect(date("2009-06-30").adding(months: 3) == date("2009-09-30"))
    #expect(date("2009-01-30").adding(months: 1) == date("2009-02-28"))
    #expect(date("2009-03-30").adding(months: -1) == date("2009-02-28"))
    #expect(date("2009-09-30").adding(months: -12) == date("2008-09-30"))
    #expect(date("2010-12-25").adding(months: -3) == date("2010-09-25"))
    #expect(date("2009-11-15").adding(months: 14) == date("2011-01-15"))
    #expect(date("2009-01-15").adding(months: -13) == date("2007-12-15"))
    #expect(date("2008-02-29").adding(months: 12) == date("2009-02-28"))
  }

  @Test func resolvesWithADecemberYearEnd() {
    #expect(resolved(period("q3 2009")) == "2009-07-01..2009-09-30")
    #expect(resolved(period("Q1 2009")) == "2009-01-01..2009-03-31")
    #expect(resolved(period("2009q4")) == "2009-10-01..2009-12-31")
    #expect(resolved(period("fy2008")) == "2008-01-01..2008-12-31")
    #expect(resolved(period("h1 2009")) == "2009-01-01..2009-06-30")
    #expect(resolved(period("2009h2")) == "2009-07-01..2009-12-31")
    #expect(resolved(period("9m 2009")) == "2009-01-01..2009-09-30")
    #expect(resolved(period("cq4 2010")) == "2010-10-01..2010-12-31")
    #expect(resolved(PeriodSpec.instant(date("2009-09-30"))) == "2009-09-30")
  }

  @Test func resolvesWithASeptemberYearEnd() {
    // Apple-style: fiscal 2011 runs from October 2010 to September 2011.
    #expect(resolved(period("q1 2011"), september) == "2010-10-01..2010-12-31")
    #expect(resolved(period("q2 2011"), september) == "2011-01-01..2011-03-31")
    #expect(resolved(period("q4 2011"), september) == "2011-07-01..2011-09-30")
    #expect(resolved(period("fy 2011"), september) == "2010-10-01..2011-09-30")
    #expect(resolved(period("h2 2011"), september) == "2011-04-01..2011-09-30")
    #expect(resolved(period("9m 2011"), september) == "2010-10-01..2011-06-30")
    // Calendar labels ignore the fiscal year end.
    #expect(resolved(period("cq4 2010"), september) == "2010-10-01..2010-12-31")
    #expect(resolved(period("cy2010"), september) == "2010-01-01..2010-12-31")
    #expect(resolved(period("ch1 2010"), september) == "2010-01-01..2010-06-30")
  }

  @Test func prior() {
    #expect(period("q1 2009").prior == period("q4 2008"))
    #expect(period("q3 2009").prior == period("q2 2009"))
    #expect(period("h1 2009").prior == period("h2 2008"))
    #expect(period("h2 2009").prior == period("h1 2009"))
    #expect(period("fy2009").prior == period("fy2008"))
    #expect(period("9m 2009").prior == period("9m 2008"))
    #expect(period("cq1 2010").prior == period("cq4 2009"))
    #expect(PeriodSpec.instant(date("2009-09-30")).prior == .instant(date("2009-06-30")))
    let range = PeriodSpec(.range(start: date("2009-07-01"), end: date("2009-09-30")), year: 2009)
    // A range of whole months steps back by whole months: a 92-day quarter's prior is the
    // quarter before, not 92 days.
    #expect(resolved(range.prior) == "2009-04-01..2009-06-30")
    // Any other range steps back by its length in days.
    let days = PeriodSpec(.range(start: date("2009-07-05"), end: date("2009-07-14")), year: 2009)
    #expect(resolved(days.prior) == "2009-06-25..2009-07-04")
    // The prior quarter resolves to the three months before.
    #expect(resolved(period("q1 2011").prior, september) == "2010-07-01..2010-09-30")
  }

  @Test func yearEarlier() {
    #expect(period("q3 2009").yearEarlier == period("q3 2008"))
    #expect(period("fy 2009").yearEarlier == period("fy2008"))
    #expect(period("9m 2009").yearEarlier == period("9m 2008"))
    #expect(PeriodSpec.instant(date("2009-09-30")).yearEarlier == .instant(date("2008-09-30")))
    #expect(PeriodSpec.instant(date("2008-02-29")).yearEarlier == .instant(date("2007-02-28")))
    #expect(resolved(period("q1 2011").yearEarlier, september) == "2009-10-01..2009-12-31")
  }

  @Test func canonicalSpellingReadsBack() {
    for text in ["q3 2009", "fy 2008", "h1 2009", "9m 2009", "cq4 2010", "cy 2009", "ch2 2010"] {
      #expect(period(text).description == text)
      #expect(period(period(text).description) == period(text))
    }
    #expect(period("cy2009").calendar)
    #expect(!period("fy2009").calendar)
  }
}
