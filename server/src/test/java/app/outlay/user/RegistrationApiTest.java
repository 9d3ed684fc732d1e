package app.outlay.user;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static app.outlay.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationApiTest {
    private static final String USERS = "/api/v1/users";

    /** A server whose first user, its admin, already exists; tests about a fresh server start their own. */
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member admin;

    @BeforeAll
    static void start() {
        admin = server.newUser("admin");
    }

    @Test
    void theFirstUserIsAnAdminWithOnePersonalLedgerInEuros() {
        try (var fresh = TestServer.start()) {
            // given a server without users

            // when
            var created = fresh.anonymous().post(USERS, Fixtures.credentials("Alice", Fixtures.PASSWORD));

            // then
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(fieldNames(created.json())).contains("id", "username").doesNotContain("password");
            assertThat(created.text("id")).isNotBlank();
            assertThat(created.text("username")).isEqualTo("Alice");
            Member alice = fresh.signIn("Alice", Fixtures.PASSWORD);
            var me = alice.api().get("/api/v1/me").json();
            assertThat(me.path("id").asText()).isEqualTo(created.text("id"));
            assertThat(me.path("username").asText()).isEqualTo("Alice");
            assertThat(me.path("admin").asBoolean()).isTrue();
            var ledgers = alice.api().get("/api/v1/ledgers").json();
            assertThat(ledgers).hasSize(1);
            assertThat(ledgers.get(0).path("name").asText()).isEqualTo("Personal");
            assertThat(ledgers.get(0).path("currency").asText()).isEqualTo("EUR");
            assertThat(ledgers.get(0).path("role").asText()).isEqualTo("owner");
        }
    }

    @Test
    void theFirstLedgerIsInTheCurrencyTheServerIsConfiguredWith() {
        try (var fresh = TestServer.start(c -> c.withCurrency(Currency.getInstance("CHF")))) {
            // given a server whose default currency is CHF

            // when
            Member user = fresh.newUser("admin");

            // then
            var ledgers = user.api().get("/api/v1/ledgers").json();
            assertThat(ledgers).hasSize(1);
            assertThat(ledgers.get(0).path("name").asText()).isEqualTo("Personal");
            assertThat(ledgers.get(0).path("currency").asText()).isEqualTo("CHF");
        }
    }

    @Test
    void onlyOneOfSeveralSimultaneousFirstRegistrationsBecomesAdmin() throws Exception {
        try (var fresh = TestServer.start(); var pool = Executors.newFixedThreadPool(4)) {
            // given a server without users and four people registering at once
            List<Callable<Api.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "racer" + i;
                attempts.add(() -> fresh.anonymous().post(USERS, Fixtures.credentials(name, Fixtures.PASSWORD)));
            }

            // when
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : pool.invokeAll(attempts)) {
                statuses.add(answer.get().status());
            }

            // then the first one in wins; registration is closed for the others
            assertThat(statuses).containsOnly(201, 403);
            assertThat(statuses).containsOnlyOnce(201);
        }
    }

    @Test
    void theRegistrationStatusSaysAnonymouslyWhetherTheFirstUserIsStillToCome() {
        try (var fresh = TestServer.start()) {
            // given a server without users
            var before = fresh.anonymous().get("/api/v1/registration");

            // when its first user registers
            fresh.newUser("admin");
            var after = fresh.anonymous().get("/api/v1/registration");

            // then
            assertThat(before.status()).as("%s", before).isEqualTo(200);
            assertThat(before.json().path("firstUser").asBoolean()).isTrue();
            assertThat(before.json().path("open").asBoolean()).isTrue();
            assertThat(after.status()).as("%s", after).isEqualTo(200);
            assertThat(after.json().path("firstUser").asBoolean()).isFalse();
            assertThat(after.json().path("open").asBoolean()).isFalse();
        }
    }

    @Test
    void theRegistrationStatusIsOpenOnAServerWithOpenRegistration() {
        try (var open = TestServer.start(c -> c.withOpenRegistration(true))) {
            // given a server with open registration and an admin
            open.newUser("admin");

            // when
            var status = open.anonymous().get("/api/v1/registration");

            // then
            assertThat(status.status()).as("%s", status).isEqualTo(200);
            assertThat(status.json().path("firstUser").asBoolean()).isFalse();
            assertThat(status.json().path("open").asBoolean()).isTrue();
        }
    }

    @Test
    void registrationWithoutCredentialsIsForbiddenOnceAUserExists() {
        // given a server with an admin, and registration closed
        String username = Fixtures.username("walk-in");

        // when
        var refused = server.anonymous().post(USERS, Fixtures.credentials(username, Fixtures.PASSWORD));

        // then nothing was created: the admin can still create that very username
        assertProblem(refused, 403);
        assertThat(admin.api().post(USERS, Fixtures.credentials(username, Fixtures.PASSWORD)).status()).isEqualTo(201);
    }

    @Test
    void aUserWhoIsNotAdminCannotCreateUsers() {
        // given
        Member bob = server.newUser(Fixtures.username("bob"));

        // when
        var refused = bob.api().post(USERS, Fixtures.credentials(Fixtures.username("friend"), Fixtures.PASSWORD));

        // then
        assertProblem(refused, 403);
    }

    @Test
    void theAdminCreatesUsersWhoAreNotAdminsAndHaveTheirOwnLedger() {
        // given
        String username = Fixtures.username("carol");

        // when
        var created = admin.api().post(USERS, Fixtures.credentials(username, Fixtures.PASSWORD));

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.text("username")).isEqualTo(username);
        Member carol = server.signIn(username, Fixtures.PASSWORD);
        var me = carol.api().get("/api/v1/me").json();
        assertThat(me.path("admin").asBoolean()).isFalse();
        assertThat(me.path("id").asText()).isEqualTo(created.text("id")).isNotEqualTo(admin.id());
        var ledgers = carol.api().get("/api/v1/ledgers").json();
        assertThat(ledgers).hasSize(1);
        assertThat(ledgers.get(0).path("name").asText()).isEqualTo("Personal");
        assertThat(ledgers.get(0).path("id").asText()).isNotEqualTo(admin.ledgerId());
    }

    @Test
    void withOpenRegistrationAnyoneCanRegisterAndIsNotAdmin() {
        try (var open = TestServer.start(c -> c.withOpenRegistration(true))) {
            // given a server with open registration and an admin
            open.newUser("admin");

            // when
            var created = open.anonymous().post(USERS, Fixtures.credentials("dave", Fixtures.PASSWORD));

            // then
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            Member dave = open.signIn("dave", Fixtures.PASSWORD);
            assertThat(dave.api().get("/api/v1/me").json().path("admin").asBoolean()).isFalse();
        }
    }

    @Test
    void usernamesAreUniqueWithoutRegardToCase() {
        // given
        String username = Fixtures.username("Erin");
        assertThat(admin.api().post(USERS, Fixtures.credentials(username, Fixtures.PASSWORD)).status()).isEqualTo(201);

        // when
        var lower = admin.api().post(USERS, Fixtures.credentials(username.toLowerCase(), "another password 1"));
        var upper = admin.api().post(USERS, Fixtures.credentials(username.toUpperCase(), "another password 2"));

        // then both are refused, and the first account keeps its password
        assertProblem(lower, 409);
        assertProblem(upper, 409);
        assertThat(server.signIn(username, Fixtures.PASSWORD).username()).isEqualTo(username);
        assertProblem(server.anonymous().post("/api/v1/tokens",
                Fixtures.tokenRequest(username.toLowerCase(), "another password 1", "t")), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "has space", "semi;colon", "slash/name", "at@sign", "emoji🙂x",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void aMalformedUsernameIsRefusedNamingTheField(String username) {
        // given a username that is empty, too short, too long (65) or has a character outside letters, digits, . _ -

        // when
        var refused = admin.api().post(USERS, Fixtures.credentials(username, Fixtures.PASSWORD));

        // then
        assertProblem(refused, 422);
        assertThat(errorFields(refused)).containsExactly("username");
    }

    @Test
    void aMissingUsernameOrPasswordIsRefusedNamingBoth() {
        // when
        var refused = admin.api().post(USERS, Map.of());

        // then
        assertProblem(refused, 422);
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("username", "password");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 1025, 5000})
    void aPasswordOfFewerThan10OrMoreThan1024CharactersIsRefusedNamingTheField(int length) {
        // given
        String username = Fixtures.username("frank");

        // when
        var refused = admin.api().post(USERS, Fixtures.credentials(username, "p".repeat(length)));

        // then nothing was stored: the username is still free
        assertProblem(refused, 422);
        assertThat(errorFields(refused)).containsExactly("password");
        assertThat(admin.api().post(USERS, Fixtures.credentials(username, Fixtures.PASSWORD)).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1024})
    void aPasswordOf10To1024CharactersIsAcceptedAndSignsIn(int length) {
        // given
        String username = Fixtures.username("grace");
        String password = "pässwörd ".repeat(200).substring(0, length);

        // when
        var created = admin.api().post(USERS, Fixtures.credentials(username, password));

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(server.signIn(username, password).username()).isEqualTo(username);
    }

    @Test
    void usernamesOf3To64LettersDigitsDotsUnderscoresAndHyphensAreAccepted() {
        // given
        String shortest = "Zoë";
        String longest = Fixtures.username("h.u_g-o").toLowerCase();
        longest = longest + "9".repeat(64 - longest.length());

        // when
        var created3 = admin.api().post(USERS, Fixtures.credentials(shortest, Fixtures.PASSWORD));
        var created64 = admin.api().post(USERS, Fixtures.credentials(longest, Fixtures.PASSWORD));

        // then
        assertThat(created3.status()).as("%s", created3).isEqualTo(201);
        assertThat(created3.text("username")).isEqualTo(shortest);
        assertThat(created64.status()).as("%s", created64).isEqualTo(201);
        assertThat(created64.text("username")).isEqualTo(longest);
    }

    @Test
    void thePasswordAndItsHashNeverAppearInAnyResponse() {
        // given a password that is easy to spot
        String username = Fixtures.username("ivan");
        String password = "Sesame-Open-4711";
        var responses = new HashMap<String, Api.Response>();

        // when the user is created, signs in, looks around, and some requests go wrong
        responses.put("register", admin.api().post(USERS, Fixtures.credentials(username, password)));
        responses.put("register again", admin.api().post(USERS, Fixtures.credentials(username, password)));
        responses.put("sign in", server.anonymous().post("/api/v1/tokens", Fixtures.tokenRequest(username, password, "cli")));
        Api api = server.anonymous().withToken(responses.get("sign in").text("token"));
        responses.put("me", api.get("/api/v1/me"));
        responses.put("tokens", api.get("/api/v1/tokens"));
        responses.put("ledgers", api.get("/api/v1/ledgers"));
        responses.put("wrong user", server.anonymous().post("/api/v1/tokens",
                Fixtures.tokenRequest(username + "x", password, "cli")));
        responses.put("short password", admin.api().post(USERS,
                Fixtures.credentials(Fixtures.username("ivan"), password.substring(0, 9))));

        // then
        assertThat(responses.get("register").status()).isEqualTo(201);
        assertThat(responses.get("sign in").status()).isEqualTo(201);
        responses.forEach((step, response) -> assertThat(response.body()).as(step)
                .doesNotContain(password)
                .doesNotContain(password.substring(0, 9))
                .doesNotContainIgnoringCase("argon2")
                .doesNotContainIgnoringCase("hash"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
