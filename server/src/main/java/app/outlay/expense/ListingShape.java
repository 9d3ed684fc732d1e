package app.outlay.expense;

import app.outlay.db.WordScope;

/**
 * What the SQL of a listing depends on besides its values: listings of one shape are the same statement with other
 * values bound, so {@link ExpenseStore#list} renders each shape once. {@code ListingShapeTest} renders listings of
 * random values and compares the statements of each shape.
 */
record ListingShape(Sort sort, boolean from, boolean to, int types, boolean minAmount, boolean maxAmount,
                    boolean words, boolean fewMonths, boolean cursor) {

    static ListingShape of(ExpenseQuery query) {
        var filter = query.filter();
        boolean words = !filter.words().isEmpty();
        return new ListingShape(query.sort(), filter.from() != null, filter.to() != null, filter.types().size(),
                filter.minAmount() != null, filter.maxAmount() != null, words,
                words && new WordScope(0, filter.from(), filter.to(), true).matchesFirst(), query.cursor() != null);
    }
}
