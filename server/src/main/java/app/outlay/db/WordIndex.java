package app.outlay.db;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * SQLite's index of the words in descriptions (the FTS5 table {@code expense_text}): what a search asks it, and the
 * rowid it files each expense under: its date, then its id (V013), {@code ((days since 0000-01-01) << 40) + id}. So
 * the index hands its matches over in the order of a listing by date, and a page of a search stops once full.
 */
public final class WordIndex {
    public static final Table<Record> TABLE = DSL.table(DSL.name("expense_text"));
    /** The order of the matches: that of their expenses' dates, then ids. */
    public static final Field<Long> ROWID = DSL.field(DSL.name("expense_text", "rowid"), Long.class);
    private static final Table<Record> EXPENSE = DSL.table(DSL.name("expense"));
    private static final Field<Long> EXPENSE_ID = DSL.field(DSL.name("expense", "id"), Long.class);
    private static final Field<Long> EXPENSE_LEDGER_ID = DSL.field(DSL.name("expense", "ledger_id"), Long.class);
    private static final Field<String> EXPENSE_DATE = DSL.field(DSL.name("expense", "date"), String.class);
    private static final Field<String> EXPENSE_DESCRIPTION = DSL.field(DSL.name("expense", "description"), String.class);
    /** New expenses whose words wait to be indexed (V014's insert trigger notes them). */
    private static final Table<Record> NOTED = DSL.table(DSL.name("expense_text_pending"));
    private static final Field<Long> NOTED_ID = DSL.field(DSL.name("expense_text_pending", "id"), Long.class);
    private static final int ID_BITS = 40;
    private static final long MAX_ID = (1L << ID_BITS) - 1;
    /** The days of the dates an expense can have, years 0000 to 9999 (NewExpense). */
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private WordIndex() {}

    /** The id of the expense a match stands for. */
    public static Field<Long> expenseId() {
        return ROWID.bitAnd(DSL.inline(MAX_ID));
    }

    /**
     * The rowid of an expense's words, as V013's triggers compute it. For a bound on the matches (a cursor's, a
     * search's dates) a date outside the years an expense can have counts as the first or last of them, and an id
     * outside those an expense can have as the least or the greatest.
     */
    public static long rowid(LocalDate date, long id) {
        return (Math.clamp(date.toEpochDay(), FIRST_DAY, LAST_DAY) - FIRST_DAY) << ID_BITS | Math.clamp(id, 0, MAX_ID);
    }

    /** {@link #rowid} in SQL, for writers that index rows in bulk (imports). */
    public static Field<Long> rowid(Field<?> date, Field<Long> id) {
        return DSL.field("((unixepoch({0}) / 86400 + {1}) << {2}) + {3}", Long.class, date, DSL.inline(-FIRST_DAY),
                DSL.inline(ID_BITS), id);
    }

    /**
     * Indexes the words of the expenses {@code which} selects (rows of {@code expense}), in one statement and in the
     * index's order: FTS5 writes out the words it has gathered whenever a rowid is not above the last (a file of the
     * newest rows first took 12 us a row instead of 1.2). For writers that index many rows at once: imports, and the
     * expenses noted as new ({@link WordIndexUpkeep}).
     */
    public static void index(DSLContext dsl, Condition which) {
        var rowid = rowid(EXPENSE_DATE, EXPENSE_ID);
        dsl.insertInto(TABLE, DSL.field(DSL.name("rowid"), Long.class), DSL.field(DSL.name("scope"), String.class),
                        DSL.field(DSL.name("description"), String.class),
                        DSL.field(DSL.name("month_words"), String.class))
           .select(dsl.select(rowid, WordScope.sqliteWordsOf(EXPENSE_LEDGER_ID, EXPENSE_DATE), EXPENSE_DESCRIPTION,
                              MonthWords.of(EXPENSE_LEDGER_ID, EXPENSE_DATE, EXPENSE_DESCRIPTION))
                      .from(EXPENSE)
                      .where(which)
                      .orderBy(rowid))
           .execute();
    }

    /** Indexes the words of every expense noted as new, in one statement ({@link #index}), and forgets the notes. */
    public static void indexNoted(DSLContext dsl) {
        index(dsl, EXPENSE_ID.in(DSL.select(NOTED_ID).from(NOTED)));
        dsl.deleteFrom(NOTED).execute();
    }

    /** The first and last rowid of the matches dated {@code from} to {@code to} (either may be open). */
    public static Condition between(LocalDate from, LocalDate to) {
        return DSL.and(from == null ? DSL.noCondition() : ROWID.ge(rowid(from, 0)),
                to == null ? DSL.noCondition() : ROWID.le(rowid(to, MAX_ID)));
    }

    /**
     * The rows of the index that hold every word, whole or as the start of a word, within the scope. FTS5 query: each
     * word quoted, as a prefix ("coff"* finds coffee); a bound value, never SQL. Within a few months, the words with
     * the ledger and month in front ("l7m202403coff"*, column month_words of V011), whose matches are those months'
     * only. Else the words in the description column, ANDed with the ledger's words for the years searched, so the
     * index intersects them instead of handing over every row with the word.
     */
    public static Condition matches(List<String> words, WordScope scope) {
        List<String> months = scope.months();
        String match;
        if (months.isEmpty()) {
            String years = scope.sqliteYears();
            match = (years == null ? "" : "scope : (" + years + ") AND ") + "description : ("
                    + words.stream().map(WordIndex::prefixOf).collect(Collectors.joining(" AND ")) + ")";
        } else {
            match = "month_words : (" + words.stream()
                    .map(w -> months.stream().map(m -> prefixOf(m + w)).collect(Collectors.joining(" OR ", "(", ")")))
                    .collect(Collectors.joining(" AND ")) + ")";
        }
        return DSL.condition("{0} match {1}", DSL.name("expense_text"), DSL.val(match));
    }

    /** An FTS5 prefix query for the word: quoted, so that nothing in it is read as query syntax. */
    private static String prefixOf(String word) {
        return "\"" + word.replace("\"", "\"\"") + "\"*";
    }
}
