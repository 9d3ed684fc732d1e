-- The words of descriptions again, now with each expense's ledger, year and month as words of a second
-- column, so that a search ANDs them in the index: a common word within one month of one ledger reads the
-- few hundred matches there instead of every row of the word in the table (listing p99 84 ms -> a few ms).
-- No prefix indexes: they would index every word (the scope words too) up to three more times, which
-- cost imports a fifth of their speed (60,000 -> 72,000 rows/s) to save ~15 ms on one-letter searches.
-- Contentless: the triggers hand FTS5 the old values to delete.

DROP TRIGGER expense_text_insert;
DROP TRIGGER expense_text_delete;
DROP TRIGGER expense_text_update;
DROP TABLE expense_text;

CREATE VIRTUAL TABLE expense_text USING fts5 (
    scope,       -- 'l<ledger> l<ledger>y<yyyy> l<ledger>m<yyyymm>': one word each (unicode61 splits at '_')
    description,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO expense_text (rowid, scope, description)
SELECT id,
       'l' || ledger_id || ' l' || ledger_id || 'y' || substr(date, 1, 4)
           || ' l' || ledger_id || 'm' || substr(date, 1, 4) || substr(date, 6, 2),
       description
FROM expense;

-- Rows a CSV import writes are indexed by the import itself, in bulk (V004, ImportStore.indexWords).
CREATE TRIGGER expense_text_insert AFTER INSERT ON expense WHEN new.import_id IS NULL BEGIN
    INSERT INTO expense_text (rowid, scope, description)
    VALUES (new.id, 'l' || new.ledger_id || ' l' || new.ledger_id || 'y' || substr(new.date, 1, 4)
                || ' l' || new.ledger_id || 'm' || substr(new.date, 1, 4) || substr(new.date, 6, 2),
            new.description);
END;

CREATE TRIGGER expense_text_delete AFTER DELETE ON expense BEGIN
    INSERT INTO expense_text (expense_text, rowid, scope, description)
    VALUES ('delete', old.id, 'l' || old.ledger_id || ' l' || old.ledger_id || 'y' || substr(old.date, 1, 4)
                || ' l' || old.ledger_id || 'm' || substr(old.date, 1, 4) || substr(old.date, 6, 2),
            old.description);
END;

CREATE TRIGGER expense_text_update AFTER UPDATE OF ledger_id, date, description ON expense BEGIN
    INSERT INTO expense_text (expense_text, rowid, scope, description)
    VALUES ('delete', old.id, 'l' || old.ledger_id || ' l' || old.ledger_id || 'y' || substr(old.date, 1, 4)
                || ' l' || old.ledger_id || 'm' || substr(old.date, 1, 4) || substr(old.date, 6, 2),
            old.description);
    INSERT INTO expense_text (rowid, scope, description)
    VALUES (new.id, 'l' || new.ledger_id || ' l' || new.ledger_id || 'y' || substr(new.date, 1, 4)
                || ' l' || new.ledger_id || 'm' || substr(new.date, 1, 4) || substr(new.date, 6, 2),
            new.description);
END;
