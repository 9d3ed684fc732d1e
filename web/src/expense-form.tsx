import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describe, newKey, type Expense, type NewExpense } from './api';
import { today } from './filters';
import { locale } from './format';
import { amountForInput, fractionDigits, parseAmount } from './money';
import { Alert, TextField, useFocusOnError } from './ui';

export interface Draft { date: string; type: string; amount: string; description: string }

export function emptyDraft(): Draft {
  return { date: today(), type: '', amount: '', description: '' };
}

export function draftOf(expense: Expense): Draft {
  return { date: expense.date, type: expense.type, amount: amountForInput(expense.amount, locale()), description: expense.description };
}

/** Checks a draft and turns it into what the API takes; field errors otherwise. */
export function toExpense(draft: Draft, currency: string): { expense?: NewExpense; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = 'Enter a date.';
  if (!draft.type.trim()) errors.type = 'Enter a type, such as food.';
  const amount = parseAmount(draft.amount, locale(), fractionDigits(currency));
  if (!amount.ok) errors.amount = amount.error;
  if (Object.keys(errors).length > 0 || !amount.ok) return { errors };
  return { expense: { date: draft.date, type: draft.type.trim(), amount: amount.value, description: draft.description.trim() }, errors };
}

/**
 * The fields of an expense, for adding one or editing one in place. Enter saves, Esc cancels; what was typed
 * stays when saving fails.
 */
export function ExpenseForm(props: {
  initial: Draft; currency: string; typesListId: string; submitLabel: string; title: string;
  save: (expense: NewExpense, idempotencyKey: string) => Promise<void>; cancel: () => void; keepOpen?: boolean; class?: string;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, errors);
  // The same key for a retry of the same expense: if only the answer was lost, the server replays it.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const { expense, errors: found } = toExpense(draft, props.currency);
    setErrors(found);
    setMessage(null);
    if (!expense) return;
    setBusy(true);
    const body = JSON.stringify(expense);
    if (attempt.current?.body !== body) attempt.current = { body, key: newKey() };
    try {
      await props.save(expense, attempt.current.key);
      attempt.current = null;
      if (props.keepOpen) {
        setDraft({ ...emptyDraft(), date: draft.date });
        first.current?.focus();
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setErrors(err.fieldErrors());
        setMessage(err.fieldErrors() && Object.keys(err.fieldErrors()).length ? null : describe(err));
      } else {
        setMessage(describe(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.cancel();
    }
  };

  return (
    <form ref={form} class={`expense-form ${props.class ?? ''}`} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={props.title}>
      <Alert message={message} />
      <div class="form-row">
        <TextField label="Date" type="date" value={draft.date} onValue={set('date')} error={errors.date} required className="f-date" />
        <TextField label="Type" value={draft.type} onValue={set('type')} error={errors.type} list={props.typesListId}
          autoComplete="off" required maxLength={64} inputRef={first} className="f-type" />
        <TextField label="Amount" value={draft.amount} onValue={set('amount')} error={errors.amount} inputMode="decimal"
          autoComplete="off" required className="f-amount" hint="Negative for money out, e.g. -10.50" />
        <TextField label="Description" value={draft.description} onValue={set('description')} error={errors.description}
          autoComplete="off" maxLength={1000} className="f-description" />
        <div class="form-actions">
          <button type="submit" aria-disabled={busy ? 'true' : undefined}>{props.submitLabel}</button>
          <button type="button" class="secondary" onClick={props.cancel}>Cancel</button>
        </div>
      </div>
    </form>
  );
}
