package app.outlay.cli.expense;

import app.outlay.cli.api.EventStream;
import app.outlay.cli.api.ServerRefused;
import app.outlay.cli.api.ServerUnreachable;
import app.outlay.cli.api.SseParser;
import java.io.IOException;
import java.time.Duration;

/**
 * Follows a stream of server-sent events across lost connections, as {@code EventSource} does: when the connection
 * breaks or the server ends the stream (it is stopping, say) it connects again after a short backoff, sending the id of
 * the last event received ({@code Last-Event-ID}) so that the server sends what was missed. It also gives up on a
 * connection that has been silent for three of the server's heartbeats (a network that dropped it without a word).
 *
 * <p>The first connection must succeed (else its error is thrown: the server is unreachable, or refuses). Later, the
 * server unreachable, a broken connection or an answer of 5xx, 408 or 429 mean trying again; any other refusal (401:
 * signed out; 404: no longer a member, or the ledger deleted) is thrown.
 */
final class Follower {
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(15);
    /** Three heartbeats (the server sends one after 15 s without events) missed. */
    static final Duration SILENCE = Duration.ofSeconds(45);

    /** Opens the stream after {@code lastEventId} (null: from now on). */
    interface Source {
        EventStream open(String lastEventId);
    }

    /** What the follower meets. */
    interface Listener {
        /** Connected; {@code again} after a lost connection. */
        void connected(boolean again);

        /** An event; false to stop following (standard output was closed, say). */
        boolean event(SseParser.Event event);

        /** The connection is lost or cannot be made, for the {@code failures}th time in a row; trying again in {@code delay}. */
        void lost(String reason, Duration delay, int failures);
    }

    /** Waits; an interruption ends the wait early. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Source source;
    private final Listener listener;
    private final Sleeper sleeper;
    private final Duration silence;
    private volatile Thread runner;
    private volatile EventStream current;
    private volatile boolean stopped;
    private volatile boolean silent;
    private boolean connected;

    Follower(Source source, Listener listener, Sleeper sleeper, Duration silence) {
        this.source = source;
        this.listener = listener;
        this.sleeper = sleeper;
        this.silence = silence;
    }

    /** Whether a connection was made at all: a refusal after it means access was lost. */
    boolean hasConnected() {
        return connected;
    }

    /**
     * Follows until {@link #stop}, an interruption of the calling thread, or the listener says stop; returns then.
     * Throws {@link ServerUnreachable} or {@link ServerRefused} when the first connection fails, and a refusal that
     * trying again cannot mend after that.
     */
    void run(String lastEventId) {
        runner = Thread.currentThread();
        Thread watchdog = Thread.ofVirtual().name("outlay-watch-silence").start(this::closeSilentStreams);
        try {
            follow(lastEventId);
        } finally {
            watchdog.interrupt();
            runner = null;
        }
    }

    /** Stops {@link #run} from any thread (Ctrl-C): the connection is closed and the waiting cut short. */
    void stop() {
        stopped = true;
        EventStream stream = current;
        if (stream != null) {
            stream.close();
        }
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void follow(String lastEventId) {
        String last = lastEventId;
        long retryMillis = -1;
        int failures = 0;
        while (!stopping()) {
            String reason;
            try (EventStream stream = source.open(last)) {
                current = stream;
                silent = false;
                if (stopped) { // stop() came before this stream was current
                    return;
                }
                listener.connected(connected);
                connected = true;
                failures = 0;
                reason = read(stream);
                last = stream.lastEventId();
                retryMillis = stream.retryMillis() >= 0 ? stream.retryMillis() : retryMillis;
                if (reason == null) {
                    return; // the listener stopped it
                }
            } catch (ServerUnreachable e) {
                if (stopping()) {
                    return;
                }
                if (!connected) {
                    throw e;
                }
                reason = e.getMessage();
            } catch (ServerRefused e) {
                if (!connected || !(e.status() >= 500 || e.status() == 408 || e.status() == 429)) {
                    throw e;
                }
                reason = String.join(" ", e.lines());
            } finally {
                current = null;
            }
            if (stopping()) {
                return;
            }
            failures++;
            Duration delay = delay(retryMillis, failures);
            listener.lost(reason, delay, failures);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Passes the stream's events on; null when the listener stopped, else why the stream ended. */
    private String read(EventStream stream) {
        try {
            for (SseParser.Event event = stream.next(); event != null; event = stream.next()) {
                if (!listener.event(event)) {
                    return null;
                }
            }
            return "Lost the connection: the server closed it";
        } catch (IOException e) {
            return silent ? "Lost the connection: nothing came from the server for " + silence.toSeconds() + " s"
                    : "Lost the connection (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")";
        }
    }

    /**
     * The first retry after the server's {@code retry:} (at least 0.5 s), else 1 s; each next one twice as late, up
     * to 15 s (or the server's {@code retry:} when longer).
     */
    static Duration delay(long retryMillis, int failures) {
        Duration first = retryMillis >= 0 ? Duration.ofMillis(Math.max(retryMillis, 500)) : FIRST_DELAY;
        Duration most = first.compareTo(MAX_DELAY) > 0 ? first : MAX_DELAY;
        Duration delay = first.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(most) > 0 ? most : delay;
    }

    private boolean stopping() {
        return stopped || Thread.currentThread().isInterrupted();
    }

    /** Closes the current stream when nothing, not even a heartbeat, came for {@link #silence}: it is reconnected. */
    private void closeSilentStreams() {
        long checkEvery = Math.max(10, Math.min(silence.toMillis() / 4, 5_000));
        try {
            while (true) {
                Thread.sleep(checkEvery);
                EventStream stream = current;
                if (stream != null && System.nanoTime() - stream.lastRead() > silence.toNanos()) {
                    silent = true;
                    stream.close();
                }
            }
        } catch (InterruptedException e) {
            // following ended
        }
    }
}
