package app.outlay.backup;

import app.outlay.expense.NewExpense;

/**
 * One expense of a restore document, valid: its fields, its version and timestamps (milliseconds since the epoch) as
 * they were, and the usernames that created and last changed it (null when the document names none).
 */
record RestoredExpense(NewExpense fields, long version, long createdAt, long updatedAt, String createdBy,
                       String updatedBy) {}
