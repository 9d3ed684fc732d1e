-- CSV imports. Each import is recorded, and the expenses it created carry its id, so that it can be
-- listed and undone. Expenses written any other way have no import_id.

CREATE TABLE expense_import (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    ledger_id  bigint NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,
    created_at bigint NOT NULL,
    created_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
    row_count  bigint NOT NULL, -- data rows in the file
    imported   bigint NOT NULL,
    duplicates bigint NOT NULL, -- skipped: the ledger held them already
    invalid    bigint NOT NULL, -- skipped with skipInvalid=true
    undone_at  bigint,
    removed    bigint,          -- on undo: expenses deleted
    kept       bigint,          -- on undo: expenses kept because they were edited since
    PRIMARY KEY (ledger_id, id)
);

-- No foreign key: the import row lives as long as its ledger, and a check per inserted row costs.
ALTER TABLE expense ADD COLUMN import_id bigint;
CREATE INDEX expense_by_import ON expense (ledger_id, import_id, id) WHERE import_id IS NOT NULL;

-- The rows an import writes are added to the running totals by the import itself, in bulk once all are in
-- (ImportStore) instead of row by row. Every other insert keeps it; updates and
-- deletes keep theirs for every row. (A trigger for INSERT OR DELETE cannot test NEW, hence two.)
DROP TRIGGER expense_total_insert_delete ON expense;
CREATE TRIGGER expense_total_insert AFTER INSERT ON expense
    FOR EACH ROW WHEN (NEW.import_id IS NULL) EXECUTE FUNCTION expense_total_follow();
CREATE TRIGGER expense_total_delete AFTER DELETE ON expense
    FOR EACH ROW EXECUTE FUNCTION expense_total_follow();
