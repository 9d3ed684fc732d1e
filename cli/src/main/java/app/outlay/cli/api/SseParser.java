package app.outlay.cli.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads a {@code text/event-stream} (server-sent events) as the HTML standard's "event stream interpretation" asks,
 * and as a browser's {@code EventSource} does: lines end with LF, CR or CRLF; a line starting with {@code :} is a
 * comment; {@code field: value} lines ({@code event}, {@code data}, {@code id}, {@code retry}; others ignored) build an
 * event, several {@code data} lines joined by LF; a blank line ends it; an event without data is no event; the type
 * is {@code message} unless {@code event} names one; an event left unfinished when the stream ends is dropped.
 */
public final class SseParser {
    private final BufferedReader in;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String type = "";
    private String idBuffer;
    private String lastEventId;
    private long retryMillis = -1;
    private boolean started;
    private long comments;

    /**
     * One event.
     *
     * @param type        {@code event:}, else {@code message}
     * @param data        the {@code data:} lines, joined by LF
     * @param lastEventId the last {@code id:} the stream has sent up to this event (ids carry over to later events
     *                    that have none, as in {@code EventSource}); null when none has been sent
     */
    public record Event(String type, String data, String lastEventId) {}

    /** Reads {@code reader}; {@code lastEventId} is the id already known (from an earlier connection), or null. */
    public SseParser(Reader reader, String lastEventId) {
        this.in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        this.idBuffer = lastEventId;
        this.lastEventId = lastEventId;
    }

    /** The next event, or null when the stream ends. Blocks until a whole event has arrived. */
    public Event next() throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!started) {
                started = true;
                if (line.startsWith("\uFEFF")) { // a byte order mark is allowed before the first line
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                Event event = dispatch();
                if (event != null) {
                    return event;
                }
            } else if (line.charAt(0) == ':') {
                comments++;
            } else {
                field(line);
            }
        }
        return null;
    }

    /**
     * The id to send as {@code Last-Event-ID} when reconnecting: that of the last complete event (a blank line ends
     * it) that had an {@code id:}, else the one given; an empty {@code id:} clears it ("" then).
     */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection delay the server asked for with {@code retry:}, in milliseconds; -1 when it did not. */
    public long retryMillis() {
        return retryMillis;
    }

    /** How many comment lines (heartbeats) have been read. */
    public long comments() {
        return comments;
    }

    private void field(String line) {
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        String value = "";
        if (colon >= 0) {
            int start = colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
            value = line.substring(start);
        }
        switch (name) {
            case "event" -> type = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    idBuffer = value; // the stream's last id once this event is complete
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.length() < 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private Event dispatch() {
        lastEventId = idBuffer;
        Event event = hasData ? new Event(type.isEmpty() ? "message" : type, data.toString(), lastEventId) : null;
        data.setLength(0);
        hasData = false;
        type = "";
        return event;
    }
}
