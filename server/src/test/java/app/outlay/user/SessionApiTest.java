package app.outlay.user;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.MutableClock;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Browser sessions: a strict cookie, refused across sites, ended at logout and when it expires. */
class SessionApiTest {
    private static final String SESSIONS = "/api/v1/sessions";

    private static TestServer server;
    /** A second server, behind HTTPS as far as it knows, whose time the tests move. */
    private static TestServer later;
    private static final MutableClock CLOCK = new MutableClock();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        later = TestServer.start(config -> config.withBehindHttps(true), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
        later.close();
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieThatAuthenticatesReads() {
        // given
        Member user = server.newUser(Fixtures.username("ada"));

        // when
        var started = server.anonymous().post(SESSIONS, Fixtures.credentials(user.username(), Fixtures.PASSWORD));

        // then
        assertThat(started.status()).as("%s", started).isEqualTo(204);
        assertThat(started.body()).isEmpty();
        List<String> attributes = List.of(started.header("Set-Cookie").split(";\\s*"));
        assertThat(attributes.getFirst()).matches("outlay_session=ols_[A-Za-z0-9_-]{43}");
        assertThat(attributes.subList(1, attributes.size()))
                .containsExactlyInAnyOrder("Path=/", "Max-Age=" + Duration.ofDays(30).toSeconds(), "HttpOnly", "SameSite=Strict");
        Api browser = server.anonymous().withHeader("Cookie", attributes.getFirst());
        assertThat(browser.get("/api/v1/me").text("username")).isEqualTo(user.username());
        assertThat(browser.get("/api/v1/ledgers").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAsForATokenAndNoCookie() {
        // given
        Member user = server.newUser(Fixtures.username("bea"));
        Api client = server.anonymous().fromAddress("127.0.0.11");

        // when
        var wrongPassword = client.post(SESSIONS, Fixtures.credentials(user.username(), "not the password"));
        var unknownUser = client.post(SESSIONS, Fixtures.credentials(user.username() + "-nobody", "not the password"));
        var forAToken = client.post("/api/v1/tokens", Fixtures.tokenRequest(user.username(), "not the password", "t"));

        // then
        for (var answer : List.of(wrongPassword, unknownUser)) {
            assertProblem(answer, 401);
            assertThat(withoutInstance(answer.json())).isEqualTo(withoutInstance(forAToken.json()));
            assertThat(answer.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void failedSessionSignInsAreThrottledWithThoseForTokens() {
        // given ten failed session sign-ins for one user
        Member user = server.newUser(Fixtures.username("cid"));
        Api attacker = server.anonymous().fromAddress("127.0.0.12");
        for (int i = 0; i < 10; i++) {
            assertProblem(attacker.post(SESSIONS, Fixtures.credentials(user.username(), "guess number " + i)), 401);
        }

        // when the user asks for a token, and for a session, with the right password from elsewhere
        Api elsewhere = server.anonymous().fromAddress("127.0.0.13");
        var token = elsewhere.post("/api/v1/tokens", Fixtures.tokenRequest(user.username(), Fixtures.PASSWORD, "t"));
        var session = elsewhere.post(SESSIONS, Fixtures.credentials(user.username(), Fixtures.PASSWORD));

        // then
        assertProblem(token, 429);
        assertProblem(session, 429);
        assertThat(Long.parseLong(session.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(session.header("Set-Cookie")).isNull();
    }

    @Test
    void aChangeWithTheCookieMustComeFromTheServersOwnPages() {
        // given
        Member user = server.newUser(Fixtures.username("dan"));
        Api browser = server.session(user.username(), Fixtures.PASSWORD);
        var ledger = Fixtures.ledger("Shared", "EUR");

        // when
        List<Api.Response> refused = List.of(
                browser.withHeader("Sec-Fetch-Site", "cross-site").post("/api/v1/ledgers", ledger),
                browser.withHeader("Sec-Fetch-Site", "same-site").post("/api/v1/ledgers", ledger),
                browser.withHeader("Sec-Fetch-Site", "cross-site").withHeader("Origin", server.baseUrl()).post("/api/v1/ledgers", ledger),
                browser.withHeader("Origin", "http://evil.example").post("/api/v1/ledgers", ledger),
                browser.withHeader("Origin", "null").delete(user.ledger()),
                browser.post("/api/v1/ledgers", ledger));
        List<Api.Response> accepted = List.of(
                browser.withHeader("Sec-Fetch-Site", "same-origin").post("/api/v1/ledgers", ledger),
                browser.withHeader("Origin", server.baseUrl()).post("/api/v1/ledgers", ledger),
                user.api().withHeader("Origin", "http://evil.example").withHeader("Sec-Fetch-Site", "cross-site")
                        .post("/api/v1/ledgers", ledger));

        // then
        refused.forEach(answer -> assertProblem(answer, 403));
        assertThat(accepted).extracting(Api.Response::status).containsOnly(201);
        assertThat(browser.get("/api/v1/ledgers").json()).hasSize(1 + accepted.size());
        assertThat(browser.withHeader("Sec-Fetch-Site", "cross-site").get(user.ledger()).status()).isEqualTo(200);
    }

    @Test
    void signingOutEndsThatSessionAndClearsTheCookie() {
        // given two sessions of one user
        Member user = server.newUser(Fixtures.username("eva"));
        Api laptop = server.session(user.username(), Fixtures.PASSWORD).withHeader("Sec-Fetch-Site", "same-origin");
        Api phone = server.session(user.username(), Fixtures.PASSWORD);

        // when
        var signedOut = laptop.delete(SESSIONS + "/current");

        // then
        assertThat(signedOut.status()).as("%s", signedOut).isEqualTo(204);
        assertThat(signedOut.header("Set-Cookie")).startsWith("outlay_session=;").contains("Max-Age=0");
        var refused = laptop.get("/api/v1/me");
        assertProblem(refused, 401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertProblem(laptop.delete(SESSIONS + "/current"), 401);
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(200);
        assertProblem(user.api().delete(SESSIONS + "/current"), 404);
    }

    @Test
    void behindHttpsTheCookieIsSecureAndTheOwnOriginIsHttps() {
        // given
        Member user = later.newUser(Fixtures.username("fay"));
        String httpsOrigin = later.baseUrl().replace("http://", "https://");

        // when
        var started = later.anonymous().post(SESSIONS, Fixtures.credentials(user.username(), Fixtures.PASSWORD));
        Api browser = later.anonymous().withHeader("Cookie", TestServer.cookiePair(started.header("Set-Cookie")));

        // then
        assertThat(started.header("Set-Cookie")).endsWith("; Secure");
        assertThat(browser.withHeader("Origin", httpsOrigin).post("/api/v1/ledgers", Fixtures.ledger("A", "EUR")).status())
                .isEqualTo(201);
        assertProblem(browser.withHeader("Origin", later.baseUrl()).post("/api/v1/ledgers", Fixtures.ledger("B", "EUR")), 403);
    }

    @Test
    void aSessionUnusedForTheIdleTimeEnds() {
        // given a session used every six days
        Member user = later.newUser(Fixtures.username("gil"));
        Api browser = later.session(user.username(), Fixtures.PASSWORD);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CLOCK.advance(Duration.ofDays(6));
            statuses.add(browser.get("/api/v1/me").status());
        }

        // when it then rests for seven days
        CLOCK.advance(Duration.ofDays(7));
        var answer = browser.get("/api/v1/me");

        // then
        assertThat(statuses).containsOnly(200);
        assertProblem(answer, 401);
    }

    @Test
    void aSessionEndsThirtyDaysAfterItBeganHoweverOftenItIsUsed() {
        // given
        Member user = later.newUser(Fixtures.username("hal"));
        Api browser = later.session(user.username(), Fixtures.PASSWORD);
        List<Integer> statuses = new ArrayList<>();
        for (int day = 5; day < 30; day += 5) {
            CLOCK.advance(Duration.ofDays(5));
            statuses.add(browser.get("/api/v1/me").status());
        }

        // when
        CLOCK.advance(Duration.ofDays(5));
        var answer = browser.get("/api/v1/me");

        // then
        assertThat(statuses).hasSize(5).containsOnly(200);
        assertProblem(answer, 401);
        assertThat(later.session(user.username(), Fixtures.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }
}
