import { describe, expect, it } from 'vitest';
import type { Expense } from './api';
import { EMPTY, MAX_PAGES, place, type Slot, type Window } from './expense-list';

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
