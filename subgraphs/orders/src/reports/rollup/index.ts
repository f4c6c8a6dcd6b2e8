/** The daily rollup of the sales ledger: the folder that writes it. */
export { foldSalesRollup } from './fold-sales';
