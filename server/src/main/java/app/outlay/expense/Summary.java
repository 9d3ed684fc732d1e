package app.outlay.expense;

import app.outlay.common.Money;
import java.util.List;

/** Totals and counts of a filtered set of expenses, overall and per group. */
public record Summary(Money total, long count, List<Group> groups) {

    /** One group's keys (null when not grouped by that key) and its totals. */
    public record Group(String type, String month, String year, Money total, long count) {}

    /** One type's use in a ledger. */
    public record TypeUse(String type, long count, Money total) {}
}
