// Just enough CSV for a preview of the first rows of a file: the server does the real parsing.

/** The delimiter the first line uses most: ";", "," or a tab. */
export function detectDelimiter(text: string): string {
  const line = firstLine(text);
  let best = ',';
  let bestCount = -1;
  for (const d of [';', ',', '\t']) {
    const count = countOutsideQuotes(line, d);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function firstLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if ((c === '\n' || c === '\r') && !quoted) return text.slice(0, i);
  }
  return text;
}

function countOutsideQuotes(line: string, d: string): number {
  let quoted = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/** The first {@code max} records (RFC 4180: quoted fields, "" for a quote, CRLF or LF), without a BOM. */
export function parseRows(text: string, delimiter: string, max: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length && rows.length < max; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += c;
    }
  }
  if (rows.length < max && (field !== '' || row.length > 0)) endRow();
  return rows;
}

export const ROLES = ['date', 'amount', 'type', 'description', 'debit', 'credit'] as const;
export type ColumnRole = (typeof ROLES)[number];

const NAMES: Record<ColumnRole, string[]> = {
  date: ['date', 'datum', 'booking date', 'buchungstag', 'valuta', 'fecha', 'data', 'date opération'],
  amount: ['amount', 'betrag', 'montant', 'importo', 'importe', 'value'],
  type: ['type', 'category', 'kategorie', 'catégorie', 'categoria', 'categoría'],
  description: ['description', 'verwendungszweck', 'beschreibung', 'libellé', 'descrizione', 'concepto', 'memo', 'text'],
  debit: ['debit', 'soll', 'débit', 'dare', 'debe', 'withdrawal'],
  credit: ['credit', 'haben', 'crédit', 'avere', 'haber', 'deposit'],
};

/** A guess of which header holds what, for when the server has not said: by name, in several languages. */
export function guessMapping(header: string[]): Partial<Record<ColumnRole, string>> {
  const mapping: Partial<Record<ColumnRole, string>> = {};
  const used = new Set<string>();
  for (const role of ROLES) {
    const found = header.find((h) => !used.has(h) && NAMES[role].includes(h.trim().toLowerCase()));
    if (found !== undefined) {
      mapping[role] = found;
      used.add(found);
    }
  }
  if (mapping.amount) {
    delete mapping.debit;
    delete mapping.credit;
  }
  return mapping;
}

export interface ImportOptions {
  header: boolean;
  /** Role to 1-based column number, as text; absent when unmapped. */
  mapping: Partial<Record<ColumnRole, string>>;
  dateFormat: string;
  decimalSeparator: '' | '.' | ',';
  delimiter: string;
  defaultType: string;
}

/**
 * The import endpoint's query parameters; only what differs from the server's own detection. Columns go by
 * header name when the file has a header ({@code header} holds its names), else by 1-based number. A dry run
 * reports invalid rows instead of refusing the file, so that one answer shows every problem.
 */
export function importParams(options: ImportOptions, run: { dryRun: boolean; skipInvalid?: boolean }, header: string[] = []): URLSearchParams {
  const query = new URLSearchParams();
  if (run.dryRun) query.set('dryRun', 'true');
  if (run.dryRun || run.skipInvalid) query.set('skipInvalid', 'true');
  for (const role of ROLES) {
    const column = options.mapping[role];
    if (!column) continue;
    const name = options.header ? header[Number(column) - 1] : undefined;
    query.set(role, name ?? column);
  }
  if (!options.header) query.set('header', 'false');
  if (options.dateFormat.trim()) query.set('dateFormat', options.dateFormat.trim());
  if (options.decimalSeparator) query.set('decimalSeparator', options.decimalSeparator);
  if (options.delimiter) query.set('delimiter', options.delimiter);
  if (options.defaultType.trim()) query.set('defaultType', options.defaultType.trim());
  return query;
}

/** A mapping by header names (as the server reports the one it used) as 1-based column numbers. */
export function mappingByNumber(byName: Record<string, string>, header: string[]): Partial<Record<ColumnRole, string>> {
  const mapping: Partial<Record<ColumnRole, string>> = {};
  for (const role of ROLES) {
    const name = byName[role];
    if (name === undefined) continue;
    const at = header.indexOf(name);
    if (at >= 0) mapping[role] = String(at + 1);
    else if (/^\d+$/.test(name)) mapping[role] = name;
  }
  return mapping;
}
