package app.outlay.expense;

import app.outlay.http.Etags;

/** An expense as the API writes it: ids as strings, money as a decimal string. */
record ExpenseView(String id, String date, String type, String amount, String description, long version,
                   String createdAt, String updatedAt, String createdBy, String updatedBy) {

    static ExpenseView of(Expense e) {
        return new ExpenseView(Long.toString(e.id()), e.date().toString(), e.type(), e.amount().toString(),
                e.description(), e.version(), e.createdAt().toString(), e.updatedAt().toString(), e.createdBy(),
                e.updatedBy());
    }

    static String etag(Expense e) {
        return Etags.of(Long.toString(e.id()), e.version());
    }
}
