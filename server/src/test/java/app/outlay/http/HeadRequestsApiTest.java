package app.outlay.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HEAD answers with the status and headers GET would give, and no body. */
class HeadRequestsApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member user;

    @BeforeAll
    static void start() {
        user = server.newUser("header");
    }

    @Test
    void headOfAnExpenseGivesItsStatusAndEtagWithoutTheBody() {
        // given
        var created = user.api().post(user.expenses(), Fixtures.expense("2024-03-01", "food", "-3.50", "bagel"));
        String location = user.expenses() + "/" + created.text("id");

        // when
        var head = user.api().send("HEAD", location, null, null);

        // then
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void headOfAnExpenseThatDoesNotExistIsNotFound() {
        // when
        var head = user.api().send("HEAD", user.expenses() + "/999999", null, null);

        // then
        assertThat(head.status()).isEqualTo(404);
    }

    @Test
    void headOfAnotherUsersLedgerIsNotFound() {
        // given
        Member stranger = server.newUser(Fixtures.username("stranger"));

        // when
        var head = stranger.api().send("HEAD", user.expenses(), null, null);

        // then
        assertThat(head.status()).isEqualTo(404);
    }
}
