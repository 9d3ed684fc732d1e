-- Outlay schema, SQLite. Money is integer minor units; dates are ISO text (YYYY-MM-DD);
-- timestamps are milliseconds since the epoch, UTC.

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL UNIQUE, -- lower-cased: usernames are unique case-insensitively
    password_hash TEXT    NOT NULL,
    admin         INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE access_token (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    token_hash TEXT    NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is never stored
    created_at INTEGER NOT NULL
);
CREATE INDEX access_token_user ON access_token (user_id);

CREATE TABLE ledger (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    currency   TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE ledger_member (
    ledger_id INTEGER NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    PRIMARY KEY (ledger_id, user_id)
);
CREATE INDEX ledger_member_user ON ledger_member (user_id);

CREATE TABLE expense (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ledger_id   INTEGER NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,
    date        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    amount      INTEGER NOT NULL,
    description TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    created_by  INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
    updated_by  INTEGER REFERENCES app_user (id) ON DELETE SET NULL
);
-- One index per sort order and for type filters; every one leads with the ledger, ends with the id (keyset paging).
CREATE INDEX expense_by_date   ON expense (ledger_id, date, id);
CREATE INDEX expense_by_amount ON expense (ledger_id, amount, id);
CREATE INDEX expense_by_type   ON expense (ledger_id, type, date, id);

-- Words in descriptions: an FTS5 index kept in step with expense by triggers. No stemming, no accent folding.
CREATE VIRTUAL TABLE expense_text USING fts5 (
    description,
    content = 'expense',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER expense_text_insert AFTER INSERT ON expense BEGIN
    INSERT INTO expense_text (rowid, description) VALUES (new.id, new.description);
END;

CREATE TRIGGER expense_text_delete AFTER DELETE ON expense BEGIN
    INSERT INTO expense_text (expense_text, rowid, description) VALUES ('delete', old.id, old.description);
END;

CREATE TRIGGER expense_text_update AFTER UPDATE OF description ON expense BEGIN
    INSERT INTO expense_text (expense_text, rowid, description) VALUES ('delete', old.id, old.description);
    INSERT INTO expense_text (rowid, description) VALUES (new.id, new.description);
END;

-- The first answer to each POST that carried an Idempotency-Key, to replay on retries.
CREATE TABLE idempotency_key (
    user_id      INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    key          TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    location     TEXT,
    etag         TEXT,
    body         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
);
