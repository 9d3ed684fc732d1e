-- The words of descriptions rebuilt with a third column: each word again with its expense's ledger and month in
-- front ('l7m202403coffee'), so that a search within a few months asks for "l7m202403coff"*, whose matches are
-- just those months'. V006 ANDed the word with the month's scope word, which read the word's matches in the whole
-- ledger (a prefix query gathers all of them before intersecting): 634 -> 52 us for a common word at a million
-- rows. The scope column keeps only the year ('l7y2024', for searches of a few years): the ledger's and the
-- month's words were read by no search, and each one cost every commit a longer segment to write and merge.
-- SQL cannot split a description into words: month_words(ledger_id, date, description) is the server's function
-- (MonthWords), given to every connection of its pool, this migration's included. A program other than the server
-- that inserts, changes or deletes expenses needs it too. Its result for a row must never change: a contentless
-- index deletes a row by being handed the words it indexed.

DROP TRIGGER expense_text_insert;
DROP TRIGGER expense_text_delete;
DROP TRIGGER expense_text_update;
DROP TABLE expense_text;

CREATE VIRTUAL TABLE expense_text USING fts5 (
    scope,       -- 'l<ledger>y<yyyy>'
    description,
    month_words, -- month_words(ledger_id, date, description): 'l<ledger>m<yyyymm><word> ...'
    content = '',
    columnsize = 0, -- as V008
    tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO expense_text (expense_text, rank) VALUES ('hashsize', 16777216); -- as V009

INSERT INTO expense_text (rowid, scope, description, month_words)
SELECT id, 'l' || ledger_id || 'y' || substr(date, 1, 4), description, month_words(ledger_id, date, description)
FROM expense;

-- Rows a CSV import writes are indexed by the import itself, in bulk (ImportStore.indexWords).
CREATE TRIGGER expense_text_insert AFTER INSERT ON expense WHEN new.import_id IS NULL BEGIN
    INSERT INTO expense_text (rowid, scope, description, month_words)
    VALUES (new.id, 'l' || new.ledger_id || 'y' || substr(new.date, 1, 4), new.description,
            month_words(new.ledger_id, new.date, new.description));
END;

CREATE TRIGGER expense_text_delete AFTER DELETE ON expense BEGIN
    INSERT INTO expense_text (expense_text, rowid, scope, description, month_words)
    VALUES ('delete', old.id, 'l' || old.ledger_id || 'y' || substr(old.date, 1, 4), old.description,
            month_words(old.ledger_id, old.date, old.description));
END;

CREATE TRIGGER expense_text_update AFTER UPDATE OF ledger_id, date, description ON expense BEGIN
    INSERT INTO expense_text (expense_text, rowid, scope, description, month_words)
    VALUES ('delete', old.id, 'l' || old.ledger_id || 'y' || substr(old.date, 1, 4), old.description,
            month_words(old.ledger_id, old.date, old.description));
    INSERT INTO expense_text (rowid, scope, description, month_words)
    VALUES (new.id, 'l' || new.ledger_id || 'y' || substr(new.date, 1, 4), new.description,
            month_words(new.ledger_id, new.date, new.description));
END;
