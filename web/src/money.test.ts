import { describe, expect, it } from 'vitest';
import { compareAmounts, formatMoney, fractionDigits, parseAmount, amountForInput } from './money';

const ok = (value: string) => ({ ok: true, value });

describe('parseAmount', () => {
  it('reads the examples of the issue in English and German', () => {
    expect(parseAmount('-10', 'en-US', 2)).toEqual(ok('-10.00'));
    expect(parseAmount('10.5', 'en-US', 2)).toEqual(ok('10.50'));
    expect(parseAmount('-1.234,56', 'de-DE', 2)).toEqual(ok('-1234.56'));
    expect(parseAmount('-10', 'de-DE', 2)).toEqual(ok('-10.00'));
    expect(parseAmount('10,5', 'de-DE', 2)).toEqual(ok('10.50'));
  });

  it('takes the last of "." and "," as the decimal mark when both appear, whatever the locale', () => {
    expect(parseAmount('1,234.56', 'de-DE', 2)).toEqual(ok('1234.56'));
    expect(parseAmount('-1.234,56', 'en-US', 2)).toEqual(ok('-1234.56'));
    expect(parseAmount('1,234,567.8', 'en-GB', 2)).toEqual(ok('1234567.80'));
  });

  it('reads the locale grouping mark as grouping before three digits, else as a decimal mark', () => {
    expect(parseAmount('1,234', 'en-US', 2)).toEqual(ok('1234.00'));
    expect(parseAmount('1.234', 'de-DE', 2)).toEqual(ok('1234.00'));
    expect(parseAmount('10.5', 'de-DE', 2)).toEqual(ok('10.50'));
    expect(parseAmount('10,5', 'en-US', 2)).toEqual(ok('10.50'));
    expect(parseAmount('1.234.567', 'de-DE', 2)).toEqual(ok('1234567.00'));
  });

  it('ignores spaces used as grouping and accepts a typographic minus and a plus sign', () => {
    expect(parseAmount('1\u202f234,5', 'fr-FR', 2)).toEqual(ok('1234.50'));
    expect(parseAmount(' \u22123,5 ', 'fr-FR', 2)).toEqual(ok('-3.50'));
    expect(parseAmount('+7', 'en-US', 2)).toEqual(ok('7.00'));
    expect(parseAmount('12.5', 'fr-FR', 2)).toEqual(ok('12.50'));
  });

  it('writes exactly the currency digits and never goes through floating point', () => {
    expect(parseAmount('0.1', 'en-US', 2)).toEqual(ok('0.10'));
    expect(parseAmount('999999999999.99', 'en-US', 2)).toEqual(ok('999999999999.99'));
    expect(parseAmount('-00012.3', 'en-US', 2)).toEqual(ok('-12.30'));
    expect(parseAmount('1500', 'ja-JP', 0)).toEqual(ok('1500'));
    expect(parseAmount('1.5', 'en-US', 3)).toEqual(ok('1.500'));
    expect(parseAmount('-0', 'en-US', 2)).toEqual(ok('0.00'));
    expect(parseAmount('.5', 'en-US', 2)).toEqual(ok('0.50'));
  });

  it('refuses what is not an amount, too many decimals and too large a magnitude', () => {
    for (const text of ['', 'abc', '1-2', '1.2.3,4,5', '--1', '1,2,3', '.', '12,34.5,6']) {
      expect(parseAmount(text, 'en-US', 2).ok, text).toBe(false);
    }
    expect(parseAmount('1.234', 'en-US', 2)).toEqual({ ok: false, error: 'Use at most 2 decimal places.' });
    expect(parseAmount('1.5', 'ja-JP', 0).ok).toBe(false);
    expect(parseAmount('1000000000000', 'en-US', 2)).toEqual({ ok: false, error: 'That amount is too large.' });
  });
});

describe('formatting', () => {
  it('formats the decimal string exactly in the locale and currency', () => {
    expect(formatMoney('-1234.56', 'EUR', 'de-DE')).toBe('-1.234,56\u00a0€');
    expect(formatMoney('-1234.56', 'EUR', 'en-US')).toBe('-€1,234.56');
    expect(formatMoney('999999999999.99', 'USD', 'en-US')).toBe('$999,999,999,999.99');
    expect(formatMoney('1500', 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('knows the minor digits of a currency', () => {
    expect(fractionDigits('EUR')).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
    expect(fractionDigits('BHD')).toBe(3);
  });

  it('writes an amount back for editing the way the locale types it', () => {
    expect(amountForInput('-1234.56', 'de-DE')).toBe('-1234,56');
    expect(amountForInput('-1234.56', 'en-US')).toBe('-1234.56');
  });

  it('compares decimal strings as numbers', () => {
    const sorted = ['10.00', '-2.50', '-10.00', '0.00', '2.05', '999999999999.99'].sort(compareAmounts);
    expect(sorted).toEqual(['-10.00', '-2.50', '0.00', '2.05', '10.00', '999999999999.99']);
  });
});
