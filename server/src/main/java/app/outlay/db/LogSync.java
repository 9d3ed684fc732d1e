package app.outlay.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes every commit so far durable: one sync of the log covers every commit before it. */
@FunctionalInterface
interface LogSync {
    void sync() throws IOException;

    /**
     * Syncs SQLite's write-ahead log of the database file ({@code file-wal}), which holds every commit until a
     * checkpoint has copied and synced it into the database file. The log is opened anew each time: SQLite may
     * delete it and start another when its last connection closes.
     */
    static LogSync sqliteWal(Path file) {
        Path wal = Path.of(file + "-wal");
        return () -> {
            try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.WRITE)) {
                channel.force(false); // fdatasync: the data and what reading it back needs
            }
        };
    }
}
