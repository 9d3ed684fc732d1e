-- Outlay schema, PostgreSQL. The same tables and columns as the SQLite migration of the same version;
-- here with native identity, boolean and date types and a GIN index for words in descriptions.
-- Money is integer minor units; timestamps are milliseconds since the epoch, UTC.
-- Tables holding a ledger's data lead their keys with ledger_id, so they can be distributed by ledger.

CREATE TABLE app_user (
    id            bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text    NOT NULL,
    username_key  text    NOT NULL UNIQUE, -- lower-cased: usernames are unique case-insensitively
    password_hash text    NOT NULL,
    admin         boolean NOT NULL DEFAULT false,
    created_at    bigint  NOT NULL
);

CREATE TABLE access_token (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name       text   NOT NULL,
    token_hash text   NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is never stored
    created_at bigint NOT NULL
);
CREATE INDEX access_token_user ON access_token (user_id);

CREATE TABLE ledger (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text   NOT NULL,
    currency   text   NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE ledger_member (
    ledger_id bigint NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,
    user_id   bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role      text   NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    PRIMARY KEY (ledger_id, user_id)
);
CREATE INDEX ledger_member_user ON ledger_member (user_id);

CREATE TABLE expense (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    ledger_id   bigint NOT NULL REFERENCES ledger (id) ON DELETE CASCADE,
    date        date   NOT NULL,
    type        text   NOT NULL,
    amount      bigint NOT NULL,
    description text   NOT NULL,
    version     bigint NOT NULL,
    created_at  bigint NOT NULL,
    updated_at  bigint NOT NULL,
    created_by  bigint REFERENCES app_user (id) ON DELETE SET NULL,
    updated_by  bigint REFERENCES app_user (id) ON DELETE SET NULL,
    PRIMARY KEY (ledger_id, id)
);
-- One index per sort order and for type filters; every one leads with the ledger, ends with the id (keyset paging).
CREATE INDEX expense_by_date   ON expense (ledger_id, date, id);
CREATE INDEX expense_by_amount ON expense (ledger_id, amount, id);
CREATE INDEX expense_by_type   ON expense (ledger_id, type, date, id);
-- Words in descriptions, split on anything but letters and digits as SQLite's unicode61 tokenizer does;
-- no stemming, no accent folding ('simple'). Queries repeat this exact expression (Dialect.hasWords).
CREATE INDEX expense_words ON expense
    USING gin (to_tsvector('simple', regexp_replace(description, '[^[:alnum:]]+', ' ', 'g')));

-- The first answer to each POST that carried an Idempotency-Key, to replay on retries.
CREATE TABLE idempotency_key (
    user_id      bigint  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    key          text    NOT NULL,
    request_hash text    NOT NULL,
    status       integer NOT NULL,
    location     text,
    etag         text,
    body         text    NOT NULL,
    created_at   bigint  NOT NULL,
    PRIMARY KEY (user_id, key)
);
