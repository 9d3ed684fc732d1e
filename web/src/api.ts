// The Outlay API as this client uses it: /api/v1 only, with the browser's session cookie. The browser adds
// Sec-Fetch-Site: same-origin to these requests by itself, which is what the server's CSRF check wants.

export interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field?: string; message: string; line?: number }[];
}

export interface Me { id: string; username: string; admin: boolean }
export interface Registration { firstUser: boolean; open: boolean }
export type Role = 'owner' | 'editor' | 'viewer';
export interface Ledger { id: string; name: string; currency: string; role: Role }
export interface Member { username: string; role: Role }
export interface NewExpense { date: string; type: string; amount: string; description: string }
export interface Expense extends NewExpense {
  id: string; version: number; createdAt: string; updatedAt: string; createdBy: string; updatedBy: string;
}
export interface Page { items: Expense[]; nextCursor: string | null }
export interface Group { type?: string; month?: string; year?: string; total: string; count: number }
export interface Summary { currency: string; total: string; count: number; groups: Group[] }
export interface TypeUse { type: string; count: number; total: string }
export interface ImportResult {
  id?: string | null; dryRun?: boolean; rows: number; imported: number; duplicates: number; invalid?: number;
  errors: { line: number; field?: string; message: string }[];
  mapping?: Record<string, string>;
  delimiter?: string; header?: boolean; dateFormat?: string; decimalSeparator?: string;
}

/** The server answered with an error (problem+json). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title || `The server answered ${status}.`);
  }

  /** The messages of errors[] by the field they name (several joined). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (!e.field) continue;
      byField[e.field] = byField[e.field] ? `${byField[e.field]}; ${e.message}` : e.message;
    }
    return byField;
  }
}

/** The server could not be reached. */
export class NetworkError extends Error {
  constructor() {
    super('The server cannot be reached. Check the connection and try again; nothing you typed is lost.');
  }
}

/** Called when a request meets 401 (the session ended); the app then shows the sign-in page. */
let onUnauthenticated: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onUnauthenticated = handler;
}

export interface Answer<T> { body: T; etag: string | null }

export async function call<T>(method: string, path: string, options: {
  body?: unknown; headers?: Record<string, string>; quiet401?: boolean;
} = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) {
    let problem: Problem = { status: response.status };
    try {
      problem = await response.json();
    } catch {
      // not problem+json (a proxy's page, say): the status says enough
    }
    if (response.status === 401 && !options.quiet401) onUnauthenticated();
    throw new ApiError(response.status, problem);
  }
  const text = response.status === 204 ? '' : await response.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get('ETag') };
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await call<T>(method, path, { body })).body;
}

const ledgerPath = (ledgerId: string) => `/ledgers/${encodeURIComponent(ledgerId)}`;

export const api = {
  registration: () => json<Registration>('GET', '/registration'),
  me: async () => (await call<Me>('GET', '/me', { quiet401: true })).body,
  register: (username: string, password: string) => json<Me>('POST', '/users', { username, password }),
  signIn: async (username: string, password: string) => {
    await call('POST', '/sessions', { body: { username, password }, quiet401: true });
  },
  signOut: async () => {
    await call('DELETE', '/sessions/current', { quiet401: true });
  },
  ledgers: () => json<Ledger[]>('GET', '/ledgers'),
  createLedger: (name: string, currency: string) => json<Ledger>('POST', '/ledgers', { name, currency }),
  members: (ledgerId: string) => json<Member[]>('GET', `${ledgerPath(ledgerId)}/members`),
  putMember: (ledgerId: string, username: string, role: Role) =>
    json<Member>('PUT', `${ledgerPath(ledgerId)}/members/${encodeURIComponent(username)}`, { role }),
  removeMember: (ledgerId: string, username: string) =>
    json<void>('DELETE', `${ledgerPath(ledgerId)}/members/${encodeURIComponent(username)}`),
  expenses: (ledgerId: string, query: URLSearchParams) =>
    json<Page>('GET', `${ledgerPath(ledgerId)}/expenses?${query}`),
  expense: (ledgerId: string, id: string) =>
    call<Expense>('GET', `${ledgerPath(ledgerId)}/expenses/${encodeURIComponent(id)}`),
  /** With an Idempotency-Key, a retry after a lost answer does not add the expense twice. */
  addExpense: async (ledgerId: string, expense: NewExpense, idempotencyKey?: string) =>
    (await call<Expense>('POST', `${ledgerPath(ledgerId)}/expenses`, {
      body: expense, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
    })).body,
  patchExpense: (ledgerId: string, id: string, changes: Partial<NewExpense>, etag: string | null) =>
    call<Expense>('PATCH', `${ledgerPath(ledgerId)}/expenses/${encodeURIComponent(id)}`, {
      body: changes,
      headers: { 'Content-Type': 'application/merge-patch+json', ...(etag ? { 'If-Match': etag } : {}) },
    }),
  deleteExpense: (ledgerId: string, id: string) =>
    json<void>('DELETE', `${ledgerPath(ledgerId)}/expenses/${encodeURIComponent(id)}`),
  summary: (ledgerId: string, query: URLSearchParams) =>
    json<Summary>('GET', `${ledgerPath(ledgerId)}/summary?${query}`),
  types: (ledgerId: string) => json<TypeUse[]>('GET', `${ledgerPath(ledgerId)}/types`),
  /** The listing as CSV, for a download link. */
  csvUrl: (ledgerId: string, query: URLSearchParams) => {
    const q = new URLSearchParams(query);
    q.set('format', 'csv');
    return `/api/v1${ledgerPath(ledgerId)}/expenses?${q}`;
  },
  /** The ledger's live updates, for an EventSource (the session cookie goes with it). */
  eventsUrl: (ledgerId: string) => `/api/v1${ledgerPath(ledgerId)}/events`,
  importUrl: (ledgerId: string, query: URLSearchParams) => `/api/v1${ledgerPath(ledgerId)}/imports?${query}`,
  undoImport: (ledgerId: string, importId: string) =>
    call<unknown>('DELETE', `${ledgerPath(ledgerId)}/imports/${encodeURIComponent(importId)}`),
};

/** A random key for Idempotency-Key (crypto.getRandomValues works on plain HTTP too, unlike randomUUID). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A message for a failed request, for a person. */
export function describe(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError) {
    if (error.status === 403) return error.problem.detail || 'Your role in this ledger does not allow that.';
    if (error.status === 429) return 'Too many attempts. Wait a few minutes and try again.';
    if (error.status >= 500) return 'The server could not do that just now. Try again in a moment.';
    return error.message;
  }
  return 'Something went wrong.';
}
