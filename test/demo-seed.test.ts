import { withAdminClient } from '#platform/db';
import { demoBusinessThere, seedDemoBusiness } from '../scripts/lib/seed-demo';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * `npm start` and `npm run seed` seed the demo business into whatever is empty. Finding it there
 * already (every start after the first) is one plain statement, without an ORM per subgraph.
 */
let empty: TestDatabase;
let seeded: TestDatabase;
beforeAll(async () => {
  [empty, seeded] = await Promise.all([createTestDatabase(), createTestDatabase({ seeded: true })]);
});
afterAll(() => Promise.all([empty?.drop(), seeded?.drop()]));

it('tells a shop without its demo data from one with it', async () => {
  expect(await demoBusinessThere(empty.url)).toBe(false);
  expect(await demoBusinessThere(seeded.url)).toBe(true);
  // Asked for order history too: the seeded shop has no orders yet.
  expect(await demoBusinessThere(seeded.url, { orderHistory: 10 })).toBe(false);
});

it('finds a shop missing one subgraph’s demo data incomplete', async () => {
  const partial = await createTestDatabase({ seeded: true });
  try {
    await withAdminClient(partial.url, (client) => client.query('truncate promotions.discount cascade'));
    expect(await demoBusinessThere(partial.url)).toBe(false);
  } finally {
    await partial.drop();
  }
});

it('says, per subgraph, that the demo data is there and writes nothing', async () => {
  const count = () =>
    withAdminClient(seeded.url, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        'select (select count(*) from products.product) + (select count(*) from inventory.location) + (select count(*) from promotions.discount) as n',
      );
      return rows[0].n;
    });
  const before = await count();
  const lines: string[] = [];
  await seedDemoBusiness(seeded.url, 'EUR', (line) => lines.push(line));
  expect(lines).toEqual([
    'products: catalog already has products; demo catalog not seeded',
    'inventory: locations exist; demo stock not seeded',
    'orders: tax rates exist; demo taxes and shipping not seeded',
    'customers: staff exist; demo people not seeded',
    'promotions: discounts exist; demo promotions not seeded',
  ]);
  expect(await count()).toBe(before);
});
