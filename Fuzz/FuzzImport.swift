// libFuzzer target: bytes → the release importer, alone and into a model.
//
// Properties: no crash; an import either succeeds or throws an ImportError; a failed
// `Model.importRelease` leaves the model exactly as it was (all or nothing).

let importBase = Model.bundledModel()

func summary(_ model: Model) -> [String] {
  model.companies.map { company in
    "\(company.id)|\(company.name)|\(company.facts.count)|\(company.documents)|\(company.listings.count)|\(company.events.count)|\(company.narrative.count)|\(company.claims.count)|\(company.statements.count)"
  }
}

let importBaseSummary = summary(importBase)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? ReleaseImporter.importRelease(bytes: bytes, documentName: "fuzz.txt")
  var model = importBase
  do {
    try model.importRelease(bytes: bytes, documentName: "fuzz.txt")
    // A successful import is usable: formatting and checks run on it.
    for company in model.companies { _ = Checker.check(company) }
  } catch {
    if summary(model) != importBaseSummary { fatalError("a failed import changed the model: \(error.message)") }
  }
  return 0
}
