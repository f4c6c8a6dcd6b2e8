/**
 * How much to reorder for a low level: enough to reach twice its threshold counting what is
 * available and incoming, in whole cases, and at least one case.
 */
export function suggestedQuantity(level: { threshold: number; available: number; incoming: number }, caseSize: number): number {
  const size = Math.max(1, caseSize);
  const shortfall = 2 * level.threshold - (level.available + level.incoming);
  return Math.max(1, Math.ceil(shortfall / size)) * size;
}
