import { describe, expect, it } from 'vitest';
import type { Expense } from './api';
import { EMPTY, MAX_PAGES, place, refreshed, type Slot, type Window } from './expense-list';

const page = (n: number): Slot => ({
  cursor: n === 0 ? null : `c${n}`,
  items: [{ id: String(n) } as Expense],
  height: 0,
  next: `c${n + 1}`,
});
const loaded = (w: Window) => w.slots.map((s, i) => (s.items ? i : null)).filter((i) => i !== null);

describe('the window of loaded pages', () => {
  it('grows page by page up to its limit, then lets the farthest page go with its height', () => {
    let w = EMPTY;
    for (let n = 0; n < MAX_PAGES; n++) w = place(w, n, page(n), () => 1000);
    expect(loaded(w)).toEqual([0, 1, 2, 3, 4, 5]);

    w = place(w, MAX_PAGES, page(MAX_PAGES), (p) => 1000 + p);

    expect(loaded(w)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([w.lo, w.hi]).toEqual([1, 6]);
    expect(w.slots[0]).toEqual({ cursor: null, items: null, height: 1000, next: 'c1' });
  });

  it('fetches a page that left again by its cursor, letting the page at the other end go', () => {
    let w = EMPTY;
    for (let n = 0; n <= MAX_PAGES + 1; n++) w = place(w, n, page(n), () => 500);
    expect(loaded(w)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(w.slots[1].cursor).toBe('c1');

    w = place(w, 1, page(1), () => 700);

    expect(loaded(w)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(w.slots[7].height).toBe(700);
    expect(w.slots[7].cursor).toBe('c7');
  });
});

describe('the pages shown, fetched again in place', () => {
  const row = (id: string, version = 1) => ({ id, version } as Expense);
  const slot = (cursor: string | null, ids: string[], next: string | null = 'more'): Slot =>
    ({ cursor, items: ids.map((id) => row(id)), height: 0, next });

  it('keeps the pages before as they were, replaces those shown, and lets those after go', () => {
    const win: Window = {
      slots: [{ ...slot(null, []), items: null, height: 900 }, slot('c1', ['a', 'b']), slot('c2', ['c', 'd']), { ...slot('c3', []), items: null, height: 400 }],
      lo: 1, hi: 2,
    };

    const next = refreshed(win, [slot('c1', ['new', 'a']), slot('n2', ['b', 'c'])]);

    expect(next.slots[0]).toBe(win.slots[0]);
    expect(next.slots.map((s) => s.items?.map((e) => e.id) ?? null)).toEqual([null, ['new', 'a'], ['b', 'c']]);
    expect([next.lo, next.hi]).toEqual([1, 2]);
  });

  it('keeps a row this tab saved while the fetch was on its way', () => {
    const win: Window = { slots: [{ cursor: null, items: [row('a', 3)], height: 0, next: null }], lo: 0, hi: 0 };

    const next = refreshed(win, [{ cursor: null, items: [row('a', 2), row('b')], height: 0, next: null }]);

    expect(next.slots[0].items).toEqual([row('a', 3), row('b')]);
  });
});
