import Testing

@testable import FSQCore

/// Which programs run on the caller's stack instead of `StackGuard`'s thread, and that deep
/// recursion stays a diagnostic whichever way a program is run.
@Suite struct StackNeedsTests {
  func fits(_ text: String, in session: Session) -> Bool {
    var needs = StackNeeds(session.evaluator)
    return needs.fitsCallerStack(Parser.parse(SourceFile(name: "<test>", text: text)).statements)
  }

  @Test func shallowExpressionsAndMetricsFit() {
    let session = Session(model: Model.bundledModel())
    #expect(fits("margin(q3 2009) - margin(q3 2008)", in: session))
    #expect(fits("revenue(q3 2009) - cost_of_revenue(q3 2009)\nassert revenue(q3 2009) > 0", in: session))
    #expect(fits("eps(q3 2009)", in: session))
  }

  @Test func anythingThatMightRecurseOrNestDeepDoesNot() {
    let session = Session(model: Model.bundledModel())
    // Definitions, bindings and other statements always take the large stack.
    #expect(!fits("def f(n) = n + 1\nf(1)", in: session))
    #expect(!fits("let x = 1", in: session))
    _ = session.run("def forever(n) = forever(n + 1)\ndef twice(f, x) = f(f(x))\nlet g = margin", origin: .repl)
    #expect(!fits("forever(1)", in: session))
    #expect(!fits("2 * forever(1)", in: session))
    #expect(!fits("twice(margin, q3 2009)", in: session))
    #expect(!fits("g(q3 2009)", in: session))
    #expect(!fits(Array(repeating: "1", count: 100).joined(separator: " + "), in: session))
    // Long scripts pay for the thread once rather than for the check of every statement.
    #expect(
      !fits(
        Array(repeating: "revenue(q3 2009)", count: StackNeeds.maximumStatements + 1).joined(separator: "\n"),
        in: session))
  }

  @Test func recursionIsStillADiagnostic() {
    let session = Session(model: Model.bundledModel())
    _ = session.run("def forever(n) = forever(n + 1)", origin: .repl)
    let result = session.run("forever(1)", origin: .repl)
    #expect(result.diagnostics.first?.id == .recursionTooDeep)
    let sum = session.run(Array(repeating: "1", count: 100).joined(separator: " + "), origin: .repl)
    #expect(sum.diagnostics.isEmpty)
    #expect(sum.status == .success)
  }
}
