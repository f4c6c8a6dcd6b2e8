/** The PostgreSQL schema this subgraph owns. */
export const SCHEMA = 'customers';

/** Bounds that keep one customer's records, and the statements built from them, small. */
export const Limits = {
  ADDRESSES_PER_CUSTOMER: 50,
  TAGS_PER_CUSTOMER: 50,
  TAG_LENGTH: 40,
  /** Serialised size of a timeline event's `data`, in UTF-8 bytes. */
  EVENT_DATA_BYTES: 4096,
  /** Every segment is evaluated for each customer read, so their number is capped. */
  SEGMENTS: 100,
  /** Values in one segment rule's list (tags, channels). */
  SEGMENT_RULE_VALUES: 50,
  EXTERNAL_ID_LENGTH: 200,
  SEARCH_QUERY_LENGTH: 200,
} as const;
