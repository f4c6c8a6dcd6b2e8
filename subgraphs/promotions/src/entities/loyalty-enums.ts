import { registerEnumType } from 'type-graphql';

/** What moved a loyalty balance: points earned by a purchase, redeemed at checkout, or adjusted by staff (or a reversal). */
export enum LoyaltyEntryKind {
  EARN = 'EARN',
  REDEEM = 'REDEEM',
  ADJUST = 'ADJUST',
}

registerEnumType(LoyaltyEntryKind, {
  name: 'LoyaltyEntryKind',
  description: 'What moved a loyalty balance.',
  valuesConfig: {
    EARN: { description: 'Points earned by a purchase.' },
    REDEEM: { description: 'Points spent at checkout.' },
    ADJUST: { description: 'A change by staff, or the reversal of an earlier entry.' },
  },
});
