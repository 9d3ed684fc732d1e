-- Live updates (GET .../events): every change to an expense, in the order it was committed, for the clients that
-- follow a ledger and for those that come back with Last-Event-ID. Written by triggers, so that every way an
-- expense changes (one at a time, batches, imports, restores, an import's undo) is told. An event holds the
-- expense's id, not the expense: the stream reads the expense as it is when it sends the event.

CREATE TABLE ledger_event (
    id         INTEGER PRIMARY KEY, -- the event id: SQLite's one writer at a time draws them in commit order
    ledger_id  INTEGER NOT NULL,    -- no foreign key: the ledger's deletion removes its events (below)
    expense_id INTEGER NOT NULL,
    kind       INTEGER NOT NULL,    -- 1 created, 2 updated, 3 deleted
    at         INTEGER NOT NULL,    -- Unix seconds, for dropping old events
    -- The event's place in the stream: PostgreSQL draws it after the commit; here it is the id.
    seq        INTEGER GENERATED ALWAYS AS (id) VIRTUAL
);
CREATE INDEX ledger_event_by_ledger ON ledger_event (ledger_id, seq);

CREATE TRIGGER ledger_event_insert AFTER INSERT ON expense BEGIN
    INSERT INTO ledger_event (ledger_id, expense_id, kind, at) VALUES (new.ledger_id, new.id, 1, unixepoch());
END;

-- Only changes a client can see: every change through the API moves the version.
CREATE TRIGGER ledger_event_update AFTER UPDATE ON expense WHEN new.version <> old.version BEGIN
    INSERT INTO ledger_event (ledger_id, expense_id, kind, at) VALUES (new.ledger_id, new.id, 2, unixepoch());
END;

-- Not for the expenses of a ledger being deleted (its row is gone by the time they are): nobody follows it.
CREATE TRIGGER ledger_event_delete AFTER DELETE ON expense
WHEN EXISTS (SELECT 1 FROM ledger WHERE id = old.ledger_id) BEGIN
    INSERT INTO ledger_event (ledger_id, expense_id, kind, at) VALUES (old.ledger_id, old.id, 3, unixepoch());
END;

CREATE TRIGGER ledger_event_ledger_delete AFTER DELETE ON ledger BEGIN
    DELETE FROM ledger_event WHERE ledger_id = old.id;
END;
