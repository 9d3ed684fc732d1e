package app.outlay.cli.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An open stream of server-sent events (see {@link ApiClient#follow}). {@link #close} may be called from another
 * thread: a {@link #next} blocked in it then throws.
 */
public final class EventStream implements AutoCloseable {
    private final InputStream body;
    private final SseParser parser;
    private volatile long lastRead = System.nanoTime();

    /** Reads {@code body} (UTF-8, as the standard says whatever the headers); {@code lastEventId} as already known. */
    public EventStream(InputStream body, String lastEventId) {
        this.body = body;
        var activity = new InputStream() { // notes when bytes arrive, heartbeats included, for a watchdog
            @Override
            public int read() throws IOException {
                int b = body.read();
                lastRead = System.nanoTime();
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = body.read(buffer, offset, length);
                lastRead = System.nanoTime();
                return read;
            }
        };
        this.parser = new SseParser(new InputStreamReader(activity, StandardCharsets.UTF_8), lastEventId);
    }

    /** The next event, or null when the server ended the stream; an IOException when the connection broke. */
    public SseParser.Event next() throws IOException {
        return parser.next();
    }

    /** The id of the last event received (or the one the stream was opened after), to reconnect after it. */
    public String lastEventId() {
        return parser.lastEventId();
    }

    /** The delay the server asked clients to wait before reconnecting, in ms; -1 when it did not say. */
    public long retryMillis() {
        return parser.retryMillis();
    }

    /** {@link System#nanoTime} when something (an event, a heartbeat) last arrived, or when the stream opened. */
    public long lastRead() {
        return lastRead;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }
}
