import { randomUUID } from 'node:crypto';
import { parse, validate } from 'graphql';
import { Role, ServiceCredentials } from '#platform/auth';
import { InternalClient, type InternalCommand } from '#platform/internal';
import { EventContractError } from '#platform/events';
import { createLogger } from '#platform/runtime';
import * as contract from '#contracts/customers';
import { CustomerErased, CustomerMerged, CustomerSegments, KnownSegments, representations } from '#contracts/customers';
import { buildCustomersSchema } from '../src/schema';
import { gqlData } from '../../../test/support/graphql-client';
import { bearer, TEST_JWT_SECRET } from '../../../test/support/tokens';
import { signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { dbId } from '../../../test/support/ids';

/** What other subgraphs rely on: the command documents they send, and the events they parse. */
const isCommand = (value: unknown): value is InternalCommand<unknown, unknown> =>
  typeof value === 'object' && value !== null && 'document' in value && 'operation' in value;
const commands = Object.entries(contract as Record<string, unknown>).flatMap(([name, value]) =>
  isCommand(value) ? [[name, value] as const] : [],
);

it('has commands to check', () => {
  expect(commands.map(([name]) => name).sort()).toEqual(['CustomerSegments', 'CustomersNow', 'KnownSegments']);
});

it.each(commands)('%s is a valid operation against the customers schema', async (_name, command) => {
  const schema = await buildCustomersSchema();
  expect(validate(schema, parse(command.document)).map((error) => error.message)).toEqual([]);
});

describe('against a running customers subgraph, as promotions calls it', () => {
  let h: CustomersHarness;
  let client: InternalClient;
  beforeAll(async () => {
    h = await startCustomers();
    // A SERVICE token signed with the shared secret, as another subgraph's kit.client sends.
    const credentials = new ServiceCredentials('promotions', TEST_JWT_SECRET, null);
    client = new InternalClient({ subgraph: 'customers', url: h.url, credentials, logger: createLogger('contract-test', 'silent') });
  });
  afterAll(() => h?.close());

  const manager = () => bearer(Role.MANAGER);
  const tag = async (id: string, tags: string[]) =>
    gqlData(h.url, `mutation($id: ID, $input: CustomerUpdateInput!) { customerUpdate(id: $id, input: $input) { userErrors { code } } }`, {
      id,
      input: { tags },
    });

  it('CustomerSegments: the segments each customer is in, null for an unknown id, a merged-away id as its target', async () => {
    const created = await gqlData(
      h.url,
      `mutation { segmentCreate(input: { name: "Contract VIPs", rules: { tagsAny: ["contract-vip"] } }) { segment { id } userErrors { code } } }`,
      {},
      await manager(),
    );
    const segmentId = created.segmentCreate.segment.id as string;
    const [vip, plain, duplicate] = [await signUpCustomer(h), await signUpCustomer(h), await signUpCustomer(h)];
    await tag(vip.id, ['contract-vip']);
    await tag(duplicate.id, ['contract-vip']);
    const merged = await gqlData(
      h.url,
      `mutation($s: ID!, $t: ID!) { customerMerge(sourceId: $s, targetId: $t) { userErrors { code } } }`,
      { s: duplicate.id, t: plain.id },
    );
    expect(merged.customerMerge.userErrors).toEqual([]);

    const unknown = randomUUID();
    const result = await client.call({}, CustomerSegments, {
      representations: representations('Customer', [dbId(vip.id), dbId(duplicate.id), unknown]),
    });
    expect(result).toEqual({
      ok: true,
      value: [
        { id: dbId(vip.id), segments: [{ id: dbId(segmentId) }] },
        // The tags came over with the merge, so the target is in the segment now.
        { id: dbId(plain.id), segments: [{ id: dbId(segmentId) }] },
        null,
      ],
    });
  });

  it('KnownSegments: null for an id that names no segment', async () => {
    const created = await gqlData(
      h.url,
      `mutation { segmentCreate(input: { name: "Contract known", rules: { acceptsMarketing: true } }) { segment { id } } }`,
      {},
      await manager(),
    );
    const id = dbId(created.segmentCreate.segment.id as string);
    const missing = randomUUID();
    const result = await client.call({}, KnownSegments, { representations: representations('Segment', [id, missing]) });
    expect(result).toEqual({ ok: true, value: [{ id }, null] });
  });

  it('writes merge and erasure events whose payloads the contract parses', async () => {
    const [source, target] = [await signUpCustomer(h), await signUpCustomer(h)];
    await gqlData(h.url, `mutation($s: ID!, $t: ID!) { customerMerge(sourceId: $s, targetId: $t) { userErrors { code } } }`, {
      s: source.id,
      t: target.id,
    });
    await gqlData(h.url, `mutation($id: ID) { customerErase(id: $id) { userErrors { code } } }`, { id: target.id }, await manager());
    const rows = await h.server.orm.em
      .getConnection()
      .execute<{ topic: string; key: string; payload: unknown }[]>(
        `select topic, key, payload from customers.outbox_event where key in (?, ?) order by id`,
        [dbId(source.id), dbId(target.id)],
      );
    expect(rows.map((row) => row.topic)).toEqual([CustomerMerged.topic, CustomerErased.topic]);
    expect(CustomerMerged.parse(rows[0].payload)).toEqual({ sourceId: dbId(source.id), targetId: dbId(target.id) });
    expect(CustomerErased.parse(rows[1].payload)).toEqual({ customerId: dbId(target.id) });
  });
});

it('refuses to write or read an event that breaks its contract', () => {
  expect(() => CustomerMerged.event('k', { sourceId: '', targetId: 'b' })).toThrow();
  expect(() => CustomerErased.parse({ id: 'x' })).toThrow(EventContractError);
});
