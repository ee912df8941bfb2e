import Testing
import FSQCore

@Test func dumpBundled() {
  let model = bundledModel()
  for c in model.companies {
    print("COMPANY", c.id, c.name, c.fiscalYearEnd, c.documents)
    for l in c.listings { print("  LISTING", l.ticker, l.exchange, l.seen as Any, l.until as Any) }
    for e in c.events { print("  EVENT", e.kind, e.date, e.description) }
    for s in c.statements { print("  STATEMENT", s.title, s.kind, s.columns.map { "\($0.header)|\($0.kind)|\($0.period.map { "\($0)" } ?? "-")" }, s.scaleCaption ?? "") }
    for f in c.facts { print("  FACT", f.item, f.value, f.unit, f.period, f.section ?? "-", "|", f.source.line, f.source.label, "|", f.source.statement, "|", f.source.column) }
    for n in c.narrative { print("  NARR", n.item, n.value, n.unit, n.period as Any, n.source.line) }
    for cl in c.claims { print("  CLAIM", cl.kind, cl.item ?? "nil", cl.value, cl.unit, cl.tolerance, cl.period as Any, cl.comparedPeriod as Any, "|", cl.phrase, "|", cl.line) }
  }
}
