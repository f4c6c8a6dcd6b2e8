import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** ISO-8601 date-time, always emitted in UTC (`2026-11-23T05:03:47.000Z`), with the specification code generators map it by. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time',
});

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * A decimal number carried as a string so no float ever touches money: "19.99", "-5", "0.125".
 * Numbers are accepted as input for convenience and read through their shortest decimal form.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A decimal number as a string, e.g. "19.99"; exact, never a float.',
  // The lexical form of XML Schema's decimal, which this is (without a leading "+").
  specifiedByURL: 'https://www.w3.org/TR/xmlschema11-2/#decimal',
  serialize(value) {
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue(value) {
    return parseDecimal(value);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      return parseDecimal(ast.value);
    }
    throw new GraphQLError('Decimal must be a string such as "19.99"', { nodes: ast });
  },
});

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text === 'string' && DECIMAL.test(text.trim())) return text.trim();
  throw new GraphQLError(`"${String(value)}" is not a decimal number such as "19.99"`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}
