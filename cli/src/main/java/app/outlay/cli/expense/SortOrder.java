package app.outlay.cli.expense;

import app.outlay.cli.UsageError;
import java.util.Iterator;
import java.util.List;

/** The orders the server can list in: {@code -date} (its default), {@code date}, {@code -amount}, {@code amount}. */
final class SortOrder implements Iterable<String> {
    private static final List<String> ORDERS = List.of("-date", "date", "-amount", "amount");

    /** The order to send, checked; null stays null (the server's default). */
    static String check(String sort) {
        if (sort != null && !ORDERS.contains(sort.strip())) {
            throw new UsageError("--sort must be one of " + String.join(", ", ORDERS) + ", not '" + sort + "'.");
        }
        return sort == null ? null : sort.strip();
    }

    /** For shell completion. */
    @Override
    public Iterator<String> iterator() {
        return ORDERS.iterator();
    }
}
