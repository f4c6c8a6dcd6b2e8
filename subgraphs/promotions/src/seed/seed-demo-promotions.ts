import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMinorUnits, parseMinorUnits, SalesChannel, type CurrencyCode } from '#platform/graphql';
import {
  Discount,
  DiscountKind,
  DiscountScope,
  DiscountTargetType,
  GiftCard,
  GiftCardTransaction,
  GiftCardTransactionKind,
  LoyaltyAccount,
  LoyaltyEntry,
  LoyaltyEntryKind,
  StoreCreditAccount,
  StoreCreditEntry,
} from '../entities';
import { generateGiftCardCode, hashGiftCardCode, lastCharacters } from '../rules/gift-card-code';

export interface DemoPromotionsOptions {
  currency: CurrencyCode;
  /** The catalog category the automatic offer takes 15% off (the demo's helmets); null leaves that offer out. */
  categoryId: string | null;
  /** The demo customer given a gift card, store credit and points; null seeds the offers only. */
  customerId: string | null;
}

export interface SeededPromotions {
  /** The titles of the offers now live. */
  offers: string[];
  /** The demo customer's gift card: its full code is shown here and never again. */
  giftCard: { code: string; value: string } | null;
  storeCredit: string | null;
  points: number | null;
}

/** Who wrote the seeded ledger rows. */
const ACTOR = 'seed:demo';
/** Loyalty points for a bike bought last month: past the SILVER threshold of the default programme. */
const DEMO_POINTS = 1_249;

/**
 * The demo shop's live offers, and some balances for its demo customer, in one transaction: an
 * automatic 15% off one category on WEB and APP, a public code with a usage limit, and free
 * shipping over 100 online; a gift card, store credit and loyalty points, each with the ledger
 * row its balance sums from. Does nothing when any discount exists, so it is safe on every start.
 * Ids of other subgraphs' records (a category, a customer) are the caller's to find.
 */
export async function seedDemoPromotions(em: EntityManager, options: DemoPromotionsOptions): Promise<SeededPromotions | null> {
  const { currency, categoryId, customerId } = options;
  const minor = (amount: string) => parseMinorUnits(amount, currency);
  return em.transactional(async (tx) => {
    if (await tx.count(Discount, {})) return null;
    const offer = (fields: Partial<Discount>) => Object.assign(new Discount(), { currencyCode: currency, ...fields });
    const offers = [
      ...(categoryId
        ? [
            offer({
              title: '15% off helmets',
              kind: DiscountKind.PERCENTAGE,
              scope: DiscountScope.ITEMS,
              basisPoints: 1_500,
              targetType: DiscountTargetType.CATEGORIES,
              categoryIds: [categoryId],
              channels: [SalesChannel.WEB, SalesChannel.APP],
              combinesWithOrder: true,
              combinesWithShipping: true,
            }),
          ]
        : []),
      offer({
        title: '10% off your order over 50 with RIDE10',
        code: 'RIDE10',
        codeKey: 'RIDE10',
        isPublic: true,
        kind: DiscountKind.PERCENTAGE,
        scope: DiscountScope.ORDER,
        basisPoints: 1_000,
        minimumSubtotal: minor('50'),
        usageLimit: 500,
        combinesWithProduct: true,
        combinesWithShipping: true,
      }),
      offer({
        title: 'Free shipping over 100',
        kind: DiscountKind.FREE_SHIPPING,
        minimumSubtotal: minor('100'),
        channels: [SalesChannel.WEB, SalesChannel.APP],
        combinesWithProduct: true,
        combinesWithOrder: true,
      }),
    ];
    tx.persist(offers);
    const seeded: SeededPromotions = { offers: offers.map((d) => d.title), giftCard: null, storeCredit: null, points: null };
    if (customerId) {
      const createdAt = new Date();
      const code = generateGiftCardCode();
      const value = minor('50');
      const giftCard = Object.assign(new GiftCard(), {
        codeHash: hashGiftCardCode(code),
        lastCharacters: lastCharacters(code),
        initialValue: value,
        balance: value,
        currencyCode: currency,
        customerId,
        note: 'Birthday gift from the Velocity Cycles team',
      });
      tx.persist(giftCard);
      tx.create(GiftCardTransaction, {
        giftCardId: giftCard.id,
        kind: GiftCardTransactionKind.ISSUE,
        amount: value,
        balanceAfter: value,
        actor: ACTOR,
        createdAt,
      });
      const credit = minor('20');
      const account = Object.assign(new StoreCreditAccount(), { customerId, balance: credit, currencyCode: currency });
      tx.persist(account);
      tx.create(StoreCreditEntry, {
        accountId: account.id,
        amount: credit,
        balanceAfter: credit,
        reason: 'Goodwill credit for a delivery that came late',
        actor: ACTOR,
        createdAt,
      });
      const loyalty = Object.assign(new LoyaltyAccount(), { customerId, points: DEMO_POINTS });
      tx.persist(loyalty);
      tx.create(LoyaltyEntry, {
        accountId: loyalty.id,
        kind: LoyaltyEntryKind.EARN,
        points: DEMO_POINTS,
        balanceAfter: DEMO_POINTS,
        shortfall: 0,
        reason: null,
        reference: 'demo order 1001',
        channel: SalesChannel.WEB,
        idempotencyKey: null,
        actor: ACTOR,
        createdAt,
      });
      seeded.giftCard = { code, value: formatMinorUnits(value, currency) };
      seeded.storeCredit = formatMinorUnits(credit, currency);
      seeded.points = DEMO_POINTS;
    }
    await tx.flush();
    return seeded;
  });
}
