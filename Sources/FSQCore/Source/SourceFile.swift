// MARK: - Source text

/// A named piece of fsq input: a script file, a `-e` string, stdin, or a REPL entry.
///
/// Positions inside it are byte offsets; line and column are computed only when a diagnostic
/// is reported, from a line-start table built once.
///
///     let source = SourceFile(name: "<command line>", text: "1 +\n2")
///     source.location(of: 4)   // SourceLocation(line: 2, column: 1)
public final class SourceFile: @unchecked Sendable {
  public let name: String
  public let bytes: [UInt8]
  /// Byte offset at which each line starts; computed on first use.
  private var lineStartsStorage: [Int]?

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  public convenience init(name: String, text: String) {
    self.init(name: name, bytes: Array(text.utf8))
  }

  public var lineStarts: [Int] {
    if let starts = lineStartsStorage { return starts }
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    lineStartsStorage = starts
    return starts
  }

  /// One-based line and column (columns count characters, not bytes) of a byte offset.
  public func location(of offset: Int) -> SourceLocation {
    let offset = max(0, min(offset, bytes.count))
    let starts = lineStarts
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    let column = characterCount(from: starts[low], to: offset) + 1
    return SourceLocation(line: low + 1, column: column)
  }

  /// The text of a one-based line, without its line terminator.
  public func lineText(_ line: Int) -> String {
    let starts = lineStarts
    guard line >= 1, line <= starts.count else { return "" }
    let start = starts[line - 1]
    var end = line < starts.count ? starts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }

  /// The source text a span covers.
  public func text(of span: Span) -> String {
    let start = max(0, min(span.start, bytes.count))
    let end = max(start, min(span.end, bytes.count))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// Number of characters between two byte offsets: UTF-8 continuation bytes do not count.
  func characterCount(from start: Int, to end: Int) -> Int {
    var count = 0
    var index = start
    while index < end && index < bytes.count {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }
}

/// A one-based line and column, for reporting only.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public var description: String { "\(line):\(column)" }
}

/// A half-open range of byte offsets into one `SourceFile`.
public struct Span: Equatable, Hashable, Sendable {
  public var start: Int
  public var end: Int
  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }
  public static let none = Span(start: 0, end: 0)
  /// The smallest span covering both.
  public func union(_ other: Span) -> Span {
    Span(start: min(start, other.start), end: max(end, other.end))
  }
}
