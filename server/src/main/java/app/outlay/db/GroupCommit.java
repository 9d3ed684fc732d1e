package app.outlay.db;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.ContextTransactionalCallable;
import org.jooq.ContextTransactionalRunnable;
import org.jooq.DSLContext;

/**
 * The one writer of a single-writer store (SQLite). Requests hand it their write and wait; it runs
 * every write waiting at that moment in one transaction, each in a savepoint of its own, and commits
 * them together: one disk sync for many requests, and each request answered only after its commit.
 * A write that fails is rolled back alone and its request gets the failure.
 * <p>
 * A write of one statement ({@link #runAtomic}) needs no savepoint: SQLite undoes a failing statement by itself,
 * and leaves the transaction as it was. Savepoints are not free there: FTS5 writes its pending words out as a new
 * index segment at each one, so a savepoint per create made a segment per row instead of one per commit.
 * <p>
 * A commit reaches the disk on a thread of its own ({@link FileSync}): the writer goes on with the next batch while
 * the log of the last one is synced, and a batch's requests are answered once a sync that began after its commit
 * has ended. The writer spent as long waiting for the disk as running the writes of a batch of creates.
 */
final class GroupCommit implements AutoCloseable {
    private static final int MAX_BATCH = 512;

    private final DSLContext dsl;
    private final Runnable beforeWrite;
    private final Runnable afterCommit;
    private final FileSync log;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    /** Committed batches waiting for their sync, in commit order. */
    private final BlockingQueue<List<Write<?>>> committed = new LinkedBlockingQueue<>();
    /** Batches committed and not yet synced (or failed): while there are any, the disk is busy with them. */
    private final AtomicInteger unsynced = new AtomicInteger();
    private final Thread thread;
    private final Thread syncer;
    private final DistributionSummary batchSizes;
    private final Timer syncs;
    /** Transactions committed so far; only the writer's thread counts. */
    private volatile long commits;
    private volatile boolean open = true;

    /**
     * {@code beforeWrite} runs on the writer before each transaction, {@code afterCommit} after each commit (it
     * must not block). {@code log} makes every commit before it durable.
     */
    GroupCommit(DSLContext dsl, MeterRegistry metrics, Runnable beforeWrite, Runnable afterCommit, FileSync log) {
        this.dsl = dsl;
        this.beforeWrite = beforeWrite;
        this.afterCommit = afterCommit;
        this.log = log;
        this.batchSizes = DistributionSummary.builder("outlay.writer.batch.size")
                .description("Writes committed together").register(metrics);
        this.syncs = Timer.builder("outlay.writer.sync")
                .description("Syncs of the log that make commits durable").register(metrics);
        Gauge.builder("outlay.writer.queue", queue, BlockingQueue::size)
                .description("Writes waiting for the writer").register(metrics);
        this.thread = Thread.ofPlatform().name("outlay-writer").daemon().start(this::run);
        this.syncer = Thread.ofPlatform().name("outlay-sync").daemon().start(this::sync);
    }

    /** Runs the work in a committed transaction and returns its result, or throws what it threw. */
    <T> T run(Supplier<T> work) {
        return run(work, true);
    }

    /**
     * As {@link #run}, for work that changes the database with one statement at most and can fail after it
     * no more (see {@link Database#atomic}): it runs in the batch's transaction without a savepoint of its own.
     */
    <T> T runAtomic(Supplier<T> work) {
        return run(work, false);
    }

    private <T> T run(Supplier<T> work, boolean savepoint) {
        if (Thread.currentThread() == thread) {
            // nested: a savepoint, or for one statement the enclosing transaction's
            return savepoint ? dsl.transactionResult((ContextTransactionalCallable<T>) work::get) : work.get();
        }
        var write = new Write<>(work, savepoint);
        queue.add(write);
        if (!open) {
            write.result.completeExceptionally(Database.shuttingDown()); // a 503: try again once it is back
        }
        return Waits.join(write.result);
    }

    private void run() {
        while (open || !queue.isEmpty()) {
            List<Write<?>> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // closing: drain what is left
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            beforeWrite.run();
            commit(batch);
        }
    }

    private void commit(List<Write<?>> batch) {
        try {
            dsl.transaction((ContextTransactionalRunnable) () -> {
                batch.forEach(Write::attempt);
                takeInWhileTheDiskSyncs(batch);
                batchSizes.record(batch.size()); // before any of them is answered
            });
        } catch (RuntimeException | Error e) {
            batch.forEach(write -> write.result.completeExceptionally(e)); // the commit failed: nothing was stored
            return;
        }
        afterCommit.run();
        commits++; // one thread writes it; others only read
        unsynced.incrementAndGet();
        committed.add(batch);
    }

    /**
     * While earlier commits are still being synced, this one could not be synced sooner: the writes that arrive
     * meanwhile join it. One commit of many rows writes fewer pages than several of a few (rows share pages), and
     * the pages of every commit are written to the log and copied into the database file once more.
     */
    private void takeInWhileTheDiskSyncs(List<Write<?>> batch) {
        while (unsynced.get() > 0 && batch.size() < MAX_BATCH) {
            Write<?> next;
            try {
                next = queue.poll(100, TimeUnit.MICROSECONDS);
            } catch (InterruptedException e) {
                return; // closing: commit what there is
            }
            if (next != null) {
                int from = batch.size();
                batch.add(next);
                queue.drainTo(batch, MAX_BATCH - batch.size());
                batch.subList(from, batch.size()).forEach(Write::attempt);
            }
        }
    }

    /** Transactions the writer has committed so far: other threads see from it whether anyone writes. */
    long commits() {
        return commits;
    }

    /** Syncs the log once for every batch committed since the last sync, then answers their requests. */
    private void sync() {
        List<List<Write<?>>> batches = new ArrayList<>();
        boolean closing = false; // interrupted by close(), after the writer's end: what is left, then stop
        while (true) {
            List<Write<?>> first;
            if (closing) {
                first = committed.poll();
                if (first == null) {
                    return;
                }
            } else {
                try {
                    first = committed.take();
                } catch (InterruptedException e) {
                    closing = true;
                    continue;
                }
            }
            batches.add(first);
            committed.drainTo(batches);
            try {
                long started = System.nanoTime();
                log.sync();
                syncs.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                batches.forEach(batch -> batch.forEach(Write::publish));
            } catch (IOException | RuntimeException e) {
                var failed = new UncheckedIOException("Could not sync the database's log to disk",
                        e instanceof IOException io ? io : new IOException(e));
                batches.forEach(batch -> batch.forEach(write -> write.result.completeExceptionally(failed)));
            }
            unsynced.addAndGet(-batches.size());
            batches.clear();
        }
    }

    @Override
    public void close() {
        open = false;
        Waits.stop(thread); // it drains the queue first
        Waits.stop(syncer); // and this syncs what the writer committed last
    }

    /** One request's write, its outcome held back until the batch is committed and the log synced. */
    private final class Write<T> {
        final Supplier<T> work;
        final boolean savepoint;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;
        Throwable failure;

        Write(Supplier<T> work, boolean savepoint) {
            this.work = work;
            this.savepoint = savepoint;
        }

        void attempt() {
            try {
                value = savepoint ? dsl.transactionResult((ContextTransactionalCallable<T>) work::get) : work.get();
            } catch (RuntimeException | Error e) {
                failure = e; // its savepoint, or its one statement, was rolled back; the others go on
            }
        }

        void publish() {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }
    }
}
