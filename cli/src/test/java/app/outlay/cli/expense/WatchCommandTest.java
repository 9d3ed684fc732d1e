package app.outlay.cli.expense;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.cli.support.FakeTerminal;
import app.outlay.cli.support.Outlay;
import app.outlay.cli.support.Run;
import app.outlay.cli.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code outlay watch} against the real server, while changes are made through the API. */
class WatchCommandTest {
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
    void eachChangeIsPrintedAsALineForPeopleAsItHappensAndAnInterruptionEndsItWithZero() {
        // given
        var watch = outlay.terminal(FakeTerminal.answering()).env("NO_COLOR", "1").start("watch");
        watch.awaitErr(err -> err.contains("(Ctrl-C to stop)"));

        // when
        String id = alice.addExpense(ledger, "2024-03-01", "food", "-10.00", "hamburger");
        watch.awaitOut(out -> out.contains("created"));
        patch(id, Map.of("amount", "-12.50", "description", "hamburger, fries"));
        watch.awaitOut(out -> out.contains("updated"));
        alice.api().delete(expense(id));
        watch.awaitOut(out -> out.contains("deleted"));
        Run run = watch.interrupt();

        // then
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("created  " + id + "  2024-03-01  food  -10.00  hamburger\n"
                + "updated  " + id + "  2024-03-01  food  -12.50  hamburger, fries\n"
                + "deleted  " + id + "\n");
        assertThat(run.err()).isEqualTo("Watching ledger " + ledgerName() + " for changes (Ctrl-C to stop).\n");
    }

    @Test
    void changesMadeBeforeTheWatchStartedAreNotPrinted() {
        // given
        alice.addExpense(ledger, "2024-03-01", "food", "-1.00", "before");
        var watch = outlay.terminal(FakeTerminal.answering()).env("NO_COLOR", "1").start("watch");
        watch.awaitErr(err -> err.contains("(Ctrl-C to stop)"));

        // when
        String id = alice.addExpense(ledger, "2024-03-02", "food", "-2.00", "after");
        watch.awaitOut(out -> out.contains("after"));
        Run run = watch.interrupt();

        // then
        assertThat(run.out()).isEqualTo("created  " + id + "  2024-03-02  food  -2.00  after\n");
    }

    @Test
    void asJsonEachChangeIsOneObjectOnALineWithTheExpenseAsTheApiReturnsIt() throws Exception {
        // given
        var watch = outlay.start("watch", "--output", "json");
        watch.awaitErr(err -> err.contains("(Ctrl-C to stop)"));

        // when
        String id = alice.addExpense(ledger, "2024-03-01", "salary", "2500.00", "March");
        watch.awaitOut(out -> out.lines().count() == 1);
        JsonNode stored = alice.expense(ledger, id);
        alice.api().delete(expense(id));
        watch.awaitOut(out -> out.lines().count() == 2);
        Run run = watch.interrupt();

        // then
        var lines = run.out().lines().toList();
        var json = new ObjectMapper();
        JsonNode created = json.readTree(lines.get(0));
        JsonNode deleted = json.readTree(lines.get(1));
        assertThat(created.get("event").asText()).isEqualTo("expense.created");
        assertThat(created.get("expense")).isEqualTo(stored);
        assertThat(deleted.get("event").asText()).isEqualTo("expense.deleted");
        assertThat(deleted.get("expense")).isEqualTo(json.readTree("{\"id\":\"" + id + "\"}"));
        assertThat(Long.parseLong(deleted.get("eventId").asText())).isGreaterThan(Long.parseLong(created.get("eventId").asText()));
        assertThat(lines.get(0)).startsWith("{\"event\":\"expense.created\",\"eventId\":\"");
    }

    @Test
    void forProgramsTheDefaultIsCsvWithItsHeaderAtOnce() {
        // given
        var watch = outlay.start("watch", "--ledger", ledger);
        watch.awaitOut(out -> out.equals("event,id,date,type,amount,description\r\n"));

        // when
        String id = alice.addExpense(ledger, "2024-03-01", "food", "-4.20", "coffee, cake");
        watch.awaitOut(out -> out.contains("created"));
        Run run = watch.interrupt();

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("event,id,date,type,amount,description\r\n"
                + "created," + id + ",2024-03-01,food,-4.20,\"coffee, cake\"\r\n");
    }

    @Test
    void aBatchIsPrintedOneLinePerExpense() {
        // given
        var watch = outlay.start("watch");
        watch.awaitErr(err -> err.contains("(Ctrl-C to stop)"));

        // when
        alice.addExpenses(ledger, java.util.List.of(java.util.List.of("2024-03-01", "food", "-1.00"),
                java.util.List.of("2024-03-02", "food", "-2.00"), java.util.List.of("2024-03-03", "food", "-3.00")));
        watch.awaitOut(out -> out.lines().count() == 4);
        Run run = watch.interrupt();

        // then
        assertThat(run.out().lines().skip(1)).allMatch(line -> line.startsWith("created,"));
    }

    @Test
    void itStopsWithZeroWhenStandardOutputIsClosed() {
        // given
        var watch = outlay.stdoutClosedAfter(60).start("watch");
        watch.awaitErr(err -> err.contains("(Ctrl-C to stop)"));

        // when
        alice.addExpense(ledger, "2024-03-01", "food", "-10.00", "a description long enough to fill the pipe");
        Run run = watch.await();

        // then
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void losingAccessToTheLedgerEndsItWithTwoAndSaysWhy() {
        // given
        var bob = server.newUser();
        alice.api().put("/api/v1/ledgers/" + ledger + "/members/" + bob.username(), Map.of("role", "viewer"));
        var watch = Outlay.as(bob, server, home).start("watch", "--ledger", ledger);
        watch.awaitErr(err -> err.contains("(Ctrl-C to stop)"));

        // when
        alice.api().delete("/api/v1/ledgers/" + ledger + "/members/" + bob.username());
        alice.addExpense(ledger, "2024-03-01", "food", "-10.00", "not for bob");
        Run run = watch.await();

        // then
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("not for bob");
        assertThat(run.err()).contains("outlay: Stopped following ledger " + ledgerName() + ": you can no longer see it")
                .contains("(404 ");
    }

    @Test
    void anInvalidTokenIsRefusedAsByEveryCommand() {
        // when
        Run run = outlay.env("OUTLAY_TOKEN", "olt_invalid").run("watch", "--ledger", ledger);

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("(401 ").contains("Log in with `outlay login`");
    }

    private String ledgerName() {
        for (JsonNode each : alice.api().get("/api/v1/ledgers")) {
            if (each.get("id").asText().equals(ledger)) {
                return each.get("name").asText();
            }
        }
        throw new AssertionError("no ledger " + ledger);
    }

    private String expense(String id) {
        return "/api/v1/ledgers/" + ledger + "/expenses/" + id;
    }

    private void patch(String id, Map<String, String> changes) {
        alice.api().patch(expense(id), changes);
    }
}
