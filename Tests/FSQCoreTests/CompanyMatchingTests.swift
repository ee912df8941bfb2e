import FSQTestSupport
import Testing

@testable import FSQCore

/// Which company a document belongs to: the SEC's CIK, where both sides have one, decides;
/// names only match without it. Found with the bulk company facts: "First Solar" and "First
/// Horizon" were one company, and a second filer's model replaced the first's in the library.
@Suite struct CompanyMatchingTests {

  @Test func filersWithOtherCIKsAreOtherCompaniesWhateverTheirNames() throws {
    var model = Model()
    try model.importRelease(
      bytes: SyntheticFilings.companyFacts(cik: 1_274_494, name: "First Solar, Inc.", revenue: 2_619_319_000),
      documentName: "a.json")
    try model.importRelease(
      bytes: SyntheticFilings.companyFacts(cik: 36966, name: "First Horizon Corp", revenue: 3_187_000_000),
      documentName: "b.json")
    #expect(model.companies.map(\.id) == ["first", "first_36966"])
    #expect(model.companies.map(\.cik) == ["1274494", "36966"])
    // The same filer again (another file of it) joins its company.
    try model.importRelease(
      bytes: SyntheticFilings.companyFacts(cik: 36966, name: "First Horizon Corp", revenue: 3_187_000_000),
      documentName: "c.json")
    #expect(model.companies.count == 2)
    #expect(model.companies[1].documents.count == 2)
    let session = Session(model: model)
    #expect(TestSupport.run("first_36966.revenue(fy2022)", session: session).out == "$3,187,000,000\n")
    #expect(TestSupport.run("first.revenue(fy2022)", session: session).out == "$2,619,319,000\n")
  }

  @Test func aReleaseWithoutACIKStillMatchesByName() {
    var a = Company(id: "acme", name: "Acme Corp")
    a.cik = "1"
    let b = Company(id: "acme", name: "Acme Corporation")
    #expect(ReleaseMerging.sameCompany(a, b))
    var c = b
    c.cik = "2"
    #expect(!ReleaseMerging.sameCompany(a, c))
  }
}
