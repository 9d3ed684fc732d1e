package app.outlay.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for the tests, speaking to the server as any client would. Every response it
 * receives is checked against the published OpenAPI document, so the document cannot drift.
 */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    Api(String baseUrl, String token) {
        this(HTTP, baseUrl, token, Map.of());
    }

    private Api(HttpClient http, String baseUrl, String token, Map<String, String> headers) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = headers;
    }

    /** The same client, signed in with a bearer token. */
    public Api withToken(String token) {
        return new Api(http, baseUrl, token, headers);
    }

    /** The same client sending one more header on every request. */
    public Api withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(http, baseUrl, token, more);
    }

    /**
     * The same client connecting from another loopback address (such as {@code 127.0.0.2}), so the server
     * sees another client address; for rules that count per address.
     */
    public Api fromAddress(String loopbackAddress) {
        try {
            var client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .localAddress(InetAddress.getByName(loopbackAddress))
                    .build();
            return new Api(client, baseUrl, token, headers);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object json) {
        return send("POST", path, json, "application/json");
    }

    public Response put(String path, Object json) {
        return send("PUT", path, json, "application/json");
    }

    public Response patch(String path, Object json) {
        return send("PATCH", path, json, "application/merge-patch+json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Sends a body as is: a String or a Map/List/JsonNode turned into JSON. */
    public Response send(String method, String path, Object body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        request.header("Accept", "application/json");
        headers.forEach(request::setHeader);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType);
            request.method(method, BodyPublishers.ofString(body instanceof String s ? s : toJson(body)));
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            var result = new Response(response.statusCode(), response.headers(), response.body());
            OpenApiContract.instance().validate(method, URI.create(baseUrl + path).getPath(), result.status(),
                    result.header("Content-Type"), result.body());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A value as the JSON text this client would send. */
    public static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response: status, headers and body, with the body readable as JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
