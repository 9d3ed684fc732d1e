package app.outlay.expense;

import static app.outlay.expense.ExpenseTable.EXPENSE;

import app.outlay.common.Invalid;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Where the next page of a listing starts: the sort key and id of the last row shown (keyset paging).
 * Opaque to clients: {@code base64url("<sort>|<key>|<id>")}.
 */
record Cursor(Sort sort, String key, long id) {

    static Cursor after(Sort sort, Expense last) {
        String key = switch (sort) {
            case DATE, DATE_DESC -> last.date().toString();
            case AMOUNT, AMOUNT_DESC -> Long.toString(last.amount().minor());
        };
        return new Cursor(sort, key, last.id());
    }

    String encode() {
        String plain = sort.wire() + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor made for the given sort; anything else is a 400 on {@code cursor}. */
    static Cursor decode(String text, Sort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 3 && parts[0].equals(sort.wire())) {
                var cursor = new Cursor(sort, parts[1], Long.parseLong(parts[2]));
                cursor.condition(); // validates the key
                return cursor;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw Invalid.parameter("cursor", "is not a cursor of this listing; start again without it");
    }

    /** The date of the last row shown, for a cursor of a listing by date. */
    LocalDate date() {
        if (!sort.byDate()) {
            throw new IllegalStateException("A cursor by " + sort.wire() + " has no date");
        }
        return LocalDate.parse(key);
    }

    /** Rows strictly after this one in the sort order. */
    Condition condition() {
        var date = DSL.row(EXPENSE.DATE, EXPENSE.ID);
        var amount = DSL.row(EXPENSE.AMOUNT, EXPENSE.ID);
        return switch (sort) {
            case DATE -> date.gt(LocalDate.parse(key), id);
            case DATE_DESC -> date.lt(LocalDate.parse(key), id);
            case AMOUNT -> amount.gt(Long.parseLong(key), id);
            case AMOUNT_DESC -> amount.lt(Long.parseLong(key), id);
        };
    }
}
