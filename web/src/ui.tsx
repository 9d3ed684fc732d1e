import type { ComponentChildren, PartialInputHTMLAttributes, Ref, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

let nextId = 0;
/** A stable id for a label and its field. */
export function useId(prefix: string): string {
  const ref = useRef<string | null>(null);
  ref.current ??= `${prefix}-${++nextId}`;
  return ref.current;
}

type InputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'label' | 'onInput' | 'value' | 'list' | 'type'>
  & { list?: string; type?: string };

/** A labelled input with its error (from the server's errors[] or the client's checks) next to it. */
export function TextField(props: InputProps & {
  label: string; value: string; onValue: (value: string) => void; error?: string; hint?: string;
  inputRef?: Ref<HTMLInputElement>; className?: string;
}) {
  const { label, value, onValue, error, hint, inputRef, className, ...rest } = props;
  const id = useId('f');
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${className ?? ''}`}>
      <label for={id}>{label}</label>
      <input id={id} ref={inputRef} value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={described}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)} {...(rest as Record<string, unknown>)} />
      {hint && <span class="hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span class="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}

export function SelectField(props: {
  label: string; value: string; onValue: (value: string) => void; error?: string; children: ComponentChildren;
  className?: string; disabled?: boolean;
}) {
  const id = useId('s');
  return (
    <div class={`field ${props.className ?? ''}`}>
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => props.onValue((e.currentTarget as HTMLSelectElement).value)}>
        {props.children}
      </select>
      {props.error && <span class="field-error" id={`${id}-error`}>{props.error}</span>}
    </div>
  );
}

/** A message about the whole form or screen, read out by screen readers when it appears. */
export function Alert({ message, kind = 'error' }: { message: string | null; kind?: 'error' | 'info' }) {
  if (!message) return null;
  return <p class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{message}</p>;
}

/** The value, once it has stopped changing for {@code ms}. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * After a submit that some fields failed, the first of them gets the focus: a keyboard or screen reader user
 * lands on what to fix, and the focus is not lost with the submit button that was disabled meanwhile.
 */
export function useFocusOnError(form: RefObject<HTMLFormElement | null>, errors: Record<string, string>): void {
  useEffect(() => {
    if (Object.values(errors).some(Boolean)) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
}
