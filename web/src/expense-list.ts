import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, describe, type Expense } from './api';

export const PAGE_SIZE = 50;
/** At most this many pages are in the document at once; the others are spacers of their measured height. */
export const MAX_PAGES = 6;

/** One keyset page: the cursor that fetches it, its rows while loaded, its height while not. */
export interface Slot { cursor: string | null; items: Expense[] | null; height: number; next?: string | null }

/** The pages known so far, of which lo..hi are loaded. */
export interface Window { slots: Slot[]; lo: number; hi: number }

export const EMPTY: Window = { slots: [], lo: 0, hi: -1 };

/**
 * The rows of a listing, one keyset page at a time in both directions: scrolling down fetches the next page,
 * and once more than {@link MAX_PAGES} are loaded the farthest one leaves the document (its cursor kept, so
 * scrolling back fetches it again). The document stays small whatever the size of the ledger, and nothing
 * ever loads a whole ledger. A new query starts over; answers to an older query are dropped.
 */
export function useExpensePages(ledgerId: string, query: string) {
  const [win, setWin] = useState<Window>(EMPTY);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const current = useRef(win);
  current.current = win;

  const fetchPage = useCallback((cursor: string | null) => {
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE_SIZE));
    if (cursor) params.set('cursor', cursor);
    return api.expenses(ledgerId, params);
  }, [ledgerId, query]);

  const fetchSlot = useCallback(async (index: number, cursor: string | null, fresh: boolean) => {
    const mine = fresh ? ++generation.current : generation.current;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(cursor);
      if (mine !== generation.current) return;
      setWin((old) => place(fresh ? EMPTY : old, index, { cursor, items: page.items, height: 0, next: page.nextCursor }));
    } catch (e) {
      if (mine === generation.current) setError(describe(e));
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, [fetchPage]);

  const reload = useCallback(() => void fetchSlot(0, null, true), [fetchSlot]);

  /**
   * The pages shown fetched again where they are, from the cursor of the first, for others' changes: rows come,
   * go and move, and the user keeps their place (no Loading…, no jump to the top). A failure leaves them as they
   * were; the next change or scroll tries again.
   */
  const refresh = useCallback(async () => {
    const { slots: s, lo: l, hi: h } = current.current;
    if (h < 0) return reload();
    const mine = ++generation.current;
    busy.current = true;
    try {
      const fresh: Slot[] = [];
      let cursor = s[l].cursor;
      while (fresh.length <= h - l) {
        const page = await fetchPage(cursor);
        if (mine !== generation.current) return;
        fresh.push({ cursor, items: page.items, height: 0, next: page.nextCursor });
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      setWin((old) => (old.lo === l ? refreshed(old, fresh) : old));
    } catch {
      // as they were
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, [fetchPage, reload]);
  useEffect(() => {
    setWin(EMPTY);
    reload();
  }, [reload]);

  const { slots, lo, hi } = win;
  const last = slots[slots.length - 1];
  const done = hi === slots.length - 1 && last !== undefined && last.next === null;

  const loadMore = useCallback(() => {
    const { slots: s, hi: h } = current.current;
    if (busy.current || h < 0) return;
    if (h + 1 < s.length) void fetchSlot(h + 1, s[h + 1].cursor, false);
    else if (s[h].next) void fetchSlot(h + 1, s[h].next!, false);
  }, [fetchSlot]);

  const loadBefore = useCallback(() => {
    const { slots: s, lo: l } = current.current;
    if (!busy.current && l > 0) void fetchSlot(l - 1, s[l - 1].cursor, false);
  }, [fetchSlot]);

  const edit = (change: (items: Expense[]) => Expense[]) =>
    setWin((old) => ({ ...old, slots: old.slots.map((s) => (s.items ? { ...s, items: change(s.items) } : s)) }));
  const replace = (expense: Expense, oldId = expense.id) => edit((items) => items.map((e) => (e.id === oldId ? expense : e)));
  const remove = (id: string) => edit((items) => items.filter((e) => e.id !== id));

  const rows: { expense: Expense; page: number }[] = [];
  const seen = new Set<string>(); // a row that moved between two pages fetched at different times shows once
  for (let i = lo; i <= hi; i++) {
    for (const expense of slots[i]?.items ?? []) {
      if (!seen.has(expense.id)) rows.push({ expense, page: i });
      seen.add(expense.id);
    }
  }
  const space = (from: number, to: number) => slots.slice(from, to).reduce((sum, s) => sum + s.height, 0);
  return {
    rows, loading, error, done, loadMore, loadBefore, reload, refresh, edit, replace, remove,
    topSpace: space(0, lo), bottomSpace: space(hi + 1, slots.length), hasBefore: lo > 0,
    retry: () => (hi < 0 ? reload() : loadMore()),
  };
}

/**
 * The window with page {@code index} loaded, and the page farthest from it unloaded (its height measured
 * first, for the spacer that stands in for it) while more than {@link MAX_PAGES} are loaded.
 */
export function place(win: Window, index: number, slot: Slot, heightOf: (page: number) => number = measure): Window {
  const slots = [...win.slots];
  slots[index] = slot;
  let lo = win.hi < 0 ? index : Math.min(win.lo, index);
  let hi = win.hi < 0 ? index : Math.max(win.hi, index);
  while (hi - lo + 1 > MAX_PAGES) {
    const far = index === hi ? lo : hi;
    slots[far] = { ...slots[far], items: null, height: heightOf(far) };
    if (far === lo) lo++;
    else hi--;
  }
  return { slots, lo, hi };
}

/**
 * The window with its loaded pages replaced by {@code fresh} (fetched again from the first one's cursor): the
 * pages before stay as they were, those after go (their cursors may no longer follow on), and a row that the
 * window holds in a newer version than the fetch (this tab saved it meanwhile) keeps that version.
 */
export function refreshed(win: Window, fresh: Slot[]): Window {
  if (win.hi < 0 || fresh.length === 0) return win;
  const newer = new Map<string, Expense>();
  for (let i = win.lo; i <= win.hi; i++) for (const e of win.slots[i]?.items ?? []) newer.set(e.id, e);
  const slots = fresh.map((slot) => ({
    ...slot,
    items: slot.items && slot.items.map((e) => {
      const mine = newer.get(e.id);
      return mine && mine.version > e.version ? mine : e;
    }),
  }));
  return { slots: [...win.slots.slice(0, win.lo), ...slots], lo: win.lo, hi: win.lo + slots.length - 1 };
}

/** The height of a page's rows as they are on the screen now. */
function measure(page: number): number {
  const rows = document.querySelectorAll<HTMLElement>(`[data-page="${page}"]`);
  if (rows.length === 0) return 0;
  const first = rows[0].getBoundingClientRect();
  const last = rows[rows.length - 1].getBoundingClientRect();
  const gap = rows.length > 1 ? rows[1].getBoundingClientRect().top - first.bottom : 0;
  return last.bottom - first.top + Math.max(0, gap);
}
