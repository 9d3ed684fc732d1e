import { useState } from 'preact/hooks';
import { ApiError, NetworkError, api, describe, type ImportResult, type Ledger, type Problem } from './api';
import { detectDelimiter, guessMapping, importParams, mappingByNumber, parseRows, ROLES, type ColumnRole, type ImportOptions } from './csv';
import { formatCount } from './format';
import { notify } from './notices';
import { href } from './router';
import { Alert, SelectField, TextField } from './ui';

const PREVIEW_ROWS = 6;
const ROLE_LABELS: Record<ColumnRole, string> = {
  date: 'Date', amount: 'Amount', type: 'Type', description: 'Description', debit: 'Debit (money out)', credit: 'Credit (money in)',
};

type Outcome = { kind: 'dry-run' | 'imported'; result: ImportResult } | { kind: 'invalid'; errors: { line?: number; field?: string; message: string }[]; detail: string };

/** Sends the file to the import endpoint, reporting upload progress (0..1). */
function upload(url: string, file: Blob, onProgress: (share: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResult);
      else reject(new ApiError(xhr.status, (body ?? { status: xhr.status }) as Problem));
    };
    xhr.send(file);
  });
}

/** Import a CSV file: preview, map the columns, dry run, then the import itself with a progress bar. */
export function ImportScreen({ ledger }: { ledger: Ledger }) {
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<string[][]>([]);
  const [options, setOptions] = useState<ImportOptions>({
    header: true, mapping: {}, dateFormat: '', decimalSeparator: '', delimiter: '', defaultType: '',
  });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [undone, setUndone] = useState(false);
  const header = options.header ? rows[0] ?? [] : [];
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => (header[i] ? `${i + 1}: ${header[i]}` : `Column ${i + 1}`));

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setOutcome(null);
    setMessage(null);
    setProgress(null);
    setUndone(false);
    if (!chosen) return;
    const head = await chosen.slice(0, 64 * 1024).text();
    const delimiter = detectDelimiter(head);
    const preview = parseRows(head, delimiter, PREVIEW_ROWS + 1);
    setRows(preview);
    const guessed = guessMapping(preview[0] ?? []);
    const base: ImportOptions = { ...options, header: true, mapping: mappingByNumber(guessed as Record<string, string>, preview[0] ?? []), delimiter: '' };
    setOptions(base);
    // The server's own guess: a dry run without a mapping reports the mapping it would use.
    try {
      const result = await upload(api.importUrl(ledger.id, importParams({ ...base, mapping: {} }, { dryRun: true })), chosen, () => {});
      if (result.mapping) setOptions({ ...base, mapping: mappingByNumber(result.mapping, preview[0] ?? []) });
      setOutcome({ kind: 'dry-run', result });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setOutcome(invalid(e));
      else setMessage(describe(e));
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file || busy) return;
    setBusy(true);
    setMessage(null);
    setOutcome(null);
    setUndone(false);
    setProgress(dryRun ? null : 0);
    try {
      const query = importParams(options, { dryRun, skipInvalid }, rows[0] ?? []);
      const result = await upload(api.importUrl(ledger.id, query), file, (p) => !dryRun && setProgress(p));
      setOutcome({ kind: dryRun ? 'dry-run' : 'imported', result });
      if (!dryRun) notify(`Imported ${formatCount(result.imported)} expenses.`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setOutcome(invalid(e));
      else setMessage(describe(e));
      setProgress(null);
    } finally {
      setBusy(false);
    }
  };

  const setRole = (role: ColumnRole, column: string) => {
    const mapping = { ...options.mapping };
    if (column) mapping[role] = column;
    else delete mapping[role];
    setOptions({ ...options, mapping });
    setOutcome(null);
  };

  return (
    <section class="import">
      <h1>Import <span class="muted">· {ledger.name}</span></h1>
      <p>Bring in a bank statement or a spreadsheet saved as CSV. Check it with a dry run first: nothing is stored until you import.</p>
      <div class="card">
        <div class="field">
          <label for="import-file">CSV file</label>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain"
            onChange={(e) => void choose((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <Alert message={message} />
      </div>
      {file && rows.length > 0 && <>
        <div class="card">
          <h2>Preview</h2>
          <div class="scroll-x" tabIndex={0} role="region" aria-label="Preview of the first rows">
            <table class="preview">
              <caption class="visually-hidden">The first rows of {file.name}</caption>
              <thead><tr><th scope="col">Line</th>{columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
              <tbody>
                {rows.slice(options.header ? 1 : 0).map((r, i) => (
                  <tr key={i}><th scope="row">{i + (options.header ? 2 : 1)}</th>{columns.map((_, j) => <td key={j}>{r[j] ?? ''}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div class="card">
          <h2>Columns</h2>
          <label class="check">
            <input type="checkbox" checked={options.header}
              onChange={(e) => { setOptions({ ...options, header: (e.currentTarget as HTMLInputElement).checked }); setOutcome(null); }} />
            The first line names the columns
          </label>
          <div class="mapping">
            {ROLES.map((role) => (
              <SelectField key={role} label={ROLE_LABELS[role]} value={options.mapping[role] ?? ''} onValue={(v) => setRole(role, v)}>
                <option value="">{role === 'date' || role === 'amount' ? '(detect)' : '(none)'}</option>
                {columns.map((c, i) => <option key={c} value={String(i + 1)}>{c}</option>)}
              </SelectField>
            ))}
            <TextField label="Date format" value={options.dateFormat} placeholder="detect, or e.g. dd.MM.yyyy"
              onValue={(v) => { setOptions({ ...options, dateFormat: v }); setOutcome(null); }} />
            <SelectField label="Decimal separator" value={options.decimalSeparator}
              onValue={(v) => { setOptions({ ...options, decimalSeparator: v as ImportOptions['decimalSeparator'] }); setOutcome(null); }}>
              <option value="">(detect)</option>
              <option value=".">. (point)</option>
              <option value=",">, (comma)</option>
            </SelectField>
            <TextField label="Type for rows without one" value={options.defaultType} placeholder="uncategorized"
              onValue={(v) => { setOptions({ ...options, defaultType: v }); setOutcome(null); }} />
          </div>
          <label class="check">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid((e.currentTarget as HTMLInputElement).checked)} />
            Import the valid rows even if some are invalid
          </label>
          <div class="form-actions">
            <button type="button" class="secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => run(true)}>Check (dry run)</button>
            <button type="button" aria-disabled={busy || outcome?.kind === 'invalid' ? 'true' : undefined}
              onClick={() => outcome?.kind !== 'invalid' && run(false)}>Import</button>
          </div>
          {progress !== null && (
            <div class="progress-row">
              <label for="import-progress">Uploading</label>
              <progress id="import-progress" max={1} value={progress}>{Math.round(progress * 100)}%</progress>
              <span>{Math.round(progress * 100)}%</span>
            </div>
          )}
        </div>
      </>}
      {outcome && <ImportOutcome outcome={outcome} ledger={ledger} skipInvalid={skipInvalid} undone={undone}
        undo={async (id) => {
          try {
            await api.undoImport(ledger.id, id);
            setUndone(true);
            notify('The import was undone.');
          } catch (e) {
            notify(describe(e), { kind: 'error' });
          }
        }} />}
    </section>
  );
}

function invalid(e: ApiError): Outcome {
  const errors = (e.problem.errors ?? []).map((x) => ({ line: x.line, field: x.field, message: x.message }));
  return { kind: 'invalid', errors, detail: e.message };
}

const SEPARATORS: Record<string, string> = { ';': 'semicolons', ',': 'commas', '\t': 'tabs', '|': 'bars' };

function ImportOutcome({ outcome, ledger, skipInvalid, undone, undo }: {
  outcome: Outcome; ledger: Ledger; skipInvalid: boolean; undone: boolean; undo: (id: string) => Promise<void>;
}) {
  if (outcome.kind === 'invalid') {
    return (
      <div class="card" role="alert">
        <h2>The file has problems</h2>
        <p>{outcome.detail} Nothing was stored.</p>
        <ErrorTable errors={outcome.errors} />
      </div>
    );
  }
  const r = outcome.result;
  const dry = outcome.kind === 'dry-run';
  const invalidRows = r.invalid ?? 0;
  return (
    <div class="card" role="status">
      <h2>{dry ? 'Dry run: nothing stored yet' : undone ? 'Import undone' : 'Imported'}</h2>
      <p>
        {formatCount(r.rows)} rows read · {formatCount(r.imported)} {dry ? 'would be imported' : 'imported'} ·
        {' '}{formatCount(r.duplicates)} duplicates skipped{invalidRows > 0 ? ` · ${formatCount(invalidRows)} invalid` : ''}
      </p>
      {r.delimiter && (
        <p class="muted">
          Read as fields separated by {SEPARATORS[r.delimiter] ?? r.delimiter}, dates as {r.dateFormat}, amounts with
          {' '}{r.decimalSeparator === ',' ? 'a decimal comma' : 'a decimal point'}{r.header === false ? ', no header line' : ''}.
        </p>
      )}
      {dry && invalidRows > 0 && !skipInvalid && (
        <p>Fix these rows in the file, or tick "Import the valid rows even if some are invalid" to import the others.</p>
      )}
      {r.errors.length > 0 && <ErrorTable errors={r.errors} />}
      {!dry && !undone && <p>
        <a href={href(['ledgers', ledger.id, 'expenses'])}>See the expenses</a>
        {r.id && r.imported > 0 && <> · <button type="button" class="link-button" onClick={() => undo(r.id!)}>Undo this import</button></>}
      </p>}
    </div>
  );
}

function ErrorTable({ errors }: { errors: { line?: number; field?: string; message: string }[] }) {
  return (
    <table class="errors">
      <caption class="visually-hidden">Errors by line</caption>
      <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
      <tbody>{errors.slice(0, 200).map((e, i) => (
        <tr key={i}><td>{e.line ?? '—'}</td><td>{e.field ?? ''}</td><td>{e.message}</td></tr>
      ))}</tbody>
    </table>
  );
}
