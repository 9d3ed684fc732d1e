// The expense list's filters, and their two written forms: the page's URL (so a view can be bookmarked and
// shared) and the API's query parameters.
import { compareAmounts } from './money';

export type Period = 'all' | 'this-month' | 'last-month' | 'this-year' | 'custom';
export type Sort = '-date' | 'date' | '-amount' | 'amount';

export interface Filters {
  period: Period;
  /** Only for a custom period: ISO dates, either may be empty. */
  from: string;
  to: string;
  types: string[];
  /** Decimal strings as the API has them, or empty. */
  minAmount: string;
  maxAmount: string;
  q: string;
  sort: Sort;
}

export const NO_FILTERS: Filters = {
  period: 'all', from: '', to: '', types: [], minAmount: '', maxAmount: '', q: '', sort: '-date',
};

const PERIODS: Period[] = ['all', 'this-month', 'last-month', 'this-year', 'custom'];
const SORTS: Sort[] = ['-date', 'date', '-amount', 'amount'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^-?\d{1,12}(\.\d{1,4})?$/;

/** Today in the browser's time zone, as an ISO date. */
export function today(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The inclusive date range of a period, as of the date {@code on}; empty strings for "no bound". */
export function rangeOf(filters: Pick<Filters, 'period' | 'from' | 'to'>, on: string): { from: string; to: string } {
  const year = Number(on.slice(0, 4));
  const month = Number(on.slice(5, 7));
  switch (filters.period) {
    case 'this-month':
      return { from: isoDate(year, month, 1), to: isoDate(year, month, lastDay(year, month)) };
    case 'last-month': {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      return { from: isoDate(y, m, 1), to: isoDate(y, m, lastDay(y, m)) };
    }
    case 'this-year':
      return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
    case 'custom':
      return { from: filters.from, to: filters.to };
    default:
      return { from: '', to: '' };
  }
}

/** Reads filters from a page URL's query; anything unknown or malformed is left out. */
export function filtersFromQuery(query: URLSearchParams): Filters {
  const from = valid(query.get('from'), DATE);
  const to = valid(query.get('to'), DATE);
  let period = (query.get('period') ?? '') as Period;
  if (!PERIODS.includes(period)) period = from || to ? 'custom' : 'all';
  const sort = (query.get('sort') ?? '') as Sort;
  const types = [...new Set(query.getAll('type').map((t) => t.trim()).filter((t) => t.length > 0))];
  return {
    period,
    from: period === 'custom' ? from : '',
    to: period === 'custom' ? to : '',
    types,
    minAmount: valid(query.get('min'), AMOUNT),
    maxAmount: valid(query.get('max'), AMOUNT),
    q: (query.get('q') ?? '').trim(),
    sort: SORTS.includes(sort) ? sort : '-date',
  };
}

function valid(value: string | null, pattern: RegExp): string {
  return value !== null && pattern.test(value) ? value : '';
}

/** The page URL's query for these filters: only what differs from no filter, in a fixed order. */
export function filtersToQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.period === 'custom') {
    if (filters.from) query.set('from', filters.from);
    if (filters.to) query.set('to', filters.to);
    if (!filters.from && !filters.to) query.set('period', 'custom');
  } else if (filters.period !== 'all') {
    query.set('period', filters.period);
  }
  for (const type of filters.types) query.append('type', type);
  if (filters.minAmount) query.set('min', filters.minAmount);
  if (filters.maxAmount) query.set('max', filters.maxAmount);
  if (filters.q.trim()) query.set('q', filters.q.trim());
  if (filters.sort !== '-date') query.set('sort', filters.sort);
  return query;
}

/** The API's query parameters for these filters (without sort, limit and cursor), as of the date {@code on}. */
export function apiQuery(filters: Filters, on: string): URLSearchParams {
  const query = new URLSearchParams();
  const { from, to } = rangeOf(filters, on);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  for (const type of filters.types) query.append('type', type);
  if (filters.minAmount) query.set('minAmount', filters.minAmount);
  if (filters.maxAmount) query.set('maxAmount', filters.maxAmount);
  if (filters.q.trim()) query.set('q', filters.q.trim());
  return query;
}

/** Ranges that cannot hold anything (an end before its start), by the field to fix; empty when there are none. */
export function rangeProblems(filters: Filters): Partial<Record<'to' | 'maxAmount', string>> {
  const problems: Partial<Record<'to' | 'maxAmount', string>> = {};
  if (filters.period === 'custom' && filters.from && filters.to && filters.to < filters.from) {
    problems.to = 'Choose a date on or after From.';
  }
  if (filters.minAmount && filters.maxAmount && compareAmounts(filters.maxAmount, filters.minAmount) < 0) {
    problems.maxAmount = 'Enter an amount no smaller than Min amount.';
  }
  return problems;
}

/** Whether any filter narrows the list. */
export function isFiltered(filters: Filters): boolean {
  return apiQuery(filters, '2000-01-01').toString() !== '';
}
