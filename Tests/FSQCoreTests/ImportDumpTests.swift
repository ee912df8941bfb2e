import Testing
import Foundation
import FSQCore

func dump(_ c: Company) {
    print("COMPANY", c.id, c.name, c.fiscalYearEnd, c.documents)
    for l in c.listings { print("  LISTING", l.ticker, l.exchange, l.seen as Any, l.until as Any) }
    for e in c.events { print("  EVENT", e.kind, e.date, e.description) }
    for s in c.statements { print("  STATEMENT", s.title, s.kind, s.columns.map { "\($0.header)|\($0.kind)|\($0.period.map { "\($0)" } ?? "-")" }, s.scaleCaption ?? "")
      for r in s.rows { print("    ROW", r.line, r.label, r.item ?? "-", r.section ?? "-", r.kind, r.values.map { $0.map { "\($0)" } ?? "nil" }, r.ruleAbove ? "RULE" : "", r.doubleRuleBelow ? "DOUBLE" : "") }
    }
    for n in c.narrative { print("  NARR", n.item, n.value, n.unit, n.period as Any, n.source.line) }
    for cl in c.claims { print("  CLAIM", cl.kind, cl.item ?? "nil", cl.value, cl.unit, cl.tolerance, cl.period as Any, cl.comparedPeriod as Any, "|", cl.phrase, "|", cl.line) }
}

@Test(arguments: ["northwind_fy2010_q4.htm", "cascade_q2_2004.txt", "harborlane_fy2003.md"])
func dumpFixture(_ name: String) throws {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
  do {
    let c = try ReleaseImporter.importRelease(bytes: bytes, documentName: name)
    dump(c)
  } catch {
    print("ERROR", name, error)
  }
}
