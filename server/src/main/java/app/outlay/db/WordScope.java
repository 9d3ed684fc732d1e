package app.outlay.db;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Where a word search looks: one ledger, between two dates (either may be open). Over a few months, the index of
 * words is asked for the words with each month's scope in front ({@link MonthWords}; SQLite's V011, PostgreSQL's
 * V012), whose matches are just those months'; over a few years, SQLite's for the words ANDed with the years' scope
 * words.
 * {@code paged}: only a page of the rows is read, in order. A search of a few months, or of every row, hands its
 * matches over to be sorted; a wider page is read in order, each row looked up among the matches, so that a
 * common word's first page stops early.
 */
public record WordScope(long ledgerId, LocalDate from, LocalDate to, boolean paged) {
    /** Months and years searched one by one at most; wider ranges search the words alone. */
    private static final int MAX_MONTHS = 6;
    private static final int MAX_YEARS = 4;

    /**
     * The scope word SQLite's index holds for an expense of {@code ledgerId} on {@code date}, its year: the same
     * expression as V011's triggers, for writers that index rows in bulk (imports).
     */
    public static Field<String> sqliteWordsOf(Field<Long> ledgerId, Field<?> date) {
        return DSL.field("'l' || {0} || 'y' || substr({1}, 1, 4)", String.class, ledgerId, date);
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
     * The scope of each month searched, for the index of words by month ({@code l1m202403}, see
     * {@link MonthWords}), when the scope is a few months; else none.
     */
    List<String> months() {
        if (!fewMonths()) {
            return List.of();
        }
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(MonthWords.prefix(ledgerId, m.atDay(1).toString()));
        }
        return months;
    }

    /**
     * The scope's years as words of SQLite's index, ORed: {@code l1y2023 OR l1y2024}; null for an open range or
     * one of more than {@link #MAX_YEARS} years, where the words alone are searched.
     */
    String sqliteYears() {
        if (from == null || to == null || to.isBefore(from) || to.getYear() - from.getYear() >= MAX_YEARS) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            words.add("l" + ledgerId + "y" + String.format("%04d", y));
        }
        return String.join(" OR ", words);
    }
}
