/** Sales ledger, reports and recommendations: the ledger's single writer, and the reads over it. */
export { recordSalesRows, recordOrderSold, recordOrdersSold, recordOrderCancelled, recordOrderReturned } from './record-sales-rows';
export { saleRows, takenBackRows, lineAmounts, shippingAmounts, saleLocation } from './ledger-rows';
export type { SalesRowInput, LedgerOrder, LedgerLine, TakenBack } from './ledger-rows';
export { salesReport, salesReportFromLedger, SALES_REPORT_MAX_ROWS, type SalesReportArgs } from './sales-report';
export { bestSellers, bestSellersFromLedger, productSalesByChannel, type BestSellersArgs } from './best-sellers';
export { foldSalesRollup } from './rollup';
export { frequentlyBoughtTogether, MIN_SUPPORT } from './recommendations/frequently-bought';
export { recommendForBasket, DEFAULT_RECOMMENDATIONS, MAX_RECOMMENDATIONS } from './recommendations/basket-recommendations';
export { recommendForCustomer } from './recommendations/customer-recommendations';
export { createPopularCache, type PopularCache } from './recommendations/popular-products';
