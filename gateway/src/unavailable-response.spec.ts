import { unansweredPaths, unavailableResponse } from './unavailable-response';

const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

describe('unansweredPaths', () => {
  it('names each root field a call asked for, by its alias', () => {
    expect(unansweredPaths(body('query Q { activePromotions(channel: WEB) { id } offers: discounts(first: 1) { nodes { id } } }'))).toEqual(
      [['activePromotions'], ['offers']],
    );
  });

  it('names each field of each entity an _entities call asked for, through fragments, without __typename', () => {
    const query = `query Q($representations: [_Any!]!) { _entities(representations: $representations) {
      __typename ... on Customer { loyalty { points } ...Credit } } } fragment Credit on Customer { storeCredit { amount } }`;
    expect(unansweredPaths(body(query, { representations: [{}, {}] }))).toEqual([
      ['_entities', 0, 'loyalty'],
      ['_entities', 0, 'storeCredit'],
      ['_entities', 1, 'loyalty'],
      ['_entities', 1, 'storeCredit'],
    ]);
  });
});

describe('unavailableResponse', () => {
  it('answers a GraphQL response with no data and one coded error per field', () => {
    const response = unavailableResponse('promotions', body('{ activePromotions(channel: WEB) { id } }'));
    expect(response).toMatchObject({ status: 200, contentType: 'application/json' });
    expect(JSON.parse(response.body)).toEqual({
      data: null,
      errors: [
        {
          message: 'The promotions service is unavailable; try again shortly',
          path: ['activePromotions'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'promotions' },
        },
      ],
    });
  });

  it('answers one error without a path for a body it cannot read', () => {
    const answer = JSON.parse(unavailableResponse('orders', 'not json').body) as { errors: Record<string, unknown>[] };
    expect(answer.errors).toEqual([expect.not.objectContaining({ path: expect.anything() })]);
  });
});
