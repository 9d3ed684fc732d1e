// Live updates: a ledger's events (GET .../events, server-sent), gathered into bursts, and what a burst does to
// the rows on the screen. The screens decide what to fetch again; this module only says what changed.
import { useEffect, useRef } from 'preact/hooks';
import { api, type Expense } from './api';
import { notify } from './notices';

export type LedgerEvent =
  | { kind: 'created' | 'updated'; expense: Expense }
  | { kind: 'deleted'; id: string }
  | { kind: 'reset' };

/** A burst ends after this long without an event, or this long after its first one, whichever comes first. */
export const QUIET_MS = 400;
export const LONGEST_MS = 5000;
const EVENTS = ['expense.created', 'expense.updated', 'expense.deleted', 'reset'];

/** An event as the stream sends it; null for one this client does not know. */
export function parseEvent(type: string, data: string): LedgerEvent | null {
  try {
    const body = JSON.parse(data);
    if (type === 'reset') return { kind: 'reset' };
    if (type === 'expense.deleted' && typeof body?.id === 'string') return { kind: 'deleted', id: body.id };
    if ((type === 'expense.created' || type === 'expense.updated') && typeof body?.id === 'string') {
      return { kind: type === 'expense.created' ? 'created' : 'updated', expense: body as Expense };
    }
  } catch {
    // not JSON: skipped, as an unknown event is
  }
  return null;
}

/**
 * Gathers items and hands them to {@code flush} together, once none came for {@code quiet} ms or {@code longest}
 * ms after the first: a batch of 10,000 changes is one flush, and a long import still shows progress.
 */
export function burst<T>(flush: (items: T[]) => void, quiet = QUIET_MS, longest = LONGEST_MS) {
  let items: T[] = [];
  let first = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    const taken = items;
    items = [];
    if (taken.length > 0) flush(taken);
  };
  return {
    add(item: T) {
      const now = Date.now();
      if (items.length === 0) first = now;
      items.push(item);
      clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quiet, first + longest - now)));
    },
    cancel() {
      clearTimeout(timer);
      items = [];
    },
  };
}

/** What a burst of events means for the rows shown. */
export interface Outcome {
  /** The newest state of each expense the burst names and that is shown older: a newer expense, or null (deleted). */
  latest: Map<string, Expense | null>;
  /** Load the ledger anew: events were missed. */
  reload: boolean;
  /** A row may have come into, moved within or left the pages shown: fetch them again. */
  refetch: boolean;
  /** The totals may have changed. */
  recount: boolean;
  /** Rows being edited that someone else changed (to {@code now}) or deleted (null): kept, and the user told. */
  underEdit: { row: Expense; now: Expense | null }[];
}

/**
 * The outcome of a burst of events on the rows shown, of which those in {@code editing} are being edited. An
 * event that the rows already show (this tab's own change, whose answer came before its event) changes nothing.
 */
export function outcome(events: LedgerEvent[], shown: Expense[], editing: ReadonlySet<string> = new Set()): Outcome {
  const reload = events.some((e) => e.kind === 'reset');
  const last = new Map<string, Expense | null>();
  for (const e of events) {
    if (e.kind === 'deleted') last.set(e.id, null);
    else if (e.kind !== 'reset') last.set(e.expense.id, e.expense);
  }
  const byId = new Map(shown.map((e) => [e.id, e]));
  const result: Outcome = { latest: new Map(), reload, refetch: reload, recount: reload, underEdit: [] };
  for (const [id, expense] of last) {
    const row = byId.get(id);
    if (expense === null) {
      result.recount = true; // a row not shown may be gone, or this tab's own deletion already was
      if (row) result.latest.set(id, null);
      if (row && editing.has(id)) result.refetch = true; // kept while edited; gone once no longer
    } else if (!row || row.version < expense.version) {
      result.recount = result.refetch = true;
      if (row) result.latest.set(id, expense);
    } else {
      continue;
    }
    if (row && editing.has(id)) result.underEdit.push({ row, now: expense });
  }
  return result;
}

/** The rows with the newer states put in and the deleted ones taken out, but for those being edited, kept. */
export function applyLatest(items: Expense[], latest: Map<string, Expense | null>, editing: ReadonlySet<string> = new Set()): Expense[] {
  if (latest.size === 0) return items;
  const out: Expense[] = [];
  for (const row of items) {
    const next = latest.get(row.id);
    if (next === undefined) out.push(row);
    else if (next !== null) out.push(next);
    else if (editing.has(row.id)) out.push(row);
  }
  return out;
}

/**
 * Follows a ledger's events while the screen that calls it is shown: one EventSource, closed when the screen goes
 * (another ledger, signing out). {@code onBurst} gets the events a burst at a time. The browser reconnects by
 * itself after a dropped connection, asking for what it missed; a refusal (the session ended, no longer a member)
 * or five failures in a row are not retried at once: one ordinary request lets the app handle them (the sign-in
 * screen), else the stream is opened again later (5 s, 10 s, ... up to a minute), from a fresh start.
 */
export function useLedgerEvents(ledgerId: string, onBurst: (events: LedgerEvent[]) => void): void {
  const handler = useRef(onBurst);
  handler.current = onBurst;
  useEffect(() => {
    const events = burst<LedgerEvent>((items) => handler.current(items));
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0; // in a row, while the browser reconnects
    let refusals = 0; // streams given up, in a row
    let closed = false;
    const open = (again: boolean) => {
      source = new EventSource(api.eventsUrl(ledgerId));
      source.onopen = () => {
        if (again) events.add({ kind: 'reset' }); // a new stream does not send what was missed meanwhile
        again = false;
        failures = 0;
        refusals = 0;
      };
      for (const type of EVENTS) {
        source.addEventListener(type, (e) => {
          const event = parseEvent(type, (e as MessageEvent<string>).data);
          if (event) events.add(event);
        });
      }
      source.onerror = () => {
        // the browser reconnects by itself, but not for ever: a refusal or a few failures in a row end it
        if (source?.readyState !== EventSource.CLOSED && ++failures < 5) return;
        source?.close();
        refusals++;
        api.ledgers().then((ledgers) => {
          if (closed) return;
          if (ledgers.some((l) => l.id === ledgerId)) later();
          else notify('You are no longer a member of this ledger; its changes no longer show here.', { kind: 'error' });
        }, () => { if (!closed) later(); }); // a 401 has shown the sign-in screen, which closed this screen
      };
    };
    const later = () => { retry = setTimeout(() => open(true), Math.min(60000, 5000 * 2 ** (refusals - 1))); };
    open(false);
    return () => {
      closed = true;
      clearTimeout(retry);
      events.cancel();
      source?.close();
    };
  }, [ledgerId]);
}
