package app.outlay.cli.expense;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
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
                List.of("2023-11-12", "leisure", "-5.00", "drinks, \"the good ones\""),
                List.of("2023-12-01", "food", "-2.50", "line one\nline two")));
    }

    @Test
    void exportWritesTheServersCsvUnchanged() {
        // when
        Run export = outlay().run("export");

        // then
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.err()).isEmpty();
        assertThat(export.out()).isEqualTo(alice.api().text("/api/v1/ledgers/" + ledger + "/expenses?format=csv"));
        assertThat(export.out()).startsWith("id,date,type,amount,description\r\n").contains("\"drinks, \"\"the good ones\"\"\"");
    }

    @Test
    void exportAndListWriteTheSameCsv() {
        assertThat(outlay().run("list", "--all", "--output", "csv").out()).isEqualTo(outlay().run("export").out());
    }

    @Test
    void exportTakesTheListingsFiltersAndOrder() {
        // when
        Run export = outlay().run("export", "--type", "food", "--sort", "date", "--to", "2023-11-30");

        // then
        assertThat(export.out()).isEqualTo(alice.api().text(
                "/api/v1/ledgers/" + ledger + "/expenses?format=csv&type=food&sort=date&to=2023-11-30"));
        assertThat(export.out().split("\r\n")).hasSize(2);
    }

    @Test
    void exportStopsWhenStandardOutputIsClosed() {
        // when: `outlay export | head -c 40`
        Run export = outlay().stdoutClosedAfter(40).run("export");

        // then
        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).hasSize(40).startsWith("id,date,type,amount,description\r\n");
    }

    @Test
    void exportWritesNothingButCsv() {
        // when
        Run export = outlay().run("export", "--output", "json");

        // then
        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).contains("export writes CSV");
    }

    private Outlay outlay() {
        return Outlay.as(alice, server, home).inLedger(ledger);
    }
}
