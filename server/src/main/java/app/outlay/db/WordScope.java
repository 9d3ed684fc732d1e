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
 */
public record WordScope(long ledgerId, LocalDate from, LocalDate to) {
    /** Months and years searched one by one at most; wider ranges search the ledger and its years. */
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

    /** The scope's words for SQLite's index, ORed: {@code l1m202403 OR l1m202404}, {@code l1y2024}, {@code l1}. */
    String sqliteWords() {
        String ledger = "l" + ledgerId;
        if (from == null || to == null || to.isBefore(from)) {
            return ledger;
        }
        List<String> words = new ArrayList<>();
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        if (ChronoUnit.MONTHS.between(first, last) < MAX_MONTHS) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                words.add(ledger + "m" + String.format("%04d%02d", m.getYear(), m.getMonthValue()));
            }
        } else if (to.getYear() - from.getYear() < MAX_YEARS) {
            for (int y = from.getYear(); y <= to.getYear(); y++) {
                words.add(ledger + "y" + String.format("%04d", y));
            }
        } else {
            words.add(ledger);
        }
        return String.join(" OR ", words);
    }
}
