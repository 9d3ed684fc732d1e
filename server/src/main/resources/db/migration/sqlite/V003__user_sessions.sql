-- Browser sessions. The cookie holds a random id; only its SHA-256 is stored. A session ends when
-- unused for the idle time, at the absolute lifetime from created_at, at logout, or on a password change.

CREATE TABLE user_session (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    id_hash      TEXT    NOT NULL UNIQUE, -- SHA-256 of the session id; the id itself is never stored
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);
