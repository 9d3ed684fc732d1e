package app.outlay.expense;

import static app.outlay.expense.ExpenseTable.EXPENSE;
import static app.outlay.expense.ExpenseTable.EXPENSE_TEXT;

import app.outlay.common.Invalid;
import app.outlay.common.Money;
import app.outlay.common.Params;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Which expenses of a ledger a listing, an export or a summary covers. Every part is optional;
 * present parts combine with AND, several types with OR.
 */
public record ExpenseFilter(LocalDate from, LocalDate to, List<String> types, Money minAmount, Money maxAmount,
                            List<String> words) {

    public static ExpenseFilter parse(Params params, Currency currency) {
        var filter = new ExpenseFilter(params.date("from"), params.date("to"), params.all("type"),
                params.money("minAmount", currency), params.money("maxAmount", currency), words(params.one("q")));
        if (filter.types.stream().anyMatch(t -> t.length() > NewExpense.MAX_TYPE)) {
            throw Invalid.parameter("type", "must be at most " + NewExpense.MAX_TYPE + " characters");
        }
        return filter;
    }

    /** The words of a search, split as the full-text index splits descriptions, lower-cased. */
    static List<String> words(String q) {
        if (q == null) {
            return List.of();
        }
        if (q.length() > 500) {
            throw Invalid.parameter("q", "must be at most 500 characters");
        }
        return Arrays.stream(q.split("[^\\p{L}\\p{N}\\p{M}]+"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT))
                .distinct()
                .limit(16)
                .toList();
    }

    /** The SQL condition, always scoped to one ledger. */
    Condition condition(long ledgerId) {
        List<Condition> where = new ArrayList<>();
        where.add(EXPENSE.LEDGER_ID.eq(ledgerId));
        if (from != null) {
            where.add(EXPENSE.DATE.ge(from.toString()));
        }
        if (to != null) {
            where.add(EXPENSE.DATE.le(to.toString()));
        }
        if (!types.isEmpty()) {
            where.add(EXPENSE.TYPE.in(types));
        }
        if (minAmount != null) {
            where.add(EXPENSE.AMOUNT.ge(minAmount.minor()));
        }
        if (maxAmount != null) {
            where.add(EXPENSE.AMOUNT.le(maxAmount.minor()));
        }
        if (!words.isEmpty()) {
            where.add(EXPENSE.ID.in(DSL.select(DSL.field(DSL.name("rowid"), Long.class))
                    .from(EXPENSE_TEXT)
                    .where(DSL.condition("{0} match {1}", EXPENSE_TEXT, DSL.val(matchExpression())))));
        }
        return DSL.and(where);
    }

    /** FTS5 query: every word, each as a quoted prefix ({@code "coff"*} finds coffee). A bound value, never SQL. */
    private String matchExpression() {
        return words.stream().map(w -> "\"" + w.replace("\"", "\"\"") + "\"*").collect(Collectors.joining(" "));
    }
}
