import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Expense } from './api';
import { applyLatest, burst, LONGEST_MS, outcome, parseEvent, QUIET_MS, type LedgerEvent } from './live';

const expense = (id: string, version = 1, fields: Partial<Expense> = {}): Expense => ({
  id, version, date: '2024-03-01', type: 'food', amount: '-10.00', description: `row ${id}`,
  createdAt: '', updatedAt: '', createdBy: 'alice', updatedBy: 'alice', ...fields,
});
const created = (e: Expense): LedgerEvent => ({ kind: 'created', expense: e });
const updated = (e: Expense): LedgerEvent => ({ kind: 'updated', expense: e });
const deleted = (id: string): LedgerEvent => ({ kind: 'deleted', id });

describe('reading the events of the stream', () => {
  it('reads creations, changes, deletions and resets, and skips what it does not know', () => {
    const data = JSON.stringify(expense('7', 2));
    expect(parseEvent('expense.created', data)).toEqual({ kind: 'created', expense: expense('7', 2) });
    expect(parseEvent('expense.updated', data)).toEqual({ kind: 'updated', expense: expense('7', 2) });
    expect(parseEvent('expense.deleted', '{"id":"7"}')).toEqual({ kind: 'deleted', id: '7' });
    expect(parseEvent('reset', '{}')).toEqual({ kind: 'reset' });
    expect(parseEvent('expense.moved', data)).toBeNull();
    expect(parseEvent('expense.deleted', 'not json')).toBeNull();
    expect(parseEvent('expense.updated', '{}')).toBeNull();
  });
});

describe('bursts of events', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands 10,000 events that come together over at once, when they stop', () => {
    const flushes: number[][] = [];
    const b = burst<number>((items) => flushes.push(items));
    for (let i = 0; i < 10000; i++) b.add(i);
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(flushes).toHaveLength(0);

    vi.advanceTimersByTime(1);

    expect(flushes).toHaveLength(1);
    expect(flushes[0]).toHaveLength(10000);
  });

  it('hands over what came so far once a burst lasts long, and the rest after it', () => {
    const flushes: number[][] = [];
    const b = burst<number>((items) => flushes.push(items));
    let sent = 0;
    for (let t = 0; t < LONGEST_MS + 1000; t += 100) {
      b.add(sent++);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(QUIET_MS);

    expect(flushes.length).toBe(2);
    expect(flushes.flat()).toEqual(Array.from({ length: sent }, (_, i) => i));
  });

  it('hands nothing over once cancelled', () => {
    const flush = vi.fn();
    const b = burst<number>(flush);
    b.add(1);
    b.cancel();
    vi.advanceTimersByTime(LONGEST_MS);
    expect(flush).not.toHaveBeenCalled();
  });
});

describe('what a burst does to the rows shown', () => {
  const shown = [expense('1', 3), expense('2'), expense('3')];

  it('shows a newer version of a row and drops a deleted one, with no fetch for them but the totals', () => {
    const result = outcome([deleted('2')], shown);
    expect([result.refetch, result.recount]).toEqual([false, true]);
    expect(applyLatest(shown, result.latest).map((e) => e.id)).toEqual(['1', '3']);

    const change = outcome([updated(expense('3', 2, { description: 'new' }))], shown);
    expect([change.refetch, change.recount]).toEqual([true, true]); // it may have moved under the sort
    expect(applyLatest(shown, change.latest)[2].description).toBe('new');
  });

  it('fetches the pages again for a row that is not shown: it may belong among them', () => {
    const result = outcome([created(expense('9'))], shown);
    expect([result.refetch, result.recount, result.latest.size]).toEqual([true, true, 0]);
  });

  it('changes nothing for what the rows already show: this tab\'s own change', () => {
    const result = outcome([updated(expense('1', 3)), updated(expense('1', 2)), created(expense('2'))], shown);
    expect([result.refetch, result.recount, result.latest.size]).toEqual([false, false, 0]);
  });

  it('takes the last event of a row in a burst: created then deleted is a deletion', () => {
    const result = outcome([created(expense('9')), updated(expense('1', 4)), deleted('1'), deleted('9')], shown);
    expect(result.latest).toEqual(new Map([['1', null]]));
    expect(result.refetch).toBe(false);
  });

  it('keeps a row being edited, whoever changed or deleted it, and says so', () => {
    const editing = new Set(['1', '2']);
    const result = outcome([updated(expense('1', 4, { updatedBy: 'bob' })), deleted('2'), deleted('3')], shown, editing);

    expect(result.underEdit).toEqual([
      { row: shown[0], now: expense('1', 4, { updatedBy: 'bob' }) },
      { row: shown[1], now: null },
    ]);
    expect(applyLatest(shown, result.latest, editing).map((e) => [e.id, e.version])).toEqual([['1', 4], ['2', 1]]);
    expect(result.refetch).toBe(true); // once the edit ends, the deleted row goes
  });

  it('loads anew after a reset', () => {
    const result = outcome([deleted('1'), { kind: 'reset' }], shown);
    expect([result.reload, result.refetch, result.recount]).toEqual([true, true, true]);
  });
});
