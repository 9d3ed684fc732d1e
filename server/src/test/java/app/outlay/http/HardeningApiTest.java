package app.outlay.http;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every response carries the security headers; API answers are never cached; oversized or slow requests are cut off. */
class HardeningApiTest {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member user;

    @BeforeAll
    static void start() {
        user = server.newUser("user");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        // when
        List<Api.Response> pages = List.of(server.anonymous().get("/health"), server.anonymous().get("/api/openapi.yaml"),
                server.anonymous().get("/docs"), server.anonymous().get("/nothing-here"), server.anonymous().send("POST", "/health", null, null));
        List<Api.Response> api = List.of(user.api().get("/api/v1/ledgers"), user.api().get(user.expenses() + "?format=csv"),
                server.anonymous().get("/api/v1/me"), user.api().send("POST", "/api/v1/ledgers", "{", "application/json"));

        // then
        for (Api.Response answer : concat(pages, api)) {
            assertThat(answer.header("Content-Security-Policy")).as("%s", answer).isEqualTo(CSP);
            assertThat(answer.header("X-Content-Type-Options")).as("%s", answer).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as("%s", answer).isEqualTo("no-referrer");
            assertThat(answer.header("Strict-Transport-Security")).as("plain HTTP: %s", answer).isNull();
        }
        assertThat(api).allSatisfy(answer -> assertThat(answer.header("Cache-Control")).isEqualTo("no-store"));
        assertThat(pages).allSatisfy(answer -> assertThat(answer.header("Cache-Control")).isNotEqualTo("no-store"));
    }

    @Test
    void theWebClientAndTheDocsPageGetTheStrictPolicy() throws IOException {
        // when
        String root = server.raw("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String docs = server.raw("GET /docs/index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        // then
        assertThat(root).startsWith("HTTP/1.1 200 ").contains("\r\nContent-Security-Policy: " + CSP + "\r\n");
        assertThat(docs).startsWith("HTTP/1.1 200 ").contains("\r\nContent-Security-Policy: " + CSP + "\r\n")
                .doesNotContainPattern("<script>[^<]"); // no inline script, which the policy would block
    }

    @Test
    void headersLargerThanTheLimitAreRefusedWithAProblemThatCarriesTheHeadersToo() throws IOException {
        // when
        String answer = server.raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(9000)
                + "\r\nConnection: close\r\n\r\n");

        // then
        assertThat(answer).startsWith("HTTP/1.1 431 ").containsIgnoringCase("\r\nContent-Type: application/problem+json")
                .contains("\r\nContent-Security-Policy: " + CSP + "\r\n").contains("\r\nX-Content-Type-Options: nosniff\r\n");
        assertThat(answer).doesNotContainIgnoringCase("\r\nServer: ");
    }

    @Test
    void aSessionCookieNeverTravelsInAnAnswerThatMayBeCached() {
        // when
        var started = server.anonymous().post("/api/v1/sessions", Fixtures.credentials("user", Fixtures.PASSWORD));

        // then
        assertThat(started.status()).isEqualTo(204);
        assertThat(started.header("Cache-Control")).isEqualTo("no-store");
        assertProblem(server.anonymous().withHeader("Cookie", "outlay_session=ols_forged").get("/api/v1/me"), 401);
    }

    private static List<Api.Response> concat(List<Api.Response> a, List<Api.Response> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
