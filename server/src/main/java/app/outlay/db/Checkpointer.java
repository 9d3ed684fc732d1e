package app.outlay.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log into the database file on a thread of its own, soon after commits. SQLite would
 * otherwise do it inside a commit, once the log holds 1,000 pages, on the one writer thread: every write queued
 * behind that commit waited for the copy and a sync of the database file. Here the copy runs on another core while
 * the writer goes on; a PASSIVE checkpoint never blocks a writer or a reader, and copies what no reader still needs.
 * The pool's connections are set not to checkpoint by themselves ({@link Dialect}); the last one to close copies
 * whatever is left.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    /** Rest between checkpoints: each one syncs the database file, however little it copies. */
    private static final long PAUSE_MILLIS = 50;

    private final DataSource pool;
    private final Timer timer;
    private final AtomicBoolean due = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean open = true;

    Checkpointer(DataSource pool, MeterRegistry metrics) {
        this.pool = pool;
        this.timer = Timer.builder("outlay.db.checkpoint")
                .description("Copies of the write-ahead log into the database file").register(metrics);
        this.thread = Thread.ofPlatform().name("outlay-checkpoint").daemon().start(this::run);
    }

    /** A commit added to the log: a checkpoint follows within {@link #PAUSE_MILLIS}. */
    void committed() {
        if (due.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (open) {
            if (!due.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            timer.record(this::checkpoint);
            try {
                Thread.sleep(PAUSE_MILLIS); // commits meanwhile make one checkpoint, not one each
            } catch (InterruptedException e) {
                return; // closing
            }
        }
    }

    private void checkpoint() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException e) {
            // The log keeps the commits safe meanwhile; the next commit asks for another checkpoint.
            LOG.warn("Could not copy the write-ahead log into the database file: {}", e.toString());
        }
    }

    @Override
    public void close() {
        open = false;
        Waits.stop(thread);
    }
}
