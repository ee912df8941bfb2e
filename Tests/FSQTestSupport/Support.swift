import FSQCore
import Foundation

/// Shared helpers for unit, golden and CLI tests.
public enum TestSupport {
  /// The package's root folder, found from this file's path.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Whether golden files should be rewritten instead of compared (`FSQ_RECORD=1`).
  public static var recording: Bool { ProcessInfo.processInfo.environment["FSQ_RECORD"] == "1" }

  /// Runs fsq source through a session the way the script front end does, returning what it
  /// would print on stdout and stderr and its exit status.
  public static func run(_ text: String, name: String = "test.fsq", session: Session, format: OutputFormat = .text) -> (
    out: String, err: String, status: ExitStatus
  ) {
    let result = session.run(source: SourceFile(name: name, text: text))
    var renderer = OutputRenderer(format: format)
    let out = result.items.map { renderer.renderNext($0) }.joined()
    let err = DiagnosticRenderer().render(result.diagnostics)
    return (out, err, result.status)
  }

  /// Compares `actual` with the golden file at `url`, or records it in record mode. Returns
  /// nil when they match, else a description of the difference.
  public static func compareGolden(_ actual: String, _ url: URL) -> String? {
    if recording {
      if actual.isEmpty {
        try? FileManager.default.removeItem(at: url)
      } else {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
      }
      return nil
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    if expected == actual { return nil }
    return
      "\(url.lastPathComponent) differs (run with FSQ_RECORD=1 to re-record)\n--- expected\n\(expected)\n--- actual\n\(actual)"
  }

  /// All `.fsq` files below a folder of the package, sorted.
  public static func fsqFiles(under folder: String) -> [URL] {
    let root = packageRoot.appendingPathComponent(folder)
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "fsq" }.sorted { $0.path < $1.path }
  }
}
