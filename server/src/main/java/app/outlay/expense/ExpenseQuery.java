package app.outlay.expense;

import app.outlay.common.Params;
import java.util.Currency;

/** A page of a listing: which rows, in which order, how many, starting where. */
record ExpenseQuery(ExpenseFilter filter, Sort sort, int limit, Cursor cursor) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    static ExpenseQuery parse(Params params, Currency currency) {
        Sort sort = Sort.parse(params.one("sort"));
        String cursor = params.one("cursor");
        return new ExpenseQuery(ExpenseFilter.parse(params, currency), sort,
                params.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT),
                cursor == null ? null : Cursor.decode(cursor, sort));
    }

    /** The same query from the start of the next page. */
    ExpenseQuery after(Cursor next) {
        return new ExpenseQuery(filter, sort, limit, next);
    }
}
