import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, describe, type Ledger, type Me, type Member, type Role } from './api';
import { notify } from './notices';
import { Alert, SelectField, TextField, useFocusOnError } from './ui';

const ROLES: [Role, string][] = [['viewer', 'Viewer (reads)'], ['editor', 'Editor (also writes expenses)'], ['owner', 'Owner (also manages members)']];

/** Who shares the ledger: owners add people by username, change roles and remove members. */
export function MembersScreen({ ledger, me, onChanged }: { ledger: Ledger; me: Me; onChanged: () => Promise<void> }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, errors);
  const owner = ledger.role === 'owner';

  const load = () => api.members(ledger.id).then(setMembers).catch((e) => setMessage(describe(e)));
  useEffect(() => { void load(); }, [ledger.id]);

  const add = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setErrors({});
    setMessage(null);
    if (!username.trim()) {
      setErrors({ username: 'Enter the username of the person to add.' });
      return;
    }
    setBusy(true);
    try {
      const added = await api.putMember(ledger.id, username.trim(), role);
      notify(`${added.username} is now ${article(added.role)} ${added.role}.`);
      setUsername('');
      await load();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setErrors({ username: 'There is no user with that name.' });
      else if (err instanceof ApiError && err.status === 422) setErrors(err.fieldErrors());
      else setMessage(describe(err));
    } finally {
      setBusy(false);
    }
  };

  const change = async (member: Member, next: Role) => {
    setMessage(null);
    try {
      await api.putMember(ledger.id, member.username, next);
      notify(`${member.username} is now ${article(next)} ${next}.`);
      await load();
      if (member.username.toLowerCase() === me.username.toLowerCase()) await onChanged();
    } catch (err) {
      setMessage(describe(err));
      await load();
    }
  };

  const remove = async (member: Member) => {
    setMessage(null);
    const self = member.username.toLowerCase() === me.username.toLowerCase();
    // the focus was on this member's Remove button, which goes: it moves to Undo, then to the next member's
    const at = members?.indexOf(member) ?? -1;
    const neighbour = members?.[at + 1] ?? members?.[at - 1];
    try {
      await api.removeMember(ledger.id, member.username);
      notify(`Removed ${member.username} from ${ledger.name}.`, self ? {} : {
        focus: true,
        returnFocus: () => (neighbour ? document.querySelector<HTMLElement>(`button[aria-label="Remove ${neighbour.username}"]`) : null),
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await api.putMember(ledger.id, member.username, member.role);
              notify(`${member.username} is ${article(member.role)} ${member.role} again.`);
              await load();
            } catch (e) {
              notify(describe(e), { kind: 'error' });
            }
          },
        },
      });
      if (self) await onChanged();
      else await load();
    } catch (err) {
      setMessage(describe(err));
    }
  };

  return (
    <section>
      <h1>Members <span class="muted">· {ledger.name}</span></h1>
      {!owner && <p>Only the ledger's owners manage its members.</p>}
      <Alert message={message} />
      {members === null ? <p aria-busy="true">Loading…</p> : (
        <table class="members">
          <caption class="visually-hidden">Members of {ledger.name}</caption>
          <thead><tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.username}>
                <th scope="row">{m.username}{m.username.toLowerCase() === me.username.toLowerCase() && <span class="muted"> (you)</span>}</th>
                <td>
                  {owner ? (
                    <SelectField label={`Role of ${m.username}`} value={m.role} onValue={(r) => change(m, r as Role)} className="inline hide-label">
                      {ROLES.map(([key, name]) => <option key={key} value={key}>{name}</option>)}
                    </SelectField>
                  ) : m.role}
                </td>
                <td>{owner && <button type="button" class="danger small" onClick={() => remove(m)} aria-label={`Remove ${m.username}`}>Remove</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {owner && (
        <form class="card inline-form" ref={form} onSubmit={add} noValidate>
          <h2>Add a member</h2>
          <TextField label="Username" value={username} onValue={setUsername} error={errors.username} autoComplete="off"
            autoCapitalize="none" spellcheck={false} hint="The person needs an account on this server." />
          <SelectField label="Role" value={role} onValue={(r) => setRole(r as Role)} error={errors.role}>
            {ROLES.map(([key, name]) => <option key={key} value={key}>{name}</option>)}
          </SelectField>
          <button type="submit" aria-disabled={busy ? 'true' : undefined}>Add member</button>
        </form>
      )}
    </section>
  );
}

function article(role: Role): string {
  return role === 'viewer' ? 'a' : 'an';
}
