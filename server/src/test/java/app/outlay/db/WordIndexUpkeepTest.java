package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.outlay.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's index of words takes the words of new expenses in chunks, yet a search finds every expense written before
 * it, as the row stands; and the index is merged once no one writes, in commits of the writer's own, and searches find
 * every row after it as before.
 */
class WordIndexUpkeepTest {
    private static final int ROWS_EACH = 50;

    @Test
    void theWordsOfNewExpensesAreIndexedAsTheirRowsStandWhenTheirTurnComes(@TempDir Path dir) {
        assumeFalse(TestDatabases.postgres(), "SQLite's FTS5 index");
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            long ledger = ledger(db);
            // given expenses written in one transaction, changed and deleted there before their words were indexed
            db.transaction(() -> {
                long kept = insert(db, ledger, "2024-03-01", "bakery bread");
                long changed = insert(db, ledger, "2024-03-02", "coffee beans");
                long gone = insert(db, ledger, "2024-03-03", "coffee cups");
                db.dsl().execute("update expense set description = 'tea leaves', date = '2023-05-06' where id = ?", changed);
                db.dsl().execute("delete from expense where id = ?", gone);
                return kept;
            });
            // and one indexed since, then changed and deleted
            long indexed = db.transaction(() -> insert(db, ledger, "2024-04-01", "coffee filter"));
            db.indexNewWords();
            assertThat(pending(db)).as("expenses waiting for their words").isZero();
            db.transaction(() -> db.dsl().execute("update expense set description = 'milk' where id = ?", indexed));
            long deleted = db.transaction(() -> insert(db, ledger, "2024-04-02", "coffee again"));
            db.indexNewWords();
            db.transaction(() -> db.dsl().execute("delete from expense where id = ?", deleted));

            // when the search asks after the last change
            db.indexNewWords();

            // then each word finds the rows that hold it now, filed under their dates now, and no others
            assertThat(matches(db, "coff")).isEmpty();
            assertThat(matches(db, "tea")).containsExactly(WordIndex.rowid(LocalDate.parse("2023-05-06"), 2));
            assertThat(matches(db, "bread")).containsExactly(WordIndex.rowid(LocalDate.parse("2024-03-01"), 1));
            assertThat(matches(db, "milk")).containsExactly(WordIndex.rowid(LocalDate.parse("2024-04-01"), indexed));
            db.transaction(() -> db.dsl().execute(
                    "insert into expense_text (expense_text, rank) values ('integrity-check', 0)"));
        }
    }

    @Test
    void underConcurrentWritesAndSearchesEachWordFindsExactlyTheRowsThatHoldIt(@TempDir Path dir) throws Exception {
        assumeFalse(TestDatabases.postgres(), "SQLite's FTS5 index");
        List<String> words = List.of("apple", "bread", "cheese", "dates", "eggs", "flour");
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            long ledger = ledger(db);
            // given four writers creating, changing and deleting expenses while two others search
            var pool = Executors.newFixedThreadPool(6);
            var tasks = new ArrayList<Future<?>>();
            for (int w = 0; w < 4; w++) {
                var random = new Random(w);
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        String description = words.get(random.nextInt(6)) + " " + words.get(random.nextInt(6));
                        String date = "2024-%02d-%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28));
                        long id = db.transaction(() -> insert(db, ledger, date, description));
                        switch (random.nextInt(4)) {
                            case 0 -> db.transaction(() -> db.dsl().execute(
                                    "update expense set description = ?, date = ? where id = ?",
                                    words.get(random.nextInt(6)), "2023-%02d-01".formatted(1 + random.nextInt(12)), id));
                            case 1 -> db.transaction(() -> db.dsl().execute("delete from expense where id = ?", id));
                            default -> { }
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        db.indexNewWords();
                        matches(db, "bre");
                    }
                    return null;
                }));
            }
            for (var task : tasks) {
                task.get();
            }
            pool.shutdown();

            // when a search asks after the last write
            db.indexNewWords();

            // then each word finds exactly the rows whose descriptions hold it, filed under their dates
            for (String word : words) {
                List<Long> expected = db.dsl().resultQuery(
                        "select id, date from expense where ' ' || description || ' ' like ?", "% " + word + " %")
                        .fetch(row -> WordIndex.rowid(LocalDate.parse(row.get(1, String.class)), row.get(0, Long.class)));
                assertThat(matches(db, word)).as(word).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
            }
            db.transaction(() -> db.dsl().execute(
                    "insert into expense_text (expense_text, rank) values ('integrity-check', 0)"));
        }
    }

    @Test
    void theWordsOfNewExpensesAreIndexedWithinMomentsWithoutASearch(@TempDir Path dir) throws InterruptedException {
        assumeFalse(TestDatabases.postgres(), "SQLite's FTS5 index");
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            long ledger = ledger(db);
            db.transaction(() -> insert(db, ledger, "2024-03-01", "bakery bread"));

            long deadline = System.nanoTime() + 5_000_000_000L;
            while (pending(db) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(pending(db)).as("expenses waiting for their words").isZero();
            assertThat(matches(db, "bread")).hasSize(1);
        }
    }

    @Test
    void onceNoOneWritesTheSegmentsOfTheIndexAreMergedAndSearchesFindEveryRow(@TempDir Path dir)
            throws InterruptedException {
        assumeFalse(TestDatabases.postgres(), "SQLite's FTS5 index");
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            // given three commits of words: three segments, one fewer than FTS5 merges by itself
            for (int t = 0; t < 3; t++) {
                int first = t * ROWS_EACH;
                db.transaction(() -> {
                    for (int id = first; id < first + ROWS_EACH; id++) {
                        indexWords(db, id + 1, "coffee at bakery " + id);
                    }
                });
            }
            int threeSegments = structureBytes(db);

            // when no one writes for a while
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (structureBytes(db) == threeSegments && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            // then the index holds fewer segments (its structure record is shorter), none left to merge
            assertThat(structureBytes(db)).as("bytes of the index's structure record").isLessThan(threeSegments);
            assertThat(mergeFindsWork(db)).as("a merge found segments to merge").isFalse();
            // and a search reads every row as before
            assertThat(db.dsl().resultQuery(
                    "select rowid from expense_text where expense_text match 'description : \"coff\"*'").fetch())
                    .hasSize(3 * ROWS_EACH);
        }
    }

    @Test
    void whileWritesKeepComingItDoesNotCommit(@TempDir Path dir) throws InterruptedException {
        assumeFalse(TestDatabases.postgres(), "SQLite's FTS5 index");
        var metrics = new SimpleMeterRegistry();
        try (var db = Database.open(TestDatabases.fresh(dir), metrics)) {
            var batches = metrics.get("outlay.writer.batch.size").summary();
            long before = batches.count();

            // when a write comes every tenth of a second for three seconds, each leaving a segment to merge
            int writes = 30;
            for (int t = 0; t < writes; t++) {
                int id = t + 1;
                db.transaction(() -> indexWords(db, id, "tea " + id));
                Thread.sleep(100);
            }

            // then the writer committed those writes and nothing else
            assertThat(batches.count() - before).as("commits").isEqualTo(writes);
            // and once they stop, the merge commits too
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (batches.count() - before == writes && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(batches.count() - before).as("commits").isGreaterThan(writes);
        }
    }

    private static long ledger(Database db) {
        return db.transaction(() -> db.dsl().resultQuery(
                "insert into ledger (name, currency, created_at) values ('home', 'EUR', 0) returning id")
                .fetchOne(0, Long.class));
    }

    private static long insert(Database db, long ledger, String date, String description) {
        return db.dsl().resultQuery("insert into expense (ledger_id, date, type, amount, description, version, created_at,"
                + " updated_at) values (?, ?, 'food', -100, ?, 1, 0, 0) returning id", ledger, date, description)
                .fetchOne(0, Long.class);
    }

    private static long pending(Database db) {
        return db.dsl().resultQuery("select count(*) from expense_text_pending").fetchOne(0, Long.class);
    }

    /** The rowids of the index's rows whose descriptions hold a word starting with {@code prefix}. */
    private static List<Long> matches(Database db, String prefix) {
        // typed: a plain query's column of unknown type is read as a 32-bit int
        return db.dsl().select(WordIndex.ROWID).from(WordIndex.TABLE)
                .where(DSL.condition("expense_text match ?", "description : \"" + prefix + "\"*"))
                .fetch(WordIndex.ROWID);
    }

    /** Indexes a description as the triggers do, without its expense row (the index is contentless). */
    private static void indexWords(Database db, long rowid, String description) {
        db.dsl().execute("insert into expense_text (rowid, scope, description, month_words) values (?, ?, ?, ?)",
                rowid, "l1y2024", description, MonthWords.of(1, "2024-03-01", description));
    }

    /** The length of FTS5's record of the index's segments, which grows with each segment. */
    private static int structureBytes(Database db) {
        return db.dsl().resultQuery("select length(block) from expense_text_data where id = 10").fetchOne(0, Integer.class);
    }

    private static boolean mergeFindsWork(Database db) {
        return db.transaction(() -> {
            long before = db.dsl().fetchValue(DSL.field("total_changes()", Long.class));
            db.dsl().execute("insert into expense_text (expense_text, rank) values ('merge', 64)");
            return db.dsl().fetchValue(DSL.field("total_changes()", Long.class)) - before >= 2;
        });
    }
}
