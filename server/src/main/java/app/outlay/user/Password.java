package app.outlay.user;

import app.outlay.common.Invalid;

/** A password acceptable for a new account: 10..1024 characters, nothing else demanded. Never printed. */
public record Password(String value) {
    static final int MIN = 10;
    static final int MAX = 1024;

    public static Password parse(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw Invalid.field(field, "is required");
        }
        int length = raw.codePointCount(0, raw.length());
        if (length < MIN || length > MAX) {
            throw Invalid.field(field, "must be " + MIN + " to " + MAX + " characters");
        }
        return new Password(raw);
    }

    @Override
    public String toString() {
        return "Password[****]";
    }
}
