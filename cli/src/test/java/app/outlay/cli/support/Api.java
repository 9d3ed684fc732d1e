package app.outlay.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** Raw HTTP to the server, for tests to arrange state and check it, independent of the CLI's own client. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;

    private Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public static Api anonymous(String baseUrl) {
        return new Api(baseUrl, null);
    }

    public Api withToken(String newToken) {
        return new Api(baseUrl, newToken);
    }

    public String token() {
        return token;
    }

    public JsonNode get(String path) {
        return json(expectSuccess(send(request(path).GET())));
    }

    /** The body of a GET as text, e.g. with {@code format=csv}. */
    public String text(String path) {
        return expectSuccess(send(request(path).GET())).body();
    }

    /** The status of a GET, for checking that something is gone or refused. */
    public int status(String path) {
        return send(request(path).GET()).statusCode();
    }

    public JsonNode post(String path, Object body) {
        return json(expectSuccess(send(withBody(request(path), "POST", body))));
    }

    public JsonNode put(String path, Object body) {
        return json(expectSuccess(send(withBody(request(path), "PUT", body))));
    }

    public JsonNode patch(String path, Object body) {
        return json(expectSuccess(send(withBody(request(path), "PATCH", body))));
    }

    public void delete(String path) {
        expectSuccess(send(request(path).DELETE()));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, Object body) {
        try {
            return request.header("Content-Type", "application/json")
                          .method(method, BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expectSuccess(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
