import { GraphQLEnumType, Kind, printType, visit, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import gql from 'graphql-tag';
import type { UserErrorCode } from './user-error';

/** The name of the enum `UserError.code` answers with, the same in every subgraph. */
export const USER_ERROR_CODE_ENUM = 'UserErrorCode';

/**
 * What each common code means to a client, whichever subgraph gives it. Composition merges the
 * subgraphs' enums into one, so a value every subgraph shares has to be described the same way.
 */
const COMMON_DESCRIPTIONS: Record<UserErrorCode | 'IDEMPOTENCY_KEY_MISMATCH', string> = {
  BLANK: 'A required value is empty or only spaces, or a list that needs an entry has none.',
  INVALID: 'A value breaks a format or rule: a handle, an email, an amount, a date, a combination the mutation does not allow.',
  TOO_LONG: 'A text is longer than its limit.',
  TOO_SHORT: 'A text is shorter than its minimum.',
  TOO_MANY: 'A list or a cap is exceeded: lines of a cart, variants of a product, addresses of a customer, segments.',
  TAKEN: 'Someone else already has it (a handle, SKU, barcode, email, code or name), also when a concurrent writer took it first.',
  NOT_FOUND: 'The object an id or code names does not exist, or the caller may not see it.',
  GREATER_THAN_OR_EQUAL_TO: 'A number is below its minimum (a negative price, a quantity below 1).',
  LESS_THAN_OR_EQUAL_TO: 'A number is above its maximum (a quantity over 999, a percentage over 100).',
  CURRENCY_MISMATCH: "An amount is in another currency than the shop's or the account's.",
  NOT_ALLOWED: 'The request is well formed but not allowed (tracking an event type only the system records).',
  IDEMPOTENCY_KEY_MISMATCH: 'The idempotency key was already used for a different request; nothing was changed.',
};

type CommonCode = keyof typeof COMMON_DESCRIPTIONS;

/** A subgraph's `UserErrorCode` values, each with its description. */
export type UserErrorCodeValues = ReadonlyMap<string, string>;

/**
 * The values of a subgraph's `UserErrorCode` enum: every code of its `errors.ts` object, the
 * common ones described by the platform, its own by `descriptions` (the compiler asks for each).
 * Every common code is included whether the subgraph names it or not, since the platform's
 * input validation and idempotency may answer with any of them.
 */
export function describeUserErrorCodes<T extends Record<string, string>>(
  codes: T,
  descriptions: { readonly [K in Exclude<keyof T, CommonCode>]: string },
): UserErrorCodeValues {
  const values = new Map<string, string>(Object.entries(COMMON_DESCRIPTIONS));
  const own = descriptions as Record<string, string>;
  for (const code of Object.values(codes)) if (!values.has(code)) values.set(code, own[code]);
  return new Map([...values].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Types `UserError.code` (a String in the shared `UserError` class) as this subgraph's
 * `UserErrorCode` enum in its SDL. The wire values stay the codes' names, so clients that
 * compared strings keep working; composition unites the subgraphs' values, as it does for an
 * enum used only in output.
 */
export function withUserErrorCodeEnum(typeDefs: DocumentNode, values: UserErrorCodeValues): DocumentNode {
  const enumType = new GraphQLEnumType({
    name: USER_ERROR_CODE_ENUM,
    description: 'Why a mutation refused its input. The same code means the same thing in every part of the API.',
    values: Object.fromEntries([...values].map(([code, description]) => [code, { value: code, description }])),
  });
  let typed = false;
  const rewritten = visit(typeDefs, {
    ObjectTypeDefinition(node) {
      if (node.name.value !== 'UserError') return undefined;
      typed = true;
      const fields = node.fields?.map((field): FieldDefinitionNode =>
        field.name.value === 'code'
          ? {
              ...field,
              type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: USER_ERROR_CODE_ENUM } } },
            }
          : field,
      );
      return { ...node, fields };
    },
  });
  if (!typed) return typeDefs;
  return { ...rewritten, definitions: [...rewritten.definitions, ...gql(printType(enumType)).definitions] };
}
