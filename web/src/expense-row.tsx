import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, describe, type Expense, type Ledger, type NewExpense } from './api';
import { ExpenseForm, draftOf, type Draft } from './expense-form';
import { formatDate, locale } from './format';
import { formatMoney, isNegative } from './money';
import { notify } from './notices';

type Conflict = { mine: NewExpense; theirs: Expense; etag: string | null } | { mine: NewExpense; gone: true };
type Editing = { base: Expense; etag: string | null; draft: Draft };

/**
 * One expense: shown, edited in place (with If-Match), deleted, or in conflict with someone else's change. While
 * its form or conflict is open (and not being saved), {@code onEditing} knows, so that others' changes wait.
 */
export function ExpenseRow({ page, ledger, expense, canEdit, typesListId, onSaved, onDeleted, onEditing }: {
  page: number; ledger: Ledger; expense: Expense; canEdit: boolean; typesListId: string;
  onSaved: (e: Expense, oldId?: string) => void; onDeleted: (e: Expense) => void;
  onEditing: (id: string, on: boolean) => void;
}) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState(false);
  const open = (editing !== null || conflict !== null) && !saving;
  useEffect(() => {
    if (!open) return;
    onEditing(expense.id, true);
    return () => onEditing(expense.id, false);
  }, [open]);
  const lang = locale();
  const money = (amount: string) => formatMoney(amount, ledger.currency, lang);

  const startEditing = async () => {
    setBusy(true);
    try {
      const fresh = await api.expense(ledger.id, expense.id); // its ETag, for If-Match
      if (fresh.body.version !== expense.version) onSaved(fresh.body);
      setEditing({ base: fresh.body, etag: fresh.etag, draft: draftOf(fresh.body) });
    } catch (e) {
      notify(describe(e), { kind: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const save = async (mine: NewExpense, etag: string | null) => {
    setSaving(true);
    try {
      const saved = await api.patchExpense(ledger.id, expense.id, mine, etag);
      setEditing(null);
      setConflict(null);
      onSaved(saved.body);
      notify('Saved.');
      focusRow(expense.id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) { // deleted meanwhile
        setConflict({ mine, gone: true });
        return;
      }
      if (e instanceof ApiError && e.status === 412) {
        try {
          const theirs = await api.expense(ledger.id, expense.id);
          setConflict({ mine, theirs: theirs.body, etag: theirs.etag });
        } catch (again) {
          if (again instanceof ApiError && again.status === 404) setConflict({ mine, gone: true });
          else throw again;
        }
        return;
      }
      throw e;
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await api.deleteExpense(ledger.id, expense.id);
      onDeleted(expense);
    } catch (e) {
      notify(describe(e), { kind: 'error' });
      setBusy(false);
    }
  };

  if (conflict) {
    return (
      <tr class="conflict-row" data-page={page}>
        <td colSpan={5}>
          <ConflictPanel conflict={conflict} money={money}
            keepMine={async () => {
              if ('gone' in conflict) {
                const created = await api.addExpense(ledger.id, conflict.mine);
                setConflict(null);
                setEditing(null);
                onSaved(created, expense.id);
                return;
              }
              await save(conflict.mine, conflict.etag);
            }}
            takeTheirs={() => {
              setConflict(null);
              setEditing(null);
              if ('gone' in conflict) onDeleted(expense);
              else onSaved(conflict.theirs);
            }} />
        </td>
      </tr>
    );
  }

  if (editing) {
    return (
      <tr class="editing-row" data-page={page}>
        <td colSpan={5}>
          <ExpenseForm initial={editing.draft} currency={ledger.currency} typesListId={typesListId}
            title={`Edit expense of ${formatDate(expense.date, lang)}`} submitLabel="Save"
            cancel={() => { setEditing(null); focusRow(expense.id); }}
            save={(mine) => save(mine, editing.etag)} />
        </td>
      </tr>
    );
  }

  return (
    <tr id={`expense-${expense.id}`} tabIndex={-1} data-page={page}>
      <td class="c-date" data-label="Date">{formatDate(expense.date, lang)}</td>
      <td class="c-type" data-label="Type"><span class="type-tag">{expense.type}</span></td>
      <td class="c-description" data-label="Description">{expense.description}</td>
      <td class={`c-amount ${isNegative(expense.amount) ? 'out' : 'in'}`} data-label="Amount">{money(expense.amount)}</td>
      <td class="c-actions">
        {canEdit && <>
          <button type="button" class="secondary small" disabled={busy} onClick={startEditing}
            aria-label={`Edit ${expense.type} ${money(expense.amount)} of ${formatDate(expense.date, lang)}`}>Edit</button>
          <button type="button" class="danger small" disabled={busy} onClick={remove}
            aria-label={`Delete ${expense.type} ${money(expense.amount)} of ${formatDate(expense.date, lang)}`}>Delete</button>
        </>}
      </td>
    </tr>
  );
}

function focusRow(id: string) {
  setTimeout(() => document.getElementById(`expense-${id}`)?.focus(), 0);
}

function ConflictPanel({ conflict, money, keepMine, takeTheirs }: {
  conflict: Conflict; money: (a: string) => string; keepMine: () => Promise<void>; takeTheirs: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = locale();
  const mine = conflict.mine;
  const theirs = 'gone' in conflict ? null : conflict.theirs;
  const rows: [string, string, string][] = [
    ['Date', formatDate(mine.date, lang), theirs ? formatDate(theirs.date, lang) : '—'],
    ['Type', mine.type, theirs?.type ?? '—'],
    ['Amount', money(mine.amount), theirs ? money(theirs.amount) : '—'],
    ['Description', mine.description, theirs?.description ?? '—'],
  ];
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await keepMine();
    } catch (e) {
      setMessage(describe(e));
      setBusy(false);
    }
  };
  return (
    <div class="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
      <h2 id="conflict-title">Someone else changed this expense</h2>
      <p id="conflict-text">
        {theirs ? `${theirs.updatedBy} saved a different version while you were editing it.` : 'Someone deleted it while you were editing it.'}
        {' '}Choose which version to keep.
      </p>
      {message && <p class="alert alert-error" role="alert">{message}</p>}
      <table class="compare">
        <thead><tr><th scope="col">Field</th><th scope="col">Yours</th><th scope="col">{theirs ? 'Theirs (saved)' : 'Theirs'}</th></tr></thead>
        <tbody>
          {rows.map(([field, a, b]) => (
            <tr key={field} class={a !== b ? 'differs' : ''}><th scope="row">{field}</th><td>{a}</td><td>{b}</td></tr>
          ))}
        </tbody>
      </table>
      <div class="form-actions">
        <button type="button" disabled={busy} onClick={run}>{theirs ? 'Keep mine' : 'Add mine again'}</button>
        <button type="button" class="secondary" disabled={busy} onClick={takeTheirs}>{theirs ? 'Take theirs' : 'Let it go'}</button>
      </div>
    </div>
  );
}
