import { Directive, Field, ObjectType } from 'type-graphql';
import type { MutationOutcome } from '../db/run-mutation';
import { UserError } from './user-error';

type TypeThunk = () => unknown;

/**
 * Declares a mutation payload type: the changed objects (null when the mutation failed) and
 * `userErrors`. `MutationPayload('ProductCreatePayload', { product: () => Product })`.
 */
export function MutationPayload<K extends string>(
  name: string,
  fields: Record<K, TypeThunk>,
  options: { description?: string; internal?: boolean } = {},
) {
  @ObjectType(name, { description: options.description ?? `The result of ${name.replace(/Payload$/, '')}.` })
  class Payload {
    @Field(() => [UserError], { description: 'Why the mutation did not apply; empty on success.' })
    userErrors!: UserError[];
  }
  for (const [key, type] of Object.entries<TypeThunk>(fields)) {
    Field(type as never, { nullable: true, description: 'What the mutation changed or made, as it is now; null when it did not apply.' })(
      Payload.prototype,
      key,
    );
  }
  // Payloads of internal (service-to-service) mutations stay out of the public API.
  if (options.internal) Directive('@inaccessible')(Payload);
  return Payload as unknown as new () => { userErrors: UserError[] } & { [P in K]?: unknown };
}

/** A service outcome as a payload: on success `fields(value)`, on failure only `userErrors`. */
export function toPayload<T, P extends object>(outcome: MutationOutcome<T>, fields: (value: T) => P): P & { userErrors: UserError[] } {
  if (!outcome.ok) return { userErrors: outcome.userErrors } as P & { userErrors: UserError[] };
  return { ...fields(outcome.value), userErrors: [] };
}
