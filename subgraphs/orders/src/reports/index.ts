/** Sales ledger, reports and recommendations: the ledger's single writer, and the reads over it. */
export { recordSalesRows, recordOrderSold, recordOrderCancelled } from './record-sales-rows';
export { saleRows, takenBackRows, lineAmounts, shippingAmounts, saleLocation } from './ledger-rows';
export type { SalesRowInput, LedgerOrder, LedgerLine, TakenBack } from './ledger-rows';
export { salesReport, SALES_REPORT_MAX_ROWS, type SalesReportArgs } from './sales-report';
export { bestSellers, productSalesByChannel, type BestSellersArgs } from './best-sellers';
export { frequentlyBoughtTogether, MIN_SUPPORT } from './recommendations/frequently-bought';
