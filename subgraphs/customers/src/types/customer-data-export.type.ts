import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../entities';

/**
 * Everything this subgraph holds about a customer. `customer` is the federated entity, so the
 * same request can select what other subgraphs hold (loyalty, gift cards, orders) through it.
 */
@ObjectType({
  description:
    "Everything held about a customer: this subgraph's records in `data`, and the customer entity to select other subgraphs' records through.",
})
export class CustomerDataExport {
  @Field(() => Date, { description: 'When the export was made.' })
  generatedAt!: Date;

  @Field(() => Customer, { description: 'The customer, to select what other subgraphs hold about them (loyalty, gift cards, orders).' })
  customer!: Customer;

  @Field(() => GraphQLJSONObject, { description: 'profile, addresses, identities, timeline, segments and mergedCustomerIds.' })
  data!: Record<string, unknown>;
}
