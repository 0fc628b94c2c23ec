/**
 * Compares two decimal strings exactly ("170.00" equals "170", "0.10" equals ".1", "1.0e-5"
 * equals "0.00001"), without turning them into floats: amounts are compared as the provider
 * wrote them, in any JSON number form (PHP prints small floats with an exponent).
 */
export function sameDecimal(a: string, b: string): boolean {
  const x = decimalParts(a);
  const y = decimalParts(b);
  return x !== null && y !== null && x.sign === y.sign && x.digits === y.digits && x.exponent === y.exponent;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** value = sign 0.digits × 10^exponent, digits without leading or trailing zeros ("" for zero). */
interface DecimalParts {
  sign: '' | '-';
  digits: string;
  exponent: number;
}

/** Exact parts of a decimal; null when the text is not a number. */
export function decimalParts(text: string): DecimalParts | null {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const whole = match[2] ?? '';
  const all = whole + (match[3] ?? '');
  const leading = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leading).replace(/0+$/, '');
  if (digits === '') return { sign: '', digits: '', exponent: 0 };
  // Exponents past what a safe integer holds are kept as given: they can only equal each other.
  const exponent = whole.length - leading + Number(match[4] ?? '0');
  if (!Number.isSafeInteger(exponent)) return null;
  return { sign: match[1] === '-' ? '-' : '', digits, exponent };
}

/** Beyond this many zeros the plain form is not worth printing: the exponent form stays. */
const MAX_PLAIN_ZEROS = 1000;

/** "-0012.3400" → "-12.34", "1.2e-7" → "0.00000012"; null when the text is not a number. */
export function canonicalDecimal(text: string): string | null {
  const parts = decimalParts(text);
  if (parts === null) return null;
  const { sign, digits, exponent } = parts;
  if (digits === '') return '0';
  if (exponent > digits.length + MAX_PLAIN_ZEROS || exponent < -MAX_PLAIN_ZEROS) return `${sign}0.${digits}e${exponent}`;
  if (exponent <= 0) return `${sign}0.${'0'.repeat(-exponent)}${digits}`;
  if (exponent >= digits.length) return `${sign}${digits}${'0'.repeat(exponent - digits.length)}`;
  return `${sign}${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
}
