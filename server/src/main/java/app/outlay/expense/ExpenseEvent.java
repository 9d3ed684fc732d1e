package app.outlay.expense;

/**
 * A change to an expense of a ledger, as live updates send it: the event's id, what happened, and the expense as it
 * is now (null once it is deleted, so also for a creation or change read after the expense's deletion).
 */
record ExpenseEvent(long id, Kind kind, long expenseId, Expense expense) {

    /** What happened, by the code the migrations' triggers write. */
    enum Kind {
        CREATED("expense.created"), UPDATED("expense.updated"), DELETED("expense.deleted");

        final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        static Kind of(int code) {
            return values()[code - 1];
        }
    }
}
