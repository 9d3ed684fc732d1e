package app.outlay.ledger;

import java.util.Currency;

/** A book of expenses in one currency, as seen by one member with their role. */
public record Ledger(long id, String name, Currency currency, Role role) {

    /**
     * The lock ({@code Database.lock}) that writes of many of the ledger's expenses at once take: batches, imports,
     * restores. Their rows reach the running totals per type and month in no order, so two of them at once could
     * each hold a total the other waits for (PostgreSQL then aborts one as a deadlock); one at a time, they cannot.
     */
    public String bulkWrites() {
        return "ledger-bulk-writes-" + id;
    }
}
