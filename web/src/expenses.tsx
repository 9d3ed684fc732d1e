import type { Ref } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, describe, type Ledger, type Summary, type TypeUse } from './api';
import { ExpenseRow } from './expense-row';
import { ExpenseForm, emptyDraft } from './expense-form';
import { useExpensePages } from './expense-list';
import { applyLatest, outcome, useLedgerEvents } from './live';
import { apiQuery, filtersFromQuery, filtersToQuery, isFiltered, NO_FILTERS, rangeProblems, today, type Filters, type Period, type Sort } from './filters';
import { expensesCount, locale } from './format';
import { amountForInput, formatMoney, fractionDigits, parseAmount } from './money';
import { notify } from './notices';
import { href, navigate } from './router';
import { SelectField, TextField, useDebounced } from './ui';

/** The expense list of a ledger: filters from the URL, the total of what they select, and rows as you scroll. */
export function ExpensesScreen({ ledger, query }: { ledger: Ledger; query: URLSearchParams }) {
  const filters = useMemo(() => filtersFromQuery(query), [query.toString()]);
  const on = today();
  const selection = apiQuery(filters, on);
  const listQuery = new URLSearchParams(selection);
  listQuery.set('sort', filters.sort);
  const pages = useExpensePages(ledger.id, listQuery.toString());
  // the totals with the selection they count: totals of an earlier selection are never shown as current
  const [counted, setCounted] = useState<{ key: string; summary: Summary | null } | null>(null);
  const [types, setTypes] = useState<TypeUse[]>([]);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  useEffect(() => { // the form closed: the focus goes back to the button that opened it
    if (wasAdding.current && !adding) addButton.current?.focus();
    wasAdding.current = adding;
  }, [adding]);
  const stopAdding = () => setAdding(false);
  const canEdit = ledger.role !== 'viewer';
  const typesListId = `types-${ledger.id}`;

  const setFilters = useCallback((next: Filters) => {
    navigate(href(['ledgers', ledger.id, 'expenses'], filtersToQuery(next)), true);
  }, [ledger.id]);

  const selectionKey = `${ledger.id}?${selection}`;
  const refreshTotals = useCallback(() => {
    // a failed count says so (the list's Try again counts again), rather than "Counting…" for ever
    api.summary(ledger.id, selection).then((summary) => setCounted({ key: selectionKey, summary }))
      .catch(() => setCounted({ key: selectionKey, summary: null }));
  }, [selectionKey]);
  const settled = counted?.key === selectionKey;
  const summary = counted && settled ? counted.summary : null;
  useEffect(refreshTotals, [refreshTotals]);
  const refreshTypes = useCallback(() => { api.types(ledger.id).then(setTypes).catch(() => {}); }, [ledger.id]);
  useEffect(refreshTypes, [refreshTypes]);

  const changed = () => {
    refreshTotals();
    refreshTypes();
  };

  // Others' changes, live: rows, totals and types follow; a row being edited is never replaced under its form,
  // and the pages are fetched again (which may move rows) only once no row is being edited.
  const editing = useRef(new Set<string>());
  const waiting = useRef<'refetch' | 'reload' | null>(null);
  const latest = useRef(pages);
  latest.current = pages;
  const catchUp = (what: 'refetch' | 'reload' | null) => {
    if (what && editing.current.size > 0) waiting.current = waiting.current === 'reload' ? 'reload' : what;
    else if (what === 'reload') latest.current.reload();
    else if (what === 'refetch') void latest.current.refresh();
  };
  const onEditing = (id: string, on: boolean) => {
    if (on) editing.current.add(id);
    else editing.current.delete(id);
    if (editing.current.size === 0 && waiting.current) {
      const what = waiting.current;
      waiting.current = null;
      catchUp(what);
    }
  };
  useLedgerEvents(ledger.id, (events) => {
    const result = outcome(events, pages.rows.map((r) => r.expense), editing.current);
    if (result.latest.size > 0) {
      // a row that had the focus and is gone: the focus goes to its neighbour, not to the page's body
      const focused = document.activeElement?.closest('tr[id^="expense-"]')?.id.slice('expense-'.length);
      const neighbour = focused && result.latest.get(focused) === null && !editing.current.has(focused) ? nextRowId(focused) : null;
      pages.edit((items) => applyLatest(items, result.latest, editing.current));
      if (neighbour) setTimeout(() => document.getElementById(neighbour)?.focus(), 0);
    }
    for (const { row, now } of result.underEdit) {
      const what = `${row.type} ${formatMoney(row.amount, ledger.currency, locale())}`;
      notify(now
        ? `${now.updatedBy} changed the ${what} you are editing. What you typed is kept; saving shows both versions.`
        : `Someone deleted the ${what} you are editing. What you typed is kept; saving lets you add it again.`, { ms: 10000 });
    }
    if (result.recount) changed();
    catchUp(result.reload ? 'reload' : result.refetch ? 'refetch' : null);
  });

  return (
    <section class="expenses">
      <div class="title-row">
        <h1>{ledger.name}</h1>
        {canEdit && !adding && <button type="button" ref={addButton} onClick={() => setAdding(true)}>Add expense</button>}
      </div>
      {!canEdit && <p class="muted">You can view this ledger; only its editors and owners can change it.</p>}
      <datalist id={typesListId}>{types.map((t) => <option key={t.type} value={t.type} />)}</datalist>
      {adding && (
        <ExpenseForm initial={emptyDraft()} currency={ledger.currency} typesListId={typesListId} keepOpen
          title="New expense" submitLabel="Save" class="card" cancel={stopAdding}
          save={async (expense, key) => {
            const created = await api.addExpense(ledger.id, expense, key);
            notify(`Added ${created.type} ${formatMoney(created.amount, ledger.currency, locale())}.`);
            pages.reload();
            changed();
          }} />
      )}
      <FilterBar filters={filters} types={types} currency={ledger.currency} onChange={setFilters} />
      <p class="totals" aria-live="polite" aria-busy={settled ? 'false' : 'true'}>
        {summary ? <>
          <strong>{expensesCount(summary.count)}</strong>
          <span> · total </span>
          <strong class={summary.total.startsWith('-') ? 'out' : 'in'}>{formatMoney(summary.total, ledger.currency, locale())}</strong>
        </> : <span class="muted">{settled ? 'The totals could not be counted.' : 'Counting…'}</span>}
        <a class="export" href={api.csvUrl(ledger.id, listQuery)} download={`${ledger.name}-expenses.csv`}>Export CSV</a>
      </p>
      <ExpenseTable ledger={ledger} filters={filters} pages={pages} canEdit={canEdit} typesListId={typesListId}
        onSort={(sort) => setFilters({ ...filters, sort })} onChanged={changed} onEditing={onEditing} />
    </section>
  );
}

function ExpenseTable({ ledger, filters, pages, canEdit, typesListId, onSort, onChanged, onEditing }: {
  ledger: Ledger; filters: Filters; pages: ReturnType<typeof useExpensePages>; canEdit: boolean; typesListId: string;
  onSort: (sort: Sort) => void; onChanged: () => void; onEditing: (id: string, on: boolean) => void;
}) {
  const bottom = useRef<HTMLTableRowElement>(null);
  const top = useRef<HTMLTableRowElement>(null);
  const { loadMore, loadBefore } = pages;
  // Re-created whenever the window moves: a new observer reports at once whether a spacer is still near.
  useEffect(() => {
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        if (e.target === bottom.current) loadMore();
        else if (e.target === top.current) loadBefore();
      }
    }, { rootMargin: '600px 0px' });
    if (bottom.current && !pages.done) observer.observe(bottom.current);
    if (top.current) observer.observe(top.current);
    return () => observer.disconnect();
  }, [loadMore, loadBefore, pages.done, pages.rows.length, pages.topSpace, pages.loading]);

  const header = (label: string, key: 'date' | 'amount', className: string) => {
    const active = filters.sort === key || filters.sort === `-${key}`;
    const descending = filters.sort === `-${key}`;
    const next: Sort = active && descending ? key : `-${key}` as Sort;
    return (
      <th scope="col" class={className} aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
        <button type="button" class="sort" onClick={() => onSort(next)}
          aria-label={`${label}, sort ${active && descending ? 'ascending' : 'descending'}`}>
          {label} <span aria-hidden="true">{active ? (descending ? '▼' : '▲') : '↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <>
      <table class="expense-table">
        <caption class="visually-hidden">Expenses</caption>
        <thead>
          <tr>
            {header('Date', 'date', 'c-date')}
            <th scope="col" class="c-type">Type</th>
            <th scope="col" class="c-description">Description</th>
            {header('Amount', 'amount', 'c-amount')}
            <th scope="col" class="c-actions"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {pages.hasBefore && <Spacer height={pages.topSpace} rowRef={top} />}
          {pages.rows.map(({ expense, page }) => (
            <ExpenseRow key={expense.id} page={page} ledger={ledger} expense={expense} canEdit={canEdit} typesListId={typesListId}
              onEditing={onEditing}
              onSaved={(saved, oldId) => { pages.replace(saved, oldId); onChanged(); }}
              onDeleted={(deleted) => {
                const neighbour = nextRowId(deleted.id);
                pages.remove(deleted.id);
                onChanged();
                notify(`Deleted ${deleted.type} ${formatMoney(deleted.amount, ledger.currency, locale())}.`, {
                  focus: true,
                  returnFocus: () => (neighbour ? document.getElementById(neighbour) : null),
                  action: {
                    label: 'Undo',
                    run: async () => {
                      try {
                        const { date, type, amount, description } = deleted;
                        await api.addExpense(ledger.id, { date, type, amount, description });
                        notify('Restored the expense.');
                        pages.reload();
                        onChanged();
                      } catch (e) {
                        notify(describe(e), { kind: 'error' });
                      }
                    },
                  },
                });
              }} />
          ))}
          <Spacer height={pages.bottomSpace} rowRef={bottom} />
        </tbody>
      </table>
      {pages.rows.length === 0 && !pages.loading && !pages.error && (
        <p class="empty">{isFiltered(filters) ? 'No expense matches these filters.' : 'No expenses yet.'}</p>
      )}
      {pages.error && (
        <div class="alert alert-error" role="alert">
          {pages.error} <button type="button" class="link-button" onClick={() => { pages.retry(); onChanged(); }}>Try again</button>
        </div>
      )}
      {pages.loading && <p class="muted" role="status">Loading…</p>}
      {pages.done && pages.rows.length > 0 && <p class="muted end">End of the list.</p>}
    </>
  );
}

/** The id of the row after this expense's (or before it, for the last), for the focus once the expense is gone. */
function nextRowId(expenseId: string): string | null {
  const row = document.getElementById(`expense-${expenseId}`);
  const near = [row?.nextElementSibling, row?.previousElementSibling].find((el) => el?.id.startsWith('expense-'));
  return near?.id ?? null;
}

/** Stands in for pages that are not in the document, at their height; near the screen, it loads them. */
function Spacer({ height, rowRef }: { height: number; rowRef: Ref<HTMLTableRowElement> }) {
  return (
    <tr class="spacer" aria-hidden="true" ref={rowRef}>
      <td colSpan={5} ref={(td) => { if (td) td.style.height = `${Math.max(1, height)}px`; }} />
    </tr>
  );
}

const PERIOD_NAMES: [Period, string][] = [
  ['all', 'All time'], ['this-month', 'This month'], ['last-month', 'Last month'], ['this-year', 'This year'], ['custom', 'Custom…'],
];

function FilterBar({ filters, types, currency, onChange }: {
  filters: Filters; types: TypeUse[]; currency: string; onChange: (f: Filters) => void;
}) {
  const lang = locale();
  const digits = fractionDigits(currency);
  const [q, setQ] = useState(filters.q);
  const settledQ = useDebounced(q, 300);
  const [min, setMin] = useState(filters.minAmount ? amountForInput(filters.minAmount, lang) : '');
  const [max, setMax] = useState(filters.maxAmount ? amountForInput(filters.maxAmount, lang) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (settledQ.trim() !== filters.q) onChange({ ...filters, q: settledQ.trim() });
  }, [settledQ]);
  useEffect(() => { if (filters.q !== q.trim()) setQ(filters.q); }, [filters.q]);

  const applyAmount = (field: 'minAmount' | 'maxAmount', text: string) => {
    if (text.trim() === '') {
      setErrors({ ...errors, [field]: '' });
      onChange({ ...filters, [field]: '' });
      return;
    }
    const parsed = parseAmount(text, lang, digits);
    setErrors({ ...errors, [field]: parsed.ok ? '' : parsed.error });
    if (parsed.ok) onChange({ ...filters, [field]: parsed.value });
  };

  const toggleType = (type: string, on: boolean) =>
    onChange({ ...filters, types: on ? [...filters.types, type] : filters.types.filter((t) => t !== type) });
  const knownTypes = [...new Set([...filters.types, ...types.map((t) => t.type)])];
  const problems = rangeProblems(filters);

  return (
    <form class="filters card" role="search" aria-label="Filter expenses" onSubmit={(e) => e.preventDefault()}>
      <TextField label="Search descriptions" type="search" value={q} onValue={setQ} className="f-search"
        placeholder="Words in the description" autoComplete="off" />
      <SelectField label="Period" value={filters.period} className="f-period"
        onValue={(p) => onChange({ ...filters, period: p as Period, from: '', to: '' })}>
        {PERIOD_NAMES.map(([key, name]) => <option key={key} value={key}>{name}</option>)}
      </SelectField>
      {filters.period === 'custom' && <>
        <TextField label="From" type="date" value={filters.from} className="f-date"
          onValue={(v) => onChange({ ...filters, from: v })} />
        <TextField label="To" type="date" value={filters.to} className="f-date" error={problems.to}
          onValue={(v) => onChange({ ...filters, to: v })} />
      </>}
      <TextField label="Min amount" value={min} onValue={setMin} inputMode="decimal" className="f-amount" error={errors.minAmount}
        onChange={(e: Event) => applyAmount('minAmount', (e.currentTarget as HTMLInputElement).value)} autoComplete="off" />
      <TextField label="Max amount" value={max} onValue={setMax} inputMode="decimal" className="f-amount" error={errors.maxAmount || problems.maxAmount}
        onChange={(e: Event) => applyAmount('maxAmount', (e.currentTarget as HTMLInputElement).value)} autoComplete="off" />
      <details class="type-filter">
        <summary>Types{filters.types.length > 0 ? ` (${filters.types.length})` : ''}</summary>
        <fieldset>
          <legend class="visually-hidden">Show only these types</legend>
          {knownTypes.length === 0 && <p class="muted">No types yet.</p>}
          {knownTypes.map((type) => (
            <label key={type} class="check">
              <input type="checkbox" checked={filters.types.includes(type)}
                onChange={(e) => toggleType(type, (e.currentTarget as HTMLInputElement).checked)} />
              {type}
            </label>
          ))}
        </fieldset>
      </details>
      {isFiltered(filters) && (
        <button type="button" class="link-button clear" onClick={() => { setQ(''); setMin(''); setMax(''); setErrors({}); onChange({ ...NO_FILTERS, sort: filters.sort }); }}>
          Clear filters
        </button>
      )}
    </form>
  );
}
