import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, describe, type Registration } from './api';
import { Alert, TextField, useFocusOnError } from './ui';

/** Sign in; on a server without users, create the admin account instead. */
export function AuthScreen({ onSignedIn, expired = false }: { onSignedIn: () => Promise<void>; expired?: boolean }) {
  const [registration, setRegistration] = useState<Registration | null>(null);
  const [mode, setMode] = useState<'sign-in' | 'register'>('sign-in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, errors);

  useEffect(() => {
    api.registration().then((r) => {
      setRegistration(r);
      if (r.firstUser) setMode('register');
    }).catch((e) => setMessage(describe(e)));
  }, []);

  const first = registration?.firstUser ?? false;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setMessage(null);
    const missing: Record<string, string> = {};
    if (!username.trim()) missing.username = 'Enter your username.';
    if (!password) missing.password = 'Enter your password.';
    if (Object.keys(missing).length > 0) { // not worth a request, nor one of the few failed attempts allowed
      setErrors(missing);
      return;
    }
    if (mode === 'register' && password !== repeat) {
      setErrors({ repeat: 'The two passwords differ.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (mode === 'register') await api.register(username, password);
      await api.signIn(username, password);
      await onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setMessage('Wrong username or password.');
      else if (err instanceof ApiError && err.status === 409) setErrors({ username: 'That username is taken.' });
      else if (err instanceof ApiError && err.status === 422) setErrors(err.fieldErrors());
      else setMessage(describe(err));
      setBusy(false);
    }
  };

  const title = mode === 'sign-in' ? 'Sign in to Outlay' : first ? 'Welcome to Outlay' : 'Create an account';
  return (
    <main class="auth" id="main">
      <form class="card" ref={form} onSubmit={submit} noValidate>
        <h1>{title}</h1>
        {mode === 'register' && first && (
          <p>This server has no user yet. Create the first account: it becomes the administrator, who can add other people.</p>
        )}
        {expired && !message && <Alert kind="info" message="Your session has ended. Sign in again to go on." />}
        <Alert message={message} />
        <TextField label="Username" value={username} onValue={setUsername} error={errors.username}
          autoComplete="username" autoCapitalize="none" spellcheck={false} required
          hint={mode === 'register' ? '3 to 64 letters, digits, dots, dashes or underscores.' : undefined} />
        <TextField label="Password" type="password" value={password} onValue={setPassword} error={errors.password}
          autoComplete={mode === 'register' ? 'new-password' : 'current-password'} required
          hint={mode === 'register' ? 'At least 10 characters.' : undefined} />
        {mode === 'register' && (
          <TextField label="Repeat the password" type="password" value={repeat} onValue={setRepeat} error={errors.repeat}
            autoComplete="new-password" required />
        )}
        <button type="submit" aria-disabled={busy ? 'true' : undefined}>{mode === 'sign-in' ? 'Sign in' : first ? 'Create the admin account' : 'Create account'}</button>
        {registration?.open && !first && (
          <p>
            {mode === 'sign-in' ? 'No account yet? ' : 'Have an account? '}
            <button type="button" class="link-button" onClick={() => { setMode(mode === 'sign-in' ? 'register' : 'sign-in'); setErrors({}); }}>
              {mode === 'sign-in' ? 'Create one' : 'Sign in'}
            </button>
          </p>
        )}
      </form>
    </main>
  );
}
