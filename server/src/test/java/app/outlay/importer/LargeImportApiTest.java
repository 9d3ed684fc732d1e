package app.outlay.importer;

import static app.outlay.importer.ImportApiTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.db.Database;
import app.outlay.support.Member;
import app.outlay.support.TestDatabases;
import app.outlay.support.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An import large enough that SQLite's index by amount is built after the rows go in rather than row by row, and
 * its insert triggers are set aside meanwhile (ImportStore.withUpkeepDeferred): the rows are listed, filtered,
 * searched and summed as if entered one by one, and what is entered one by one afterwards is again.
 */
class LargeImportApiTest {
    private static final int ROWS = 12_000;
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void aLargeImportIsListedByAmountInOrderAndTheIndexByAmountIsKept() {
        // given a file whose amounts come in no order
        Member member = server.newUser("large");
        var csv = new StringBuilder("date,type,amount,description\n");
        var amounts = new ArrayList<BigDecimal>();
        for (int i = 0; i < ROWS; i++) {
            var amount = BigDecimal.valueOf(-(i * 7_919L % 100_003), 2);
            amounts.add(amount);
            csv.append("2023-%02d-%02d,food,%s,item %d word%d\n".formatted(i % 12 + 1, i % 28 + 1, amount, i, i % 50));
        }

        // and a listing by amount served before it, whose prepared statement the server keeps across the import
        assertThat(byAmount(member)).isEmpty();

        // when it is imported, and then one more row
        var result = post(member, csv.toString(), "");
        post(member, "date,type,amount,description\n2024-01-01,food,-1000.01,smallest\n", "");

        // then every row pages by amount in order, the filters by amount and words find theirs, and the index is there
        assertThat(result.json().get("imported").asInt()).as("%s", result).isEqualTo(ROWS);
        amounts.add(new BigDecimal("-1000.01"));
        amounts.sort(Comparator.naturalOrder());
        assertThat(byAmount(member)).isEqualTo(amounts.stream().map(BigDecimal::toPlainString).toList());
        var cheap = member.api().get(member.expenses() + "?minAmount=-1.00&limit=1000").json().get("items");
        assertThat(cheap).hasSize((int) amounts.stream().filter(a -> a.compareTo(new BigDecimal("-1.00")) >= 0).count());
        assertThat(member.api().get(member.expenses() + "?q=word7&limit=1000").json().get("items")).hasSize(ROWS / 50);
        assertThat(indexesByAmount()).isEqualTo(1);
        if (!TestDatabases.postgres()) {
            assertThat(plannerFiguresOfTheIndexByAmount()).isEqualTo(1);
        }

        // and an expense created afterwards is found by its words and counted in the summary: the triggers are back
        var created = member.api().post(member.expenses(),
                Map.of("date", "2024-02-02", "type", "food", "amount", "-2.50", "description", "afterwards zebra"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(member.api().get(member.expenses() + "?q=zebra").json().get("items")).hasSize(1);
        var summary = member.api().get(member.ledger() + "/summary").json();
        assertThat(summary.get("count").asInt()).as("%s", summary).isEqualTo(ROWS + 2);
    }

    private static List<String> byAmount(Member member) {
        var amounts = new ArrayList<String>();
        String next = member.expenses() + "?sort=amount&limit=1000";
        while (next != null) {
            var page = member.api().get(next);
            page.json().get("items").forEach(e -> amounts.add(e.get("amount").asText()));
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        return amounts;
    }

    /** SQLite's hand-written planner statistics (V010), which dropping the index deletes, were written back. */
    private static int plannerFiguresOfTheIndexByAmount() {
        try (var db = Database.open(server.database())) {
            return db.dsl().fetchSingle("select count(*) from sqlite_stat1 where idx = 'expense_by_amount'")
                     .get(0, Integer.class);
        }
    }

    private static int indexesByAmount() {
        try (var db = Database.open(server.database())) {
            String sql = TestDatabases.postgres()
                    ? "select count(*) from pg_indexes where indexname = 'expense_by_amount'"
                    : "select count(*) from sqlite_schema where type = 'index' and name = 'expense_by_amount'";
            return db.dsl().fetchSingle(sql).get(0, Integer.class);
        }
    }
}
