package app.outlay.cli.summary;

import static org.assertj.core.api.Assertions.assertThat;

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

class SummaryCommandTest {
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
                List.of("2023-11-12", "leisure", "-5.00", "drinks out"),
                List.of("2023-12-01", "food", "-20.00", "groceries"),
                List.of("2024-01-05", "salary", "30.00", "refund")));
    }

    @Test
    void summaryByTypeIsATableWithABarPerRowAndTheTotal() {
        // when
        Run summary = outlay().run("summary", "--by", "type", "--output", "table");

        // then
        assertThat(summary.exitCode()).as(summary.toString()).isZero();
        assertThat(summary.out()).isEqualTo("""
                TYPE       COUNT   TOTAL  BAR
                food           2  -30.00  ██████████████████████████████
                leisure        1   -5.00  █████
                salary         1   30.00  ██████████████████████████████
                --------------------------------------------------------
                total EUR      4   -5.00
                """);
    }

    @Test
    void summaryByMonthWithinDatesAsCsvHasNoBarsAndNoTotalLine() {
        // when
        Run summary = outlay().run("summary", "--by", "month", "--from", "2023-11-01", "--to", "2023-12-31", "--output", "csv");

        // then
        assertThat(summary.out()).isEqualTo("month,count,total\r\n2023-11,2,-15.00\r\n2023-12,1,-20.00\r\n");
    }

    @Test
    void summaryByYearAndByTypeAndMonthNameEveryKey() {
        assertThat(outlay().run("summary", "--by", "year", "--output", "csv").out())
                .isEqualTo("year,count,total\r\n2023,3,-35.00\r\n2024,1,30.00\r\n");
        assertThat(outlay().run("summary", "--by", "type, month", "--type", "food", "--output", "csv").out())
                .isEqualTo("type,month,count,total\r\nfood,2023-11,1,-10.00\r\nfood,2023-12,1,-20.00\r\n");
    }

    @Test
    void summaryWithoutGroupsIsTheGrandTotal() {
        // when
        Run summary = outlay().run("summary", "--output", "table");

        // then
        assertThat(summary.out()).isEqualTo("count     4\ntotal     -5.00\ncurrency  EUR\n");
    }

    @Test
    void summaryAsJsonIsTheServersSummary() throws Exception {
        // when
        Run summary = outlay().run("summary", "--by", "type", "--output", "json");

        // then
        assertThat(new ObjectMapper().readTree(summary.out()))
                .isEqualTo(alice.api().get("/api/v1/ledgers/" + ledger + "/summary?groupBy=type"));
    }

    @Test
    void anUnknownGroupingIsAUsageError() {
        // when
        Run summary = outlay().run("summary", "--by", "week");

        // then
        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(summary.err()).contains("--by must be one of type, month, year, type,month");
    }

    @Test
    void typesListsTheTypesMostUsedFirst() throws Exception {
        assertThat(outlay().run("types", "--output", "csv").out())
                .isEqualTo("type,count,total\r\nfood,2,-30.00\r\nleisure,1,-5.00\r\nsalary,1,30.00\r\n");
        assertThat(new ObjectMapper().readTree(outlay().run("types", "--output", "json").out()))
                .isEqualTo(alice.api().get("/api/v1/ledgers/" + ledger + "/types"));
    }

    private Outlay outlay() {
        return Outlay.as(alice, server, home).inLedger(ledger);
    }
}
