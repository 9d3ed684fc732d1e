package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.outlay.support.TestDatabases;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync that makes SQLite's commits durable reaches the log SQLite writes, or fails: never silently nothing. */
class LogSyncTest {
    @Test
    void syncsTheWriteAheadLogOfAnOpenDatabase(@TempDir Path dir) throws Exception {
        assumeFalse(TestDatabases.postgres(), "SQLite's log; PostgreSQL syncs its own");
        Path file = dir.resolve("outlay.db");
        try (var db = Database.open(file.toString())) {
            db.transaction(() -> GroupCommitTest.insertLedger(db, "groceries"));

            assertThat(Path.of(file + "-wal")).isNotEmptyFile();
            LogSync.sqliteWal(file).sync();
        }
    }

    @Test
    void failsWhereThereIsNoLogToSync(@TempDir Path dir) {
        assumeFalse(TestDatabases.postgres(), "SQLite's log; PostgreSQL syncs its own");
        assertThatThrownBy(() -> LogSync.sqliteWal(dir.resolve("elsewhere.db")).sync())
                .isInstanceOf(NoSuchFileException.class);
    }
}
