// MARK: - Programs that need no large stack

/// Decides whether a program can run on the caller's stack instead of `StackGuard`'s thread:
/// only expressions and assertions whose evaluation nests at most `limit` deep and that reach
/// no function that could recurse. Starting that thread was ~0.1 ms of every one-liner.
///
/// Conservative: a name bound to a global (it may hold a function), a parameter used as a
/// callee, a cycle among user functions or metrics, or more than `maximumVisits` nodes all say
/// no, and the program runs on the large stack as before.
struct StackNeeds {
  /// Nesting of `evaluate` allowed on the caller's stack. Debug builds use a few KiB per
  /// level, so this stays well inside even a 512 KiB secondary-thread stack.
  static let limit = 64
  static let maximumVisits = 20_000
  static let maximumStatements = 64

  let functions: [String: UserFunction]
  let metrics: [String: UserFunction]
  let globals: [String: Value]
  var heights: [String: Int] = [:]
  var visiting: Set<String> = []
  var visits = 0

  init(_ evaluator: Evaluator) {
    functions = evaluator.functions
    metrics = evaluator.metrics
    globals = evaluator.globals
  }

  mutating func fitsCallerStack(_ statements: [Statement]) -> Bool {
    // A long script pays the thread once; checking every statement would cost more.
    guard statements.count <= StackNeeds.maximumStatements else { return false }
    for statement in statements {
      switch statement.kind {
      case .expression(let expression), .assertion(let expression, _):
        guard height(expression, parameters: [], allowed: StackNeeds.limit) != nil else { return false }
      default:
        return false
      }
    }
    return true
  }

  /// How deep evaluating `expression` nests, or nil if it might exceed `allowed` or recurse.
  mutating func height(_ expression: Expression, parameters: [String], allowed: Int) -> Int? {
    visits += 1
    guard allowed > 0, visits <= StackNeeds.maximumVisits else { return nil }
    switch expression.kind {
    case .literal, .invalid:
      return 1
    case .name(let name):
      if parameters.contains(name) { return 1 }
      return reach(name, allowed: allowed - 1).map { $0 + 1 }
    case .call(let callee, _, let arguments):
      var tallest = 0
      switch callee {
      case .name(let name), .qualified(_, let name):
        if parameters.contains(name) { return nil }
        guard let reached = reach(name, allowed: allowed - 1) else { return nil }
        tallest = reached
      case .label, .qualifiedLabel:
        break
      }
      for argument in arguments {
        guard let argumentHeight = height(argument, parameters: parameters, allowed: allowed - 1) else { return nil }
        tallest = max(tallest, argumentHeight)
      }
      return tallest + 1
    case .unary(_, let operand):
      return height(operand, parameters: parameters, allowed: allowed - 1).map { $0 + 1 }
    case .binary(_, let left, let right, _):
      guard let leftHeight = height(left, parameters: parameters, allowed: allowed - 1),
        let rightHeight = height(right, parameters: parameters, allowed: allowed - 1)
      else { return nil }
      return max(leftHeight, rightHeight) + 1
    case .scaled(let inner, _):
      return height(inner, parameters: parameters, allowed: allowed - 1).map { $0 + 1 }
    case .list, .comprehension:
      // Lists map functions over their elements: left to the large stack.
      return nil
    }
  }

  /// What naming `name` may run: nothing (0) for items, built-ins and other plain names; the
  /// body of a user function or metric of that name; nil for a global or a recursion.
  mutating func reach(_ name: String, allowed: Int) -> Int? {
    if globals[name] != nil { return nil }
    let bodies = [functions[name], metrics[name]].compactMap { $0 }
    if bodies.isEmpty { return 0 }
    if let known = heights[name] { return known <= allowed ? known : nil }
    guard visiting.insert(name).inserted else { return nil }
    defer { visiting.remove(name) }
    var tallest = 0
    for function in bodies {
      guard let bodyHeight = height(function.body, parameters: function.parameters, allowed: allowed) else {
        return nil
      }
      tallest = max(tallest, bodyHeight)
    }
    heights[name] = tallest
    return tallest
  }
}
