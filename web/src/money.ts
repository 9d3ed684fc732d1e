// Amounts as the API has them: decimal strings with exactly the currency's minor digits ("-10.00").
// Everything here is string arithmetic: a float never holds money.

export type Parsed = { ok: true; value: string } | { ok: false; error: string };

const MAX_INTEGER_DIGITS = 12; // |amount| <= 999999999999.99

const separatorsByLocale = new Map<string, { decimal: string; group: string }>();

/** The decimal and grouping separators the locale writes numbers with. */
export function separators(locale: string): { decimal: string; group: string } {
  let found = separatorsByLocale.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorsByLocale.set(locale, found);
  }
  return found;
}

/** How many minor digits a currency has (EUR 2, JPY 0, BHD 3). */
export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * Parses what a person typed ("-10", "10.5", "-1.234,56", "1,234.56", "−3,5") into the API's decimal string
 * with exactly {@code digits} fraction digits. With both "." and "," in the text, the last one is the decimal
 * mark. With one of them, the locale's decimal mark is the decimal mark; the locale's grouping mark is
 * grouping when it separates groups of three digits, and otherwise (as in "10.5" typed in German) a decimal mark.
 */
export function parseAmount(input: string, locale: string, digits: number): Parsed {
  let text = input.trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(SPACES, '');
  if (text === '') return { ok: false, error: 'Enter an amount.' };
  let sign = '';
  if (text.startsWith('-') || text.startsWith('+')) {
    sign = text[0] === '-' ? '-' : '';
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    sign = '-';
    text = text.slice(0, -1);
  }
  if (!/^[0-9.,]+$/.test(text) || !/[0-9]/.test(text)) return { ok: false, error: 'Enter a number, such as -10.50.' };
  const decimalMark = decimalMarkOf(text, locale);
  let integer = text;
  let fraction = '';
  if (decimalMark !== null) {
    const at = text.lastIndexOf(decimalMark);
    integer = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (/[.,]/.test(fraction)) return { ok: false, error: 'Enter a number, such as -10.50.' };
  }
  const marks = new Set(integer.replace(/\d/g, ''));
  const badGrouping = marks.size > 1 || (decimalMark !== null && marks.has(decimalMark))
    || (marks.size === 1 && !/^\d{1,3}([.,]\d{3})*$/.test(integer));
  if (badGrouping) return { ok: false, error: 'Enter a number, such as -10.50.' };
  integer = integer.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '');
  if (integer === '') integer = '0';
  if (fraction.length > digits) {
    return { ok: false, error: digits === 0 ? 'Enter a whole amount, without decimals.' : `Use at most ${digits} decimal places.` };
  }
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, error: 'That amount is too large.' };
  fraction = fraction.padEnd(digits, '0');
  const value = digits > 0 ? `${integer}.${fraction}` : integer;
  const zero = /^[0.]*$/.test(value);
  return { ok: true, value: (zero ? '' : sign) + value };
}

function decimalMarkOf(text: string, locale: string): string | null {
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const mark = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (mark === null) return null;
  const { decimal, group } = separators(locale);
  if (mark === decimal) return mark;
  if (mark === group) {
    const pieces = text.split(mark);
    const grouping = pieces.length > 2 || (pieces[1].length === 3 && pieces[0].length >= 1 && pieces[0].length <= 3);
    return grouping ? null : mark;
  }
  return mark; // neither (e.g. "." in French, which groups with spaces): a decimal mark
}

/** The amount for an input field, the way the locale writes it, without grouping ("-1234,56"). */
export function amountForInput(amount: string, locale: string): string {
  const { decimal } = separators(locale);
  return amount.replace('.', decimal);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** The amount in the locale's way with the currency ("-€1,234.56", "-1.234,56 €"), without floating point. */
export function formatMoney(amount: string, currency: string, locale: string): string {
  try {
    const key = `${locale}|${currency}`;
    let format = moneyFormats.get(key); // a formatter is costly to make, and a long list formats many amounts
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      moneyFormats.set(key, format);
    }
    // Intl.NumberFormat formats a decimal string exactly (ECMA-402 "NumberFormat v3").
    return format.format(amount as unknown as number);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Compares two decimal strings numerically. */
export function compareAmounts(a: string, b: string): number {
  const na = a.startsWith('-');
  const nb = b.startsWith('-');
  if (na !== nb) return na ? -1 : 1;
  const [ai, af = ''] = a.replace('-', '').split('.');
  const [bi, bf = ''] = b.replace('-', '').split('.');
  const width = Math.max(af.length, bf.length);
  const x = ai.padStart(20, '0') + af.padEnd(width, '0');
  const y = bi.padStart(20, '0') + bf.padEnd(width, '0');
  const magnitude = x < y ? -1 : x > y ? 1 : 0;
  return na ? -magnitude : magnitude;
}

/** Whether the amount is money out (negative). */
export function isNegative(amount: string): boolean {
  return amount.startsWith('-') && /[1-9]/.test(amount);
}

/** The absolute value of a decimal string. */
export function abs(amount: string): string {
  return amount.replace(/^-/, '');
}
