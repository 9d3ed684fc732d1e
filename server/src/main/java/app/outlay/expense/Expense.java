package app.outlay.expense;

import app.outlay.common.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of a ledger: {@code id | date | type | amount | description}, with its version and who
 * created and last changed it (usernames; null once that account is gone).
 */
public record Expense(long id, long ledgerId, LocalDate date, String type, Money amount, String description,
                      long version, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy) {

    /** The fields a client sets, as they are now. */
    NewExpense fields() {
        return new NewExpense(date, type, amount, description);
    }
}
