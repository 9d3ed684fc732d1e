package app.outlay.access;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.EventStream;
import app.outlay.support.Member;
import app.outlay.support.OpenApiContract;
import app.outlay.support.TestServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the published OpenAPI document, sent by each kind of caller with a valid request, answers
 * the status the table below gives. An operation added to the document without its row fails this test.
 * Callers use their bearer tokens; the ledger belongs to the owner, with the viewer and the editor as members.
 */
class AuthorizationMatrixTest {
    enum Actor { ANONYMOUS, OUTSIDER, VIEWER, EDITOR, OWNER, ADMIN }

    private static final String LEDGER = "/api/v1/ledgers/{ledgerId}";
    private static final String EXPENSE = LEDGER + "/expenses/{expenseId}";

    /** The expected status of each operation, for: anonymous, outsider, viewer, editor, owner, admin. */
    private static final Map<String, List<Integer>> TABLE = table(
            row("GET /health", 200, 200, 200, 200, 200, 200),
            row("GET /metrics", 200, 200, 200, 200, 200, 200),
            row("GET /api/openapi.yaml", 200, 200, 200, 200, 200, 200),
            row("GET /docs", 302, 302, 302, 302, 302, 302),
            row("GET /api/v1/registration", 200, 200, 200, 200, 200, 200),
            row("POST /api/v1/users", 403, 403, 403, 403, 403, 201),
            row("PUT /api/v1/users/{username}/password", 401, 403, 403, 403, 403, 204),
            row("GET /api/v1/me", 401, 200, 200, 200, 200, 200),
            row("PUT /api/v1/me/password", 401, 204, 204, 204, 204, 204),
            row("POST /api/v1/tokens", 401, 201, 201, 201, 201, 201),
            row("GET /api/v1/tokens", 401, 200, 200, 200, 200, 200),
            row("DELETE /api/v1/tokens/{tokenId}", 401, 204, 204, 204, 204, 204),
            row("POST /api/v1/sessions", 401, 204, 204, 204, 204, 204),
            // a bearer token has no session to end
            row("DELETE /api/v1/sessions/current", 401, 404, 404, 404, 404, 404),
            row("GET /api/v1/ledgers", 401, 200, 200, 200, 200, 200),
            row("POST /api/v1/ledgers", 401, 201, 201, 201, 201, 201),
            // an admin has no say in other people's ledgers
            row("GET " + LEDGER, 401, 404, 200, 200, 200, 404),
            row("PATCH " + LEDGER, 401, 404, 403, 403, 200, 404),
            row("DELETE " + LEDGER, 401, 404, 403, 403, 204, 404),
            row("GET " + LEDGER + "/members", 401, 404, 200, 200, 200, 404),
            row("PUT " + LEDGER + "/members/{username}", 401, 404, 403, 403, 201, 404),
            // {username} is the viewer: the viewer may leave
            row("DELETE " + LEDGER + "/members/{username}", 401, 404, 204, 403, 204, 404),
            row("GET " + LEDGER + "/expenses", 401, 404, 200, 200, 200, 404),
            row("POST " + LEDGER + "/expenses", 401, 404, 403, 201, 201, 404),
            row("POST " + LEDGER + "/expenses/batch", 401, 404, 403, 201, 201, 404),
            row("GET " + EXPENSE, 401, 404, 200, 200, 200, 404),
            row("PUT " + EXPENSE, 401, 404, 403, 200, 200, 404),
            row("PATCH " + EXPENSE, 401, 404, 403, 200, 200, 404),
            row("DELETE " + EXPENSE, 401, 404, 403, 204, 204, 404),
            row("GET " + LEDGER + "/summary", 401, 404, 200, 200, 200, 404),
            row("GET " + LEDGER + "/types", 401, 404, 200, 200, 200, 404),
            row("GET " + LEDGER + "/events", 401, 404, 200, 200, 200, 404),
            row("GET " + LEDGER + "/export", 401, 404, 200, 200, 200, 404),
            // restoring a whole ledger is managing it; the owner's target is a fresh, empty ledger
            row("POST " + LEDGER + "/restore", 401, 404, 403, 403, 201, 404),
            row("POST " + LEDGER + "/imports", 401, 404, 403, 200, 200, 404),
            row("GET " + LEDGER + "/imports", 401, 404, 200, 200, 200, 404),
            row("DELETE " + LEDGER + "/imports/{importId}", 401, 404, 403, 200, 200, 404));

    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static final Map<Actor, Member> MEMBERS = new EnumMap<>(Actor.class);
    /** A user in no ledger of the owner's: added as a member, or given a new password. */
    private static Member spare;
    /** The ledger and expense that reads go to; changes that succeed get a fresh pair of their own. */
    private static Fixture shared;

    private record Fixture(String ledgerId, String expenseId, String importId) {}

    private static final String CSV = "date,amount,description\r\n2024-03-15,-10.00,lunch\r\n";

    @BeforeAll
    static void start() {
        MEMBERS.put(Actor.ADMIN, server.newUser("admin"));
        for (Actor actor : List.of(Actor.OUTSIDER, Actor.VIEWER, Actor.EDITOR, Actor.OWNER)) {
            MEMBERS.put(actor, server.newUser(actor.name().toLowerCase()));
        }
        spare = server.newUser("spare");
        shared = fixture(true);
    }

    static Stream<String> documentedOperations() {
        return OpenApiContract.instance().document().getPaths().entrySet().stream()
                .flatMap(path -> path.getValue().readOperationsMap().keySet().stream().map(method -> method + " " + path.getKey()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedOperations")
    void eachCallerGetsTheStatusTheTableGives(String operation) {
        // given
        List<Integer> expected = TABLE.get(operation);
        assertThat(expected).as("the table has no row for %s", operation).isNotNull();

        // when
        List<Integer> actual = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            boolean changes = !operation.startsWith("GET ") && expected.get(actor.ordinal()) < 300;
            actual.add(send(operation, actor, changes ? fixture(!operation.endsWith("/restore")) : shared).status());
        }

        // then
        assertThat(actual).as("%s for %s", operation, List.of(Actor.values())).isEqualTo(expected);
    }

    @Test
    void everyRowOfTheTableIsADocumentedOperation() {
        assertThat(documentedOperations().toList()).containsAll(TABLE.keySet());
    }

    /** A valid request for the operation as the actor, on the given ledger and expense. */
    private static Api.Response send(String operation, Actor actor, Fixture on) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        Member member = MEMBERS.get(actor);
        Api api = member == null ? server.anonymous() : member.api();
        String path = template.replace("{ledgerId}", on.ledgerId()).replace("{expenseId}", on.expenseId())
                .replace("{importId}", on.importId())
                .replace("{username}", template.contains("/members/") && method.equals("DELETE")
                        ? MEMBERS.get(Actor.VIEWER).username() : spare.username());
        if (template.endsWith("/events")) { // a stream that stays open: its status, then closed
            try (var stream = EventStream.open(server.baseUrl(), path, member == null ? null : member.token(), null)) {
                return new Api.Response(stream.status(), null, "");
            }
        }
        if (path.contains("{tokenId}")) {
            path = path.replace("{tokenId}", member == null ? "1" : newTokenId(member));
        }
        Object body = body(method, template, member);
        String type = method.equals("PATCH") ? "application/merge-patch+json"
                : template.endsWith("/imports") ? "text/csv" : "application/json";
        return api.send(method, path, body, body == null ? null : type);
    }

    private static Object body(String method, String template, Member member) {
        String username = member == null ? "nobody-at-all" : member.username();
        return switch (method + " " + template) {
            case "POST /api/v1/users" -> Fixtures.credentials(Fixtures.username("new"), Fixtures.PASSWORD);
            case "PUT /api/v1/users/{username}/password" -> Map.of("password", Fixtures.PASSWORD);
            case "PUT /api/v1/me/password" -> Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", Fixtures.PASSWORD);
            case "POST /api/v1/tokens" -> Fixtures.tokenRequest(username, Fixtures.PASSWORD, "matrix");
            case "POST /api/v1/sessions" -> Fixtures.credentials(username, Fixtures.PASSWORD);
            case "POST /api/v1/ledgers" -> Fixtures.ledger("Matrix", "EUR");
            case "PATCH " + LEDGER -> Map.of("name", "Renamed");
            case "PUT " + LEDGER + "/members/{username}" -> Map.of("role", "viewer");
            case "POST " + LEDGER + "/expenses", "PUT " + EXPENSE -> Fixtures.expense();
            case "POST " + LEDGER + "/expenses/batch" -> List.of(Fixtures.expense());
            case "PATCH " + EXPENSE -> Map.of("amount", "-11.00");
            case "POST " + LEDGER + "/restore" -> restoreDocument();
            case "POST " + LEDGER + "/imports" -> CSV;
            default -> null;
        };
    }

    /** A ledger of the owner's with the viewer and the editor as members, and one expense in it if asked. */
    private static Fixture fixture(boolean withExpense) {
        Api owner = MEMBERS.get(Actor.OWNER).api();
        String ledgerId = owner.post("/api/v1/ledgers", Fixtures.ledger("Household", "EUR")).text("id");
        String ledger = "/api/v1/ledgers/" + ledgerId;
        owner.put(ledger + "/members/" + MEMBERS.get(Actor.VIEWER).username(), Map.of("role", "viewer"));
        owner.put(ledger + "/members/" + MEMBERS.get(Actor.EDITOR).username(), Map.of("role", "editor"));
        String expenseId = "1";
        String importId = "1";
        if (withExpense) {
            expenseId = owner.post(ledger + "/expenses", Fixtures.expense()).text("id");
            importId = owner.send("POST", ledger + "/imports?allowDuplicates=true", CSV, "text/csv").text("id");
        }
        return new Fixture(ledgerId, expenseId, importId);
    }

    /** A small document as {@code GET .../export} writes it, for an empty EUR ledger. */
    private static Map<String, Object> restoreDocument() {
        return Map.of("format", "outlay-ledger", "version", 1, "ledger", Map.of("name", "Household", "currency", "EUR"),
                "expenses", List.of(Fixtures.expense()));
    }

    private static String newTokenId(Member member) {
        return server.anonymous().post("/api/v1/tokens", Fixtures.tokenRequest(member.username(), Fixtures.PASSWORD, "spare")).text("id");
    }

    @SafeVarargs
    private static Map<String, List<Integer>> table(Map.Entry<String, List<Integer>>... rows) {
        var table = new LinkedHashMap<String, List<Integer>>();
        for (var row : rows) {
            assertThat(table.put(row.getKey(), row.getValue())).as("a second row for %s", row.getKey()).isNull();
        }
        return table;
    }

    private static Map.Entry<String, List<Integer>> row(String operation, Integer... statuses) {
        assertThat(statuses).as(operation).hasSize(Actor.values().length);
        return Map.entry(operation, List.of(statuses));
    }
}
