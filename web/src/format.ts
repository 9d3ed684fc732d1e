// Dates and months in the browser's locale. API dates are calendar dates without a time zone: they are
// formatted in UTC so that no time zone moves them to the day before.

export function locale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US';
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1));
}

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** One formatter per kind and locale: making one is costly, and a long list formats many values. */
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format as T;
}

/** "2023-11-11" → "Nov 11, 2023" (en-US), "11. Nov. 2023" (de-DE). */
export function formatDate(iso: string, lang: string = locale()): string {
  return cached(`date|${lang}`, () => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }))
    .format(utc(iso));
}

/** "2024-03" → "Mar 2024" (en), "März 2024" (de). */
export function formatMonth(yearMonth: string, lang: string = locale()): string {
  return cached(`month|${lang}`, () => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'short' }))
    .format(utc(`${yearMonth}-01`));
}

export function formatCount(n: number, lang: string = locale()): string {
  return cached(`count|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
}

/** "1 expense", "1,234 expenses". */
export function expensesCount(n: number, lang: string = locale()): string {
  return `${formatCount(n, lang)} ${n === 1 ? 'expense' : 'expenses'}`;
}

/** The twelve months ending with the one of {@code on} ("YYYY-MM"), oldest first. */
export function lastTwelveMonths(on: string): string[] {
  let year = Number(on.slice(0, 4));
  let month = Number(on.slice(5, 7));
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    months.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}
