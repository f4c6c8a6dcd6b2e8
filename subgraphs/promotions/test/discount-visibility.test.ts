import { Role } from '#platform/auth';
import { gqlData } from '../../../test/support/graphql-client';
import { ANONYMOUS, bearer, type AuthHeaders } from '../../../test/support/tokens';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';

/** A discount's code is for staff, and for everyone only when the discount is public. */
let promos: PromotionsHarness;
let callers: Record<'anonymous' | 'customer' | 'kiosk' | 'staff', AuthHeaders>;
const ids: Record<'campaign' | 'partner' | 'automatic', string> = { campaign: '', partner: '', automatic: '' };

beforeAll(async () => {
  promos = await startPromotions();
  callers = {
    anonymous: ANONYMOUS,
    customer: await bearer(Role.CUSTOMER, { subject: '6f1c0a52-3a8e-4f0e-9d7e-2f0b8c1d9e01' }),
    kiosk: await bearer(Role.KIOSK, { subject: 'kiosk-1' }),
    staff: await bearer(Role.STAFF),
  };
  const create = async (input: Record<string, unknown>) => {
    const { discountCreate } = await gqlData(
      promos.url,
      `mutation($input: DiscountInput!) { discountCreate(input: $input) { discount { id public code } userErrors { code } } }`,
      { input: { kind: 'PERCENTAGE', value: '5', ...input } },
    );
    expect(discountCreate.userErrors).toEqual([]);
    return discountCreate.discount as { id: string; public: boolean; code: string | null };
  };
  const campaign = await create({ title: 'Summer campaign', code: 'SUMMER5', public: true });
  const partner = await create({ title: 'Partner code', code: 'PARTNER-7Q2X' });
  const automatic = await create({ title: 'Everything 5%' });
  // Staff who create it see the code; a discount is private unless made public.
  expect([campaign.public, partner.public, automatic.public]).toEqual([true, false, false]);
  expect(partner.code).toBe('PARTNER-7Q2X');
  Object.assign(ids, { campaign: campaign.id, partner: partner.id, automatic: automatic.id });
});
afterAll(() => promos?.close());

const live = async (headers: AuthHeaders) =>
  (
    (await gqlData(promos.url, `{ activePromotions(channel: WEB) { id code } }`, {}, headers)).activePromotions as {
      id: string;
      code: string;
    }[]
  )
    .filter((d) => Object.values(ids).includes(d.id))
    .sort((a, b) => a.id.localeCompare(b.id));
const byId = (headers: AuthHeaders) =>
  gqlData(promos.url, `query($id: ID!) { discount(id: $id) { title code public } }`, { id: ids.partner }, headers);

it.each(['anonymous', 'customer', 'kiosk'] as const)('never shows a non-public code to %s callers', async (caller) => {
  expect(await live(callers[caller])).toEqual(
    [
      { id: ids.campaign, code: 'SUMMER5' },
      { id: ids.automatic, code: null },
    ].sort((a, b) => a.id.localeCompare(b.id)),
  );
  expect((await byId(callers[caller])).discount).toEqual({ title: 'Partner code', code: null, public: false });
  const text = JSON.stringify(await gqlData(promos.url, `{ activePromotions(channel: WEB) { title code } }`, {}, callers[caller]));
  expect(text).not.toContain('PARTNER-7Q2X');
});

it('shows staff every live discount with its code', async () => {
  const codes = (await live(callers.staff)).map((d) => d.code);
  expect(codes).toHaveLength(3);
  expect(codes).toEqual(expect.arrayContaining(['PARTNER-7Q2X', 'SUMMER5', null]));
  expect((await byId(callers.staff)).discount.code).toBe('PARTNER-7Q2X');
});

it('shows a code to everyone once a manager makes it public, and keeps the flag when an update leaves it out', async () => {
  const update = async (input: Record<string, unknown>) =>
    (
      await gqlData(
        promos.url,
        `mutation($id: ID!, $input: DiscountInput!) { discountUpdate(id: $id, input: $input) { discount { public } userErrors { code } } }`,
        { id: ids.partner, input },
      )
    ).discountUpdate;
  expect(await update({ public: true })).toEqual({ discount: { public: true }, userErrors: [] });
  expect(await update({ title: 'Partner code, renamed' })).toEqual({ discount: { public: true }, userErrors: [] });
  expect((await byId(callers.anonymous)).discount.code).toBe('PARTNER-7Q2X');
  expect(await update({ public: false })).toEqual({ discount: { public: false }, userErrors: [] });
  expect((await byId(callers.customer)).discount.code).toBeNull();
});
