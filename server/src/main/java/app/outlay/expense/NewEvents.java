package app.outlay.expense;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the streams of live updates that events were added, by this server or any other on the same database: while
 * a stream waits, one thread reads the newest event's id every {@link #POLL} and wakes them all when it grows. One
 * cheap query a tenth of a second, however many streams are open, and none while no stream is.
 */
final class NewEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NewEvents.class);
    static final Duration POLL = Duration.ofMillis(100);

    private final LongSupplier newest;
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: the waiters are virtual threads
    private final Condition added = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private long latest;
    private int waiting;
    private boolean polling;
    private boolean closed;

    /** {@code newest} reads the id of the newest event in the database. */
    NewEvents(LongSupplier newest) {
        this.newest = newest;
    }

    /** The newest event's id as last read: a stream that reads its events after this waits for one beyond it. */
    long latest() {
        lock.lock();
        try {
            return latest;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until an event newer than {@code seen} was added, at most {@code timeout}; false when none was (or the
     * server is stopping, {@link #isClosed}).
     */
    boolean await(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            waiting++;
            if (!polling && !closed) {
                polling = true;
                Thread.ofVirtual().name("outlay-new-events").start(this::poll);
            }
            while (latest <= seen && !closed && nanos > 0) {
                nanos = added.awaitNanos(nanos);
            }
            return latest > seen && !closed;
        } finally {
            waiting--;
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void poll() {
        while (true) {
            long read = readNewest();
            lock.lock();
            try {
                if (read > latest) {
                    latest = read;
                    added.signalAll();
                }
                if (waiting == 0 || closed) {
                    polling = false; // under the lock: a stream that starts waiting now starts another poller
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
            } catch (InterruptedException e) {
                // not interrupted by anyone of ours: poll on until nobody waits
            }
        }
    }

    private long readNewest() {
        try {
            return newest.getAsLong();
        } catch (RuntimeException e) {
            LOG.debug("Could not read the newest event; trying again", e); // an outage, answered 503 elsewhere
            return -1;
        }
    }

    /** Wakes every stream to end it: the server is stopping. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
