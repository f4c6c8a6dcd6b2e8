/**
 * The TEST_CARD provider's card numbers, in the manner of payment providers' test cards: the
 * number alone decides the outcome, so tests, demos and the README can reproduce every path of
 * checkout without a processor. Any expiry date in the future and any CVC are implied.
 */

/** How a test card behaves when authorized. */
export type TestCardBehaviour = 'APPROVE' | 'DECLINE' | 'INSUFFICIENT_FUNDS' | 'TIMEOUT';

/** One test card: its number, what it does, and a sentence for the README. */
export interface TestCardNumber {
  number: string;
  behaviour: TestCardBehaviour;
  description: string;
}

/** Every number TEST_CARD knows; any other number is refused as INVALID_SOURCE. */
export const TEST_CARD_NUMBERS: readonly TestCardNumber[] = [
  { number: '4242424242424242', behaviour: 'APPROVE', description: 'Approves every authorization.' },
  { number: '4000000000000002', behaviour: 'DECLINE', description: 'Declined by the issuer (CARD_DECLINED).' },
  { number: '4000000000009995', behaviour: 'INSUFFICIENT_FUNDS', description: 'Declined for insufficient funds (INSUFFICIENT_FUNDS).' },
  {
    number: '4000000000000119',
    behaviour: 'TIMEOUT',
    description: 'Times out: the authorization answers PENDING, and a later status check finds it SUCCEEDED (settles later).',
  },
];

/** The behaviour of `source` (spaces and dashes ignored), or null for a number not in the table. */
export function testCardBehaviour(source: string): TestCardBehaviour | null {
  const number = source.replace(/[\s-]/g, '');
  return TEST_CARD_NUMBERS.find((card) => card.number === number)?.behaviour ?? null;
}
