package app.outlay.expense;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExpenseBatchApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static int users;

    @Test
    void batchCreatesEveryItemAndReturnsIdsInOrder() {
        var member = server.newUser("batcher" + ++users);
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 1200; i++) { // dates in no order
            items.add(expense(LocalDate.of(2024, 1, 1).plusDays(i * 7919L % 400).toString(), "food", "-1.00",
                    "item " + i));
        }

        var response = member.api().post(member.expenses() + "/batch", items);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("created").asInt()).isEqualTo(1200);
        var ids = response.json().get("ids");
        assertThat(ids).hasSize(1200);
        var distinct = new HashSet<String>();
        ids.forEach(id -> distinct.add(id.asText()));
        assertThat(distinct).hasSize(1200);
        for (int i = 0; i < 1200; i += i < 10 || i > 1190 ? 1 : 37) {
            var stored = member.api().get(member.expenses() + "/" + ids.get(i).asText());
            assertThat(stored.text("description")).isEqualTo("item " + i);
            assertThat(stored.text("date")).isEqualTo(items.get(i).get("date"));
        }
    }

    @Test
    void aBatchOfLongDescriptionsIsStoredInOrderToo() {
        // given: 3,000 descriptions of 1,000 characters, more values than one statement binds (1 MiB)
        var member = server.newUser("batcher" + ++users);
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 3000; i++) {
            String number = " " + i;
            items.add(expense("2024-01-01", "food", "-1.00", "é".repeat(1000 - number.length()) + number));
        }

        // when
        var ids = member.api().post(member.expenses() + "/batch", items).json().get("ids");

        // then every item has its own id, in order, across the statements
        assertThat(ids).hasSize(3000);
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).asLong()).isGreaterThan(ids.get(i - 1).asLong());
        }
        for (int i = 0; i < ids.size(); i += 7) {
            var stored = member.api().get(member.expenses() + "/" + ids.get(i).asText());
            assertThat(stored.text("description")).isEqualTo(items.get(i).get("description"));
        }
    }

    @Test
    void batchStoresEveryFieldAsASingleCreateDoes() {
        // given: values a JSON array of values must carry unchanged (quotes, backslashes, control characters,
        // letters beyond ASCII and the BMP, the largest amounts, the ends of the calendar)
        var member = server.newUser("batcher" + ++users);
        var items = List.of(
                expense("2024-03-05", "café", "-12.34", "say \"cheese\" \\ C:\\temp\\ tab\there\nnew line"),
                expense("0001-01-01", "食べ物", "999999999999.99", "寿司 😀 naïve"),
                expense("9999-12-31", "salary", "-999999999999.99", ""),
                expense("2024-03-06", "food", "0.00", "{\"not\": [\"json\"]} ->> 0 ' ; drop table expense; --"));

        // when
        var ids = member.api().post(member.expenses() + "/batch", items).json().get("ids");

        // then
        assertThat(ids).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            var single = member.api().post(member.expenses(), items.get(i)).json();
            var batched = member.api().get(member.expenses() + "/" + ids.get(i).asText()).json();
            for (String field : List.of("date", "type", "amount", "description")) {
                assertThat(batched.get(field).asText()).as(field + " of item " + i).isEqualTo(single.get(field).asText())
                        .isEqualTo(items.get(i).get(field));
            }
        }
        var found = member.api().get(member.expenses() + "?q=cheese").json().get("items");
        assertThat(found.findValuesAsText("id")).contains(ids.get(0).asText());
        var march = member.api().get(member.ledger() + "/summary?from=2024-03-01&to=2024-03-31").json();
        assertThat(march.get("count").asInt()).isEqualTo(2 * 2);
        assertThat(march.get("total").asText()).isEqualTo("-24.68");
    }

    @Test
    void batchesSentAtOnceIntoOneLedgerAreAllStoredAndCounted() throws Exception {
        // given: batches of many types and months in different orders, so that their running totals are
        // reached in different orders (on PostgreSQL two such writes at once deadlocked)
        var member = server.newUser("batcher" + ++users);
        var random = new java.util.Random(7);
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            var items = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < 800; i++) {
                String month = String.format("2024-%02d", 1 + random.nextInt(12));
                items.add(expense(month + "-01", "type" + random.nextInt(20), "-1.00", "batch " + b));
            }
            batches.add(items);
        }

        // when
        List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(batches.size())) {
            for (var items : batches) {
                statuses.add(threads.submit(() -> member.api().post(member.expenses() + "/batch", items).status()));
            }
            for (var status : statuses) {
                // then
                assertThat(status.get()).isEqualTo(201);
            }
        }
        var summary = member.api().get(member.ledger() + "/summary?from=2024-01-01&to=2024-12-31&groupBy=type").json();
        assertThat(summary.get("count").asInt()).isEqualTo(6 * 800);
        assertThat(summary.get("total").asText()).isEqualTo("-4800.00");
    }

    @Test
    void oneInvalidItemRefusesTheWholeBatchNamingEachBadIndex() {
        var member = server.newUser("batcher" + ++users);
        var items = List.of(
                expense("2024-01-01", "food", "-1.00", "fine"),
                expense("2024-01-01", "", "x", "bad type and amount"),
                expense("2024-01-01", "food", "-1.00", "fine too"),
                expense("2024-02-30", "food", "-1.00", "bad date"));

        var response = member.api().post(member.expenses() + "/batch", items);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("[1].type", "[1].amount", "[3].date");
        assertThat(member.api().get(member.ledger() + "/summary").json().get("count").asInt()).isZero();
    }

    @Test
    void batchesMustHoldOneToTenThousandObjects() {
        var member = server.newUser("batcher" + ++users);
        var tooMany = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(expense("2024-01-01", "food", "-1.00", ""));
        }

        assertThat(member.api().post(member.expenses() + "/batch", List.of()).status()).isEqualTo(422);
        assertThat(member.api().post(member.expenses() + "/batch", tooMany).status()).isEqualTo(422);
        assertThat(member.api().post(member.expenses() + "/batch", Map.of("date", "2024-01-01")).status()).isEqualTo(400);
        var notAnObject = member.api().post(member.expenses() + "/batch", List.of(Fixtures.expense(), "not an object"));
        assertThat(notAnObject.status()).isEqualTo(422);
        assertThat(notAnObject.json().get("errors").findValuesAsText("field")).containsExactly("[1]");
        assertThat(member.api().get(member.ledger() + "/summary").json().get("count").asInt()).isZero();
    }
}
