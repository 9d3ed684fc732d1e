package app.outlay.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes what was written to one of SQLite's files durable: one sync covers every write to it before. */
@FunctionalInterface
interface FileSync {
    /** For a database without files (in memory): nothing to make durable. */
    FileSync NONE = () -> {};

    void sync() throws IOException;

    /**
     * Syncs SQLite's write-ahead log of the database file ({@code file-wal}), which holds every commit until a
     * checkpoint has copied and synced it into the database file. The log is opened anew each time: SQLite may
     * delete it and start another when its last connection closes.
     */
    static FileSync sqliteLog(Path file) {
        return of(Path.of(file + "-wal"));
    }

    /** Syncs the database file itself: the pages checkpoints have copied into it so far. */
    static FileSync sqliteDatabase(Path file) {
        return of(file);
    }

    private static FileSync of(Path path) {
        return () -> {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                channel.force(false); // fdatasync: the data and what reading it back needs
            }
        };
    }
}
