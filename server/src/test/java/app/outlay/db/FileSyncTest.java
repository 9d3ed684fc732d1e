package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.outlay.support.TestDatabases;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The syncs that make SQLite's commits durable reach the files SQLite writes (its log, the database file), or fail:
 * never silently nothing.
 */
class FileSyncTest {
    @Test
    void syncsTheWriteAheadLogAndTheFileOfAnOpenDatabase(@TempDir Path dir) throws Exception {
        assumeFalse(TestDatabases.postgres(), "SQLite's log; PostgreSQL syncs its own");
        Path file = dir.resolve("outlay.db");
        try (var db = Database.open(file.toString())) {
            db.transaction(() -> GroupCommitTest.insertLedger(db, "groceries"));

            assertThat(Path.of(file + "-wal")).isNotEmptyFile();
            FileSync.sqliteLog(file).sync();
            FileSync.sqliteDatabase(file).sync();
        }
    }

    @Test
    void eachSyncReachesItsOwnFile(@TempDir Path dir) throws Exception {
        assumeFalse(TestDatabases.postgres(), "SQLite's log; PostgreSQL syncs its own");
        Path file = dir.resolve("outlay.db");
        Database.open(file.toString()).close(); // the last connection to close removes the log

        assertThat(Path.of(file + "-wal")).doesNotExist();
        FileSync.sqliteDatabase(file).sync();
        assertThatThrownBy(() -> FileSync.sqliteLog(file).sync()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void failsWhereThereIsNoFileToSync(@TempDir Path dir) {
        assumeFalse(TestDatabases.postgres(), "SQLite's log; PostgreSQL syncs its own");
        assertThatThrownBy(() -> FileSync.sqliteLog(dir.resolve("elsewhere.db")).sync())
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> FileSync.sqliteDatabase(dir.resolve("elsewhere.db")).sync())
                .isInstanceOf(NoSuchFileException.class);
    }
}
