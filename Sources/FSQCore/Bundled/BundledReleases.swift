// MARK: - The seed releases fsq ships with

// The two Fusion Telecommunications releases the bundled model is built from, byte for byte.
// Generated from ../shared/seeds; do not edit by hand (a test compares them with the seeds).
// swift-format-ignore-file

enum BundledReleases {
  /// Quarter ended September 30, 2009: Markdown pipe tables.
  static let fusionQ3Name = "000_025e3925ba55d56f.txt"
  static let fusionQ3 = #"""


November 17, 2009

## Fusion Reports Third Quarter 2009 Results

NEW YORK, Nov. 17 /PRNewswire-FirstCall/ -- Fusion (OTC Bulletin Board: FSNN) today announced financial results for the quarter ended September 30, 2009.

Fusion reported Consolidated Revenues of \$11.9 million for the quarter ended September 30, 2009. This represented a decrease of 17% compared to revenues of \$14.3 million for the quarter ended September 30, 2008, but was an improvement of 37% over the second quarter of 2009. The change over the prior year was primarily attributable to a decrease in revenues in the Company's Carrier Services segment. Revenues from the Company's Corporate Services segment increased 170% when compared to the second quarter of 2008.

The third quarter represents the sixth consecutive quarter of double digit growth in revenue, with third quarter 2009 revenues of \$0.3 million representing an increase of approximately 30% over the second quarter of 2009 and 95% over the first quarter of 2009. The 173 corporate customers sold as of the end of the third quarter of 2009 represents an increase of 27% compared to the second quarter of 2009 and 73% compared to the first quarter of this year. And, based on an average contract term of 2.7 years, the Total Contract Value at the end of the third quarter of 2009 was approximately \$4.2 million, representing an increase of 32% over the second quarter of 2009 and 113% over the first quarter of 2009.

Consolidated Gross Margin increased to 8.3% for the third quarter of 2009, compared to 6.1% for the third quarter of 2008. The margin increased as a result of stronger margins in the Carrier Services segment, as well as increased volume in the higher margin Corporate Services segment, which achieved a gross margin for the third quarter of 2009 of 34%.

Selling, General and Administrative costs, adjusted for discontinued operations, improved \$0.2 million, or 9.7% for the third quarter of 2009 compared to the third quarter of 2008. The improvement was primarily attributable to the Company's continuing focus on cost-containment, and does not include approximately \$300,000 of cost savings associated with discontinued operations.

As announced during the first quarter of 2009, Fusion earlier this year initiated its plan to restructure its corporate organization and implement certain cost reduction initiatives. These focused efforts culminated with the third quarter 2009 sale of the Company's consumer business unit and an associated reduction in overall headcount and expenses that allowed for an increased focus on the Company's corporate and carrier business segments. As part of this targeted focus, Fusion has also expanded its sales efforts through the hiring of several experienced corporate and carrier sales executives that should help accelerate revenue growth and optimize gross margins in these segments.

As a result of these efforts, the third quarter of 2009 was the Company's best quarter in Adjusted EBITDA (earnings before interest, taxes, depreciation, amortization, and specific non-recurring and non-cash adjustments) performance since the Company's Initial Public Offering in the first quarter of 2005. For the quarter ended September 30, 2009, the Adjusted EBITDA loss decreased \$0.4 million, or 25%, to (\$1.1) million, compared to an Adjusted EBITDA loss of (\$1.5) million for third quarter of 2008.

Fusion also reported a decrease in Net Loss applicable to Common Stockholders of (\$0.76) million, at (\$1.97) million or (\$0.03) per share for the quarter ended September 30, 2009, compared to a Net Loss applicable to Common Stockholders of (\$2.73) million or (\$0.07) per share for the quarter ended September 30, 2008. This improvement resulted primarily from the decreased losses from discontinued operations combined with the improvement in gross margin from continuing operations. The associated decrease in loss per share compared to the prior year also reflected an increase in the number of shares outstanding. The Net Loss from Continuing Operations in the third quarter of 2009 was (\$1.7 million), which was a 23% improvement from the Net Loss from Continuing Operations in the third quarter of 2008.

As of September 30, 2009, the Company had current assets of \$3.7 million compared to \$4.2 million as of December 31, 2008, and total assets of \$6.7 million at September 30, 2009 compared to \$9.5 million as of December 31, 2008. These decreases were primarily due to reduced Accounts Receivable associated with lower revenues when compared to the fourth quarter of 2008, as well as a reduction of \$1.8 million in Property and Equipment from the fourth quarter due to the write-off of assets associated with the sale of the consumer business. Stockholders' equity/(deficit) at September 30, 2009 was (\$6.5) million deficit, compared to (\$4.8) million as of December 31, 2008. The reason for this change was the increase in the accumulated deficit, offset by additional

equity investments. During the third quarter of 2009, Fusion raised additional equity of \$1.3 million, and successfully converted approximately \$3 million of debt to equity, including \$2.7 million from its largest debt holder at \$0.18 per share. The Company continues to seek additional equity and debt financing required to fund the operations of its business.

Commenting on the results, Matthew Rosen, Chief Executive Officer of Fusion, said, "I am pleased to report several key improvements during the third quarter of 2009 that demonstrate significant progress in achieving the milestones we have set for achieving profitability. We reported the best quarter since our IPO in Adjusted EBITDA, showing an improvement of almost 41% over the first quarter of 2009. Our accomplishments resulted from executing on commitments made six months ago to exit the consumer business, reduce costs wherever possible, expand our sales efforts, and focus on growing revenues and gross margin contribution from the carrier and corporate segments. We are delighted with the progress demonstrated by this quarter's results, and we believe that strong sales growth, combined with continuing expense reduction, will position us well for continued improvements in financial results."

Expanding on Mr. Rosen's comments, Don Hutchins, President and Chief Operating Officer of Fusion, said, "We are particularly pleased with the revenue growth in our corporate business segment, when compared to the same period in 2008, and the significant improvement in margin contribution from both our corporate and carrier segments. We were also pleased to see not only significant growth in new corporate customers but also a doubling of add-on orders from our existing customer base that demonstrates the loyalty of our customers and the attractiveness of our suite of business communications services."

#### Use of Non-GAAP Financial Measures:

The Company believes that EBITDA (earnings before interest, taxes, depreciation and amortization) is useful to investors because it is commonly used in the communications industry to analyze companies on the basis of operating performance and leverage. The Company also believes that EBITDA provides investors with a measure of the Company's operational and financial progress that corresponds with the measurements used by management as a basis for allocating resources and making other operating decisions. Adjusted EBITDA provides an adjusted view of EBITDA that takes into account certain significant nonrecurring transactions, such as impairment losses associated with divested businesses and forgiveness of debt, which vary significantly between periods and are not recurring in nature. Although the Company uses Adjusted EBITDA as one of several financial measures to assess its operating performance, its use is limited as it excludes certain significant operating expenses. EBITDA and Adjusted EBITDA are not intended to represent cash flows for the period presented, nor have they been presented as an alternative to operating income or as an indicator of operating performance and should not be considered in isolation or as a substitute for measures of performance prepared in accordance with Generally Accepted Accounting Principles (GAAP). Consistent with the SEC Regulation G, the non-GAAP measures in this press release have been reconciled to the nearest GAAP measure, which can be viewed under the heading "Reconciliation of Net Income (Loss) to Adjusted EBITDA", immediately following the Consolidated Statements of Operations included in this press release.

References in this press release to Total Contract Value refer to the cumulative value calculated by multiplying the monthly recurring revenue of the each contract times the number of months in the term of that contract and adding the applicable non-recurring revenue.

Statements in this Press Release that are not purely historical facts, including statements regarding Fusion's beliefs, expectations, intentions or strategies for the future, may be "forward-looking statements" under the Private Securities Litigation Reform Act of 1995. All forward-looking statements involve a number of risks and uncertainties that could cause actual results to differ materially from the plans, intentions and expectations reflected in or suggested by the forward-looking statements. Such risks and uncertainties include, among others, introduction of products in a timely fashion, market acceptance of new products, cost increases, fluctuations in and obsolescence of inventory, price and product competition, availability of labor and materials, development of new third-party products and techniques that render Fusion's products obsolete, delays in obtaining regulatory approvals, potential product recalls, securing necessary funding and litigation. Risk factors, cautionary statements and other conditions which could cause Fusion's actual results to differ from management's current expectations are contained in Fusion's filings with the Securities and Exchange Commission and available through <http://www.sec.gov>.

(Logo: <http://www.newscom.com/cgi-bin/prnh/20050705/NYTU073LOGO> )

|   | Three Months Ended    |                       |
|---|-----------------------|-----------------------|
|   | September 30,         |                       |
|   | 2009                  | 2008                  |
|   | ----                  | ----                  |
| Revenues  | \$11,853,020          | \$14,301,428          |
| Operating Expenses:   |                       |                       |
| Cost of Revenues  | 10,865,824            | 13,414,976            |
| Depreciation and Amortization   | 304,121               | 454,564               |
| Loss on Impairment  | -                     | -                     |
| Selling, General and Administrative Expenses                          | 2,279,704             | 2,524,692             |
| Advertising and Marketing   | 4,006                 | 13,739                |
|   | -----                 | -----                 |
| Total Operating Expenses  | 13,453,655            | 16,407,971            |
|   | -----                 | -----                 |
| Operating Loss  | (1,600,635)           | (2,106,543)           |
| Other Income (Expenses)   |                       |                       |
| Interest Income   | 3,447                 | 7,658                 |
| Interest Expense  | (112,893)             | (134,223)             |
| Gain on Settlements of Debt   | -                     | 25,000                |
| Other   | 1,992                 | 4,059                 |
|   | -----                 | -----                 |
| Total Other Income (Expenses)   | (107,454)             | (97,506)              |
| Income (Loss) from Continuing Operations.                             | (1,708,089)           | (2,204,050)           |
| Discontinued Operations:  |                       |                       |
| Loss from Discontinued Operations                                     | (102,900)             | (367,683)             |
|   | -----                 | -----                 |
| Net Loss  | <u>\$ (1,810,989)</u> | <u>\$ (2,571,733)</u> |
|   | =====                 | =====                 |
| Loss Applicable to Common Stockholders:                               |                       |                       |
| Loss from Continuing Operations                                       | \$ (1,708,089)        | \$ (2,204,050)        |
| Preferred Stock Dividends in Arrears                                  | (161,214)             | (161,214)             |
|   | -----                 | -----                 |
| Net Loss from Continuing Operations Applicable to Common Stockholders | (1,869,303)           | (2,365,264)           |
| Loss from Discontinued Operations                                     | (102,900)             | (367,683)             |
|   | -----                 | -----                 |
| Net Loss Applicable to Common Stockholders                            | <u>\$ (1,972,203)</u> | <u>\$ (2,732,947)</u> |
|   | =====                 | =====                 |
| Net Loss Per Common Share: Basic and Diluted:                         |                       |                       |
| Loss from Continuing Operations                                       | \$ (1,708,089)        | \$ (2,204,050)        |
| Income (Loss) from Discontinued Operations                            | (102,900)             | (367,683)             |
|   | -----                 | -----                 |
| Net Loss Applicable to Common Stockholders                            | <u>\$ (0.03)</u>      | <u>\$ (0.07)</u>      |
|   | =====                 | =====                 |
| Weighted Average Common Shares Outstanding:                           |                       |                       |
| Basic and diluted   | 67,663,257            | 37,151,093            |

FUSION TELECOMMUNICATIONS INTERNATIONAL, INC. AND SUBSIDIARIES  
CONSOLIDATED BALANCE SHEET

|  | September 30, 2009 | December 31, 2008 |
|--|--------------------|-------------------|
|  | -----              | -----             |
| ASSETS   |                    |                   |
| Current assets:  |                    |                   |
| Cash and cash equivalents                              | \$376,250          | \$427,433         |
| Accounts receivable, net of allowance                  | 2,289,143          | 3,240,670         |
| Prepaid expenses and other current assets              | 660,347            | 261,863           |
| Assets held for sale                                   | 27,850             | -                 |
| Current assets reclassified to discontinued operations | 316,124            | 302,533           |
|  | -----              | -----             |
| Total current assets                                   | 3,669,714          | 4,232,499         |
|  | -----              | -----             |
| Property and equipment, net                            | 1,985,536          | 3,829,669         |
|  | -----              | -----             |
| Other assets:  |                    |                   |

|   |               |               |
|---|---------------|---------------|
| Security deposits   | 51,042        | 50,241        |
| Restricted cash   | 416,566       | 416,566       |
| Intangible assets, net  | 563,781       | 810,908       |
| Other assets  | 63,203        | 127,908       |
|   | -----         | -----         |
| Total other assets  | 1,094,592     | 1,405,623     |
|   | -----         | -----         |
| TOTAL ASSETS  | \$6,749,842   | \$9,467,791   |
|   | =====         | =====         |
| LIABILITIES AND STOCKHOLDERS' DEFICIT                                       |               |               |
| Current Liabilities:  |               |               |
| Long-term debt, current portion-<br>non related parties                     | \$942,500     | \$1,350,000   |
| Long-term debt, current portion-<br>related parties                         | \$1,568,121   | \$1,012,992   |
| Capital lease/equipment<br>financing obligations, current portion           | 112,728       | 122,960       |
| Accounts payable and accrued expenses                                       | 10,201,286    | 10,039,015    |
| Current liabilities reclassified<br>to discontinued operations              | 28,322        | 261,972       |
|   | -----         | -----         |
| Total current liabilities   | 12,852,957    | 12,786,939    |
|   | -----         | -----         |
| Long-term liabilities:  |               |               |
| Long-term debt, net of current<br>portion-non-related parties               | -             | 960,000       |
| Capital lease/equipment<br>financing obligations, net of<br>current portion | 6,082         | -             |
| Other long-term liabilities   | 346,912       | 485,431       |
|   | -----         | -----         |
| Total long-term liabilities   | 352,994       | 1,445,431     |
|   | -----         | -----         |
| Commitments and contingencies   |               |               |
| Stockholders' deficit:  |               |               |
| Preferred stock, Class A-1, A-2,<br>A-3 & A-4                               | 80            | 80            |
| Common stock  | 868,598       | 457,500       |
| Capital in excess of par value  | 130,125,893   | 124,384,568   |
| Accumulated deficit   | (137,450,680) | (129,606,727) |
|   | -----         | -----         |
| Total stockholders' deficit   | (6,456,109)   | (4,764,579)   |
|   | -----         | -----         |
| TOTAL LIABILITIES AND STOCKHOLDERS'<br>DEFICIT                              | \$6,749,842   | \$9,467,791   |
|   | =====         | =====         |

FUSION TELECOMMUNICATIONS INTERNATIONAL, INC.  
RECONCILIATION OF NET LOSS TO ADJUSTED EBITDA

| EBITDA Calculations                     | Three Months Ended |             |
|---|--------------------|-------------|
|   | September 30       |             |
|   | 2009               | 2008        |
|   | ----               | ----        |
| Net Loss                                | (1,810,989)        | (2,571,733) |
| Loss from discontinued operations       | 102,900            | 367,683     |
|   | -----              | -----       |
| Loss from continuing operations         | (1,708,089)        | (2,204,050) |
| Adjustments                             |                    |             |
| Interest (income) expense, net          | 107,454            | 97,506      |
| Depreciation and amortization           | 304,121            | 454,564     |
|   | -----              | -----       |
| EBITDA                                  | (1,294,522)        | (1,622,921) |
| Adjustments to EBITDA                   |                    |             |
| Forgiveness of debt                     | -                  | (25,000)    |
| Gain/(loss) on disposal of fixed assets | -                  | -           |
| Gain/(loss) on sale of other assets     | -                  | -           |
| Loss on Impairment                      | -                  | -           |
| Adjustment for One Time Charges         | -                  | -           |
| Non Cash Compensation                   | 145,145            | 136,548     |

|                 |               |               |
|-----------------|---------------|---------------|
| Other Taxes     | 40,321        | 36,901        |
|                 | -----         | -----         |
| Adjusted EBITDA | (\$1,109,057) | (\$1,474,471) |
|                 | =====         | =====         |

FUSION Philip Turits, Treasurer  
CONTACT: 212-201-2407  
[pturits@fusiontel.com](mailto:pturits@fusiontel.com)

SOURCE Fusion
"""#

  /// May 29 delisting announcement: one paragraph, no year printed.
  static let fusionDelistingName = "004_d53717f43ada5e04.txt"
  static let fusionDelisting = #"""
NEW YORK, May 29 /PRNewswire-FirstCall/ -- Fusion (NYSE Amex: FSN) today announced that it has notified the NYSE Amex Exchange of its intention to voluntarily withdraw its securities from listing on the NYSE Amex Exchange and to de-register from Section 12(b) of the Exchange Act. The Company intends to file a notification on Form 25 with the Securities and Exchange Commission after ten days pursuant to Rule 12d2-2 of the Securities Exchange Act of 1934. It is expected that the delisting will become effective ten days following the filing of the Form 25, and that Section 12(b) deregistration will become effective 90 days after filing. The Exchange had previously notified the Company of its intent to delist the Company's securities due to non-compliance with Sections 1003(a)(i), (a)(ii), (a)(iii), a(iv) and 1003(f)(v) of the Company Guide. However, the decision of an appeals panel who heard the Company's appeal of the Exchange's notice stayed delisting, subject to the Company's timely achievement of certain milestones established by the panel. Notwithstanding the Company's intention to delist from the NYSE Amex Exchange and to de-register from Section 12(b) of the Exchange Act, the Company intends to continue to file periodic reports (e.g., 10-K, 10-Q, 8-K) under the Exchange Act. The Company decided to withdraw its securities from listing on the Exchange and to de-register from Section 12(b) of the Exchange Act for the following reasons: a) The costs to the Company to remain listed on the Exchange have become overly burdensome given the Company's mandate to achieve profitability through the continued reduction of expenses other than those required to manage and grow its core business. b) While the Company was committed to achieving the Panel's milestones for continued listing on the Exchange, and has made substantial progress in meeting the Panel's requirements, the Company has determined that it must focus its resources on its initiatives to reach profitability, and in so doing may not be able to achieve all of the Panel's milestones within the required timeframe. c) The Panel has indicated that it would not consider an extension of time in which to achieve the milestones. d) In the absence of a listing on a national securities exchange, the Company does not qualify for continued registration under Section 12(b) of the Exchange Act. The Company has applied to FINRA for its securities to be quoted on the Over the Counter Bulletin Board and its application is currently pending. The Company looks forward to listing of its securities on the OTCBB; however, there is no assurance that its listing application will be approved. The Company anticipates that following delisting from the NYSE Amex, its securities will trade in over the counter markets without interruption. Commenting on the voluntary action, Matthew Rosen, Chief Executive Officer, said, "We believe that our decision will result in significant cost savings and is part of our ongoing commitment to reduce expenses as we work toward achieving profitability. The Company is dedicated to maintaining complete transparency in all aspects of the business and will continue to file SEC reports so that shareholders will be fully informed. Further, the Company intends to maintain an independent Board of Directors and independent Audit, Compensation and Nominating Committees to ensure appropriate corporate governance. Fusion is firmly focused on building its core business and looks forward to improved results in the months ahead." About Fusion: Fusion is a new breed of communications carrier, dedicated to providing a full range of advanced, IP-based voice and data solutions to corporate and carrier customers worldwide. The Company provides hosted IP-PBX applications, SIP trunking services, voice traffic termination, private networks, Internet access and a full suite of enhanced features and services. For more information, please go to http://www.fusiontel.com/ Statements in this Press Release that are not purely historical facts, including statements regarding Fusion's beliefs, expectations, intentions or strategies for the future, may be "forward-looking statements" under the Private Securities Litigation Reform Act of 1995. All forward-looking statements involve a number of risks and uncertainties that could cause actual results to differ materially from the plans, intentions and expectations reflected in or suggested by the forward-looking statements. Such risks and uncertainties include, among others, introduction of products in a timely fashion, market acceptance of new products, cost increases, fluctuations in and obsolescence of inventory, price and product competition, availability of labor and materials, development of new third-party products and techniques that render Fusion's products obsolete, delays in obtaining regulatory approvals, potential product recalls and litigation. Risk factors, cautionary statements and other conditions which could cause Fusion's actual results to differ from management's current expectations are contained in Fusion's filings with the Securities and Exchange Commission and available through http://www.sec.gov/. (Logo: http://www.newscom.com/cgi-bin/prnh/20050705/NYTU073LOGO ) FUSION Philip Turits, Treasurer CONTACT: 212-201-2407 Damon Testaverde, Managing Director Network 1 Financial Securities 732-758-0991 http://www.newscom.com/cgi-bin/prnh/20050705/NYTU073LOGO http://photoarchive.ap.org/ DATASOURCE: Fusion CONTACT: Philip Turits, Treasurer of Fusion, +1-212-201-2407, ; or Damon Testaverde, Managing Director of Network 1 Financial Securities, +1-732-758-0991, Web Site: http://www.fusiontel.com/

Copyright
"""#

  /// Both, in the order they are imported.
  static let all: [(name: String, text: String)] = [
    (fusionQ3Name, fusionQ3), (fusionDelistingName, fusionDelisting),
  ]
}
