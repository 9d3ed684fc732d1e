package app.outlay.expense;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Member;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SummaryApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member member;

    @BeforeAll
    static void start() {
        member = server.newUser("summer");
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 1000; i++) { // 1,000 × -0.10 across 2024, three types, every month
            rows.add(expense("2024-%02d-%02d".formatted(i % 12 + 1, i % 28 + 1),
                    List.of("food", "transport", "utilities").get(i / 12 % 3), "-0.10", "item " + i));
        }
        rows.add(expense("2023-12-31", "salary", "2500.00", "December salary"));
        rows.add(expense("2025-01-01", "food", "-0.01", "new year"));
        assertThat(member.api().post(member.expenses() + "/batch", rows).status()).isEqualTo(201);
    }

    @Test
    void moneyIsSummedExactly() {
        var summary = member.api().get(member.ledger() + "/summary?from=2024-01-01&to=2024-12-31").json();

        assertThat(summary.get("total").asText()).isEqualTo("-100.00");
        assertThat(summary.get("count").asInt()).isEqualTo(1000);
        assertThat(summary.get("currency").asText()).isEqualTo("EUR");
        assertThat(summary.get("groups")).isEmpty();
    }

    @Test
    void withoutFiltersTheWholeLedgerIsSummed() {
        var summary = member.api().get(member.ledger() + "/summary").json();

        assertThat(summary.get("total").asText()).isEqualTo("2399.99");
        assertThat(summary.get("count").asInt()).isEqualTo(1002);
    }

    @Test
    void groupsByTypeSortedByType() {
        var groups = groups("?from=2024-01-01&to=2024-12-31&groupBy=type");

        assertThat(groups).extracting(g -> g.get("type").asText()).containsExactly("food", "transport", "utilities");
        assertThat(groups).allSatisfy(g -> assertThat(g.has("month")).isFalse());
        assertThat(groups.stream().mapToInt(g -> g.get("count").asInt()).sum()).isEqualTo(1000);
        assertThat(groups.getFirst().get("total").asText()).isEqualTo("-" + "%.2f".formatted(groups.getFirst().get("count").asInt() * 0.10));
    }

    @Test
    void groupsByMonthAndYear() {
        var months = groups("?groupBy=month");
        var years = groups("?groupBy=year");

        assertThat(months).extracting(g -> g.get("month").asText()).first().isEqualTo("2023-12");
        assertThat(months).hasSize(14).extracting(g -> g.get("month").asText()).isSorted();
        assertThat(years).extracting(g -> g.get("year").asText()).containsExactly("2023", "2024", "2025");
        assertThat(years).extracting(g -> g.get("total").asText()).containsExactly("2500.00", "-100.00", "-0.01");
    }

    @Test
    void groupsByTypeAndMonth() {
        var groups = groups("?from=2024-01-01&to=2024-12-31&groupBy=type,month");

        assertThat(groups).hasSize(36);
        assertThat(groups.getFirst().get("type").asText()).isEqualTo("food");
        assertThat(groups.getFirst().get("month").asText()).isEqualTo("2024-01");
    }

    @Test
    void groupsOverPartsOfMonthsAreSummedFromTheExpensesAndSortedByTheirKeys() {
        String range = "?from=2024-01-15&to=2024-03-10";
        int count = member.api().get(member.ledger() + "/summary" + range).json().get("count").asInt();

        var groups = groups(range + "&groupBy=type,month");
        var years = groups(range + "&groupBy=year");

        assertThat(groups).extracting(g -> g.get("type").asText() + " " + g.get("month").asText())
                .isSorted().contains("food 2024-01", "utilities 2024-03");
        assertThat(groups.stream().mapToInt(g -> g.get("count").asInt()).sum()).isEqualTo(count).isPositive();
        assertThat(years).extracting(g -> g.get("year").asText()).containsExactly("2024");
        assertThat(years.getFirst().get("count").asInt()).isEqualTo(count);
        assertThat(years.getFirst().get("total").asText()).isEqualTo("-" + "%.2f".formatted(count * 0.10));
    }

    @Test
    void summaryHonoursTheListingFilters() {
        var summary = member.api().get(member.ledger() + "/summary?type=salary&type=food&minAmount=0").json();

        assertThat(summary.get("total").asText()).isEqualTo("2500.00");
        assertThat(summary.get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aSummaryByWordsCountsExpensesTheMomentTheyAreCreated() {
        Member writer = server.newUser("summer-words");
        for (int i = 1; i <= 5; i++) {
            assertThat(writer.api().post(writer.expenses(), expense("2024-03-0" + i, "food", "-1.25", "croissant " + i))
                    .status()).isEqualTo(201);

            var summary = writer.api().get(writer.ledger() + "/summary?q=croiss&groupBy=type").json();

            assertThat(summary.get("count").asInt()).as("after create " + i).isEqualTo(i);
            assertThat(summary.get("total").asText()).isEqualTo("-%.2f".formatted(i * 1.25));
        }
    }

    @Test
    void unknownGroupingIsABadParameter() {
        var response = member.api().get(member.ledger() + "/summary?groupBy=week");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("groupBy");
    }

    @Test
    void typesListsMostUsedFirstWithTotals() {
        var types = StreamSupport.stream(member.api().get(member.ledger() + "/types").json().spliterator(), false).toList();

        assertThat(types).extracting(t -> t.get("type").asText()).last().isEqualTo("salary");
        assertThat(types).extracting(t -> t.get("count").asInt()).isSortedAccordingTo((a, b) -> b - a);
        assertThat(types.getLast().get("total").asText()).isEqualTo("2500.00");
    }

    private static List<JsonNode> groups(String query) {
        var response = member.api().get(member.ledger() + "/summary" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("groups").spliterator(), false).toList();
    }
}
