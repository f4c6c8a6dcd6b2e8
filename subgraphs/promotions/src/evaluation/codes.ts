/** Codes as typed by customers, reduced to the form rules are keyed by. */

/** Trimmed and upper-cased: "  spring10 " and "SPRING10" are the same code. */
export function normalizeCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The distinct non-blank codes entered, normalised, in the order first typed. */
export function enteredCodes(raw: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const code of raw) {
    const normalized = normalizeCode(code);
    if (normalized !== '') codes.add(normalized);
  }
  return [...codes];
}
