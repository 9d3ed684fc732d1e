package app.outlay.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.FakeTerminal;
import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LedgerCommandsTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    @Test
    void ledgerListShowsEveryLedgerAndMarksTheDefault() {
        // given
        var bob = server.newUser();
        String house = bob.newLedger("House", "CHF");

        // when
        Run list = Outlay.as(bob, server, home).run("ledger", "list", "--output", "table");
        Run csv = Outlay.as(bob, server, home).run("ledger", "list");

        // then
        assertThat(list.out()).matches("""
                ID +NAME {6}CURRENCY  ROLE   DEFAULT
                \\w+ +Personal  EUR       owner  \\*
                \\w+ +House     CHF       owner
                """);
        assertThat(csv.out()).isEqualTo("id,name,currency,role\r\n" + bob.ledgerId() + ",Personal,EUR,owner\r\n"
                + house + ",House,CHF,owner\r\n");
    }

    @Test
    void ledgerCreateMakesALedgerTheUserOwns() {
        // given
        var alice = server.user();

        // when
        Run create = Outlay.as(alice, server, home).run("ledger", "create", "Summer", "holiday", "--currency", "usd", "-o", "json");

        // then
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.out()).contains("\"name\": \"Summer holiday\"").contains("\"currency\": \"USD\"")
                .contains("\"role\": \"owner\"");
        assertThat(create.err()).contains("Created ledger Summer holiday");
    }

    @Test
    void theLedgerOptionTakesANameOrAnIdOnEveryCommand() {
        // given
        var alice = server.user();
        String ledger = alice.newLedger("Groceries " + System.nanoTime(), "EUR");
        String name = alice.api().get("/api/v1/ledgers/" + ledger).get("name").asText();
        var outlay = Outlay.as(alice, server, home);

        // when
        Run byName = outlay.run("add", "2024-01-01", "food", "-1.00", "--ledger", name.toUpperCase());
        Run byId = outlay.run("--ledger", ledger, "add", "2024-01-02", "food", "-2.00");

        // then
        assertThat(byName.exitCode()).as(byName.toString()).isZero();
        assertThat(byId.exitCode()).as(byId.toString()).isZero();
        assertThat(outlay.run("list", "--ledger", name, "--output", "csv").out().split("\r\n")).hasSize(3);
    }

    @Test
    void ledgerUseMakesALedgerTheDefaultForLaterCommands() throws Exception {
        // given
        var bob = server.newUser();
        String house = bob.newLedger("House", "EUR");
        var outlay = Outlay.as(bob, server, home);

        // when
        Run use = outlay.run("ledger", "use", "house");
        outlay.run("add", "2024-01-01", "rent", "-900.00");

        // then
        assertThat(use.exitCode()).as(use.toString()).isZero();
        assertThat(use.err()).contains("Commands now use ledger House (id " + house + ")");
        assertThat(Files.readString(outlay.settingsFile())).contains("ledger=" + house);
        assertThat(bob.api().get("/api/v1/ledgers/" + house + "/expenses").get("items")).hasSize(1);
        assertThat(bob.api().get("/api/v1/ledgers/" + bob.ledgerId() + "/expenses").get("items")).isEmpty();
        assertThat(outlay.run("ledger", "list", "-o", "table").out()).containsPattern("House +EUR +owner +\\*");
    }

    @Test
    void withoutAChoiceCommandsUseTheFirstLedger() {
        // given
        var bob = server.newUser();
        bob.newLedger("Second", "EUR");

        // when
        Outlay.as(bob, server, home).run("add", "2024-01-01", "food", "-1.00");

        // then
        assertThat(bob.api().get("/api/v1/ledgers/" + bob.ledgerId() + "/expenses").get("items")).hasSize(1);
    }

    @Test
    void ledgerRenameChangesTheName() {
        // given
        var alice = server.user();
        String ledger = alice.newLedger("Old name " + System.nanoTime(), "EUR");

        // when
        Run rename = Outlay.as(alice, server, home).run("ledger", "rename", ledger, "New", "name");

        // then
        assertThat(rename.exitCode()).as(rename.toString()).isZero();
        assertThat(alice.api().get("/api/v1/ledgers/" + ledger).get("name").asText()).isEqualTo("New name");
    }

    @Test
    void aNameTheServerRefusesExitsWithTwo() {
        // given
        var alice = server.user();
        String ledger = alice.newLedger();

        // when
        Run rename = Outlay.as(alice, server, home).run("ledger", "rename", ledger, "x".repeat(101));

        // then
        assertThat(rename.exitCode()).isEqualTo(2);
        assertThat(rename.err()).contains("(422 Unprocessable Content)").contains("  name: ");
    }

    @Test
    void ledgerDeleteAsksForTheNameOnATerminalAndForgetsTheDefault() {
        // given
        var bob = server.newUser();
        String house = bob.newLedger("House", "EUR");
        var outlay = Outlay.as(bob, server, home);
        outlay.run("ledger", "use", "House");

        // when
        Run wrongName = outlay.terminal(FakeTerminal.answering("house?")).run("ledger", "delete", "House");
        Run rightName = outlay.terminal(FakeTerminal.answering("House")).run("ledger", "delete", "House");

        // then
        assertThat(wrongName.exitCode()).isEqualTo(1);
        assertThat(wrongName.err()).contains("Not deleted");
        assertThat(rightName.exitCode()).as(rightName.toString()).isZero();
        assertThat(bob.api().status("/api/v1/ledgers/" + house)).isEqualTo(404);
        assertThat(outlay.settingsFile()).content().doesNotContain("ledger=");
    }

    @Test
    void ledgerDeleteWithoutATerminalNeedsYes() {
        // given
        var alice = server.user();
        String ledger = alice.newLedger();
        var outlay = Outlay.as(alice, server, home);

        // when
        Run refused = outlay.run("ledger", "delete", ledger);
        Run deleted = outlay.run("ledger", "delete", ledger, "--yes");

        // then
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("confirm with --yes");
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(alice.api().status("/api/v1/ledgers/" + ledger)).isEqualTo(404);
    }

    @Test
    void anUnknownLedgerIsAUsageErrorThatNamesTheUsersLedgers() {
        // given
        var bob = server.newUser();

        // when
        Run list = Outlay.as(bob, server, home).run("list", "--ledger", "Nowhere");

        // then
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).isEqualTo("outlay: You have no ledger named or numbered 'Nowhere'; yours: Personal ("
                + bob.ledgerId() + ").\n");
    }

    @Test
    void twoLedgersWithOneNameAreToldApartByTheirIds() {
        // given
        var bob = server.newUser();
        String first = bob.newLedger("Twin", "EUR");
        String second = bob.newLedger("Twin", "EUR");

        // when
        Run list = Outlay.as(bob, server, home).run("list", "--ledger", "Twin");

        // then
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("Several ledgers are named 'Twin': name one by its id (" + first + ", " + second + ")");
    }

    @Test
    void anotherUsersLedgerIsNotFound() {
        // given
        var alice = server.user();
        var bob = server.newUser();

        // when
        Run list = Outlay.as(bob, server, home).run("list", "--ledger", alice.ledgerId());

        // then
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("You have no ledger named or numbered '" + alice.ledgerId() + "'");
    }
}
