// MARK: - Importing an earnings release

/// Reads one earnings release (Markdown pipe tables, HTML tables or fixed-width text; the
/// format is detected from content) into a company: statements, facts in base units, figures
/// stated in the text, claims for `check`, listings and events.
///
///     let company = try ReleaseImporter.importRelease(bytes: Array(text.utf8),
///                                                     documentName: "000_025e3925ba55d56f.txt")
///     company.facts.first { $0.item == "revenue" }?.value   // 11853020
public enum ReleaseImporter {
  /// Imports the whole release or throws; never returns a half-built company. A release of
  /// 4 KiB or more is read on two threads (`TwoThreads`); `threads: false` reads it on the
  /// calling thread alone, with the same result (the benchmark times both).
  public static func importRelease(bytes: [UInt8], documentName: String, threads: Bool = true) throws(ImportError)
    -> Company
  {
    var report: ImportReport? = nil
    return try importRelease(bytes: bytes, documentName: documentName, report: &report, threads: threads)
  }

  /// What reading the document found, whether or not it imports: the report of a refused
  /// document shows which tables were skipped and why, and ends with the reason it was refused.
  public static func importReport(bytes: [UInt8], documentName: String) -> (ImportReport, ImportError?) {
    var report: ImportReport? = nil
    do {
      _ = try importRelease(bytes: bytes, documentName: documentName, report: &report)
      return (report ?? ImportReport(document: documentName, format: "unknown"), nil)
    } catch {
      var refused = report ?? ImportReport(document: documentName, format: "not read")
      refused.findings.append(ImportReport.Finding(message: "refused: " + error.description))
      return (refused, error)
    }
  }

  static func importRelease(
    bytes: [UInt8], documentName: String, report partial: inout ImportReport?, threads: Bool = true
  ) throws(ImportError) -> Company {
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      throw ImportError(message: "not an earnings release: \(documentName) is empty")
    }
    if looksBinary(bytes) {
      throw ImportError(message: "not an earnings release: \(documentName) is binary data, not text")
    }
    // Structured filings: SEC company facts (JSON), XBRL instance and inline XBRL documents.
    if CompanyFactsImporter.looksLikeCompanyFacts(bytes) {
      let company = try CompanyFactsImporter.importFacts(bytes: bytes, documentName: documentName)
      partial = company.importReports.first
      return company
    }
    if XBRLInstanceImporter.looksLikeInstance(bytes) {
      let company = try XBRLInstanceImporter.importInstance(bytes: bytes, documentName: documentName)
      partial = company.importReports.first
      return company
    }
    if InlineXBRLImporter.looksLikeInlineXBRL(bytes) {
      let company = try InlineXBRLImporter.importDocument(bytes: bytes, documentName: documentName)
      partial = company.importReports.first
      return company
    }
    // Classic Mac line ends (CR alone): lines are lines whatever ends them.
    var bytes = bytes
    if !bytes.contains(0x0A), bytes.contains(0x0D) { bytes = bytes.map { $0 == 0x0D ? 0x0A : $0 } }
    let document = ReleaseDocument.read(bytes: bytes)
    var builder = StatementBuilder(documentName: documentName)
    if bytes.last != 0x0A {
      builder.truncatedLine = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
    let paragraphs = document.paragraphs
    // The tables on this thread; meanwhile, on another, what the prose says that needs no
    // table: its sentences split into words and figures, the company's profile, its words
    // about fiscal periods. Neither reads what the other writes.
    let parallel = threads && bytes.count >= TwoThreads.minimumBytes
    var tableError: ImportError? = nil
    let preparedSlots = TwoThreads.Results<PreparedParagraph>(count: paragraphs.count)
    var profile = ReleaseText()
    var fiscalWording = false
    var quarterEndedYear: FiscalYearEnd? = nil
    var statedYearEnd: FiscalYearEnd? = nil
    var documentCurrency: String? = nil
    // Two chunks of text-wide work, then one chunk a paragraph.
    let textChunks = 2
    TwoThreads.run(
      parallel: parallel,
      first: {
        do throws(ImportError) {
          for table in document.tables {
            try ImportError.checkInterrupt()
            try builder.add(table)
          }
          builder.crossCheckScales()
        } catch {
          tableError = error
        }
      }, chunks: paragraphs.count + textChunks
    ) { index in
      switch index {
      case 0: profile = ReleaseText.read(paragraphs: paragraphs, documentName: documentName)
      case 1:
        let texts = paragraphs.map(\.text)
        fiscalWording = texts.contains(where: ReleaseImporter.speaksOfFiscalPeriods)
        quarterEndedYear = PeriodHeaders.fiscalYearEnd(quarterEnded: Array(texts.prefix(20)))
        statedYearEnd = PeriodHeaders.fiscalYearEnd(statedIn: texts)
        documentCurrency = StatedCurrency.document(paragraphs)
      default:
        preparedSlots[index - textChunks] = NarrativeReader.prepare(paragraph: paragraphs[index - textChunks])
      }
    }
    if let tableError { throw tableError }
    var report = ImportReport(document: documentName, format: document.formatDescription)
    report.parts = document.parts
    report.tables = builder.report
    report.findings = builder.findings
    report.withheld = builder.withheld
    partial = report

    let hasPeriods = !builder.facts.isEmpty
    guard hasPeriods || profile.isRelease else {
      throw ImportError(
        message:
          "not an earnings release: \(documentName) has no tables with periods and no release text (no dateline or ticker)"
      )
    }

    let headers = builder.statements.flatMap { $0.columns.map(\.header) }
    // Headings placed on the calendar by assumption ("4Q21", "Full Year 2021"), read once;
    // facts and columns are matched to them by their header text. They do not decide the
    // fiscal year end: stated in the text, by a "Year Ended" column, by where year-to-date
    // columns ("Six Months Ended December 31") start; December otherwise.
    let assumed = Set(headers.filter(PeriodHeaders.assumesCalendar))
    let periods = builder.statements.flatMap { statement in
      statement.columns.filter { !assumed.contains($0.header) }.compactMap(\.period)
    }.filter { !$0.isInstant }
    var fiscalYearEnd =
      statedYearEnd ?? PeriodHeaders.fiscalYearEnd(columnHeaders: headers)
      ?? PeriodHeaders.fiscalYearEnd(yearToDate: periods)
      ?? quarterEndedYear ?? .december
    if let latest = periods.max(by: { $0.end < $1.end }) {
      fiscalYearEnd.namedForStartYear = PeriodHeaders.namesFiscalYearForStart(
        fiscalYearEnd, latestEnd: latest.end, text: paragraphs.map(\.text))
    }
    // Quarter codes ("4Q21") name calendar quarters only for a December year that the text
    // does not call fiscal; otherwise their figures are withheld rather than misplaced.
    // Taken out of the builder, which is not read for them again: left there too, each array
    // would be copied, fact by fact, at its first change below.
    var facts = builder.facts
    var statements = builder.statements
    builder.facts = []
    builder.statements = []
    if !assumed.isEmpty, fiscalYearEnd.month != 12 || fiscalWording {
      let coded = facts.filter { assumed.contains($0.source.column) }
      if !coded.isEmpty {
        facts.removeAll { assumed.contains($0.source.column) }
        for k in statements.indices {
          for c in statements[k].columns.indices where assumed.contains(statements[k].columns[c].header) {
            statements[k].columns[c].kind = .other
            statements[k].columns[c].period = nil
          }
        }
        statements.removeAll { !$0.columns.contains { $0.kind == .period } }
        for k in report.tables.indices {
          for c in report.tables[k].columns.indices where assumed.contains(report.tables[k].columns[c].header) {
            report.tables[k].columns[c].kind = .other
            report.tables[k].columns[c].period = nil
          }
        }
        report.withheld.append(
          "\(coded.count) figures under headings that name no month, such as \"\(coded[0].source.column)\": the fiscal year does not end in December (or the text counts fiscal periods), so which months they cover is not known"
        )
        partial = report
      }
    }
    var narrative = NarrativeReader(documentName: documentName, fiscalYearEnd: fiscalYearEnd)
    narrative.currentQuarter = periods.filter { (2...4).contains($0.months) }.max { $0.end < $1.end }
    narrative.currentYear = periods.filter { (11...13).contains($0.months) }.max { $0.end < $1.end }
    try ImportError.checkInterrupt()
    // The prose's figures placed on periods, paragraph by paragraph on both threads.
    let prepared = paragraphs.indices.compactMap { preparedSlots[$0] }
    let placed = TwoThreads.Results<([NarrativeFact], [Claim])>(count: prepared.count)
    let reader = narrative
    // (Meanwhile this thread reads the company's name from the tables' captions.)
    var captionName: String? = nil
    let captions = builder.companyCaptions
    TwoThreads.run(
      parallel: parallel, first: { captionName = captions.first.map(ReleaseText.companyName(fromCaption:)) },
      chunks: prepared.count
    ) { index in
      placed[index] = reader.read(prepared: prepared[index...index])
    }
    var figures: [NarrativeFact] = []
    var claims: [Claim] = []
    for index in prepared.indices {
      figures += placed[index]!.0
      claims += placed[index]!.1
    }
    try ImportError.checkInterrupt()
    TextScaleCheck.check(
      narrative: figures, claims: claims,
      currentPeriods: [narrative.currentQuarter, narrative.currentYear].compactMap { $0 }, facts: &facts,
      statements: statements, report: &report)
    partial = report

    let name = captionName ?? profile.shortName ?? documentName
    profile.shortName = profile.shortName ?? captionName
    ReleaseImporter.nameCompanyNetIncome(
      names: [name, profile.shortName].compactMap { $0 }, statements: &statements, facts: &facts)
    let currency = StatedCurrency.apply(
      documentCode: documentCurrency, statements: statements, facts: &facts, narrative: &figures, claims: &claims)
    let newestTicker = profile.listings.last?.ticker
    let id = newestTicker.map(TextTools.lowercasedASCII) ?? TextTools.slug(profile.shortName ?? name, limit: 24)
    var company = Company(
      id: id, name: name, fiscalYearEnd: fiscalYearEnd, currency: currency, listings: profile.listings,
      events: profile.events, facts: facts, narrative: figures, claims: claims, statements: statements,
      documents: [documentName])
    company.importReports = [report]
    company.cik = document.cik
    return company
  }

  /// "fiscal 2021", "fiscal year", "fiscal third quarter", "FY21": the text counts periods on
  /// a fiscal calendar (not "fiscal stimulus").
  static func speaksOfFiscalPeriods(_ text: String) -> Bool {
    guard text.has("iscal") || text.has("ISCAL") || text.has("FY") else { return false }
    let words = TextTools.splitOnSpaces(TextTools.normalize(text))
    let periodWords: Set<Substring> = [
      "year", "years", "quarter", "quarters", "first", "second", "third", "fourth", "q1", "q2", "q3", "q4", "half",
    ]
    for (k, word) in words.enumerated() {
      if word == "fiscal", k + 1 < words.count {
        let next = words[k + 1]
        if periodWords.contains(next) || (next.utf8.count == 4 && Int(next) != nil) { return true }
      }
      if word.hasPrefix("fy"), word.utf8.count == 4 || word.utf8.count == 6, Int(word.dropFirst(2)) != nil {
        return true
      }
    }
    return false
  }

  /// "Wells Fargo net income", "Acme net earnings": the net income of the company the release
  /// names, in a statement that names no other. (Not "Consumer Banking net income": a
  /// segment's name is not the company's.)
  static func nameCompanyNetIncome(names: [String], statements: inout [StatementTable], facts: inout [Fact]) {
    // Read on the normalized texts (words joined by single spaces), not on arrays of words: a
    // label's words before its first "net" are some name's first words when that name's text
    // is those words, or starts with them and a space.
    let nameTexts = names.map { Array(TextTools.normalize($0).utf8) }
    let phrases = ["net income", "net earnings", "net income loss", "net loss", "net earnings loss"].map {
      Array($0.utf8)
    }
    /// Whether a money row's label names the company's net income.
    func namesCompany(_ label: String) -> Bool {
      let text = Array(TextTools.normalize(label).utf8)
      // The first word "net" (not the first word of the label).
      var net: Int? = nil
      var start = 0
      while start < text.count {
        var end = start
        while end < text.count && text[end] != 0x20 { end += 1 }
        if end - start == 3 && text[start] == UInt8(ascii: "n") && text[start + 1] == UInt8(ascii: "e")
          && text[start + 2] == UInt8(ascii: "t")
        {
          net = start
          break
        }
        start = end + 1
      }
      guard let net, net > 0, phrases.contains(where: { text[net...].elementsEqual($0) }) else { return false }
      let prefix = text[..<(net - 1)]
      return nameTexts.contains { name in
        name.starts(with: prefix) && (name.count == prefix.count || name[prefix.count] == 0x20)
      }
    }
    for index in statements.indices {
      let candidates: [Int]
      do {
        let rows = statements[index].rows
        guard !rows.contains(where: { $0.item == "net_income" || $0.item == "net_income_to_common" }) else { continue }
        // (The row's kind first: only money rows have their label's words read.)
        candidates = rows.indices.filter { r in rows[r].kind == .money && namesCompany(rows[r].label) }
      }
      guard candidates.count == 1, let old = statements[index].rows[candidates[0]].item else { continue }
      statements[index].rows[candidates[0]].item = "net_income"
      let title = statements[index].title
      for f in facts.indices where facts[f].item == old && facts[f].source.statement == title {
        facts[f].item = "net_income"
        facts[f].source.namedBy = "net income named for the company"
      }
    }
  }

  /// NUL bytes or mostly control characters: not a text document.
  static func looksBinary(_ bytes: [UInt8]) -> Bool {
    var control = 0
    let sample = bytes.prefix(4096)
    for byte in sample {
      if byte == 0 { return true }
      if byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 && byte != 0x0C { control += 1 }
    }
    return control * 10 > sample.count
  }
}
