import { useRef, useState } from 'preact/hooks';
import { ApiError, api, describe, type Ledger } from './api';
import { href, navigate } from './router';
import { Alert, TextField, useFocusOnError } from './ui';

const ROLE_NAMES = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' };

/** The caller's ledgers, and a form to create one. */
export function LedgersScreen({ ledgers, onCreated }: { ledgers: Ledger[]; onCreated: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState(ledgers[0]?.currency ?? 'EUR');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, errors);

  const create = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setErrors({});
    setMessage(null);
    setBusy(true);
    try {
      const created = await api.createLedger(name.trim(), currency.trim().toUpperCase());
      await onCreated();
      setName('');
      navigate(href(['ledgers', created.id, 'expenses']));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setErrors(err.fieldErrors());
      else setMessage(describe(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>Your ledgers</h1>
      {ledgers.length === 0 ? <p>You are not in any ledger yet. Create one below.</p> : (
        <ul class="ledger-list">
          {ledgers.map((l) => (
            <li key={l.id}>
              <a href={href(['ledgers', l.id, 'expenses'])}>{l.name}</a>
              <span class="muted"> {l.currency} · {ROLE_NAMES[l.role]}</span>
            </li>
          ))}
        </ul>
      )}
      <form class="card inline-form" ref={form} onSubmit={create} noValidate>
        <h2>New ledger</h2>
        <Alert message={message} />
        <TextField label="Name" value={name} onValue={setName} error={errors.name} required maxLength={200} />
        <TextField label="Currency" value={currency} onValue={setCurrency} error={errors.currency} required
          maxLength={3} autoCapitalize="characters" hint="ISO 4217 code, such as EUR, USD or CHF." className="narrow" />
        <button type="submit" aria-disabled={busy ? 'true' : undefined}>Create ledger</button>
      </form>
    </section>
  );
}
