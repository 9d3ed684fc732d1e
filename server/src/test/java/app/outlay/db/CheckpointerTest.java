package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.outlay.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's write-ahead log is copied into the database file by the Checkpointer while the database is open, not
 * by the commits of the one writer.
 */
class CheckpointerTest {
    private static final int TRANSACTIONS = 60;
    private static final int ROWS_EACH = 25;
    private static final int BYTES_EACH_ROW = 4_000;

    @Test
    void commitsReachTheDatabaseFileWhileItIsOpenThoughNoConnectionCheckpointsByItself(@TempDir Path dir)
            throws InterruptedException {
        assumeFalse(TestDatabases.postgres(), "SQLite's write-ahead log");
        String location = TestDatabases.fresh(dir);
        Path file = Path.of(location);
        try (var db = Database.open(location)) {
            // given connections that leave checkpoints to the Checkpointer
            assertThat(db.dsl().fetchValue("pragma wal_autocheckpoint")).hasToString("0");
            long before = size(file);

            // when the writer commits about 6 MB
            for (int t = 0; t < TRANSACTIONS; t++) {
                int n = t;
                db.transaction(() -> {
                    for (int r = 0; r < ROWS_EACH; r++) {
                        GroupCommitTest.insertLedger(db, (n + "-" + r + " ").repeat(BYTES_EACH_ROW / 8));
                    }
                });
            }

            // then the database file holds it soon, while the database is still open
            long written = (long) TRANSACTIONS * ROWS_EACH * BYTES_EACH_ROW;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (size(file) - before < written && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(size(file) - before).as("bytes copied into the database file").isGreaterThanOrEqualTo(written);
        }
    }

    /**
     * SQLite writes its log over from the start only when a write begins with every frame of it copied, which a
     * steady stream of commits never leaves time for: without the writer's help the log held all of it. With it,
     * the log passes its 32 MiB bound by what the writer commits while the Checkpointer copies: 48 MB at most on a
     * quiet machine, 92 MB once in a full build on a busy one; half of what was written is far from either. Each
     * time, the Checkpointer syncs the database file first, so the writer's own sync of it finds little to write.
     */
    @Test
    void underASteadyStreamOfCommitsTheLogStartsOverInsteadOfGrowing(@TempDir Path dir) {
        assumeFalse(TestDatabases.postgres(), "SQLite's write-ahead log");
        String location = TestDatabases.fresh(dir);
        Path log = Path.of(location + "-wal");
        long total = 320L << 20;
        var metrics = new SimpleMeterRegistry();
        try (var db = Database.open(location, metrics)) {
            // when commits follow one another until 320 MiB are written
            long written = 0;
            long largest = 0;
            for (int t = 0; written < total; t++) {
                int n = t;
                db.transaction(() -> {
                    for (int r = 0; r < ROWS_EACH * 10; r++) {
                        GroupCommitTest.insertLedger(db, (n + "-" + r + " ").repeat(BYTES_EACH_ROW / 8));
                    }
                });
                written += (long) ROWS_EACH * 10 * BYTES_EACH_ROW;
                largest = Math.max(largest, size(log));
            }

            // then the log was started over again and again, far from holding all of it
            assertThat(largest).as("largest log, bytes").isLessThan(total / 2);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("ledger"))).isPositive();
            assertThat(metrics.get("outlay.db.file.sync").timer().count())
                    .as("syncs of the database file by the Checkpointer").isPositive();
        }
    }

    /** Between checkpoints, the log has room for what commits add at the rate they came: checked sooner the faster. */
    @Test
    void restsBetweenCheckpointsAsLongAsTheLogHasRoomForAtTheRateItGrows() {
        long second = 1_000_000_000L;
        // a server at rest, or a trickle of commits: the longest rest
        assertThat(Checkpointer.restMillis(100, 100, second)).isEqualTo(250);
        assertThat(Checkpointer.restMillis(200, 100, second)).isEqualTo(250);
        // 4 MiB a second into a log of a 32 MiB bound: room for seconds, so the longest rest
        assertThat(Checkpointer.restMillis(2_048, 1_024, second)).isEqualTo(250);
        // 128 MiB a second, 16 MiB of room left: an eighth of a second
        assertThat(Checkpointer.restMillis(4_096, 0, second / 8)).isEqualTo(125);
        // the same, the log having started over since the last checkpoint: it grew from none to what it holds
        assertThat(Checkpointer.restMillis(4_096, 8_000, second / 8)).isEqualTo(125);
        // faster still, or past the bound: the shortest rest
        assertThat(Checkpointer.restMillis(4_096, 0, second / 100)).isEqualTo(50);
        assertThat(Checkpointer.restMillis(9_000, 8_990, second)).isEqualTo(50);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
