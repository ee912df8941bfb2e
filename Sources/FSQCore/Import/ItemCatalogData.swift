// MARK: - The synonym catalog, as data

extension ItemCatalog {
  /// One entry per line: `name | element | statement | unit | synonyms; separated; by semicolons`.
  /// statement: income, balance, cashflow, reconciliation, any. unit: money, pershare, shares,
  /// percent, count. A `-` after the unit marks a cost (an "improvement" is a decrease).
  /// Synonyms match case- and punctuation-insensitively. Extend freely: it is parsed once.
  static let data = #"""
    revenue | us-gaap:Revenues | income | money | Revenues; Revenue; Net sales; Total revenues; Total revenue; Sales; Net revenues; Net revenue; Total net sales; Total net revenues; Consolidated revenues; Operating revenues; Total sales
    cost_of_revenue | us-gaap:CostOfRevenue | income | money- | Cost of revenues; Cost of revenue; Cost of sales; Cost of goods sold; Cost of products sold; Cost of services; Total cost of revenues; Total cost of sales; Cost of net revenues
    gross_profit | us-gaap:GrossProfit | income | money | Gross profit; Gross margin; Gross profit (loss)
    gross_margin | fsq:GrossMargin | income | percent | Gross margin percentage; Gross margin %; Gross profit margin
    sga | us-gaap:SellingGeneralAndAdministrativeExpense | income | money- | Selling, general and administrative expenses; Selling, general and administrative; Sales, general and administrative; Selling, general & administrative; SG&A; Selling, general and administrative costs; General and administrative; General and administrative expenses
    depreciation_amortization | us-gaap:DepreciationDepletionAndAmortization | any | money- | Depreciation and amortization; Depreciation & amortization; Depreciation; Depreciation and amortization expense
    research_development | us-gaap:ResearchAndDevelopmentExpense | income | money- | Research and development; Research and development expenses; R&D; Research, development and engineering
    operating_expenses | us-gaap:OperatingExpenses | income | money- | Total operating expenses; Operating expenses; Total costs and expenses; Costs and expenses
    impairment | us-gaap:AssetImpairmentCharges | any | money- | Loss on impairment; Impairment; Impairment charges; Impairment loss; Asset impairment
    operating_income | us-gaap:OperatingIncomeLoss | income | money | Operating income; Operating loss; Operating income (loss); Income (loss) from operations; Loss from operations; Income from operations; Operating profit; Operating profit (loss); Operating loss from continuing operations; Operating (loss) income; (Loss) income from operations; Loss income from operations; Operating income from continuing operations; Operating income (loss) from continuing operations; Earnings from operations; Earnings (loss) from operations; Operating earnings
    interest_income | us-gaap:InvestmentIncomeInterest | income | money | Interest income
    interest_expense | us-gaap:InterestExpense | income | money- | Interest expense
    interest_net | us-gaap:InterestIncomeExpenseNet | any | money | Interest (income) expense, net; Interest expense, net; Interest income (expense), net; Interest, net; Net interest expense
    gain_on_debt_settlement | us-gaap:GainsLossesOnExtinguishmentOfDebt | any | money | Gain on settlements of debt; Gain on extinguishment of debt; Forgiveness of debt
    other_income | us-gaap:OtherNonoperatingIncomeExpense | income | money | Other; Other income; Other income (expense), net; Other, net
    other_income_total | us-gaap:NonoperatingIncomeExpense | income | money | Total other income (expenses); Total other income (expense); Total other income (expense), net; Total other expense; Total other income; Total other income, net; Total other expense, net; Total other (expense) income; Total other (expense) income, net; Other income (expenses); Interest and other income (expense), net; Interest and other income, net
    income_before_taxes | us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest | income | money | Income before income taxes; Income (loss) before income taxes; Loss before income taxes; Earnings before income taxes; Income before taxes
    income_taxes | us-gaap:IncomeTaxExpenseBenefit | any | money- | Income taxes; Provision for income taxes; Income tax expense; Income tax provision; Income tax benefit; Provision (benefit) for income taxes; Income tax (benefit) expense; Income tax expense (benefit); Income taxes (benefit); Benefit for income taxes; Benefit from income taxes; Other taxes; Taxes
    income_continuing_operations | us-gaap:IncomeLossFromContinuingOperations | any | money | Income (loss) from continuing operations; Loss from continuing operations; Income from continuing operations; Net loss from continuing operations; Net income from continuing operations
    loss_discontinued_operations | us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTax | any | money | Loss from discontinued operations; Income (loss) from discontinued operations; Income from discontinued operations; Discontinued operations, net of tax
    net_income | us-gaap:NetIncomeLoss | any | money | Net income; Net loss; Net income (loss); Net (loss) income; Net earnings; Net loss income; Net earnings (loss)
    preferred_dividends | us-gaap:PreferredStockDividendsIncomeStatementImpact | income | money- | Preferred stock dividends; Preferred stock dividends in arrears; Preferred dividends; Dividends on preferred stock
    income_continuing_to_common | fsq:IncomeLossFromContinuingOperationsAvailableToCommonStockholders | income | money | Net loss from continuing operations applicable to common stockholders; Net income from continuing operations applicable to common stockholders; Income (loss) from continuing operations available to common stockholders
    net_income_to_common | us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic | income | money | Net loss applicable to common stockholders; Net income applicable to common stockholders; Net income (loss) applicable to common stockholders; Net income available to common stockholders; Net loss available to common stockholders; Net income attributable to common stockholders; Loss applicable to common stockholders
    eps | us-gaap:EarningsPerShareBasicAndDiluted | income | pershare | Net income (loss) per share; Net loss per share; Net income per share; Earnings per share; Net loss per common share; Net income per common share; Basic and diluted net loss per share; Net income (loss) per share basic and diluted; Loss per share; EPS
    eps_basic | us-gaap:EarningsPerShareBasic | income | pershare | Basic earnings per share; Net income per share basic; Basic net income per share; Basic net loss per share; Basic EPS; Earnings per share basic
    eps_diluted | us-gaap:EarningsPerShareDiluted | income | pershare | Diluted earnings per share; Net income per share diluted; Diluted net income per share; Diluted net loss per share; Diluted EPS; Earnings per share diluted
    weighted_average_shares | us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted | income | shares | Weighted average common shares outstanding; Weighted average shares outstanding; Weighted average number of shares outstanding; Weighted average shares; Shares used in computing net income (loss) per share; Weighted average common shares outstanding basic and diluted
    weighted_average_shares_basic | us-gaap:WeightedAverageNumberOfSharesOutstandingBasic | income | shares | Weighted average shares outstanding basic; Basic weighted average shares; Shares used in computing basic net income per share; Basic shares
    weighted_average_shares_diluted | us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding | income | shares | Weighted average shares outstanding diluted; Diluted weighted average shares; Shares used in computing diluted net income per share; Diluted shares
    ebitda | fsq:EBITDA | reconciliation | money | EBITDA; Consolidated EBITDA
    adjusted_ebitda | fsq:AdjustedEBITDA | reconciliation | money | Adjusted EBITDA
    stock_compensation | us-gaap:ShareBasedCompensation | any | money | Non cash compensation; Non-cash compensation; Stock-based compensation; Share-based compensation; Stock based compensation expense
    cash | us-gaap:CashAndCashEquivalentsAtCarryingValue | balance | money | Cash and cash equivalents; Cash; Cash and equivalents
    restricted_cash | us-gaap:RestrictedCash | balance | money | Restricted cash
    short_term_investments | us-gaap:ShortTermInvestments | balance | money | Short-term investments; Marketable securities
    accounts_receivable | us-gaap:AccountsReceivableNetCurrent | balance | money | Accounts receivable, net of allowance; Accounts receivable, net; Accounts receivable; Trade accounts receivable, net; Receivables, net
    inventories | us-gaap:InventoryNet | balance | money | Inventories; Inventory; Inventories, net; Merchandise inventories; Merchandise inventory
    prepaid_expenses | us-gaap:PrepaidExpenseAndOtherAssetsCurrent | balance | money | Prepaid expenses and other current assets; Prepaid expenses; Prepaid expenses and other
    total_current_assets | us-gaap:AssetsCurrent | balance | money | Total current assets
    property_equipment | us-gaap:PropertyPlantAndEquipmentNet | balance | money | Property and equipment, net; Property and equipment; Property, plant and equipment, net; Property, plant and equipment; Fixed assets, net
    intangible_assets | us-gaap:IntangibleAssetsNetExcludingGoodwill | balance | money | Intangible assets, net; Intangible assets; Other intangible assets, net
    goodwill | us-gaap:Goodwill | balance | money | Goodwill
    total_other_assets | us-gaap:OtherAssetsNoncurrent | balance | money | Total other assets
    total_assets | us-gaap:Assets | balance | money | Total assets
    accounts_payable | us-gaap:AccountsPayableAndAccruedLiabilitiesCurrent | balance | money | Accounts payable and accrued expenses; Accounts payable; Accounts payable and accrued liabilities
    accrued_liabilities | us-gaap:AccruedLiabilitiesCurrent | balance | money | Accrued expenses; Accrued liabilities; Accrued expenses and other current liabilities
    deferred_revenue | us-gaap:DeferredRevenueCurrent | balance | money | Deferred revenue; Deferred revenues
    total_current_liabilities | us-gaap:LiabilitiesCurrent | balance | money | Total current liabilities
    long_term_debt | us-gaap:LongTermDebtNoncurrent | balance | money | Long-term debt; Long-term debt, net of current portion; Long-term debt, less current portion; Long-term debt, net of current portion-non-related parties; Notes payable, long-term
    total_long_term_liabilities | us-gaap:LiabilitiesNoncurrent | balance | money | Total long-term liabilities; Total noncurrent liabilities; Total non-current liabilities
    total_liabilities | us-gaap:Liabilities | balance | money | Total liabilities
    preferred_stock | us-gaap:PreferredStockValue | balance | money | Preferred stock
    common_stock | us-gaap:CommonStockValue | balance | money | Common stock
    additional_paid_in_capital | us-gaap:AdditionalPaidInCapital | balance | money | Additional paid-in capital; Capital in excess of par value; Paid-in capital
    accumulated_deficit | us-gaap:RetainedEarningsAccumulatedDeficit | balance | money | Accumulated deficit; Retained earnings; Retained earnings (accumulated deficit); Accumulated earnings
    treasury_stock | us-gaap:TreasuryStockValue | balance | money | Treasury stock
    stockholders_equity | us-gaap:StockholdersEquity | balance | money | Total stockholders' equity; Total stockholders' deficit; Total stockholders' equity (deficit); Total shareholders' equity; Stockholders' equity; Total shareholders' deficit; Total equity; Shareholders' equity
    total_liabilities_and_equity | us-gaap:LiabilitiesAndStockholdersEquity | balance | money | Total liabilities and stockholders' equity; Total liabilities and stockholders' deficit; Total liabilities and shareholders' equity; Total liabilities and stockholders' equity (deficit); Total liabilities and equity; Total liabilities, redeemable non-controlling interests and equity; Total liabilities, redeemable noncontrolling interests and equity; Total liabilities, redeemable noncontrolling interest and equity; Total liabilities, temporary equity and stockholders' equity; Total liabilities, mezzanine equity and stockholders' equity
    operating_cash_flow | us-gaap:NetCashProvidedByUsedInOperatingActivities | cashflow | money | Net cash provided by operating activities; Net cash used in operating activities; Net cash provided by (used in) operating activities; Cash provided by operating activities
    investing_cash_flow | us-gaap:NetCashProvidedByUsedInInvestingActivities | cashflow | money | Net cash used in investing activities; Net cash provided by investing activities; Net cash provided by (used in) investing activities
    financing_cash_flow | us-gaap:NetCashProvidedByUsedInFinancingActivities | cashflow | money | Net cash provided by financing activities; Net cash used in financing activities; Net cash provided by (used in) financing activities
    capital_expenditures | us-gaap:PaymentsToAcquirePropertyPlantAndEquipment | cashflow | money- | Capital expenditures; Purchases of property and equipment; Purchase of property and equipment
    net_change_in_cash | us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease | cashflow | money | Net increase (decrease) in cash and cash equivalents; Net increase in cash and cash equivalents; Net decrease in cash and cash equivalents; Net change in cash
    """#
}
