/** Decimal amounts kept as the text the user typed: compared exactly, never via floats. */

export const DECIMAL_RE = /^\d+(?:\.\d+)?$/;

/**
 * Significant digits any decimal keeps through a JSON number (a double): with up to 15, the
 * shortest round-trip text of the parsed number has the digits the sender wrote.
 */
export const EXACT_NUMBER_DIGITS = 15;

/**
 * A JSON number as decimal text: its shortest round-trip form (`String(n)`), written out without
 * an exponent (1e-7 → "0.0000001"). Null when more than 15 significant digits would be needed,
 * because the sender's digits may already have been rounded away when the JSON was parsed.
 */
export function decimalOfNumber(n: number): string | null {
  const [mantissa = '', exp = '0'] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  if (digits.length > EXACT_NUMBER_DIGITS) return null;
  const point = Number(exp) + 1;
  const sign = n < 0 ? '-' : '';
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Compares two non-negative decimal strings: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.');
  const [bi = '0', bf = ''] = b.split('.');
  const aInt = ai.replace(/^0+(?=\d)/, '');
  const bInt = bi.replace(/^0+(?=\d)/, '');
  if (aInt.length !== bInt.length) return aInt.length < bInt.length ? -1 : 1;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const aFrac = af.padEnd(width, '0');
  const bFrac = bf.padEnd(width, '0');
  return aFrac === bFrac ? 0 : aFrac < bFrac ? -1 : 1;
}
