import { describeUserErrorCodes, UserErrorCode } from '#platform/graphql';

/**
 * Every code a client can find in a `userErrors` entry from this subgraph: the platform's common
 * codes this subgraph uses, and its own. Services take codes from here and nowhere else.
 */
export const CustomersErrorCode = {
  /** A required value is missing or only spaces: a name, an external id, a customer's email and phone both, a segment without rules or with an empty rule list. */
  BLANK: UserErrorCode.BLANK,
  /** A value is malformed: an email or phone number that is not one, merging a customer into themselves, signedUpBefore not after signedUpAfter. */
  INVALID: UserErrorCode.INVALID,
  /** A text is over its length: an input field, an external id, a tag, a timeline event's data. */
  TOO_LONG: UserErrorCode.TOO_LONG,
  /** A cap is reached: addresses per customer, tags per customer, segments, values in one segment rule. */
  TOO_MANY: UserErrorCode.TOO_MANY,
  /** Someone else has it: a customer's email or phone, a staff member's email, a channel id linked to another customer, a segment name. */
  TAKEN: UserErrorCode.TAKEN,
  /** Nothing has this id: a customer, an address, a segment, or a location inventory does not know. */
  NOT_FOUND: UserErrorCode.NOT_FOUND,
  /** A timeline event type only the system records (SIGNED_UP, MERGED…) was sent to be tracked. */
  NOT_ALLOWED: UserErrorCode.NOT_ALLOWED,

  /** A password is too easy to guess: short, only letters or digits, or the email itself. */
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  /** Customer sign-in: the email or the password is wrong (one answer for both, so accounts cannot be probed). */
  UNIDENTIFIED_CUSTOMER: 'UNIDENTIFIED_CUSTOMER',
  /** Staff sign-in: the email or the password is wrong. */
  UNIDENTIFIED_STAFF: 'UNIDENTIFIED_STAFF',
  /** Too many sign-in attempts for this email, from this address, or both, within the window; too many sign-ups from this address within the hour. */
  THROTTLED: 'THROTTLED',
  /** The customer's personal data was erased: nothing more is recorded for them, and they cannot be merged. */
  ERASED: 'ERASED',
  /** Erasure was asked for a customer already erased. */
  ALREADY_ERASED: 'ALREADY_ERASED',
  /** The customer was merged into another and only redirects to it: merge into the target instead, or try again. */
  ALREADY_MERGED: 'ALREADY_MERGED',
} as const;

export type CustomersErrorCode = (typeof CustomersErrorCode)[keyof typeof CustomersErrorCode];

/** The values of this subgraph's `UserErrorCode` enum, as clients read them. */
export const customersUserErrorCodes = describeUserErrorCodes(CustomersErrorCode, {
  WEAK_PASSWORD: 'The password is too easy to guess: fewer than 10 characters, only letters, only digits, or the email itself.',
  UNIDENTIFIED_CUSTOMER: 'Customer sign-in: the email or the password is wrong (one answer for both).',
  UNIDENTIFIED_STAFF: 'Staff sign-in: the email or the password is wrong (one answer for both).',
  THROTTLED: 'Too many sign-in attempts for this account or from this address in 15 minutes; try again later.',
  ERASED: "The customer's personal data was erased: nothing more is recorded for them, and they cannot be merged.",
  ALREADY_ERASED: 'The customer was already erased.',
  ALREADY_MERGED: 'The customer was merged into another and only redirects to it: use the customer it was merged into.',
});
