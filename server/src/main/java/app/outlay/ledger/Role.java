package app.outlay.ledger;

import app.outlay.common.Invalid;
import java.util.Locale;

/** What a member may do in a ledger; each role includes the ones below it. */
public enum Role {
    VIEWER, EDITOR, OWNER;

    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** A role as a client writes it: {@code owner}, {@code editor} or {@code viewer}; 422 naming the field otherwise. */
    static Role parse(String field, String raw) {
        for (Role role : values()) {
            if (role.wire().equals(raw)) {
                return role;
            }
        }
        throw Invalid.field(field, "must be owner, editor or viewer");
    }
}
