import Foundation

/// A fresh folder under the system's temporary directory for one test's files, removed when the
/// value is released.
public final class TemporaryFolder {
  public let url: URL

  public init(_ prefix: String = "fsq-test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  public var path: String { url.path }

  /// A path inside the folder.
  public func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}
