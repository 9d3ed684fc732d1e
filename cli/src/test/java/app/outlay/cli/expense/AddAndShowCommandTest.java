package app.outlay.cli.expense;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.FakeTerminal;
import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AddAndShowCommandTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    private TestServer.Account alice;
    private String ledger;
    private Outlay outlay;

    @BeforeEach
    void aLedgerOfItsOwn() {
        alice = server.user();
        ledger = alice.newLedger();
        outlay = Outlay.as(alice, server, home).inLedger(ledger);
    }

    @Test
    void addWithoutADateAddsTheExpenseForTodayAndPrintsIt() throws Exception {
        // when
        Run add = outlay.run("add", "food", "-10.00", "hamburger", "--output", "json");

        // then
        assertThat(add.exitCode()).as(add.toString()).isZero();
        var printed = new ObjectMapper().readTree(add.out());
        assertThat(printed.get("date").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(printed.get("amount").isTextual()).isTrue();
        assertThat(printed.get("amount").asText()).isEqualTo("-10.00");
        assertThat(add.err()).isEqualTo("Added expense " + printed.get("id").asText() + ".\n");
        var stored = alice.expense(ledger, printed.get("id").asText());
        assertThat(stored.get("type").asText()).isEqualTo("food");
        assertThat(stored.get("description").asText()).isEqualTo("hamburger");
    }

    @Test
    void addWithADateTakesEveryWordAfterTheAmountAsTheDescription() {
        // when
        Run add = outlay.run("add", "2023-11-12", "leisure", "-5.00", "drinks", "out", "--output", "csv");

        // then
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).matches("id,date,type,amount,description\r\n\\w+,2023-11-12,leisure,-5.00,drinks out\r\n");
    }

    @Test
    void amountsArePrintedExactlyAsTheServerWritesThem() {
        // given
        String yen = alice.newLedger("Japan trip", "JPY");

        // when
        Run euros = outlay.run("add", "2024-01-01", "salary", "2500", "--output", "csv");
        Run yens = outlay.run("add", "2024-01-02", "food", "-1500", "ramen", "--ledger", yen, "--output", "csv");

        // then
        assertThat(euros.out()).contains(",salary,2500.00,");
        assertThat(yens.out()).contains(",food,-1500,ramen");
    }

    @Test
    void addNeedsATypeAndAnAmount() {
        // when
        Run add = outlay.run("add", "2023-11-12", "food");

        // then
        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.err()).contains("add needs a TYPE and an AMOUNT");
        assertThat(add.out()).isEmpty();
    }

    @Test
    void anInvalidExpenseIsRefusedWithOneLinePerBadField() {
        // when
        Run add = outlay.run("add", "2023-02-30", "food", "-10.001");

        // then
        assertThat(add.exitCode()).isEqualTo(2);
        assertThat(add.out()).isEmpty();
        assertThat(add.err()).isEqualTo("""
                outlay: The request has invalid fields. (422 Unprocessable Content)
                  date: is not a calendar date: 2023-02-30
                  amount: must have at most 2 decimal places for EUR
                """);
    }

    @Test
    void showPrintsEveryFieldOneToALineForPeople() {
        // given
        String id = alice.addExpense(ledger, "2023-11-11", "food", "-10.00", "hamburger");

        // when
        Run show = outlay.terminal(FakeTerminal.answering()).env("NO_COLOR", "1").run("show", id);

        // then
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).startsWith("id           " + id + "\n"
                        + "date         2023-11-11\n"
                        + "type         food\n"
                        + "amount       -10.00\n"
                        + "description  hamburger\n"
                        + "version      1\n")
                .contains("created by   " + alice.username() + "\n");
    }

    @Test
    void showAsJsonIsTheWholeExpense() throws Exception {
        // given
        String id = alice.addExpense(ledger, "2023-11-11", "food", "-10.00", "hamburger");

        // when
        Run show = outlay.run("show", id, "--output", "json");

        // then
        var json = new ObjectMapper().readTree(show.out());
        assertThat(json).isEqualTo(alice.expense(ledger, id));
    }

    @Test
    void showingAMissingExpenseIsRefused() {
        // when
        Run show = outlay.run("show", "999999");

        // then
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).isEqualTo("outlay: No such expense. (404 Not Found)\n");
    }

    @Test
    void rmDeletesEachExpenseGiven() {
        // given
        String first = alice.addExpense(ledger, "2023-11-11", "food", "-10.00", "hamburger");
        String second = alice.addExpense(ledger, "2023-11-12", "food", "-4.00", "fries");

        // when
        Run rm = outlay.run("rm", first, second);

        // then
        assertThat(rm.exitCode()).as(rm.toString()).isZero();
        assertThat(rm.out()).isEmpty();
        assertThat(rm.err()).isEqualTo("Deleted expense " + first + ".\nDeleted expense " + second + ".\n");
        assertThat(alice.api().status("/api/v1/ledgers/" + ledger + "/expenses/" + first)).isEqualTo(404);
        assertThat(alice.api().status("/api/v1/ledgers/" + ledger + "/expenses/" + second)).isEqualTo(404);
    }

    @Test
    void removingAMissingExpenseIsRefused() {
        // when
        Run rm = outlay.run("rm", "999999");

        // then
        assertThat(rm.exitCode()).isEqualTo(2);
        assertThat(rm.err()).contains("No such expense.");
    }
}
