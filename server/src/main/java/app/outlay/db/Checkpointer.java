package app.outlay.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
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
 * <p>
 * The log is written over from its start only by a write that begins when every frame of it has been copied, and
 * under a steady stream of commits none does: there is always a commit newer than the last copy. It grew by 3.5 GB
 * in 40 s of creates. Once it holds more than {@link #RESTART_FRAMES}, this thread copies again what was committed
 * during its copy, until that is little, and the writer copies those last frames itself before its next write
 * ({@link #beforeWrite}), so that write starts the log over. The writes queued meanwhile wait for that copy and its
 * syncs. With the writer copying all that was committed since this thread's last copy, it spent 0.5 ms a batch on
 * it at an 8 MiB bound (a quarter of its time; larger bounds made the waits longer); with the passes here 0.1 ms at
 * 32 MiB, and creates ran ~20 % faster. A server with pauses between its writes starts the log over without it.
 * <p>
 * Before the log starts over, SQLite syncs the database file, and the copies of this thread's checkpoints were only
 * synced then: by the writer, every write queued behind it waiting, 9 ms (median) to 45 ms for the pages copied from
 * 32 MiB of log. So this thread syncs the file first, and the writer's sync finds only its own last copies left to
 * write: 6 to 10 ms. Creates' p99 latency went from 31-39 ms to 19-20 (BENCHMARKS.md).
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    /**
     * Rest between checkpoints at most: a page changed again meanwhile is copied once (creates change the same index
     * pages again and again). Against a rest of 50 ms: the Checkpointer's CPU a fifth less, creates +5 % (the mean of
     * eight alternating pairs; a fixed 250 ms: +4 %, nine pairs of ten), p99 the same. At 500 ms the writer is left
     * more to copy as the log starts over (p99 25 ms against 20); at 1 s the log reached 190 MB (BENCHMARKS.md).
     */
    private static final long MAX_REST_MILLIS = 250;
    /**
     * ...and at least, as the log nears {@link #RESTART_FRAMES} at the rate it grows ({@link #rest}). Commits of 1 MB
     * one after another took the log to 52-55 MB resting 50 ms, 86-104 MB resting 250, 76-86 MB resting thus.
     */
    private static final long MIN_REST_MILLIS = 50;
    /** Frames in the log (32 MiB of 4 KiB pages) past which the writer has it started over. */
    private static final long RESTART_FRAMES = 8_192;
    /** Copies again while more than this many frames were committed during the last copy (512 KiB)... */
    private static final long FEW_FRAMES = 128;
    /** ...up to this many times, however busy the writer is. */
    private static final int MAX_PASSES = 4;

    private final DataSource pool;
    private final FileSync databaseFile;
    private final Timer timer;
    private final Timer fileSyncs;
    private final AtomicBoolean due = new AtomicBoolean();
    /** The frames in the log at the last checkpoint, and when: only this thread uses them. */
    private long lastFrames;
    private long lastNanos = System.nanoTime();
    /** The log has grown past {@link #RESTART_FRAMES}: the writer is to start it over. */
    private volatile boolean restartDue;
    private final Thread thread;
    private volatile boolean open = true;

    /** {@code databaseFile} syncs the file the checkpoints copy the log into. */
    Checkpointer(DataSource pool, MeterRegistry metrics, FileSync databaseFile) {
        this.pool = pool;
        this.databaseFile = databaseFile;
        this.timer = Timer.builder("outlay.db.checkpoint")
                .description("Copies of the write-ahead log into the database file").register(metrics);
        this.fileSyncs = Timer.builder("outlay.db.file.sync")
                .description("Syncs of the database file before the write-ahead log starts over").register(metrics);
        this.thread = Thread.ofPlatform().name("outlay-checkpoint").daemon().start(this::run);
    }

    /** A commit added to the log: a checkpoint follows within {@link #MAX_REST_MILLIS}. */
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
            long frames = checkpoint();
            // Past the bound, copy again what the writer committed during the copy, while that was much: the
            // writer then has only the last few frames left to copy when it starts the log over.
            for (int pass = 0; frames > RESTART_FRAMES && pass < MAX_PASSES; pass++) {
                long next = checkpoint();
                if (next < 0) {
                    break; // the writer is copying already
                }
                long committedMeanwhile = next - frames;
                frames = next;
                if (committedMeanwhile < FEW_FRAMES) {
                    break;
                }
            }
            if (frames > RESTART_FRAMES) {
                syncDatabaseFile(); // what was copied so far: the writer's sync as it starts the log over waits less
                restartDue = true;
            } else if (frames >= 0) {
                restartDue = false;
            }
            try {
                Thread.sleep(rest(frames)); // commits meanwhile make one checkpoint, not one each
            } catch (InterruptedException e) {
                return; // closing
            }
        }
    }

    /** {@link #restMillis} for the frames now in the log, since the last checkpoint. */
    private long rest(long frames) {
        if (frames < 0) {
            return MIN_REST_MILLIS; // no count: the writer was copying
        }
        long now = System.nanoTime();
        long rest = restMillis(frames, lastFrames, now - lastNanos);
        lastFrames = frames;
        lastNanos = now;
        return rest;
    }

    /**
     * How long the log can go without a checkpoint: the time it takes to reach {@link #RESTART_FRAMES} at the rate
     * it grew from {@code before} frames to {@code frames} in {@code nanos} (from none, if it started over
     * meanwhile), within {@link #MIN_REST_MILLIS} and {@link #MAX_REST_MILLIS}.
     */
    static long restMillis(long frames, long before, long nanos) {
        long room = RESTART_FRAMES - frames;
        if (room <= 0) {
            return MIN_REST_MILLIS;
        }
        long grown = frames >= before ? frames - before : frames;
        if (grown == 0) {
            return MAX_REST_MILLIS;
        }
        double framesPerMilli = grown * 1e6 / Math.max(1, nanos);
        return Math.clamp((long) (room / framesPerMilli), MIN_REST_MILLIS, MAX_REST_MILLIS);
    }

    /**
     * Runs on the writer's thread before each write transaction. When the log is due to start over, copies what is
     * left of it: with nothing left to copy, the write that follows starts the log over (unless a reader still
     * reads from it; then the writer tries again after the next checkpoint of this thread's).
     */
    void beforeWrite() {
        if (restartDue) {
            restartDue = false; // once per checkpoint of this thread's: a long read may hold the log meanwhile
            checkpoint();
        }
    }

    private void syncDatabaseFile() {
        long started = System.nanoTime();
        try {
            databaseFile.sync();
            fileSyncs.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            // Nothing is at risk: the writer's checkpoint syncs the file before the log starts over, taking longer.
            LOG.warn("Could not sync the database file: {}", e.toString());
        }
    }

    /** Copies what it can of the log; returns the frames in the log, or -1 when another checkpoint was running. */
    private long checkpoint() {
        long started = System.nanoTime();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            // busy (another checkpoint was running), frames in the log, frames copied (-1, -1 when busy)
            long frames = result.next() && result.getInt(1) == 0 ? result.getLong(2) : -1;
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return frames;
        } catch (SQLException | RuntimeException e) {
            // The log keeps the commits safe meanwhile; the next commit asks for another checkpoint.
            LOG.warn("Could not copy the write-ahead log into the database file: {}", e.toString());
            return -1;
        }
    }

    @Override
    public void close() {
        open = false;
        Waits.stop(thread);
    }
}
