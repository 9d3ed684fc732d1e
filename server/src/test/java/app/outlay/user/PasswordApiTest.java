package app.outlay.user;

import static app.outlay.support.ProblemAssertions.assertProblem;
import static app.outlay.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing one's password, and an admin setting someone's: browser sessions end, the new password works. */
class PasswordApiTest {
    private static final String NEW_PASSWORD = "a new and longer passphrase";

    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member admin;

    @BeforeAll
    static void start() {
        admin = server.newUser("admin");
    }

    @Test
    void changingOnesPasswordEndsOtherSessionsButNotThisOneNorTokens() {
        // given a user with a token and two browser sessions
        Member user = server.newUser(Fixtures.username("ann"));
        Api laptop = server.session(user.username(), Fixtures.PASSWORD).withHeader("Sec-Fetch-Site", "same-origin");
        Api phone = server.session(user.username(), Fixtures.PASSWORD);

        // when
        var changed = laptop.put("/api/v1/me/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD));

        // then
        assertThat(changed.status()).as("%s", changed).isEqualTo(204);
        assertThat(laptop.get("/api/v1/me").status()).isEqualTo(200);
        assertProblem(phone.get("/api/v1/me"), 401);
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(200);
        assertProblem(server.anonymous().post("/api/v1/sessions", Fixtures.credentials(user.username(), Fixtures.PASSWORD)), 401);
        assertThat(server.session(user.username(), NEW_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordOrATooShortNewOneChangesNothing() {
        // given
        Member user = server.newUser(Fixtures.username("ben"));

        // when
        var wrong = user.api().put("/api/v1/me/password", Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD));
        var tooShort = user.api().put("/api/v1/me/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "too short"));
        var missing = user.api().put("/api/v1/me/password", Map.of("newPassword", NEW_PASSWORD));

        // then
        assertProblem(wrong, 422);
        assertThat(errorFields(wrong)).containsExactly("currentPassword");
        assertProblem(tooShort, 422);
        assertThat(errorFields(tooShort)).containsExactly("newPassword");
        assertProblem(missing, 422);
        assertThat(server.session(user.username(), Fixtures.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anAdminSetsAUsersPasswordAndEndsTheirSessions() {
        // given
        Member user = server.newUser(Fixtures.username("cat"));
        Api browser = server.session(user.username(), Fixtures.PASSWORD);

        // when
        var reset = admin.api().put("/api/v1/users/" + user.username().toUpperCase() + "/password", Map.of("password", NEW_PASSWORD));

        // then
        assertThat(reset.status()).as("%s", reset).isEqualTo(204);
        assertProblem(browser.get("/api/v1/me"), 401);
        assertProblem(server.anonymous().post("/api/v1/tokens", Fixtures.tokenRequest(user.username(), Fixtures.PASSWORD, "t")), 401);
        assertThat(server.session(user.username(), NEW_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void onlyAnAdminSetsPasswordsAndOnlyOfUsersThatExist() {
        // given
        Member user = server.newUser(Fixtures.username("dov"));
        Member other = server.newUser(Fixtures.username("eli"));

        // when
        var byUser = user.api().put("/api/v1/users/" + other.username() + "/password", Map.of("password", NEW_PASSWORD));
        var unknown = admin.api().put("/api/v1/users/nobody-at-all/password", Map.of("password", NEW_PASSWORD));
        var tooShort = admin.api().put("/api/v1/users/" + other.username() + "/password", Map.of("password", "short"));

        // then
        assertProblem(byUser, 403);
        assertProblem(unknown, 404);
        assertProblem(tooShort, 422);
        assertThat(errorFields(tooShort)).containsExactly("password");
        assertThat(server.signIn(other.username(), Fixtures.PASSWORD).api().get("/api/v1/me").status()).isEqualTo(200);
    }
}
