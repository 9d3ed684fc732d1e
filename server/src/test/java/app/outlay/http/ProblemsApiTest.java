package app.outlay.http;

import static app.outlay.support.ProblemAssertions.assertNoInternals;
import static app.outlay.support.ProblemAssertions.assertProblem;
import static app.outlay.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error answer is an RFC 9457 problem with the status the contract gives, and shows no internals. */
class ProblemsApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member user;

    @BeforeAll
    static void start() {
        user = server.newUser("user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nothing-here", "/api/v1/ledgers/1/nothing-here", "/api/v2/ledgers", "/nothing-here"})
    void anUnknownRouteIsANotFoundProblem(String path) {
        // when
        var answer = user.api().get(path);

        // then
        assertProblem(answer, 404);
    }

    static Stream<Arguments> knownPathsWithAnotherMethod() {
        return Stream.of(
                Arguments.of("DELETE", "/api/v1/me", "GET"),
                Arguments.of("PUT", "/api/v1/ledgers", "GET, POST"),
                Arguments.of("POST", "/health", "GET"),
                Arguments.of("PUT", "/api/v1/tokens", "GET, POST"),
                Arguments.of("GET", "/api/v1/tokens/1", "DELETE"),
                Arguments.of("POST", "{ledger}", "GET, PATCH, DELETE"),
                Arguments.of("DELETE", "{ledger}/expenses", "GET, POST"),
                Arguments.of("POST", "{ledger}/expenses/1", "GET, PUT, PATCH, DELETE"),
                Arguments.of("POST", "{ledger}/summary", "GET"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("knownPathsWithAnotherMethod")
    void anotherMethodOnAKnownPathIsNotAllowedAndNamesTheAllowedOnes(String method, String path, String allowed) {
        // when
        var answer = user.api().send(method, path.replace("{ledger}", user.ledger()), null, null);

        // then
        assertProblem(answer, 405);
        assertThat(answer.header("Allow")).as("Allow of %s %s", method, path).isNotNull();
        assertThat(methods(answer.header("Allow"))).containsExactlyInAnyOrderElementsOf(methods(allowed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"name\": }", "not json", "{\"name\": \"a\"} {\"name\": \"b\"}",
            "{\"name\": \"a\", \"name\": \"b\"}", "{\"name\": 'single'}", "\u00ff\u00fe"})
    void aBodyThatIsNotJsonIsABadRequest(String body) {
        // given
        Member member = server.newUser(Fixtures.username("parser"));

        // when
        var answer = member.api().send("POST", "/api/v1/ledgers", body, "application/json");

        // then nothing was created
        assertProblem(answer, 400);
        assertThat(member.api().get("/api/v1/ledgers").json()).hasSize(1);
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        // when
        var answer = user.api().send("POST", "/api/v1/ledgers", "", "application/json");

        // then
        assertProblem(answer, 400);
    }

    @Test
    void jsonNestedTooDeeplyIsABadRequest() {
        // when: one level past Outlay's own bound (Jackson's default would take it), and far past any bound
        int depth = Json.MAX_NESTING + 1;
        var justPast = user.api().send("POST", user.expenses() + "/batch", nested(depth), "application/json");
        var farPast = user.api().send("POST", user.expenses() + "/batch", nested(5000), "application/json");

        // then
        for (var answer : List.of(justPast, farPast)) {
            assertProblem(answer, 400);
            assertThat(answer.json().path("detail").asText()).contains("nested too deeply");
        }
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static Stream<Arguments> routesTakingAnObject() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/users"),
                Arguments.of("POST", "/api/v1/tokens"),
                Arguments.of("POST", "/api/v1/ledgers"),
                Arguments.of("PATCH", "{ledger}"),
                Arguments.of("POST", "{ledger}/expenses"),
                Arguments.of("PUT", "{expense}"),
                Arguments.of("PATCH", "{expense}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routesTakingAnObject")
    void anArrayOrScalarWhereAnObjectBelongsIsRefusedAsAProblem(String method, String path) {
        // given
        String expense = user.expenses() + "/" + user.api().post(user.expenses(), Fixtures.expense()).text("id");
        String target = path.replace("{expense}", expense).replace("{ledger}", user.ledger());
        String contentType = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";

        for (String body : List.of("[]", "[{\"name\": \"x\"}]", "\"text\"", "42", "null", "true")) {
            // when
            var answer = user.api().send(method, target, body, contentType);

            // then
            assertThat(answer.status()).as("%s %s with %s: %s", method, path, body, answer).isEqualTo(400);
            assertProblem(answer, answer.status());
        }
    }

    @Test
    void aBatchThatIsNotAnArrayIsRefusedAsAProblem() {
        // when
        var answer = user.api().post(user.expenses() + "/batch", Fixtures.expense());

        // then
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertProblem(answer, answer.status());
    }

    static Stream<Arguments> textsHoldingTheNulCharacter() {
        String nul = "\\u0000";
        return Stream.of(
                Arguments.of("POST", "{ledger}/expenses", "application/json",
                        "{\"date\": \"2024-01-01\", \"type\": \"food\", \"amount\": \"-1.00\", \"description\": \"a" + nul + "b\"}",
                        422, "description"),
                Arguments.of("POST", "{ledger}/expenses/batch", "application/json",
                        "[{\"date\": \"2024-01-01\", \"type\": \"fo" + nul + "od\", \"amount\": \"-1.00\"}]", 422, "[0].type"),
                Arguments.of("POST", "/api/v1/ledgers", "application/json",
                        "{\"name\": \"Home" + nul + "\", \"currency\": \"EUR\"}", 422, "name"),
                Arguments.of("POST", "{ledger}/imports", "text/csv",
                        "date,type,amount,description\n2024-01-01,food,-1.00,a\0b\n", 422, "description"),
                Arguments.of("GET", "{ledger}/expenses?type=a%00b", null, null, 400, "type"));
    }

    /** PostgreSQL cannot store U+0000 in text (it answered 500); neither store takes it, and nothing is stored. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("textsHoldingTheNulCharacter")
    void textHoldingTheNulCharacterIsRefusedNamingWhereItWas(String method, String path, String contentType,
                                                             String body, int status, String field) {
        // given
        Member member = server.newUser(Fixtures.username("nul"));

        // when
        var answer = member.api().send(method, path.replace("{ledger}", member.ledger()), body, contentType);

        // then
        assertProblem(answer, status);
        assertThat(answer.body()).contains(field).contains("U+0000");
        assertThat(member.api().get("/api/v1/ledgers").json()).hasSize(1);
        assertThat(member.api().get(member.expenses()).json().path("items")).isEmpty();
    }

    static Stream<Arguments> textsHoldingHalfASurrogatePair() {
        return Stream.of(
                Arguments.of("POST", "{ledger}/expenses",
                        "{\"date\": \"2024-01-01\", \"type\": \"food\", \"amount\": \"-1.00\", \"description\": \"a\\ud800b\"}",
                        "description"),
                Arguments.of("POST", "{ledger}/expenses",
                        "{\"date\": \"2024-01-01\", \"type\": \"\\ude00\\ud83d\", \"amount\": \"-1.00\"}", "type"),
                Arguments.of("POST", "{ledger}/expenses/batch",
                        "[{\"date\": \"2024-01-01\", \"type\": \"food \\ud83d\", \"amount\": \"-1.00\"}]", "[0].type"),
                Arguments.of("POST", "/api/v1/ledgers", "{\"name\": \"Home \\udfff\", \"currency\": \"EUR\"}", "name"));
    }

    /** UTF-8 cannot encode half a pair: it was answered 201 as sent and stored as "?". */
    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("textsHoldingHalfASurrogatePair")
    void textHoldingHalfASurrogatePairIsRefusedNamingWhereItWas(String method, String path, String body, String field) {
        // given
        Member member = server.newUser(Fixtures.username("half"));

        // when
        var answer = member.api().send(method, path.replace("{ledger}", member.ledger()), body, "application/json");

        // then
        assertProblem(answer, 422);
        assertThat(errorFields(answer)).containsExactly(field);
        assertThat(member.api().get("/api/v1/ledgers").json()).hasSize(1);
        assertThat(member.api().get(member.expenses()).json().path("items")).isEmpty();
    }

    @Test
    void aWholeSurrogatePairIsKept() {
        // when
        var created = user.api().send("POST", user.expenses(),
                "{\"date\": \"2024-01-01\", \"type\": \"\\ud83d\\ude00\", \"amount\": \"-1.00\"}", "application/json");

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(user.api().get(user.expenses() + "/" + created.text("id")).text("type")).isEqualTo("\uD83D\uDE00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "text/csv", "application/xml"})
    void aBodyOfAnotherMediaTypeIsUnsupported(String contentType) {
        // given
        Member member = server.newUser(Fixtures.username("media"));

        // when
        var ledger = member.api().send("POST", "/api/v1/ledgers", "{\"name\": \"Sneaky\", \"currency\": \"EUR\"}", contentType);
        var expense = member.api().send("POST", member.expenses(), Api.toJson(Fixtures.expense()), contentType);

        // then nothing was stored
        assertProblem(ledger, 415);
        assertProblem(expense, 415);
        assertThat(member.api().get("/api/v1/ledgers").json()).hasSize(1);
        assertThat(member.api().get(member.expenses()).json().path("items")).isEmpty();
    }

    @Test
    void aBodyOverTheConfiguredLimitIsTooLargeAndNothingIsStored() {
        try (var small = TestServer.start(c -> c.withMaxBodyBytes(2048))) {
            // given a server taking bodies up to 2 KiB, and requests just over and at that size
            Member member = small.newUser("admin");
            String overLedger = padded("{\"name\": \"Too big\", \"currency\": \"EUR\", \"padding\": \"%s\"}", 2049);
            String atLedger = padded("{\"name\": \"Just fits\", \"currency\": \"EUR\", \"padding\": \"%s\"}", 2048);
            String overBatch = Api.toJson(java.util.Collections.nCopies(40, Fixtures.expense()));
            assertThat(overBatch.length()).isGreaterThan(2048);

            // when
            var tooBig = member.api().send("POST", "/api/v1/ledgers", overLedger, "application/json");
            var batch = member.api().send("POST", member.expenses() + "/batch", overBatch, "application/json");
            var fits = member.api().send("POST", "/api/v1/ledgers", atLedger, "application/json");

            // then
            assertProblem(tooBig, 413);
            assertProblem(batch, 413);
            assertThat(fits.status()).as("%s", fits).isEqualTo(201);
            assertThat(member.api().get("/api/v1/ledgers").json().findValuesAsText("name"))
                    .containsExactlyInAnyOrder("Personal", "Just fits");
            assertThat(member.api().get(member.expenses()).json().path("items")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            expenses?from=notadate       | from
            expenses?to=2024-02-30       | to
            expenses?from=15.03.2024     | from
            expenses?limit=0             | limit
            expenses?limit=1001          | limit
            expenses?limit=ten           | limit
            expenses?limit=-5            | limit
            expenses?sort=bogus          | sort
            expenses?sort=date&sort=-date | sort
            expenses?cursor=garbage      | cursor
            expenses?cursor=LWRhdGV8eHwx | cursor
            expenses?minAmount=ten       | minAmount
            expenses?maxAmount=1.234     | maxAmount
            expenses?format=xml          | format
            summary?groupBy=bogus        | groupBy
            summary?groupBy=day          | groupBy
            summary?from=yesterday       | from
            """)
    void aMalformedQueryParameterIsABadRequestNamingIt(String query, String parameter) {
        // when
        var answer = user.api().get(user.ledger() + "/" + query);

        // then
        assertProblem(answer, 400);
        assertThat(errorFields(answer)).contains(parameter);
    }

    @Test
    void aCursorFromAnotherSortOrderIsABadRequestNamingIt() {
        // given a cursor of a listing sorted by date
        user.api().post(user.expenses(), Fixtures.expense("2024-01-01", "food", "-1.00", "one"));
        user.api().post(user.expenses(), Fixtures.expense("2024-01-02", "food", "-2.00", "two"));
        String cursor = user.api().get(user.expenses() + "?sort=date&limit=1").text("nextCursor");
        assertThat(cursor).isNotNull();

        // when it is used with another order
        var answer = user.api().get(user.expenses() + "?sort=amount&limit=1&cursor=" + cursor);

        // then
        assertProblem(answer, 400);
        assertThat(errorFields(answer)).containsExactly("cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%22", "%22%22%22", "*", "NEAR(a%20b)", "a%20OR%20b", "-x", "%27%3B%20DROP%20TABLE%20expense%3B--",
            "col:umn", "%5E", "%E2%80%8B", "x%00y"})
    void searchWordsWithQuotesOrSearchSyntaxAreJustWords(String q) {
        // when
        var answer = user.api().get(user.expenses() + "?q=" + q);

        // then
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("items").isArray()).isTrue();
    }

    @Test
    void amountsBeyondAnyRangeAreValidationErrorsNotServerErrors() {
        for (String amount : List.of("1e999999999", "-1e-999999999", "1" + "0".repeat(900), "0." + "0".repeat(900) + "1",
                "1" + "0".repeat(1000))) {
            // when
            var answer = user.api().send("POST", user.expenses(),
                    "{\"date\": \"2024-01-01\", \"type\": \"t\", \"description\": \"\", \"amount\": " + amount + "}",
                    "application/json");

            // then
            assertThat(answer.status()).as("amount %s: %s", amount.length() > 20 ? amount.substring(0, 20) + "..." : amount, answer)
                    .isIn(400, 422);
            assertProblem(answer, answer.status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/ledgers/%zz", "/api/v1/ledgers/%", "/api/v1/ledgers/%C0%AF"})
    void aRequestTargetTheServerCannotDecodeIsABadRequestProblem(String target) throws IOException {
        // when a client sends what no URI library would let it send
        var answer = server.raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        // then
        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).containsIgnoringCase("\r\nContent-Type: application/problem+json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("status").asInt()).isEqualTo(400);
        assertNoInternals(body);
    }

    @ParameterizedTest
    @CsvSource({"PUT, /api/v1/ledgers/%ff", "PATCH, /api/v1/ledgers/%ff", "DELETE, /api/v1/ledgers/%C0%AF",
            "OPTIONS, /api/v1/ledgers/%zz"})
    void aRequestTargetTheServerCannotDecodeIsABadRequestProblemWhateverTheMethod(String method, String target)
            throws IOException {
        // when
        var answer = server.raw(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");

        // then
        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).containsIgnoringCase("\r\nContent-Type: application/problem+json");
        assertNoInternals(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PATCH", "DELETE"})
    void headersTooLargeAreAProblemWhateverTheMethod(String method) throws IOException {
        // when
        var answer = server.raw(method + " " + user.expenses() + "/1 HTTP/1.1\r\nHost: localhost\r\nIf-Match: \""
                + "x".repeat(20_000) + "\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        // then
        assertThat(answer).startsWith("HTTP/1.1 431 ");
        assertThat(answer).containsIgnoringCase("\r\nContent-Type: application/problem+json");
    }

    @Test
    void aUriTooLongIsAProblem() throws IOException {
        // when
        var answer = server.raw("GET " + user.expenses() + "?q=" + "word+".repeat(4000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        // then
        assertThat(answer).matches("(?s)HTTP/1.1 (414|431) .*");
        assertThat(answer).containsIgnoringCase("\r\nContent-Type: application/problem+json");
        assertNoInternals(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    private static List<String> methods(String allow) {
        return Arrays.stream(allow.split(","))
                .map(String::trim)
                .filter(m -> !m.isEmpty() && !m.equals("HEAD") && !m.equals("OPTIONS"))
                .collect(Collectors.toList());
    }

    /** A JSON text of exactly {@code size} bytes, made by padding the one {@code %s} in the template. */
    private static String padded(String template, int size) {
        return template.formatted("x".repeat(size - template.length() + 2));
    }
}
