package app.outlay.cli.expense;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.InterferingHttpClient;
import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path home;

    private TestServer.Account alice;
    private String ledger;

    @BeforeEach
    void fourExpensesInALedgerOfItsOwn() {
        alice = server.user();
        ledger = alice.newLedger();
        alice.addExpenses(ledger, List.of(
                List.of("2023-11-11", "food", "-10.00", "hamburger"),
                List.of("2023-11-12", "leisure", "-5.00", "drinks out"),
                List.of("2023-12-01", "salary", "2500.00", "November"),
                List.of("2024-01-05", "food", "-42.30", "Market, \"organic\" stall")));
    }

    @Test
    void listShowsTheNewestFirstAsCsvWhenNotOnATerminal() {
        // when
        Run list = outlay().run("list");

        // then
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(lines(list)).containsExactly(
                "id,date,type,amount,description",
                ",2024-01-05,food,-42.30,\"Market, \"\"organic\"\" stall\"",
                ",2023-12-01,salary,2500.00,November",
                ",2023-11-12,leisure,-5.00,drinks out",
                ",2023-11-11,food,-10.00,hamburger");
        assertThat(list.err()).isEmpty();
    }

    @Test
    void filtersNarrowTheListing() {
        assertThat(lines(outlay().run("list", "--from", "2023-11-12", "--to", "2023-12-31")))
                .containsExactly("id,date,type,amount,description", ",2023-12-01,salary,2500.00,November",
                        ",2023-11-12,leisure,-5.00,drinks out");
        assertThat(lines(outlay().run("list", "--type", "leisure", "--type", "salary")))
                .containsExactly("id,date,type,amount,description", ",2023-12-01,salary,2500.00,November",
                        ",2023-11-12,leisure,-5.00,drinks out");
        assertThat(lines(outlay().run("list", "--min", "-10.00", "--max", "-5"))).containsExactly(
                "id,date,type,amount,description", ",2023-11-12,leisure,-5.00,drinks out", ",2023-11-11,food,-10.00,hamburger");
        assertThat(lines(outlay().run("list", "--search", "ORGAN mark"))).containsExactly(
                "id,date,type,amount,description", ",2024-01-05,food,-42.30,\"Market, \"\"organic\"\" stall\"");
    }

    @Test
    void sortAndLimitChooseWhichRowsAndInWhatOrder() {
        // when
        Run list = outlay().run("list", "--sort", "amount", "--limit", "2");

        // then
        assertThat(lines(list)).containsExactly("id,date,type,amount,description",
                ",2024-01-05,food,-42.30,\"Market, \"\"organic\"\" stall\"", ",2023-11-11,food,-10.00,hamburger");
        assertThat(list.err()).isEqualTo("More expenses match: raise --limit, or use --all.\n");
    }

    @Test
    void listingsLongerThanThePagesOfTheServerFollowItsCursorsAndStreamEveryRowOnce() throws Exception {
        // given: more rows than one of the server's largest pages (1000)
        var rows = new ArrayList<List<String>>();
        IntStream.range(0, 1200).forEach(i -> rows.add(List.of("2022-01-01", "bulk", "-" + (i + 1) + ".00", "row " + i)));
        alice.addExpenses(ledger, rows);

        // when
        Run csv = outlay().run("list", "--all", "--sort", "date");
        Run json = outlay().run("list", "--all", "--output", "json");
        Run limited = outlay().run("list", "--limit", "1100");

        // then
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().split("\r\n")).hasSize(1 + 1204);
        JsonNode items = new ObjectMapper().readTree(json.out());
        var ids = new HashSet<String>();
        StreamSupport.stream(items.spliterator(), false).forEach(item -> ids.add(item.get("id").asText()));
        assertThat(items.size()).isEqualTo(1204);
        assertThat(ids).hasSize(1204);
        assertThat(json.err()).isEmpty();
        assertThat(limited.out().split("\r\n")).hasSize(1 + 1100);
        assertThat(limited.err()).contains("More expenses match");
    }

    @Test
    void whenStandardOutputIsClosedTheListingStopsFetchingPages() {
        // given
        var rows = new ArrayList<List<String>>();
        IntStream.range(0, 1200).forEach(i -> rows.add(List.of("2022-01-01", "bulk", "-1.00")));
        alice.addExpenses(ledger, rows);
        var http = InterferingHttpClient.recording();

        // when: `outlay list --all | head -c 100`
        Run list = outlay().http(() -> http).stdoutClosedAfter(100).run("list", "--all");

        // then
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).hasSize(100);
        assertThat(http.sent()).hasSize(1);
    }

    @Test
    void aTableForPeopleAlignsTheColumnsAndTheAmountsToTheRight() {
        // when
        Run list = outlay().run("list", "--output", "table", "--type", "food");

        // then
        assertThat(list.out()).matches("""
                ID +DATE {8}TYPE  AMOUNT  DESCRIPTION
                \\w+ +2024-01-05  food  -42.30  Market, "organic" stall
                \\w+ +2023-11-11  food  -10.00  hamburger
                """);
    }

    @Test
    void anEmptyListingSaysSoOnStandardError() {
        // when
        Run list = outlay().run("list", "--type", "nothing", "--output", "table");

        // then
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEmpty();
        assertThat(list.err()).isEqualTo("No expenses match.\n");
    }

    @Test
    void badListingOptionsAreUsageErrors() {
        assertThat(outlay().run("list", "--sort", "price").err()).contains("--sort must be one of -date, date, -amount, amount");
        assertThat(outlay().run("list", "--sort", "price").exitCode()).isEqualTo(1);
        assertThat(outlay().run("list", "--all", "--limit", "5").exitCode()).isEqualTo(1);
        assertThat(outlay().run("list", "--limit", "0").exitCode()).isEqualTo(1);
        assertThat(outlay().run("list", "--from", "yesterday").exitCode()).isEqualTo(1);
    }

    @Test
    void aFilterTheServerRefusesExitsWithTwo() {
        // when
        Run list = outlay().run("list", "--min", "-1.005");

        // then
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("(400 Bad Request)").contains("  minAmount: ");
    }

    private Outlay outlay() {
        return Outlay.as(alice, server, home).inLedger(ledger);
    }

    /** The CSV lines, with the opaque ids left out. */
    private static List<String> lines(Run run) {
        return List.of(run.out().split("\r\n")).stream()
                .map(line -> line.startsWith("id,") ? line : line.substring(line.indexOf(',')))
                .toList();
    }
}
