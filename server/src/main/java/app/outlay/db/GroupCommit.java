package app.outlay.db;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
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
 */
final class GroupCommit implements AutoCloseable {
    private static final int MAX_BATCH = 512;

    private final DSLContext dsl;
    private final Runnable afterCommit;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final DistributionSummary batchSizes;
    private volatile boolean open = true;

    /** {@code afterCommit} runs on the writer after each commit; it must not block. */
    GroupCommit(DSLContext dsl, MeterRegistry metrics, Runnable afterCommit) {
        this.dsl = dsl;
        this.afterCommit = afterCommit;
        this.batchSizes = DistributionSummary.builder("outlay.writer.batch.size")
                .description("Writes committed together").register(metrics);
        Gauge.builder("outlay.writer.queue", queue, BlockingQueue::size)
                .description("Writes waiting for the writer").register(metrics);
        this.thread = Thread.ofPlatform().name("outlay-writer").daemon().start(this::run);
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
            write.result.completeExceptionally(new IllegalStateException("The server is shutting down."));
        }
        return Waits.join(write.result);
    }

    private void run() {
        List<Write<?>> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // closing: drain what is left
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            batchSizes.record(batch.size());
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Write<?>> batch) {
        try {
            dsl.transaction((ContextTransactionalRunnable) () -> batch.forEach(Write::attempt));
            afterCommit.run();
            batch.forEach(Write::publish);
        } catch (RuntimeException | Error e) {
            batch.forEach(write -> write.result.completeExceptionally(e)); // the commit failed: nothing was stored
        }
    }

    @Override
    public void close() {
        open = false;
        Waits.stop(thread); // it drains the queue first
    }

    /** One request's write, its outcome held back until the batch is committed. */
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
