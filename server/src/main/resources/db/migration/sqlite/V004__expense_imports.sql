-- CSV imports. Each import is recorded, and the expenses it created carry its id, so that it can be
-- listed and undone. Expenses written any other way have no import_id.

CREATE TABLE expense_import (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ledger_id  INTEGER NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
    row_count  INTEGER NOT NULL, -- data rows in the file
    imported   INTEGER NOT NULL,
    duplicates INTEGER NOT NULL, -- skipped: the ledger held them already
    invalid    INTEGER NOT NULL, -- skipped with skipInvalid=true
    undone_at  INTEGER,
    removed    INTEGER,          -- on undo: expenses deleted
    kept       INTEGER           -- on undo: expenses kept because they were edited since
);
CREATE INDEX expense_import_ledger ON expense_import (ledger_id, id);

-- No foreign key: the import row lives as long as its ledger, and a check per inserted row costs.
ALTER TABLE expense ADD COLUMN import_id INTEGER;
CREATE INDEX expense_by_import ON expense (ledger_id, import_id, id) WHERE import_id IS NOT NULL;

-- The rows an import writes are indexed for words and added to the running totals by the import itself, in
-- bulk once all are in (ImportStore): run for every row, these two triggers cost a fifth of an import's inserts.
-- Every other insert keeps them; updates and deletes keep theirs for every row.
DROP TRIGGER expense_text_insert;
CREATE TRIGGER expense_text_insert AFTER INSERT ON expense WHEN new.import_id IS NULL BEGIN
    INSERT INTO expense_text (rowid, description) VALUES (new.id, new.description);
END;

DROP TRIGGER expense_total_insert;
CREATE TRIGGER expense_total_insert AFTER INSERT ON expense WHEN new.import_id IS NULL BEGIN
    INSERT INTO expense_total (ledger_id, type, month, total, count)
    VALUES (new.ledger_id, new.type, substr(new.date, 1, 7), new.amount, 1)
    ON CONFLICT (ledger_id, type, month) DO UPDATE SET total = total + excluded.total, count = count + 1;
END;
