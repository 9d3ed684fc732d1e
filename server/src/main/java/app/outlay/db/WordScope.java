package app.outlay.db;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Where a word search looks: one ledger, between two dates (either may be open). SQLite's full-text index
 * holds each expense's ledger, year and month as words (migration V006); the fewest of them that cover
 * the dates go into the search, so the index intersects a word with one month's rows of one ledger.
 * {@code paged}: only a page of the rows is read, in order. A search of a few months, or of every row, hands its
 * matches over to be sorted; a wider page is read in order, each row looked up among the matches, so that a
 * common word's first page stops early.
 */
public record WordScope(long ledgerId, LocalDate from, LocalDate to, boolean paged) {
    /** Months and years searched one by one at most; wider ranges search the words alone. */
    private static final int MAX_MONTHS = 6;
    private static final int MAX_YEARS = 4;

    /**
     * The scope words SQLite's index holds for an expense of {@code ledgerId} on {@code date}: the same
     * expression as V006's triggers, for writers that index rows in bulk (imports).
     */
    public static Field<String> sqliteWordsOf(Field<Long> ledgerId, Field<?> date) {
        return DSL.field("'l' || {0} || ' l' || {0} || 'y' || substr({1}, 1, 4)"
                + " || ' l' || {0} || 'm' || substr({1}, 1, 4) || substr({1}, 6, 2)", String.class, ledgerId, date);
    }

    /** Whether the matches are best read first and sorted, rather than looked up row by row in order. */
    public boolean matchesFirst() {
        return !paged || fewMonths();
    }

    /** Whether the scope is a few months, whose matches are few enough to sort (at most {@link #MAX_MONTHS}). */
    private boolean fewMonths() {
        return from != null && to != null && !to.isBefore(from)
                && ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) < MAX_MONTHS;
    }

    /**
     * The scope's words for SQLite's index, ORed: {@code l1m202403 OR l1m202404} or {@code l1y2024}; null for the
     * whole ledger, where the ledger's own word would only make the index read every row of it.
     */
    String sqliteWords() {
        String ledger = "l" + ledgerId;
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        List<String> words = new ArrayList<>();
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        if (fewMonths()) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                words.add(ledger + "m" + String.format("%04d%02d", m.getYear(), m.getMonthValue()));
            }
        } else if (to.getYear() - from.getYear() < MAX_YEARS) {
            for (int y = from.getYear(); y <= to.getYear(); y++) {
                words.add(ledger + "y" + String.format("%04d", y));
            }
        } else {
            return null;
        }
        return String.join(" OR ", words);
    }
}
