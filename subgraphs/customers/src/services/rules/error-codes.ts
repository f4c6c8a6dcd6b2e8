/** userError codes of this subgraph beyond the platform's UserErrorCode. */
export const CustomersErrorCode = {
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  UNIDENTIFIED_CUSTOMER: 'UNIDENTIFIED_CUSTOMER',
  UNIDENTIFIED_STAFF: 'UNIDENTIFIED_STAFF',
  THROTTLED: 'THROTTLED',
} as const;
