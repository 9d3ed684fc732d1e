import { describe, expect, it } from 'vitest';
import { apiQuery, filtersFromQuery, filtersToQuery, NO_FILTERS, rangeOf, rangeProblems, type Filters } from './filters';

describe('filters in the URL', () => {
  it('survive a round trip through the query string', () => {
    const filters: Filters = {
      period: 'custom', from: '2024-01-01', to: '2024-03-31', types: ['food', 'rent & bills'],
      minAmount: '-100.00', maxAmount: '-0.50', q: 'coffee shop', sort: '-amount',
    };
    const query = filtersToQuery(filters).toString();
    expect(query).toBe('from=2024-01-01&to=2024-03-31&type=food&type=rent+%26+bills&min=-100.00&max=-0.50&q=coffee+shop&sort=-amount');
    expect(filtersFromQuery(new URLSearchParams(query))).toEqual(filters);
  });

  it('leave the query empty without filters, and read an empty query as no filters', () => {
    expect(filtersToQuery(NO_FILTERS).toString()).toBe('');
    expect(filtersFromQuery(new URLSearchParams(''))).toEqual(NO_FILTERS);
  });

  it('keep a preset period as a name, so a bookmark of "this month" stays this month', () => {
    const query = filtersToQuery({ ...NO_FILTERS, period: 'this-month', types: ['food'] });
    expect(query.toString()).toBe('period=this-month&type=food');
    expect(filtersFromQuery(query).period).toBe('this-month');
  });

  it('drop malformed values instead of sending them on', () => {
    const filters = filtersFromQuery(new URLSearchParams('from=yesterday&min=lots&max=1e5&sort=random&type=&type=%20food%20&type=food'));
    expect(filters).toEqual({ ...NO_FILTERS, types: ['food'] });
  });

  it('read from and to without a period as a custom period', () => {
    expect(filtersFromQuery(new URLSearchParams('to=2024-02-29')).period).toBe('custom');
  });
});

describe('periods', () => {
  it('resolve to inclusive date ranges', () => {
    expect(rangeOf({ ...NO_FILTERS, period: 'this-month' }, '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(rangeOf({ ...NO_FILTERS, period: 'last-month' }, '2024-01-15')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(rangeOf({ ...NO_FILTERS, period: 'this-year' }, '2025-06-30')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(rangeOf({ ...NO_FILTERS, period: 'all' }, '2025-06-30')).toEqual({ from: '', to: '' });
  });
});

describe('the API query', () => {
  it('combines every filter with the API parameter names', () => {
    const query = apiQuery({ ...NO_FILTERS, period: 'last-month', types: ['food', 'rent'], minAmount: '-50.00', q: ' bread ' }, '2024-03-05');
    expect(query.toString()).toBe('from=2024-02-01&to=2024-02-29&type=food&type=rent&minAmount=-50.00&q=bread');
  });
});

describe('ranges that cannot hold anything', () => {
  it('name the field to fix: an end date before the start, a maximum below the minimum', () => {
    const filters: Filters = { ...NO_FILTERS, period: 'custom', from: '2024-06-30', to: '2024-01-01', minAmount: '-10.00', maxAmount: '-30.00' };
    expect(rangeProblems(filters)).toEqual({ to: 'Choose a date on or after From.', maxAmount: 'Enter an amount no smaller than Min amount.' });
  });

  it('are none for open or single-day ranges, and for equal or negative amounts in order', () => {
    expect(rangeProblems({ ...NO_FILTERS, period: 'custom', from: '2024-06-30', to: '2024-06-30', minAmount: '-30.00', maxAmount: '-10.00' })).toEqual({});
    expect(rangeProblems({ ...NO_FILTERS, period: 'custom', from: '2024-06-30', to: '', minAmount: '5.00', maxAmount: '5.00' })).toEqual({});
    expect(rangeProblems({ ...NO_FILTERS, minAmount: '9.00', maxAmount: '10.00' })).toEqual({});
  });
});
