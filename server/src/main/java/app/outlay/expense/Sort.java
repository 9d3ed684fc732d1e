package app.outlay.expense;

import static app.outlay.expense.ExpenseTable.EXPENSE;

import app.outlay.common.Invalid;
import java.util.Arrays;
import org.jooq.Field;
import org.jooq.SortField;

/** The orders a listing can have; ties are broken by id in the same direction. */
enum Sort {
    DATE("date", false), DATE_DESC("-date", true), AMOUNT("amount", false), AMOUNT_DESC("-amount", true);

    private final String wire;
    private final boolean descending;

    Sort(String wire, boolean descending) {
        this.wire = wire;
        this.descending = descending;
    }

    static Sort parse(String value) {
        if (value == null) {
            return DATE_DESC;
        }
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> Invalid.parameter("sort", "must be one of date, -date, amount, -amount"));
    }

    String wire() {
        return wire;
    }

    boolean descending() {
        return descending;
    }

    /** Whether rows come in date order (else in amount order). */
    boolean byDate() {
        return this == DATE || this == DATE_DESC;
    }

    /** The column sorted on; its value in a cursor is a string of this column's type. */
    Field<?> key() {
        return byDate() ? EXPENSE.DATE : EXPENSE.AMOUNT;
    }

    SortField<?>[] orderBy() {
        return descending
                ? new SortField<?>[] {key().desc(), EXPENSE.ID.desc()}
                : new SortField<?>[] {key().asc(), EXPENSE.ID.asc()};
    }
}
