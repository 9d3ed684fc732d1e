package app.outlay.db;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting on the database's own threads: for what they hand back, and for their end. */
final class Waits {
    private Waits() {}

    /** The future's value, or what its work threw, as it was thrown (not wrapped in a CompletionException). */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Interrupts a thread that ends when interrupted, and waits for it, 10 s at most. */
    static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
