package app.outlay.cli.ledger;

import app.outlay.cli.UsageError;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** The roles a member can have in a ledger, from the least to the most they may do. */
final class Roles implements Iterable<String> {
    private static final List<String> ALL = List.of("viewer", "editor", "owner");

    /** The role to send, checked (any case). */
    static String check(String role) {
        String wire = role.strip().toLowerCase(Locale.ROOT);
        if (!ALL.contains(wire)) {
            throw new UsageError("--role must be one of " + String.join(", ", ALL) + ", not '" + role + "'.");
        }
        return wire;
    }

    /** For shell completion. */
    @Override
    public Iterator<String> iterator() {
        return ALL.iterator();
    }
}
