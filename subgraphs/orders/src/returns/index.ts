/** Returns and refunds: taking units back anywhere, restocking them where they come back, refunding them exactly. */
export { createReturn, returnableUnits, type ReturnCreateArgs } from './return-create';
export { approveReturn, declineReturn } from './return-review';
export { receiveReturn } from './return-receive';
export { sweepRestocks } from './restock';
export { createRefund, suggestRefund, type RefundCreateArgs } from './refund-create';
export { driveRefund, sweepRefunds } from './refund-saga';
export { ReturnErrorCode } from './errors';
export { setExchangeLines, type ExchangeLineRequest } from './exchange-set';
export { settleExchange, type ExchangeSettleArgs } from './exchange-settle';
export { sweepExchanges } from './exchange-recovery';
export type { RefundRow } from './refund-row';
export type * from './types';
export { returnView, refundView, suggestedRefundView } from './views';
export { returnsOfOrder, refundsOfOrder } from './queries';
