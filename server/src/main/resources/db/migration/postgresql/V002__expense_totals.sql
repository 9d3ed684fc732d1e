-- Totals per ledger, type and month, kept in step with expense by a trigger, so that a summary over
-- whole months reads a few hundred rows instead of the ledger.

CREATE TABLE expense_total (
    ledger_id bigint NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,
    type      text   NOT NULL,
    month     text   NOT NULL, -- YYYY-MM
    total     bigint NOT NULL, -- minor units
    count     bigint NOT NULL,
    PRIMARY KEY (ledger_id, type, month)
);

INSERT INTO expense_total (ledger_id, type, month, total, count)
SELECT ledger_id, type, to_char(date, 'YYYY-MM'), sum(amount), count(*)
FROM expense
GROUP BY ledger_id, type, to_char(date, 'YYYY-MM');

CREATE FUNCTION expense_total_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE expense_total SET total = total - OLD.amount, count = count - 1
        WHERE ledger_id = OLD.ledger_id AND type = OLD.type AND month = to_char(OLD.date, 'YYYY-MM');
        DELETE FROM expense_total
        WHERE ledger_id = OLD.ledger_id AND type = OLD.type AND month = to_char(OLD.date, 'YYYY-MM') AND count = 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO expense_total AS t (ledger_id, type, month, total, count)
        VALUES (NEW.ledger_id, NEW.type, to_char(NEW.date, 'YYYY-MM'), NEW.amount, 1)
        ON CONFLICT (ledger_id, type, month) DO UPDATE SET total = t.total + EXCLUDED.total, count = t.count + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER expense_total_insert_delete AFTER INSERT OR DELETE ON expense
    FOR EACH ROW EXECUTE FUNCTION expense_total_follow();
CREATE TRIGGER expense_total_update AFTER UPDATE OF type, date, amount ON expense
    FOR EACH ROW EXECUTE FUNCTION expense_total_follow();
