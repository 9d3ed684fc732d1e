import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, describe, whenSignedOut, type Ledger, type Me } from './api';
import { AuthScreen } from './auth';
import { DashboardScreen } from './dashboard';
import { ExpensesScreen } from './expenses';
import { ImportScreen } from './import';
import { LedgersScreen } from './ledgers';
import { MembersScreen } from './members';
import { Notices } from './notices';
import { href, navigate, useRoute } from './router';
import { Alert } from './ui';

type Session = { state: 'loading' } | { state: 'signed-out'; expired?: boolean } | { state: 'signed-in'; me: Me } | { state: 'error'; message: string };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const [ledgers, setLedgers] = useState<Ledger[] | null>(null);
  const route = useRoute();

  const load = useCallback(async () => {
    try {
      const me = await api.me();
      setSession({ state: 'signed-in', me });
      setLedgers(await api.ledgers());
    } catch (e) {
      if ((e as { status?: number }).status === 401) setSession({ state: 'signed-out' });
      else setSession({ state: 'error', message: describe(e) });
    }
  }, []);

  useEffect(() => {
    whenSignedOut(() => setSession({ state: 'signed-out', expired: true }));
    void load();
  }, [load]);

  const signOut = async () => {
    try {
      await api.signOut();
    } catch {
      // the session is over for this page either way
    }
    setLedgers(null);
    setSession({ state: 'signed-out' });
    navigate('#/', true);
  };

  const [section0, ledgerId0, view0] = route.path;
  const ledgerName = ledgers?.find((l) => l.id === ledgerId0)?.name;
  useEffect(() => { // each screen its own title, for tabs, history and screen readers
    const names: Record<string, string> = { expenses: 'Expenses', dashboard: 'Dashboard', members: 'Members', import: 'Import' };
    const screen = session.state !== 'signed-in' ? 'Sign in'
      : section0 === 'ledgers' && !ledgerId0 ? 'Ledgers'
      : ledgerName ? `${names[view0 ?? 'expenses'] ?? 'Expenses'} · ${ledgerName}` : null;
    document.title = screen ? `${screen} · Outlay` : 'Outlay';
  }, [session.state, section0, ledgerId0, view0, ledgerName]);

  useEffect(() => {
    if (session.state === 'signed-in' && ledgers && route.path.length === 0) {
      navigate(ledgers.length > 0 ? href(['ledgers', ledgers[0].id, 'expenses']) : href(['ledgers']), true);
    }
  }, [session, ledgers, route]);

  if (session.state === 'loading') return <main class="center" aria-busy="true"><p>Loading…</p></main>;
  if (session.state === 'error') {
    return (
      <main class="center">
        <Alert message={session.message} />
        <button type="button" onClick={() => { setSession({ state: 'loading' }); void load(); }}>Try again</button>
      </main>
    );
  }
  if (session.state === 'signed-out') return <><AuthScreen onSignedIn={load} expired={session.expired} /><Notices /></>;

  const [section, ledgerId, view] = route.path;
  const ledger = section === 'ledgers' && ledgerId ? ledgers?.find((l) => l.id === ledgerId) : undefined;
  const reloadLedgers = async () => setLedgers(await api.ledgers());

  let content;
  if (!ledgers) content = <p aria-busy="true">Loading…</p>;
  else if (section === 'ledgers' && !ledgerId) content = <LedgersScreen ledgers={ledgers} onCreated={reloadLedgers} />;
  else if (!ledger) content = <NotFound />;
  else if (view === 'dashboard') content = <DashboardScreen key={ledger.id} ledger={ledger} />;
  else if (view === 'members') content = <MembersScreen key={ledger.id} ledger={ledger} me={session.me} onChanged={reloadLedgers} />;
  else if (view === 'import') content = <ImportScreen key={ledger.id} ledger={ledger} />;
  else content = <ExpensesScreen key={ledger.id} ledger={ledger} query={route.query} />;

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href={href(['ledgers'])}>Outlay</a>
        {ledger && <LedgerNav ledger={ledger} ledgers={ledgers ?? []} view={view ?? 'expenses'} />}
        <div class="user">
          <span class="username" title="Signed in">{session.me.username}</span>
          <button type="button" class="secondary" onClick={signOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{content}</main>
      <Notices />
    </>
  );
}

function LedgerNav({ ledger, ledgers, view }: { ledger: Ledger; ledgers: Ledger[]; view: string }) {
  const views: [string, string][] = [['expenses', 'Expenses'], ['dashboard', 'Dashboard']];
  if (ledger.role !== 'viewer') views.push(['import', 'Import']);
  if (ledger.role === 'owner') views.push(['members', 'Members']);
  return (
    <nav class="ledger-nav" aria-label="Ledger sections">
      <label class="visually-hidden" for="ledger-picker">Ledger</label>
      <select id="ledger-picker" value={ledger.id}
        onChange={(e) => {
          const id = (e.currentTarget as HTMLSelectElement).value;
          navigate(id === '' ? href(['ledgers']) : href(['ledgers', id, view === 'members' || view === 'import' ? 'expenses' : view]));
        }}>
        {ledgers.map((l) => <option key={l.id} value={l.id}>{l.name} ({l.currency})</option>)}
        <option value="">All ledgers…</option>
      </select>
      <ul>
        {views.map(([key, label]) => (
          <li key={key}>
            <a href={href(['ledgers', ledger.id, key])} aria-current={key === view ? 'page' : undefined}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>That ledger does not exist, or you are not one of its members. <a href={href(['ledgers'])}>See your ledgers</a>.</p>
    </section>
  );
}
