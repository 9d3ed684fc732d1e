package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.outlay.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's index of words is merged once no one writes, in commits of the writer's own, and searches find every row
 * after it as before.
 */
class WordIndexMergerTest {
    private static final int ROWS_EACH = 50;

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
