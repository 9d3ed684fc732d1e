package app.outlay.ledger;

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
}
