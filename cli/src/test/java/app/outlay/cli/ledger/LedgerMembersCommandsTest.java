package app.outlay.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LedgerMembersCommandsTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    @Test
    void ledgerMembersListsEveryMemberWithTheirRole() {
        // given
        var alice = server.newUser();
        var bob = server.newUser();
        String house = alice.newLedger("House", "EUR");
        alice.api().put("/api/v1/ledgers/" + house + "/members/" + bob.username(), Map.of("role", "viewer"));

        // when
        Run table = Outlay.as(alice, server, home).run("ledger", "members", "--ledger", "House", "-o", "table");
        Run csv = Outlay.as(bob, server, home).run("ledger", "members", "--ledger", house);

        // then
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).matches("""
                USERNAME +ROLE
                (%s +owner\\n%s +viewer|%s +viewer\\n%s +owner)
                """.formatted(alice.username(), bob.username(), bob.username(), alice.username()));
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out()).startsWith("username,role\r\n")
                .contains(alice.username() + ",owner\r\n").contains(bob.username() + ",viewer\r\n");
        assertThat(csv.out().split("\r\n")).hasSize(3);
    }

    @Test
    void ledgerMembersWritesTheApisJson() throws Exception {
        // given
        var alice = server.newUser();

        // when
        Run json = Outlay.as(alice, server, home).run("ledger", "members", "--output", "json");

        // then
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()))
                .isEqualTo(new ObjectMapper().readTree("[{\"username\": \"" + alice.username() + "\", \"role\": \"owner\"}]"));
        assertThat(json.err()).isEmpty();
    }

    @Test
    void ledgerShareAddsAMemberThenChangesTheirRole() throws Exception {
        // given
        var alice = server.newUser();
        var bob = server.newUser();
        String house = alice.newLedger("House", "EUR");
        var outlay = Outlay.as(alice, server, home);

        // when
        Run asEditor = outlay.run("ledger", "share", bob.username(), "--role", "editor", "--ledger", "House");
        Run asViewer = outlay.run("ledger", "share", bob.username(), "--role", "VIEWER", "--ledger", "House", "-o", "json");

        // then
        assertThat(asEditor.exitCode()).as(asEditor.toString()).isZero();
        assertThat(asEditor.out()).isEqualTo("username,role\r\n" + bob.username() + ",editor\r\n");
        assertThat(asEditor.err()).isEqualTo("Shared ledger House with " + bob.username() + " as editor.\n");
        assertThat(asViewer.exitCode()).as(asViewer.toString()).isZero();
        assertThat(new ObjectMapper().readTree(asViewer.out()).get("role").asText()).isEqualTo("viewer");
        assertThat(asViewer.err()).isEqualTo(bob.username() + " is now viewer in ledger House.\n");
        assertThat(alice.api().get("/api/v1/ledgers/" + house + "/members").findValuesAsText("role"))
                .containsExactlyInAnyOrder("owner", "viewer");
        assertThat(bob.api().get("/api/v1/ledgers/" + house).get("role").asText()).isEqualTo("viewer");
    }

    @Test
    void aRoleTheServerDoesNotKnowIsAUsageError() {
        // given
        var alice = server.newUser();
        var bob = server.newUser();

        // when
        Run share = Outlay.as(alice, server, home).run("ledger", "share", bob.username(), "--role", "admin");
        Run noRole = Outlay.as(alice, server, home).run("ledger", "share", bob.username());

        // then
        assertThat(share.exitCode()).isEqualTo(1);
        assertThat(share.err()).isEqualTo("outlay: --role must be one of viewer, editor, owner, not 'admin'.\n");
        assertThat(noRole.exitCode()).isEqualTo(1);
        assertThat(noRole.err()).contains("Missing required option: '--role=ROLE'");
    }

    @Test
    void sharingWithAnUnknownUserIsNotFound() {
        // given
        var alice = server.newUser();

        // when
        Run share = Outlay.as(alice, server, home).run("ledger", "share", "nobody-here", "--role", "viewer");

        // then
        assertThat(share.exitCode()).isEqualTo(2);
        assertThat(share.out()).isEmpty();
        assertThat(share.err()).isEqualTo("outlay: There is no user named 'nobody-here' on " + server.baseUrl()
                + ". (404 Not Found)\n");
    }

    @Test
    void aViewerCannotShare() {
        // given
        var alice = server.newUser();
        var bob = server.newUser();
        var carol = server.newUser();
        String house = alice.newLedger("House", "EUR");
        alice.api().put("/api/v1/ledgers/" + house + "/members/" + bob.username(), Map.of("role", "viewer"));

        // when
        Run share = Outlay.as(bob, server, home).run("ledger", "share", carol.username(), "--role", "owner", "--ledger", house);

        // then
        assertThat(share.exitCode()).isEqualTo(2);
        assertThat(share.err()).startsWith("outlay: ").contains("(403 Forbidden)").contains("owner");
        assertThat(alice.api().get("/api/v1/ledgers/" + house + "/members")).hasSize(2);
    }

    @Test
    void ledgerUnshareRemovesAMember() {
        // given
        var alice = server.newUser();
        var bob = server.newUser();
        String house = alice.newLedger("House", "EUR");
        alice.api().put("/api/v1/ledgers/" + house + "/members/" + bob.username(), Map.of("role", "editor"));

        // when
        Run unshare = Outlay.as(alice, server, home).run("ledger", "unshare", bob.username(), "--ledger", "House");

        // then
        assertThat(unshare.exitCode()).as(unshare.toString()).isZero();
        assertThat(unshare.out()).isEmpty();
        assertThat(unshare.err()).isEqualTo("Removed " + bob.username() + " from ledger House.\n");
        assertThat(bob.api().status("/api/v1/ledgers/" + house)).isEqualTo(404);
    }

    @Test
    void ledgerUnshareWithOnesOwnNameLeavesTheLedgerAndForgetsTheDefault() {
        // given
        var alice = server.newUser();
        var bob = server.newUser();
        String house = alice.newLedger("House", "EUR");
        alice.api().put("/api/v1/ledgers/" + house + "/members/" + bob.username(), Map.of("role", "viewer"));
        var outlay = Outlay.as(bob, server, home).inLedger(house);

        // when
        Run leave = outlay.run("ledger", "unshare", bob.username());

        // then
        assertThat(leave.exitCode()).as(leave.toString()).isZero();
        assertThat(leave.err()).isEqualTo("You left ledger House.\n");
        assertThat(bob.api().status("/api/v1/ledgers/" + house)).isEqualTo(404);
        assertThat(outlay.settingsFile()).content().doesNotContain("ledger=");
    }

    @Test
    void theLastOwnerCannotBeRemoved() {
        // given
        var alice = server.newUser();
        String house = alice.newLedger("House", "EUR");

        // when
        Run leave = Outlay.as(alice, server, home).run("ledger", "unshare", alice.username(), "--ledger", "House");

        // then
        assertThat(leave.exitCode()).isEqualTo(2);
        assertThat(leave.err()).isEqualTo("outlay: A ledger needs at least one owner; make another member owner first."
                + " (409 Conflict)\n");
        assertThat(alice.api().get("/api/v1/ledgers/" + house + "/members")).hasSize(1);
    }

    @Test
    void removingSomeoneWhoIsNotAMemberIsNotFound() {
        // given
        var alice = server.newUser();
        var bob = server.newUser();

        // when
        Run unshare = Outlay.as(alice, server, home).run("ledger", "unshare", bob.username());

        // then
        assertThat(unshare.exitCode()).isEqualTo(2);
        assertThat(unshare.err()).isEqualTo("outlay: " + bob.username() + " is not a member of ledger Personal."
                + " (404 Not Found)\n");
    }
}
