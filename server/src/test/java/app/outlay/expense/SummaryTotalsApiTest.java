package app.outlay.expense;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
