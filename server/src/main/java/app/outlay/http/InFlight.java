package app.outlay.http;

import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;
import java.util.function.LongToIntFunction;

/**
 * A bound on what the requests of a route hold at once; the others wait their turn. For routes whose requests
 * hold much memory while they run: a batch of 10,000 expenses is ~4 MB of heap as it is parsed and written, and
 * thirty sent at once ran the server (at a heap of 128 MiB) out of memory. Waiting costs them nothing
 * on SQLite, where their writes queue for the one writer anyway. And for exports, which hold a database connection
 * until their last row: 32 CSV exports at once held PostgreSQL's pool of 8 for seconds, and requests waiting for
 * a connection were answered 503 after the pool's 3 s.
 */
public final class InFlight {
    private final Semaphore permits;
    private final LongToIntFunction weight; // of a request, by its body's length (-1 when unknown)

    private InFlight(int permits, LongToIntFunction weight) {
        this.permits = new Semaphore(permits, true); // fair: first come, first served
        this.weight = weight;
    }

    /** At most {@code limit} requests at once through the handlers this wraps (they share the limit). */
    public static InFlight atMost(int limit) {
        return new InFlight(limit, body -> 1);
    }

    /**
     * Requests weighed by the heap their body takes while it is handled ({@code heapPerBodyByte} times its length;
     * a body of unknown length weighs {@code maxBodyBytes}), at most {@code budgetBytes} of them at once. A request
     * heavier than the whole budget runs alone; many small ones run side by side.
     */
    public static InFlight withinHeap(long budgetBytes, int heapPerBodyByte, long maxBodyBytes) {
        int budget = (int) Math.max(1, budgetBytes >> 10); // in KiB: a semaphore counts ints
        return new InFlight(budget, body -> (int) Math.clamp((body < 0 ? maxBodyBytes : body) * heapPerBodyByte >> 10,
                1, budget));
    }

    public Handler around(Handler handler) {
        return ctx -> run(ctx.contentLength(), () -> handler.handle(ctx));
    }

    /** Runs the work of a request whose body is {@code bodyBytes} long once its turn has come. */
    void run(long bodyBytes, Work work) throws Exception {
        int needed = weight.applyAsInt(bodyBytes);
        permits.acquire(needed); // a virtual thread: waiting holds no platform thread
        try {
            work.run();
        } finally {
            permits.release(needed);
        }
    }

    interface Work {
        void run() throws Exception;
    }
}
