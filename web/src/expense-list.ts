import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, describe, type Expense } from './api';

export const PAGE_SIZE = 50;

/**
 * The rows of a listing, loaded one keyset page at a time: {@code loadMore} fetches the next page only. A new
 * query starts over; answers to an older query are dropped.
 */
export function useExpensePages(ledgerId: string, query: string) {
  const [items, setItems] = useState<Expense[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);

  const fetchPage = useCallback(async (after: string | null, reset: boolean) => {
    const mine = ++generation.current;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const params = new URLSearchParams(query);
      params.set('limit', String(PAGE_SIZE));
      if (after) params.set('cursor', after);
      const page = await api.expenses(ledgerId, params);
      if (mine !== generation.current) return;
      setItems((old) => (reset ? page.items : [...old, ...page.items]));
      setCursor(page.nextCursor);
      setDone(page.nextCursor === null);
    } catch (e) {
      if (mine === generation.current) setError(describe(e));
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, [ledgerId, query]);

  const reload = useCallback(() => {
    setDone(false);
    void fetchPage(null, true);
  }, [fetchPage]);

  useEffect(() => {
    setItems([]);
    reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (!busy.current && !done && cursor) void fetchPage(cursor, false);
  }, [cursor, done, fetchPage]);

  const replace = (expense: Expense, oldId = expense.id) => setItems((old) => old.map((e) => (e.id === oldId ? expense : e)));
  const remove = (id: string) => setItems((old) => old.filter((e) => e.id !== id));
  return { items, loading, error, done, loadMore, reload, replace, remove, retry: () => (cursor ? loadMore() : reload()) };
}
