import { Directive, Field, ObjectType } from 'type-graphql';

/** Codes for expected failures returned in a payload's `userErrors`. */
export const UserErrorCode = {
  BLANK: 'BLANK',
  INVALID: 'INVALID',
  TOO_LONG: 'TOO_LONG',
  TOO_SHORT: 'TOO_SHORT',
  TOO_MANY: 'TOO_MANY',
  TAKEN: 'TAKEN',
  NOT_FOUND: 'NOT_FOUND',
  GREATER_THAN_OR_EQUAL_TO: 'GREATER_THAN_OR_EQUAL_TO',
  LESS_THAN_OR_EQUAL_TO: 'LESS_THAN_OR_EQUAL_TO',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  NOT_ALLOWED: 'NOT_ALLOWED',
} as const;

export type UserErrorCode = (typeof UserErrorCode)[keyof typeof UserErrorCode];

/** An expected failure of a mutation: which input field, what is wrong, and a stable code. */
@ObjectType({ description: 'An expected failure of a mutation, tied to the input field that caused it.' })
@Directive('@shareable')
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["input", "title"].' })
  field?: string[] | null;

  @Field(() => String, { description: 'What is wrong, in English, for a person to read.' })
  message!: string;

  // Typed as the subgraph's UserErrorCode enum when its schema is built (user-error-code.ts).
  @Field(() => String, { description: 'Why, as a stable code a client can branch on.' })
  code!: string;

  constructor(field: readonly (string | number)[] | null, message: string, code: string) {
    this.field = field ? field.map(String) : null;
    this.message = message;
    this.code = code;
  }
}

/** Thrown inside a transaction to roll it back and answer with these user errors. */
export class UserErrorsException extends Error {
  override readonly name = 'UserErrorsException';
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join('; '));
  }
}
