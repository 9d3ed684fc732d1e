package app.outlay.expense;

import static app.outlay.expense.ExpenseTable.EXPENSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.outlay.common.Money;
import app.outlay.common.Params;
import app.outlay.db.Database;
import app.outlay.db.WordScope;
import app.outlay.support.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of listing is answered through an index, never by reading the whole expense table; summaries likewise. */
class ListingPlanTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    @TempDir
    static Path dir;
    private static Database db;

    @BeforeAll
    static void open() {
        db = Database.open(TestDatabases.fresh(dir));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "from=2024-01-01&to=2024-01-31", "type=food&type=rent", "q=coffee",
            "sort=amount", "sort=-amount&minAmount=-10", "sort=date&from=2024-01-01", "type=food&q=coffee&from=2024-01-01",
            "cursor"})
    void listingUsesAnIndex(String query) {
        var params = query.isEmpty() || query.equals("cursor") ? Map.<String, List<String>>of() : parse(query);
        var expenseQuery = ExpenseQuery.parse(new Params(params), EUR);
        if (query.equals("cursor")) {
            var last = new Expense(7, 1, LocalDate.of(2024, 1, 1), "food", new Money(-100, EUR), "", 1,
                    Instant.EPOCH, Instant.EPOCH, null, null);
            expenseQuery = expenseQuery.after(Cursor.after(expenseQuery.sort(), last));
        }
        String sql = new ExpenseStore(db).listing(1, expenseQuery).getSQL(ParamType.INLINED);

        String plan = plan(sql);

        assertThat(plan).as(sql).doesNotContainPattern(TestDatabases.postgres()
                ? "Seq Scan on expense" : "SCAN expense\\b(?! USING)");
    }

    /**
     * SQLite's planner, told how large a ledger is (V010), reads one type's rows by the index by type: without those
     * figures it walked a whole month by date to find a rare type's rows, or the whole ledger by amount.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"type=rent&from=2024-01-01&to=2024-01-31", "type=rent&sort=-amount"})
    void aListingOfOneTypeReadsTheIndexByType(String query) {
        var listing = sqlitePlanOf(query);

        assertThat(listing.plan()).as(listing.sql())
                .contains("SEARCH expense USING INDEX expense_by_type (ledger_id=? AND type=?");
    }

    /**
     * A page is read in its own order where that stops early, not gathered whole and sorted: several types' rows by
     * date, each row's type checked; a search by date in the order the index of words hands over its matches (V013),
     * each match's row looked up (with one type, that type's rows by date, each looked up among the matches only if
     * it is one); amount bounds on a page by date checked row by row (sorted by amount, the index by
     * amount serves them, and a search's rows are read in that order, each looked up among the matches).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type=food&type=rent                                | SEARCH expense USING INDEX expense_by_date",
            "type=food&type=rent&from=2024-01-01&to=2024-01-31 | SEARCH expense USING INDEX expense_by_date",
            "q=coffee                                           | SCAN expense_text VIRTUAL TABLE",
            "q=coffee&from=2023-01-01&to=2024-12-31             | SCAN expense_text VIRTUAL TABLE",
            "q=coffee&from=2024-01-01&to=2024-02-29             | SCAN expense_text VIRTUAL TABLE",
            "q=coffee&type=rent&type=food&sort=date&from=2024-01-15 | SCAN expense_text VIRTUAL TABLE",
            "q=coffee&type=rent&from=2024-01-01&to=2024-01-31  | SEARCH expense USING INDEX expense_by_type",
            "minAmount=-10&maxAmount=10                         | SEARCH expense USING INDEX expense_by_date",
            "sort=amount&minAmount=-10                          | SEARCH expense USING INDEX expense_by_amount",
            "sort=-amount&q=coffee                              | SEARCH expense USING INDEX expense_by_amount"})
    void aPageIsReadInItsOrderWhereThatStopsEarly(String query, String access) {
        var listing = sqlitePlanOf(query);

        assertThat(listing.plan()).as(listing.sql()).contains(access).doesNotContain("TEMP B-TREE");
        if (access.contains("expense_text")) {
            assertThat(listing.plan()).as(listing.sql()).contains("SEARCH expense USING INTEGER PRIMARY KEY");
        }
    }

    /**
     * Over a few months the words are asked for with each month's scope in front (V011), whose matches are those
     * months' only; over a few years, ANDed with the years' scope words.
     */
    @Test
    void aSearchAsksTheIndexForTheMonthsOrYearsSearchedOnly() {
        assertThat(sqlitePlanOf("q=coffee+be&from=2024-01-15&to=2024-02-10").sql()).contains("'month_words : "
                + "((\"l1m202401coffee\"* OR \"l1m202402coffee\"*) AND (\"l1m202401be\"* OR \"l1m202402be\"*))'");
        assertThat(sqlitePlanOf("q=coffee&from=2023-01-15&to=2024-02-10").sql())
                .contains("'scope : (l1y2023 OR l1y2024) AND description : (\"coffee\"*)'");
    }

    /** PostgreSQL's twin of the test above: over a few months, its index of words by month (V012) is asked. */
    @Test
    void onPostgresqlASearchOfAFewMonthsAsksTheIndexOfWordsByMonth() {
        assumeTrue(TestDatabases.postgres(), "SQLite: the test above");
        String sql = new ExpenseStore(db).listing(1, ExpenseQuery.parse(
                new Params(parse("q=coffee+be&from=2024-01-15&to=2024-02-10")), EUR)).getSQL(ParamType.INLINED);

        assertThat(sql).contains("expense_month_words(").contains("'(''l1m202401coffee'':* | ''l1m202402coffee'':*)"
                + " & (''l1m202401be'':* | ''l1m202402be'':*)'");
        // The condition alone, so that no other index could serve: the index's expression is the query's.
        var words = db.dialect().hasWords(EXPENSE.ID, EXPENSE.LEDGER_ID, EXPENSE.DATE, EXPENSE.DESCRIPTION,
                List.of("coffee"), new WordScope(1, LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 10), true));
        String wordsOnly = db.dsl().select(EXPENSE.ID).from(EXPENSE).where(words).getSQL(ParamType.INLINED);
        assertThat(plan(wordsOnly)).as(wordsOnly).contains("Bitmap Index Scan on expense_words_by_month");
    }

    @Test
    void aSummaryOfWholeMonthsReadsTheRunningTotalsOfThoseMonthsOnly() {
        var filter = ExpenseFilter.parse(new Params(parse("from=2024-01-01&to=2024-12-31")), EUR);
        String sql = new SummaryStore(db).monthlyQuery(1, filter).getSQL(ParamType.INLINED);

        String plan = plan(sql);

        assertThat(plan).as(sql).containsPattern(TestDatabases.postgres()
                ? "Index Cond: \\(\\(ledger_id = 1\\) AND \\(month >= '2024-01'::text\\) AND \\(month <= '2024-12'::text\\)\\)"
                : "SEARCH expense_total USING PRIMARY KEY \\(ledger_id=\\? AND month>\\? AND month<\\?\\)");
    }

    /** A listing's SQL and SQLite's plan for it; PostgreSQL, which plans from the rows it holds, skips. */
    private static Listing sqlitePlanOf(String query) {
        assumeFalse(TestDatabases.postgres(), "PostgreSQL plans from the statistics of the rows it holds");
        String sql = new ExpenseStore(db).listing(1, ExpenseQuery.parse(new Params(parse(query)), EUR))
                                         .getSQL(ParamType.INLINED);
        return new Listing(sql, plan(sql));
    }

    private record Listing(String sql, String plan) {}

    private static String plan(String sql) {
        if (!TestDatabases.postgres()) {
            return String.join("\n", db.dsl().fetch("EXPLAIN QUERY PLAN " + sql).getValues("detail", String.class));
        }
        // With no rows PostgreSQL would rightly prefer a sequential scan; forbid it to see that an index path exists.
        return db.transaction(() -> {
            db.dsl().execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", db.dsl().fetch("EXPLAIN " + sql).getValues(0, String.class));
        });
    }

    private static Map<String, List<String>> parse(String query) {
        var params = new java.util.LinkedHashMap<String, List<String>>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>()).add(kv[1]);
        }
        return params;
    }
}
