/** userError codes of this subgraph beyond the platform's UserErrorCode. */
export const CustomersErrorCode = {
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  UNIDENTIFIED_CUSTOMER: 'UNIDENTIFIED_CUSTOMER',
  UNIDENTIFIED_STAFF: 'UNIDENTIFIED_STAFF',
  THROTTLED: 'THROTTLED',
  /** The customer's personal data was erased: they can be neither changed nor merged. */
  ERASED: 'ERASED',
  ALREADY_ERASED: 'ALREADY_ERASED',
  /** The customer was merged into another and now only redirects to it. */
  ALREADY_MERGED: 'ALREADY_MERGED',
} as const;
