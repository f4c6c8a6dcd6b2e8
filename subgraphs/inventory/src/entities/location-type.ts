import { registerEnumType } from 'type-graphql';

export enum LocationType {
  STORE = 'STORE',
  WAREHOUSE = 'WAREHOUSE',
  FULFILLMENT_CENTER = 'FULFILLMENT_CENTER',
}

registerEnumType(LocationType, {
  name: 'LocationType',
  description: 'A shop customers walk into, a warehouse of ours, or a third-party fulfilment centre.',
  valuesConfig: {
    FULFILLMENT_CENTER: { description: "A site (often a marketplace's) that ships online orders." },
    STORE: { description: 'A shop customers visit; may offer pickup.' },
    WAREHOUSE: { description: 'A stock-holding site closed to customers.' },
  },
});
