// Temporary until the importer lands: importing reports that it is not available.
public struct ImportError: Error, Sendable {
  public var message: String
  public var line: Int?
}

extension Model {
  public mutating func importRelease(bytes: [UInt8], documentName: String) throws(ImportError) {
    throw ImportError(message: "the importer is not available", line: nil)
  }
}

public enum ReleaseImporter {
  public static func bundledModel() -> Model { Model() }
}
