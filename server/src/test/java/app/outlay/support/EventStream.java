package app.outlay.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of a ledger's live updates ({@code text/event-stream}), as a browser's EventSource reads them: each event
 * read on a thread of its own into a queue, {@link #next} takes them in order. Comments are skipped.
 */
public final class EventStream implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Put in the queue when the server ends the stream. */
    private static final Event END = new Event(null, "end", null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    /** One event: its id (null when it has none), its name and its data as JSON. */
    public record Event(String id, String event, JsonNode data) {}

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = response.statusCode() == 200 ? Thread.ofVirtual().start(this::read) : null;
    }

    /** Follows {@code path} (e.g. {@code /api/v1/ledgers/1/events}) with a bearer token, from {@code lastEventId} if not null. */
    public static EventStream open(String baseUrl, String path, String token, String lastEventId) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(HTTP.send(request.build(), BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event, waiting up to 10 s for it; fails when none comes or the stream ended. */
    public Event next() {
        Event e = poll(Duration.ofSeconds(10));
        if (e == null || e == END) {
            throw new AssertionError(e == null ? "No event within 10 s" : "The server ended the stream");
        }
        return e;
    }

    /** The next {@code n} events. */
    public List<Event> next(int n) {
        List<Event> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            taken.add(next());
        }
        return taken;
    }

    /** Whether the server ends the stream within {@code timeout}, with no event before the end. */
    public boolean endsWithin(Duration timeout) {
        Event e = poll(timeout);
        if (e != null && e != END) {
            throw new AssertionError("An event instead of the end: " + e);
        }
        return e == END;
    }

    /** The next event or end within {@code timeout}; null when nothing came. */
    private Event poll(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, Api.JSON.readTree(data.toString())));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // gone already
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
