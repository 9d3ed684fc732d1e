import { useEffect, useState } from 'preact/hooks';

export interface Notice {
  id: number; message: string; action?: { label: string; run: () => void }; kind?: 'error' | 'info';
  /** Where the focus goes when the notice leaves while it has the focus. */
  returnFocus?: () => HTMLElement | null;
}

let notices: Notice[] = [];
let counter = 0;
const MAX_SHOWN = 2;
const listeners = new Set<(n: Notice[]) => void>();

function publish(next: Notice[]) {
  notices = next;
  listeners.forEach((l) => l(notices));
}

/**
 * Shows a short notice at the bottom of the screen, with an optional action (such as Undo); {@code focus} moves
 * the keyboard focus to that action (when what had it is gone, as a deleted row), and {@code returnFocus} says
 * where it goes when the notice leaves (else the main content), so that it is never lost on the page's body.
 */
export function notify(message: string, options: {
  action?: Notice['action']; kind?: Notice['kind']; ms?: number; focus?: boolean; returnFocus?: Notice['returnFocus'];
} = {}): number {
  const id = ++counter;
  // the newest few: a burst of changes should not cover the screen
  const next = [...notices, { id, message, action: options.action, kind: options.kind, returnFocus: options.returnFocus }];
  next.slice(0, -MAX_SHOWN).forEach((n) => dismiss(n.id));
  publish(next.slice(-MAX_SHOWN));
  if (options.focus) setTimeout(() => document.getElementById(`notice-action-${id}`)?.focus(), 0);
  setTimeout(() => dismiss(id), options.ms ?? (options.action ? 10000 : 5000));
  return id;
}

export function dismiss(id: number) {
  const leaving = notices.find((n) => n.id === id);
  const hadFocus = document.getElementById(`notice-${id}`)?.contains(document.activeElement) ?? false;
  publish(notices.filter((n) => n.id !== id));
  if (leaving && hadFocus) (leaving.returnFocus?.() ?? document.getElementById('main'))?.focus();
}

export function Notices() {
  const [shown, setShown] = useState(notices);
  useEffect(() => {
    listeners.add(setShown);
    return () => void listeners.delete(setShown);
  }, []);
  return (
    <div class="notices" role="status" aria-live="polite">
      {shown.map((n) => (
        <div key={n.id} id={`notice-${n.id}`} class={`notice ${n.kind === 'error' ? 'notice-error' : ''}`}>
          <span>{n.message}</span>
          {n.action && (
            <button type="button" class="link-button" id={`notice-action-${n.id}`} onClick={() => { dismiss(n.id); n.action!.run(); }}>{n.action.label}</button>
          )}
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
