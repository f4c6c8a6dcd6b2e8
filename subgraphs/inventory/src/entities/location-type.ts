import { registerEnumType } from 'type-graphql';

export enum LocationType {
  STORE = 'STORE',
  WAREHOUSE = 'WAREHOUSE',
  FULFILLMENT_CENTER = 'FULFILLMENT_CENTER',
}

registerEnumType(LocationType, {
  name: 'LocationType',
  description: 'A shop customers walk into, a warehouse of ours, or a third-party fulfilment centre.',
});
