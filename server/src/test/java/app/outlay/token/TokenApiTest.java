package app.outlay.token;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenApiTest {
    private static final String TOKENS = "/api/v1/tokens";

    /**
     * Shared by the tests that sign in successfully. Failed sign-ins count against the client address, so
     * the tests that fail on purpose more than a few times start a server of their own.
     */
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void aNewTokenIsLongUniqueAndSignsIn() {
        // given
        Member user = server.newUser(Fixtures.username("ada"));

        // when
        var first = server.anonymous().post(TOKENS, Fixtures.tokenRequest(user.username(), Fixtures.PASSWORD, "laptop"));
        var second = server.anonymous().post(TOKENS, Fixtures.tokenRequest(user.username(), Fixtures.PASSWORD, "laptop"));

        // then
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.text("id")).isNotBlank();
        assertThat(first.text("name")).isEqualTo("laptop");
        assertThat(Instant.parse(first.text("createdAt"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        String token = first.text("token");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9._~+/=-]+");
        assertThat(second.text("token")).isNotEqualTo(token);
        assertThat(second.text("id")).isNotEqualTo(first.text("id"));
        var me = server.anonymous().withToken(token).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(user.username());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        // given
        Member user = server.newUser(Fixtures.username("bea"));

        // when
        var wrongPassword = server.anonymous().post(TOKENS, Fixtures.tokenRequest(user.username(), "not the password", "t"));
        var unknownUser = server.anonymous().post(TOKENS, Fixtures.tokenRequest(user.username() + "-nobody", "not the password", "t"));

        // then nothing tells whether the account exists
        assertProblem(wrongPassword, 401);
        assertProblem(unknownUser, 401);
        assertThat(withoutInstance(unknownUser.json())).isEqualTo(withoutInstance(wrongPassword.json()));
        assertThat(unknownUser.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
    }

    @Test
    void tenFailedSignInsForOneUsernameRefuseItEvenWithTheRightPasswordFromAnywhere() {
        try (var fresh = TestServer.start()) {
            // given ten wrong passwords for one user, in varying case, from one address
            Member alice = fresh.newUser("alice");
            Member bob = fresh.newUser("bob");
            Api attacker = fresh.anonymous().fromAddress("127.0.0.2");
            List<Integer> failures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String name = i % 2 == 0 ? "alice" : "ALICE";
                failures.add(attacker.post(TOKENS, Fixtures.tokenRequest(name, "guess number " + i, "t")).status());
            }

            // when alice herself signs in from another address
            var refused = fresh.anonymous().fromAddress("127.0.0.3")
                    .post(TOKENS, Fixtures.tokenRequest(alice.username(), Fixtures.PASSWORD, "t"));

            // then
            assertThat(failures).containsOnly(401);
            assertProblem(refused, 429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
            assertThat(refused.body()).doesNotContain("olt_");
            var other = fresh.anonymous().fromAddress("127.0.0.3")
                    .post(TOKENS, Fixtures.tokenRequest(bob.username(), Fixtures.PASSWORD, "t"));
            assertThat(other.status()).as("another user is not locked out: %s", other).isEqualTo(201);
        }
    }

    @Test
    void tenFailedSignInsFromOneAddressRefuseEverySignInFromThatAddress() {
        try (var fresh = TestServer.start()) {
            // given ten failed sign-ins, each for another unknown user, from one address
            Member alice = fresh.newUser("alice");
            Api attacker = fresh.anonymous().fromAddress("127.0.0.4");
            List<Integer> failures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                failures.add(attacker.post(TOKENS, Fixtures.tokenRequest("nobody" + i, "guess number " + i, "t")).status());
            }

            // when
            var fromThere = attacker.post(TOKENS, Fixtures.tokenRequest(alice.username(), Fixtures.PASSWORD, "t"));
            var fromElsewhere = fresh.anonymous().fromAddress("127.0.0.5")
                    .post(TOKENS, Fixtures.tokenRequest(alice.username(), Fixtures.PASSWORD, "t"));

            // then
            assertThat(failures).containsOnly(401);
            assertProblem(fromThere, 429);
            assertThat(Long.parseLong(fromThere.header("Retry-After"))).isBetween(1L, 15 * 60L);
            assertThat(fromElsewhere.status()).as("%s", fromElsewhere).isEqualTo(201);
        }
    }

    @Test
    void theTokenListShowsNamesAndDatesButNoSecret() {
        // given
        Member user = server.newUser(Fixtures.username("cleo"));
        String laptop = server.anonymous().post(TOKENS, Fixtures.tokenRequest(user.username(), Fixtures.PASSWORD, "laptop")).text("token");
        String cli = server.anonymous().post(TOKENS, Fixtures.tokenRequest(user.username(), Fixtures.PASSWORD, "cli")).text("token");

        // when
        var list = user.api().get(TOKENS);

        // then
        assertThat(list.status()).isEqualTo(200);
        assertThat(names(list.json())).contains("laptop", "cli");
        for (JsonNode token : list.json()) {
            assertThat(token.path("id").asText()).isNotBlank();
            Instant.parse(token.path("createdAt").asText());
            assertThat(token.has("token")).as("%s", token).isFalse();
        }
        assertThat(list.body()).doesNotContain(laptop).doesNotContain(cli);
    }

    @Test
    void aUserSeesOnlyTheirOwnTokens() {
        // given
        Member one = server.newUser(Fixtures.username("dina"));
        Member other = server.newUser(Fixtures.username("emil"));
        server.anonymous().post(TOKENS, Fixtures.tokenRequest(other.username(), Fixtures.PASSWORD, "emils-phone"));

        // when
        var list = one.api().get(TOKENS);

        // then
        assertThat(names(list.json())).doesNotContain("emils-phone");
        assertThat(ids(list.json())).doesNotContainAnyElementsOf(ids(other.api().get(TOKENS).json()));
    }

    @Test
    void aRevokedTokenIsRefusedOnItsNextUseWhileOtherTokensGoOnWorking() {
        // given
        Member user = server.newUser(Fixtures.username("finn"));
        var issued = server.anonymous().post(TOKENS, Fixtures.tokenRequest(user.username(), Fixtures.PASSWORD, "old phone"));
        Api oldPhone = server.anonymous().withToken(issued.text("token"));
        assertThat(oldPhone.get("/api/v1/me").status()).isEqualTo(200);

        // when
        var revoked = user.api().delete(TOKENS + "/" + issued.text("id"));

        // then
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);
        assertThat(revoked.body()).isEmpty();
        var refused = oldPhone.get("/api/v1/me");
        assertProblem(refused, 401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(ids(user.api().get(TOKENS).json())).doesNotContain(issued.text("id"));
    }

    @Test
    void aTokenCanRevokeItself() {
        // given
        Member user = server.newUser(Fixtures.username("gus"));

        // when
        var revoked = user.api().delete(TOKENS + "/" + ids(user.api().get(TOKENS).json()).getFirst());

        // then
        assertThat(revoked.status()).isEqualTo(204);
        assertProblem(user.api().get("/api/v1/me"), 401);
    }

    @Test
    void revokingAnotherUsersTokenIsNotFoundAndLeavesItWorking() {
        // given
        Member owner = server.newUser(Fixtures.username("hana"));
        Member intruder = server.newUser(Fixtures.username("igor"));
        String ownersTokenId = ids(owner.api().get(TOKENS).json()).getFirst();

        // when
        var refused = intruder.api().delete(TOKENS + "/" + ownersTokenId);

        // then
        assertProblem(refused, 404);
        assertThat(owner.api().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(ids(owner.api().get(TOKENS).json())).contains(ownersTokenId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999", "abc", "0", "-1"})
    void revokingATokenThatDoesNotExistIsNotFound(String tokenId) {
        // given
        Member user = server.newUser(Fixtures.username("jon"));

        // when
        var refused = user.api().delete(TOKENS + "/" + tokenId);

        // then
        assertProblem(refused, 404);
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic YWRtaW46Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ==", "Bearer",
            "Bearer ", "Bearer not-a-token", "Bearer olt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "Token olt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aRequestWithoutAValidBearerTokenIsUnauthorized(String authorization) {
        // given no Authorization header, another scheme, or a token the server never issued
        Api api = authorization.isEmpty() ? server.anonymous() : server.anonymous().withHeader("Authorization", authorization);

        // when
        List<Api.Response> answers = List.of(api.get("/api/v1/me"), api.get("/api/v1/ledgers"), api.get(TOKENS),
                api.post("/api/v1/ledgers", Fixtures.ledger("Sneaky", "EUR")));

        // then
        for (Api.Response answer : answers) {
            assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).as("%s", answer).startsWith("Bearer");
        }
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    private static List<String> names(JsonNode tokens) {
        return StreamSupport.stream(tokens.spliterator(), false).map(t -> t.path("name").asText()).toList();
    }

    private static List<String> ids(JsonNode tokens) {
        return StreamSupport.stream(tokens.spliterator(), false).map(t -> t.path("id").asText()).toList();
    }
}
