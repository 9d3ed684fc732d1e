import { describe, expect, it } from 'vitest';
import { detectDelimiter, guessMapping, importParams, mappingByNumber, parseRows } from './csv';

describe('CSV preview', () => {
  it('detects the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('Datum;Betrag;"Text, mit Komma"\n1;2;3')).toBe(';');
    expect(detectDelimiter('id,date,type,amount,description\r\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('reads quoted fields, doubled quotes, CRLF and a BOM, and stops after the rows it needs', () => {
    const text = '\ufeffdate,amount,description\r\n2024-01-02,-1.50,"coffee, ""large"""\r\n2024-01-03,2,"two\nlines"\r\n2024-01-04,3,x\r\n';
    expect(parseRows(text, ',', 3)).toEqual([
      ['date', 'amount', 'description'],
      ['2024-01-02', '-1.50', 'coffee, "large"'],
      ['2024-01-03', '2', 'two\nlines'],
    ]);
    expect(parseRows('a;b\n1;2', ';', 10)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('guesses a mapping from header names in several languages', () => {
    expect(guessMapping(['Buchungstag', 'Verwendungszweck', 'Betrag'])).toEqual({
      date: 'Buchungstag', description: 'Verwendungszweck', amount: 'Betrag',
    });
    expect(guessMapping(['Date', 'Libellé', 'Débit', 'Crédit'])).toEqual({
      date: 'Date', description: 'Libellé', debit: 'Débit', credit: 'Crédit',
    });
  });
});

describe('import parameters', () => {
  it('name mapped columns by header name, or by number without a header, and leave out what the server detects', () => {
    const query = importParams({
      header: true, mapping: { date: '1', amount: '3', description: '2' }, dateFormat: 'dd.MM.yyyy',
      decimalSeparator: ',', delimiter: ';', defaultType: '',
    }, { dryRun: true }, ['Datum', 'Text', 'Betrag']);
    expect(query.toString()).toBe('dryRun=true&skipInvalid=true&date=Datum&amount=Betrag&description=Text&dateFormat=dd.MM.yyyy&decimalSeparator=%2C&delimiter=%3B');
    expect(importParams({ header: false, mapping: { date: '2' }, dateFormat: '', decimalSeparator: '', delimiter: '', defaultType: 'bank' }, { dryRun: false }).toString())
      .toBe('date=2&header=false&defaultType=bank');
  });

  it('skip invalid rows in a real import only when asked to', () => {
    const options = { header: true, mapping: {}, dateFormat: '', decimalSeparator: '' as const, delimiter: '', defaultType: '' };
    expect(importParams(options, { dryRun: false }).toString()).toBe('');
    expect(importParams(options, { dryRun: false, skipInvalid: true }).toString()).toBe('skipInvalid=true');
  });

  it('turn the header names the server reports into column numbers', () => {
    expect(mappingByNumber({ date: 'Datum', amount: 'Betrag', type: '4' }, ['Datum', 'Text', 'Betrag']))
      .toEqual({ date: '1', amount: '3', type: '4' });
  });
});
