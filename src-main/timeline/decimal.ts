/**
 * Compares two decimal strings exactly ("170.00" equals "170", "0.10" equals ".1"), without
 * turning them into floats: amounts are compared as the provider wrote them.
 */
export function sameDecimal(a: string, b: string): boolean {
  const x = canonicalDecimal(a);
  const y = canonicalDecimal(b);
  return x !== null && y !== null && x === y;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** "-0012.3400" → "-12.34"; null when the text is not a plain decimal. */
export function canonicalDecimal(text: string): string | null {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const whole = match[2]!.replace(/^0+/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && (whole !== '0' || fraction !== '') ? '-' : '';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
