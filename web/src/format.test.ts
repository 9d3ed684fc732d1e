import { describe, expect, it } from 'vitest';
import { expensesCount, formatDate, formatMonth, lastTwelveMonths } from './format';

describe('dates', () => {
  it('are shown in the locale without a time zone moving them', () => {
    expect(formatDate('2023-11-01', 'en-US')).toBe('Nov 1, 2023');
    expect(formatDate('2023-11-01', 'de-DE')).toBe('1. Nov. 2023');
    expect(formatDate('2024-02-29', 'en-GB')).toBe('29 Feb 2024');
  });

  it('name months in the locale', () => {
    expect(formatMonth('2024-03', 'en-US')).toBe('Mar 2024');
    expect(formatMonth('2024-03', 'de-DE')).toBe('März 2024');
  });

  it('list the last twelve months across a new year', () => {
    const months = lastTwelveMonths('2024-02-15');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2023-03');
    expect(months[11]).toBe('2024-02');
  });
});

describe('counts', () => {
  it('are grouped in the locale and name the noun in the right number', () => {
    expect(expensesCount(1, 'en-US')).toBe('1 expense');
    expect(expensesCount(1234, 'en-US')).toBe('1,234 expenses');
    expect(expensesCount(1234, 'de-DE')).toBe('1.234 expenses');
  });
});
