/** The discount engine's public surface: one pure function and its contract. */
export { evaluate } from './evaluate';
/** Thrown for malformed input (a fractional price, a 150% discount); `code` is INVALID_EVALUATION_INPUT. */
export { EvaluationInputError } from './validate';
/** Above this many eligible discounts the best combination is found greedily, not exhaustively. */
export { EXACT_SEARCH_LIMIT } from './combine';
export type * from './types';
