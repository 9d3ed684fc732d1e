-- Totals per ledger, type and month, kept in step with expense by triggers, so that a summary over
-- whole months reads a few hundred rows instead of the ledger.

CREATE TABLE expense_total (
    ledger_id INTEGER NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,
    type      TEXT    NOT NULL,
    month     TEXT    NOT NULL, -- YYYY-MM
    total     INTEGER NOT NULL, -- minor units
    count     INTEGER NOT NULL,
    PRIMARY KEY (ledger_id, type, month)
) WITHOUT ROWID;

INSERT INTO expense_total (ledger_id, type, month, total, count)
SELECT ledger_id, type, substr(date, 1, 7), sum(amount), count(*)
FROM expense
GROUP BY ledger_id, type, substr(date, 1, 7);

CREATE TRIGGER expense_total_insert AFTER INSERT ON expense BEGIN
    INSERT INTO expense_total (ledger_id, type, month, total, count)
    VALUES (new.ledger_id, new.type, substr(new.date, 1, 7), new.amount, 1)
    ON CONFLICT (ledger_id, type, month) DO UPDATE SET total = total + excluded.total, count = count + 1;
END;

CREATE TRIGGER expense_total_delete AFTER DELETE ON expense BEGIN
    UPDATE expense_total SET total = total - old.amount, count = count - 1
    WHERE ledger_id = old.ledger_id AND type = old.type AND month = substr(old.date, 1, 7);
    DELETE FROM expense_total
    WHERE ledger_id = old.ledger_id AND type = old.type AND month = substr(old.date, 1, 7) AND count = 0;
END;

CREATE TRIGGER expense_total_update AFTER UPDATE OF type, date, amount ON expense BEGIN
    UPDATE expense_total SET total = total - old.amount, count = count - 1
    WHERE ledger_id = old.ledger_id AND type = old.type AND month = substr(old.date, 1, 7);
    DELETE FROM expense_total
    WHERE ledger_id = old.ledger_id AND type = old.type AND month = substr(old.date, 1, 7) AND count = 0;
    INSERT INTO expense_total (ledger_id, type, month, total, count)
    VALUES (new.ledger_id, new.type, substr(new.date, 1, 7), new.amount, 1)
    ON CONFLICT (ledger_id, type, month) DO UPDATE SET total = total + excluded.total, count = count + 1;
END;
