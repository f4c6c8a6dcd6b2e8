/** The daily rollup of the sales ledger: the folder that writes it, and the source reports read through it. */
export { foldSalesRollup } from './fold-sales';
export { readSales, sumOver, type SalesGroup, type SalesSource } from './sales-source';
export { LEDGER_SUMS, LEDGER_TABLE, SUMMED, type RollupGrain } from './sums';
