-- Live updates (GET .../events): every change to an expense, in the order it was committed, for the clients that
-- follow a ledger and for those that come back with Last-Event-ID. Written by triggers, so that every way an
-- expense changes (one at a time, batches, imports, restores, an import's undo) is told. An event holds the
-- expense's id, not the expense: the stream reads the expense as it is when it sends the event.
--
-- Ids come from a sequence as rows are written, not as transactions commit: a transaction could take id 10, another
-- id 11 and commit first, and a client that saw 11 would never be sent 10. So a transaction writing a ledger's events
-- holds that ledger's lock until it ends, and within a ledger ids are in commit order. The lock is taken before the
-- totals' (the triggers here sort before V013's and V002's), in the same order by every statement: no deadlock.

CREATE TABLE ledger_event (
    id         bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ledger_id  bigint   NOT NULL, -- no foreign key: the ledger's deletion removes its events (below)
    expense_id bigint   NOT NULL,
    kind       smallint NOT NULL, -- 1 created, 2 updated, 3 deleted
    at         bigint   NOT NULL  -- Unix seconds, for dropping old events
);
CREATE INDEX ledger_event_by_ledger ON ledger_event (ledger_id, id);

CREATE FUNCTION ledger_event_lock(ledgers bigint[]) RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(1164862830, (l % 2147483647)::int) FROM unnest(ledgers) AS l ORDER BY l;
$$;

CREATE FUNCTION ledger_event_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_event_lock(ARRAY(SELECT DISTINCT ledger_id FROM added));
    INSERT INTO ledger_event (ledger_id, expense_id, kind, at)
    SELECT ledger_id, id, 1, extract(epoch FROM now())::bigint FROM added ORDER BY id;
    RETURN NULL;
END
$$;

-- Not for the expenses of a ledger being deleted (its row is gone by the time they are): nobody follows it.
CREATE FUNCTION ledger_event_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_event_lock(ARRAY(SELECT DISTINCT ledger_id FROM removed));
    INSERT INTO ledger_event (ledger_id, expense_id, kind, at)
    SELECT r.ledger_id, r.id, 3, extract(epoch FROM now())::bigint FROM removed r
    WHERE EXISTS (SELECT 1 FROM ledger l WHERE l.id = r.ledger_id)
    ORDER BY r.id;
    RETURN NULL;
END
$$;

-- Row by row, as the totals' update trigger (V002) is, so that both take their locks in one order.
CREATE FUNCTION ledger_event_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_event_lock(ARRAY[NEW.ledger_id]);
    INSERT INTO ledger_event (ledger_id, expense_id, kind, at)
    VALUES (NEW.ledger_id, NEW.id, 2, extract(epoch FROM now())::bigint);
    RETURN NULL;
END
$$;

CREATE FUNCTION ledger_event_ledger_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ledger_event WHERE ledger_id = OLD.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER expense_event_insert AFTER INSERT ON expense REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_added();
CREATE TRIGGER expense_event_delete AFTER DELETE ON expense REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_removed();
CREATE TRIGGER expense_event_update AFTER UPDATE ON expense
    FOR EACH ROW WHEN (NEW.version <> OLD.version) EXECUTE FUNCTION ledger_event_changed();
CREATE TRIGGER ledger_event_ledger_delete AFTER DELETE ON ledger
    FOR EACH ROW EXECUTE FUNCTION ledger_event_ledger_removed();
