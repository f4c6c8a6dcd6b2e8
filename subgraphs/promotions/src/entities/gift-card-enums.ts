/** What moved a gift card balance: issuing it, spending from it, or money given back. */
export enum GiftCardTransactionKind {
  ISSUE = 'ISSUE',
  DEBIT = 'DEBIT',
  REFUND = 'REFUND',
}
