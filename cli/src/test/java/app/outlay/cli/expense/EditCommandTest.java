package app.outlay.cli.expense;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.InterferingHttpClient;
import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EditCommandTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    private TestServer.Account alice;
    private String ledger;
    private String id;

    @BeforeEach
    void anExpenseInALedgerOfItsOwn() {
        alice = server.user();
        ledger = alice.newLedger();
        id = alice.addExpense(ledger, "2023-11-11", "food", "-10.00", "hamburger");
    }

    @Test
    void editChangesOnlyTheFieldsGiven() {
        // when
        Run edit = outlay().run("edit", id, "--amount", "-11.50", "--description", "hamburger, large", "--output", "csv");

        // then
        assertThat(edit.exitCode()).as(edit.toString()).isZero();
        assertThat(edit.out()).isEqualTo("id,date,type,amount,description\r\n"
                + id + ",2023-11-11,food,-11.50,\"hamburger, large\"\r\n");
        assertThat(edit.err()).isEqualTo("Changed expense " + id + ".\n");
        var stored = alice.expense(ledger, id);
        assertThat(stored.get("version").asInt()).isEqualTo(2);
        assertThat(stored.get("type").asText()).isEqualTo("food");
    }

    @Test
    void anEmptyDescriptionEmptiesIt() {
        // when
        Run edit = outlay().run("edit", id, "--description", "", "--date", "2023-11-12", "--type", "snacks");

        // then
        assertThat(edit.exitCode()).as(edit.toString()).isZero();
        var stored = alice.expense(ledger, id);
        assertThat(stored.get("description").asText()).isEmpty();
        assertThat(stored.get("date").asText()).isEqualTo("2023-11-12");
        assertThat(stored.get("type").asText()).isEqualTo("snacks");
    }

    @Test
    void editingToTheSameValuesSaysNothingChanged() {
        // when
        Run edit = outlay().run("edit", id, "--amount", "-10.00");

        // then
        assertThat(edit.exitCode()).isZero();
        assertThat(edit.err()).contains("already had these values");
        assertThat(alice.expense(ledger, id).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void whenSomeoneElseChangesTheExpenseBetweenReadAndWriteNothingIsChangedAndTheCommandSaysSo() {
        // given: another client changes the expense just before the CLI sends its change
        var meanwhile = InterferingHttpClient.before("PATCH", () ->
                alice.api().patch("/api/v1/ledgers/" + ledger + "/expenses/" + id, Map.of("amount", "-12.00")));

        // when
        Run edit = outlay().http(() -> meanwhile).run("edit", id, "--amount", "-11.00");

        // then
        assertThat(edit.exitCode()).isEqualTo(2);
        assertThat(edit.out()).isEmpty();
        assertThat(edit.err()).contains("Expense " + id + " was changed by someone else after it was read,"
                + " so nothing was changed.").contains("outlay show " + id).contains("(412 Precondition Failed)");
        var stored = alice.expense(ledger, id);
        assertThat(stored.get("amount").asText()).isEqualTo("-12.00");
        assertThat(stored.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void editWithoutAnythingToChangeIsAUsageError() {
        // when
        Run edit = outlay().run("edit", id);

        // then
        assertThat(edit.exitCode()).isEqualTo(1);
        assertThat(edit.err()).contains("Nothing to change");
    }

    @Test
    void anInvalidChangeIsRefusedNamingTheField() {
        // when
        Run edit = outlay().run("edit", id, "--amount", "ten euros");

        // then
        assertThat(edit.exitCode()).isEqualTo(2);
        assertThat(edit.err()).contains("(422 Unprocessable Content)").contains("\n  amount: ");
        assertThat(alice.expense(ledger, id).get("amount").asText()).isEqualTo("-10.00");
    }

    @Test
    void anInvalidDateIsCaughtBeforeAskingTheServer() {
        // when
        Run edit = outlay().run("edit", id, "--date", "2023-02-30");

        // then
        assertThat(edit.exitCode()).isEqualTo(1);
        assertThat(edit.err()).contains("'2023-02-30' is not a date like 2024-03-31");
    }

    private Outlay outlay() {
        return Outlay.as(alice, server, home).inLedger(ledger);
    }
}
