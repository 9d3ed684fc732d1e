package app.outlay.http;

import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;

/**
 * A bound on how many requests of a route run at once; the others wait their turn. For routes whose requests
 * hold much memory while they run: a batch of 10,000 expenses is ~4 MB of heap as it is parsed and written, and
 * thirty sent at once ran the server (at a heap of 128 MiB) out of memory. Waiting costs them nothing
 * on SQLite, where their writes queue for the one writer anyway. And for exports, which hold a database connection
 * until their last row: 32 CSV exports at once held PostgreSQL's pool of 8 for seconds, and requests waiting for
 * a connection were answered 503 after the pool's 3 s.
 */
public final class InFlight {
    private final Semaphore permits;

    private InFlight(int limit) {
        this.permits = new Semaphore(limit, true); // fair: first come, first served
    }

    /** At most {@code limit} requests at once through the handlers this wraps (they share the limit). */
    public static InFlight atMost(int limit) {
        return new InFlight(limit);
    }

    public Handler around(Handler handler) {
        return ctx -> {
            permits.acquire(); // a virtual thread: waiting holds no platform thread
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }
}
