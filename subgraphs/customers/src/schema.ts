import type { GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '#platform/graphql';
import { customersUserErrorCodes } from './errors';
import type { CustomersContext } from './context';
import { ChannelIdentityResolver } from './resolvers/channel-identity.resolver';
import { CustomerAccountResolver } from './resolvers/customer-account.resolver';
import { CustomerAddressResolver } from './resolvers/customer-address.resolver';
import { CustomerEventResolver } from './resolvers/customer-event.resolver';
import { CustomerFieldsResolver } from './resolvers/customer-fields.resolver';
import { CustomerMergeResolver } from './resolvers/customer-merge.resolver';
import { CustomerPrivacyResolver } from './resolvers/customer-privacy.resolver';
import { CustomerResolver } from './resolvers/customer.resolver';
import { references } from './resolvers/references';
import { SegmentResolver } from './resolvers/segment.resolver';
import { StaffResolver } from './resolvers/staff.resolver';

/** The customers subgraph schema: customers and their identities, timeline, segments and privacy; sign-in, staff and kiosk tokens. */
export function buildCustomersSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema<CustomersContext>({
    resolvers: [
      CustomerResolver,
      CustomerFieldsResolver,
      CustomerAccountResolver,
      CustomerAddressResolver,
      ChannelIdentityResolver,
      CustomerEventResolver,
      SegmentResolver,
      CustomerMergeResolver,
      CustomerPrivacyResolver,
      StaffResolver,
    ],
    references,
    userErrorCodes: customersUserErrorCodes,
  });
}
