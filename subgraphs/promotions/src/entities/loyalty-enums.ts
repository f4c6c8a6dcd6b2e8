/** What moved a loyalty balance: points earned by a purchase, redeemed at checkout, or adjusted by staff (or a reversal). */
export enum LoyaltyEntryKind {
  EARN = 'EARN',
  REDEEM = 'REDEEM',
  ADJUST = 'ADJUST',
}
