package app.outlay.cli.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Outlay HTTP API, version 1, as the client uses it: one method per request, typed answers, and every
 * error answer thrown as {@link ServerRefused} (or {@link ServerUnreachable} when there is no answer).
 */
public final class ApiClient {
    private static final String API = "/api/v1";
    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final TypeReference<List<Ledger>> LEDGERS = new TypeReference<>() {};
    private static final TypeReference<List<TypeUse>> TYPES = new TypeReference<>() {};
    private static final TypeReference<List<Member>> MEMBERS = new TypeReference<>() {};
    private static final TypeReference<List<PastImport>> IMPORTS = new TypeReference<>() {};

    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();
    private final URI server;
    private final String token;

    /** A client for the server at {@code server} (no trailing slash), signed in with {@code token} (or null). */
    public ApiClient(HttpClient http, URI server, String token) {
        this.http = http;
        this.server = server;
        this.token = token;
    }

    public URI server() {
        return server;
    }

    public IssuedToken createToken(String username, String password, String name) {
        var body = Map.of("username", username, "password", password, "name", name);
        return read(send(withBody(request("/tokens"), "POST", JSON, body)), IssuedToken.class);
    }

    public void revokeToken(String tokenId) {
        send(request("/tokens/" + Query.encode(tokenId)).DELETE());
    }

    public Me me() {
        return read(send(request("/me").GET()), Me.class);
    }

    public List<Ledger> ledgers() {
        return read(send(request("/ledgers").GET()), LEDGERS);
    }

    public Ledger createLedger(String name, String currency) {
        var body = new LinkedHashMap<String, String>();
        body.put("name", name);
        body.put("currency", currency);
        return read(send(withBody(request("/ledgers"), "POST", JSON, body)), Ledger.class);
    }

    public Ledger renameLedger(String ledgerId, String name) {
        return read(send(withBody(request(ledger(ledgerId)), "PATCH", JSON, Map.of("name", name))), Ledger.class);
    }

    public void deleteLedger(String ledgerId) {
        send(request(ledger(ledgerId)).DELETE());
    }

    public List<Member> members(String ledgerId) {
        return read(send(request(ledger(ledgerId) + "/members").GET()), MEMBERS);
    }

    /** Adds the user to the ledger with {@code role}, or gives the member that role. */
    public MemberChange putMember(String ledgerId, String username, String role) {
        var response = send(withBody(request(memberPath(ledgerId, username)), "PUT", JSON, Map.of("role", role)));
        return new MemberChange(read(response, Member.class), response.statusCode() == 201);
    }

    /** Removes the member from the ledger (the signed-in user's own username: leaves it). */
    public void removeMember(String ledgerId, String username) {
        send(request(memberPath(ledgerId, username)).DELETE());
    }

    public Expense addExpense(String ledgerId, NewExpense expense) {
        return read(send(withBody(request(ledger(ledgerId) + "/expenses"), "POST", JSON, expense)), Expense.class);
    }

    public Tagged<Expense> expense(String ledgerId, String expenseId) {
        var response = send(request(expensePath(ledgerId, expenseId)).GET());
        return new Tagged<>(read(response, Expense.class), response.headers().firstValue("ETag").orElse(null));
    }

    /** Changes the fields in {@code changes} (a JSON merge patch), only if the expense is still at {@code etag}. */
    public Expense changeExpense(String ledgerId, String expenseId, Map<String, String> changes, String etag) {
        var request = withBody(request(expensePath(ledgerId, expenseId)), "PATCH", MERGE_PATCH, changes);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return read(send(request), Expense.class);
    }

    public void deleteExpense(String ledgerId, String expenseId) {
        send(request(expensePath(ledgerId, expenseId)).DELETE());
    }

    /** One page of the expenses {@code filter} selects, in {@code sort} order (null: the server's default). */
    public ExpensePage expenses(String ledgerId, ExpenseFilter filter, String sort, int limit, String cursor) {
        var query = new Query();
        filter.addTo(query);
        query.add("sort", sort).add("limit", limit).add("cursor", cursor);
        return read(send(request(ledger(ledgerId) + "/expenses" + query).GET()), ExpensePage.class);
    }

    /**
     * Streams every expense {@code filter} selects, as the server's CSV, into {@code out}; stops early when {@code out}
     * is closed (as in {@code outlay export | head}), since a {@link PrintStream} only remembers such errors.
     */
    public void exportCsv(String ledgerId, ExpenseFilter filter, String sort, PrintStream out) {
        var query = new Query();
        filter.addTo(query);
        query.add("sort", sort).add("format", "csv");
        var response = send(request(ledger(ledgerId) + "/expenses" + query).header("Accept", "text/csv").GET());
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int read = body.read(buffer); read >= 0 && !out.checkError(); read = body.read(buffer)) {
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new ServerUnreachable(server, e);
        }
    }

    public Summary summary(String ledgerId, ExpenseFilter filter, String groupBy) {
        var query = new Query();
        filter.addTo(query);
        query.add("groupBy", groupBy);
        return read(send(request(ledger(ledgerId) + "/summary" + query).GET()), Summary.class);
    }

    /**
     * Opens the ledger's live updates ({@code text/event-stream}): the changes after event {@code lastEventId}, or
     * from now on when it is null. Refusals (401, 404) are thrown as {@link ServerRefused}, as for any request.
     */
    public EventStream follow(String ledgerId, String lastEventId) {
        var request = request(ledger(ledgerId) + "/events")
                .setHeader("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache");
        if (lastEventId != null && !lastEventId.isEmpty()) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new EventStream(send(request.GET()).body(), lastEventId);
    }

    public List<TypeUse> types(String ledgerId) {
        return read(send(request(ledger(ledgerId) + "/types").GET()), TYPES);
    }

    /**
     * Streams a CSV file to the server to import (nothing of it is held in memory here); the server reads it as
     * it arrives. The body is sent with a Content-Length when the size is known.
     */
    public ImportResult importCsv(String ledgerId, ImportRequest file) {
        var query = new Query();
        file.parameters().forEach(query::add);
        var stream = BodyPublishers.ofInputStream(file.body());
        var body = file.size() >= 0 ? BodyPublishers.fromPublisher(stream, file.size()) : stream;
        var request = request(ledger(ledgerId) + "/imports" + query)
                .header("Content-Type", "text/csv; charset=" + file.charset())
                .POST(body);
        return read(send(request), ImportResult.class);
    }

    public List<PastImport> imports(String ledgerId) {
        return read(send(request(ledger(ledgerId) + "/imports").GET()), IMPORTS);
    }

    public UndoResult undoImport(String ledgerId, String importId) {
        return read(send(request(ledger(ledgerId) + "/imports/" + Query.encode(importId)).DELETE()), UndoResult.class);
    }

    private static String ledger(String ledgerId) {
        return "/ledgers/" + Query.encode(ledgerId);
    }

    private static String memberPath(String ledgerId, String username) {
        return ledger(ledgerId) + "/members/" + Query.encode(username);
    }

    private static String expensePath(String ledgerId, String expenseId) {
        return ledger(ledgerId) + "/expenses/" + Query.encode(expenseId);
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(server + API + path))
                .header("Accept", JSON)
                .header("User-Agent", "outlay-cli");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String mediaType, Object body) {
        try {
            return request.header("Content-Type", mediaType)
                          .method(method, BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a request body", e);
        }
    }

    /** Sends the request; an answer of 400 or more becomes a {@link ServerRefused}. */
    private HttpResponse<InputStream> send(HttpRequest.Builder request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ServerUnreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachable(server, e);
        }
        if (response.statusCode() >= 400) {
            throw new ServerRefused(problem(response));
        }
        return response;
    }

    private Problem problem(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/problem+json")) {
                return json.readValue(body, Problem.class);
            }
        } catch (IOException e) {
            // an unreadable problem body still tells its status
        }
        return Problem.bare(response.statusCode());
    }

    private <T> T read(HttpResponse<InputStream> response, Class<T> type) {
        return read(response, json.constructType(type));
    }

    private <T> T read(HttpResponse<InputStream> response, TypeReference<T> type) {
        return read(response, json.constructType(type));
    }

    private <T> T read(HttpResponse<InputStream> response, JavaType type) {
        try (InputStream body = response.body()) {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new ServerUnreachable(server, e);
        }
    }
}
