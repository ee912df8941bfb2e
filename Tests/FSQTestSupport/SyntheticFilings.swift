import Foundation

/// Company-facts files made up for tests: one filer, one revenue row.
public enum SyntheticFilings {
  /// A company-facts file of one filer: its CIK, its name and one fiscal-2022 revenue row.
  public static func companyFacts(cik: Int, name: String, revenue: Int) -> [UInt8] {
    Array(
      """
      {"cik":\(cik),"entityName":"\(name)","facts":{"us-gaap":{"Revenues":{"label":"Revenues","units":{"USD":[
      {"start":"2022-01-01","end":"2022-12-31","val":\(revenue),"accn":"\(cik)-23-000001","fy":2022,"fp":"FY",
      "form":"10-K","filed":"2023-02-20"}]}}}}}
      """.utf8)
  }
}
