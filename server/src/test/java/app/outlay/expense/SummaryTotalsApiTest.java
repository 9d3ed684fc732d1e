package app.outlay.expense;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Summaries over whole months come from running totals; after any mix of writes they must equal a
 * recount of the expenses themselves (which a filter on amounts forces).
 */
class SummaryTotalsApiTest {
    private static final String RECOUNT = "&minAmount=-999999999999.99";
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void totalsEqualARecountAfterRandomCreatesEditsAndDeletes() {
        // given random writes of every kind
        Member member = server.newUser("counter");
        var random = new Random(42);
        var types = List.of("food", "rent", "fun", "travel");
        var batch = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 300; i++) {
            batch.add(expense(date(random), types.get(random.nextInt(4)), amount(random), "row " + i));
        }
        var ids = new ArrayList<String>();
        member.api().post(member.expenses() + "/batch", batch).json().get("ids").forEach(id -> ids.add(id.asText()));
        for (int i = 0; i < 150; i++) {
            String url = member.expenses() + "/" + ids.get(random.nextInt(ids.size()));
            switch (random.nextInt(4)) {
                case 0 -> ids.add(member.api().post(member.expenses(),
                        expense(date(random), types.get(random.nextInt(4)), amount(random), "new")).text("id"));
                case 1 -> member.api().patch(url, Map.of("amount", amount(random)));
                case 2 -> member.api().patch(url, Map.of("date", date(random), "type", types.get(random.nextInt(4))));
                default -> member.api().delete(url);
            }
        }

        // then every grouping from the totals equals the recount
        for (String range : List.of("from=2022-01-01&to=2024-12-31", "from=2023-03-01&to=2023-08-31", "type=food&type=fun")) {
            for (String groupBy : List.of("", "&groupBy=type", "&groupBy=month", "&groupBy=year", "&groupBy=type,month")) {
                String query = member.ledger() + "/summary?" + range + groupBy;
                var fromTotals = member.api().get(query).json();
                var recounted = member.api().get(query + RECOUNT).json();
                assertThat(fromTotals).as(query).isEqualTo(recounted);
            }
        }
        var everything = member.api().get(member.ledger() + "/summary?groupBy=type" + RECOUNT).json();
        var typeUse = member.api().get(member.ledger() + "/types").json();
        assertThat(typeUse).hasSize(everything.get("groups").size());
        typeUse.forEach(t -> assertThat(everything.get("groups").findValues("type")).contains(t.get("type")));
    }

    @Test
    void totalsEqualARecountAfterBatchesCreatesDeletesAndImportsAtOnce() throws Exception {
        // given writes of every kind at once into one ledger, reaching the same totals in every order
        Member member = server.newUser("crowd");
        var ids = new ConcurrentLinkedDeque<String>(); // the expenses created and not deleted
        List<Callable<List<Integer>>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            var random = new Random(w);
            writers.add(() -> batches(member, random, ids));
            writers.add(() -> importThenUndo(member, random));
        }
        for (int w = 0; w < 4; w++) {
            var random = new Random(10 + w);
            writers.add(() -> createsAndDeletes(member, random, ids));
        }

        // when
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers.size())) {
            for (var done : pool.invokeAll(writers)) {
                statuses.addAll(done.get());
            }
        }

        // then none failed (no deadlock between them), and the totals are the recount's
        assertThat(statuses).allMatch(status -> status >= 200 && status < 300, "a 2xx");
        String query = member.ledger() + "/summary?groupBy=type,month";
        assertThat(member.api().get(query).json()).isEqualTo(member.api().get(query + RECOUNT).json());
        assertThat(member.api().get(query).json().get("count").asInt()).isEqualTo(ids.size());
    }

    private static List<Integer> batches(Member member, Random random, ConcurrentLinkedDeque<String> ids) {
        List<Integer> statuses = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            var items = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < 400; i++) {
                items.add(expense(date(random), "t" + random.nextInt(12), amount(random), "batch"));
            }
            var created = member.api().post(member.expenses() + "/batch", items);
            statuses.add(created.status());
            created.json().path("ids").forEach(id -> ids.add(id.asText()));
        }
        return statuses;
    }

    private static List<Integer> importThenUndo(Member member, Random random) {
        var csv = new StringBuilder("date,type,amount,description\n");
        for (int i = 0; i < 500; i++) {
            csv.append(date(random)).append(",t").append(random.nextInt(12)).append(',')
               .append(amount(random)).append(",import ").append(i).append('\n');
        }
        var imported = member.api().send("POST", member.ledger() + "/imports", csv.toString(), "text/csv");
        var undone = member.api().delete(member.ledger() + "/imports/" + imported.text("id"));
        return List.of(imported.status(), undone.status());
    }

    private static List<Integer> createsAndDeletes(Member member, Random random, ConcurrentLinkedDeque<String> ids) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String victim = random.nextBoolean() ? ids.pollFirst() : null;
            if (victim == null) {
                var created = member.api().post(member.expenses(),
                        expense(date(random), "t" + random.nextInt(12), amount(random), "single"));
                statuses.add(created.status());
                ids.add(created.text("id"));
            } else {
                statuses.add(member.api().delete(member.expenses() + "/" + victim).status());
            }
        }
        return statuses;
    }

    @Test
    void aDeletedLedgerLeavesNoTotalsBehind() {
        Member member = server.newUser("leaver");
        var ledger = member.api().post("/api/v1/ledgers", Map.of("name", "Trip")).text("id");
        member.api().post("/api/v1/ledgers/" + ledger + "/expenses", expense("2024-01-01", "food", "-5.00", "x"));

        member.api().delete("/api/v1/ledgers/" + ledger);
        var again = member.api().post("/api/v1/ledgers", Map.of("name", "Trip")).text("id");

        assertThat(member.api().get("/api/v1/ledgers/" + again + "/types").json()).isEmpty();
        assertThat(member.api().get("/api/v1/ledgers/" + again + "/summary").json().get("count").asInt()).isZero();
    }

    private static String date(Random random) {
        return "%d-%02d-%02d".formatted(2022 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private static String amount(Random random) {
        return "%d.%02d".formatted(random.nextInt(400) - 300, random.nextInt(100));
    }
}
