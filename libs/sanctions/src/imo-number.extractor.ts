// "IMO Number: 5342883", "IMO 5434358", "(IMO) Number: 1790183", "IMO: 9137997 and 8914934".
const IMO_MENTION =
  /\bIMO\b\)?(?:\s*(?:number|no\.?|#))?\s*[:.]?\s*((?:\d{7}(?:\s*(?:,|;|and|&|\/)\s*)?)+)/gi;
const SEVEN_DIGITS = /\d{7}/g;

/** IMO numbers mentioned in free text, in order of first mention, without duplicates. */
export function extractImoNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const mention of text.matchAll(IMO_MENTION)) {
    for (const digits of (mention[1] ?? '').matchAll(SEVEN_DIGITS)) {
      found.add(digits[0]);
    }
  }
  return [...found];
}

/** "IMO 9244661", "imo9244661", " 9244661 " → "9244661"; undefined when not seven digits. */
export function normaliseImoNumber(input: string): string | undefined {
  const digits = input
    .trim()
    .replace(/^IMO[\s:.#-]*/i, '')
    .replace(/\s+/g, '');
  // Company and ship numbers share the 7-digit form; company numbers have no check digit, so none is enforced.
  return /^\d{7}$/.test(digits) ? digits : undefined;
}
