package app.outlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.FakeTerminal;
import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
    private static final String ESCAPE = "\u001b[";

    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    private TestServer.Account alice;
    private String ledger;

    @BeforeEach
    void expensesInALedgerOfItsOwn() {
        alice = server.user();
        ledger = alice.newLedger();
        alice.addExpenses(ledger, List.of(
                List.of("2023-11-11", "food", "-10.00", "hamburger"),
                List.of("2023-12-01", "salary", "2500.00", "November")));
    }

    @Test
    void peopleAtATerminalGetATableInColourAndProgramsGetCsv() {
        // when
        Run atTerminal = outlay().terminal(FakeTerminal.answering()).run("list");
        Run piped = outlay().run("list");

        // then
        assertThat(atTerminal.out()).contains(ESCAPE + "1mID").contains(ESCAPE + "32m2500.00" + ESCAPE + "0m")
                .contains("-10.00  hamburger");
        assertThat(piped.out()).startsWith("id,date,type,amount,description\r\n").doesNotContain(ESCAPE);
    }

    @Test
    void noColorTurnsTheColoursOff() {
        assertThat(outlay().terminal(FakeTerminal.answering()).env("NO_COLOR", "1").run("list").out())
                .startsWith("ID").doesNotContain(ESCAPE);
        assertThat(outlay().terminal(FakeTerminal.answering()).env("TERM", "dumb").run("list").out())
                .doesNotContain(ESCAPE);
        assertThat(outlay().terminal(FakeTerminal.answering()).env("NO_COLOR", "").run("list").out())
                .contains(ESCAPE);
    }

    @Test
    void aTableAskedForWithoutATerminalHasNoColour() {
        assertThat(outlay().run("list", "--output", "table").out()).startsWith("ID").doesNotContain(ESCAPE);
    }

    @Test
    void jsonOutputIsTheApisJsonWithAmountsAsStrings() throws Exception {
        // when
        Run list = outlay().run("list", "--output", "JSON");

        // then
        var items = new ObjectMapper().readTree(list.out());
        assertThat(items).isEqualTo(alice.api().get("/api/v1/ledgers/" + ledger + "/expenses").get("items"));
        assertThat(items.get(0).get("amount").isTextual()).isTrue();
    }

    @Test
    void standardOutputHoldsOnlyDataAndMessagesGoToStandardError() {
        // when
        Run add = outlay().run("add", "food", "-1.00", "--output", "csv");
        Run rm = outlay().run("rm", add.out().split("\r\n")[1].split(",")[0]);

        // then
        assertThat(add.out()).startsWith("id,date,type,amount,description\r\n");
        assertThat(add.err()).startsWith("Added expense ");
        assertThat(rm.out()).isEmpty();
        assertThat(rm.err()).startsWith("Deleted expense ");
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        // when
        Run run = outlay().run("list", "--output", "xml");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("expected one of [TABLE, JSON, CSV]");
    }

    private Outlay outlay() {
        return Outlay.as(alice, server, home).inLedger(ledger);
    }
}
