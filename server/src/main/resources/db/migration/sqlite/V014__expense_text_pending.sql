-- New expenses wait in expense_text_pending for their words to be indexed, in one statement for all of them, every
-- tenth of a second and before any search (WordIndexUpkeep). FTS5 writes out the words of each statement as a new
-- segment of its index and merges segments as they pile up: one create at a time, that took ~40 % of the writer's
-- time for a create. A row still waiting has no words in the index to delete or replace when it changes: its words
-- are read from its row when they are indexed.

CREATE TABLE expense_text_pending (id INTEGER PRIMARY KEY);

DROP TRIGGER expense_text_insert;
DROP TRIGGER expense_text_delete;
DROP TRIGGER expense_text_update;

CREATE TRIGGER expense_text_insert AFTER INSERT ON expense WHEN new.import_id IS NULL BEGIN
    INSERT INTO expense_text_pending (id) VALUES (new.id);
END;

CREATE TRIGGER expense_text_delete AFTER DELETE ON expense BEGIN
    INSERT INTO expense_text (expense_text, rowid, scope, description, month_words)
    SELECT 'delete', ((unixepoch(old.date) / 86400 + 719528) << 40) + old.id,
           'l' || old.ledger_id || 'y' || substr(old.date, 1, 4), old.description,
           month_words(old.ledger_id, old.date, old.description)
    WHERE NOT EXISTS (SELECT 1 FROM expense_text_pending WHERE id = old.id);
    DELETE FROM expense_text_pending WHERE id = old.id;
END;

CREATE TRIGGER expense_text_update AFTER UPDATE OF ledger_id, date, description ON expense
WHEN NOT EXISTS (SELECT 1 FROM expense_text_pending WHERE id = old.id) BEGIN
    INSERT INTO expense_text (expense_text, rowid, scope, description, month_words)
    VALUES ('delete', ((unixepoch(old.date) / 86400 + 719528) << 40) + old.id,
            'l' || old.ledger_id || 'y' || substr(old.date, 1, 4), old.description,
            month_words(old.ledger_id, old.date, old.description));
    INSERT INTO expense_text (rowid, scope, description, month_words)
    VALUES (((unixepoch(new.date) / 86400 + 719528) << 40) + new.id, 'l' || new.ledger_id || 'y' || substr(new.date, 1, 4),
            new.description, month_words(new.ledger_id, new.date, new.description));
END;
