/** Sales ledger, reports and recommendations: the ledger's single writer, and the reads over it. */
export { recordSalesRows, recordOrderSold, recordOrderCancelled } from './record-sales-rows';
export { saleRows, takenBackRows, lineAmounts, shippingAmounts, saleLocation } from './ledger-rows';
export type { SalesRowInput, LedgerOrder, LedgerLine, TakenBack } from './ledger-rows';
