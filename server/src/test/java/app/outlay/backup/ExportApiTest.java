package app.outlay.backup;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.ProblemAssertions;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET .../export} and {@code POST .../restore} round trips: a ledger comes back as it was, but for its ids. */
class ExportApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void theExportHoldsTheLedgerItsMembersAndEveryExpenseInIdOrder() {
        // given
        Member owner = server.newUser(Fixtures.username("exporter"));
        Member viewer = server.newUser(Fixtures.username("reader"));
        String ledger = newLedger(owner, "Ferien 2024", "CHF");
        owner.api().put(ledger + "/members/" + viewer.username(), Map.of("role", "viewer"));
        String first = owner.api().post(ledger + "/expenses", expense("2024-07-02", "travel", "-120.50", "Zug")).text("id");
        String second = owner.api().post(ledger + "/expenses", expense("2024-07-01", "food", "-8.00", "")).text("id");

        // when a viewer exports it
        var export = viewer.api().get(ledger + "/export");

        // then
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/json");
        assertThat(export.header("Content-Disposition")).matches("attachment; filename=\"ferien-2024-\\d{4}-\\d{2}-\\d{2}\\.json\"");
        JsonNode document = export.json();
        assertThat(document.get("format").asText()).isEqualTo("outlay-ledger");
        assertThat(document.get("version").asInt()).isEqualTo(1);
        assertThat(document.get("exportedAt").asText()).endsWith("Z");
        assertThat(document.get("ledger")).isEqualTo(new ObjectMapper().valueToTree(Map.of("name", "Ferien 2024", "currency", "CHF")));
        assertThat(document.get("members").findValuesAsText("username")).containsExactlyInAnyOrder(owner.username(), viewer.username());
        assertThat(document.get("expenses").findValuesAsText("id")).containsExactly(first, second);
        JsonNode stored = owner.api().get(ledger + "/expenses/" + first).json();
        assertThat(document.get("expenses").get(0)).isEqualTo(stored);
    }

    @Test
    void aRestoredLedgerExportsAsTheOriginalButForItsIdsAndListsAndSumsTheSame() {
        // given a ledger written by two people, with edits, unicode, empty descriptions, money in and out
        Member owner = server.newUser(Fixtures.username("owner"));
        Member editor = server.newUser(Fixtures.username("editor"));
        String original = newLedger(owner, "Household", "EUR");
        owner.api().put(original + "/members/" + editor.username(), Map.of("role", "editor"));
        var items = new ArrayList<Map<String, Object>>();
        String[] descriptions = {"Café crème ☕", "", "Miete Wohnung \"Süd\"", "日本の本, line\nbreak", "coffee and cake"};
        for (int i = 0; i < 2500; i++) {
            String amount = (i % 7 == 0 ? "" : "-") + (i % 300) + "." + String.format("%02d", i % 100);
            items.add(expense("20%02d-%02d-%02d".formatted(22 + i % 3, 1 + i % 12, 1 + i % 28),
                    List.of("food", "rent", "fun", "salary", "Ökostrom").get(i % 5), amount, descriptions[i % 5] + (i % 5 == 1 ? "" : " " + i)));
        }
        List<String> ids = new ArrayList<>();
        for (Member writer : List.of(owner, editor)) {
            writer.api().post(original + "/expenses/batch", items.subList(0, 1250)).json().get("ids").forEach(id -> ids.add(id.asText()));
            items.subList(0, 1250).clear();
        }
        for (int i = 0; i < 40; i++) {
            Member writer = i % 2 == 0 ? owner : editor;
            writer.api().patch(original + "/expenses/" + ids.get(i * 50), Map.of("amount", "-" + i + ".99", "description", "edited ✓ " + i));
        }
        owner.api().delete(original + "/expenses/" + ids.get(1));

        // when it is exported, restored into a new ledger and exported again
        var export = owner.api().get(original + "/export");
        String copy = newLedger(owner, "Household (restored)", "EUR");
        var restored = owner.api().post(copy + "/restore", export.body());
        var again = owner.api().get(copy + "/export");

        // then the documents are equal but for the ids and the ledger's name
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(restored.json().get("restored").asInt()).isEqualTo(2499);
        assertThat(withoutIds(again.json().get("expenses"))).isEqualTo(withoutIds(export.json().get("expenses")));
        assertThat(again.json().get("expenses").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(again.json().get("ledger").get("currency").asText()).isEqualTo("EUR");
        // and listings, words, summaries from the running totals and type use are those of the original
        for (String query : List.of("/expenses?limit=1000&sort=amount", "/expenses?q=caf&limit=1000", "/expenses?q=edited&limit=1000")) {
            assertThat(withoutIds(owner.api().get(copy + query).json().get("items")))
                    .as(query).isEqualTo(withoutIds(owner.api().get(original + query).json().get("items")));
        }
        for (String query : List.of("/summary?groupBy=type,month", "/summary?groupBy=year&from=2023-01-01&to=2023-12-31", "/types")) {
            assertThat(owner.api().get(copy + query).json()).as(query).isEqualTo(owner.api().get(original + query).json());
        }
        var fromTotals = owner.api().get(copy + "/summary?groupBy=type,month").json();
        var recounted = owner.api().get(copy + "/summary?groupBy=type,month&minAmount=-999999999999.99").json();
        assertThat(fromTotals).isEqualTo(recounted);
    }

    /** Dates the Julian-Gregorian calendar of java.sql.Date lacks (the ten days of October 1582) shifted ten days. */
    @Test
    void datesBeforeTheGregorianCalendarAreExportedAndRestoredAsWritten() {
        // given
        Member owner = server.newUser(Fixtures.username("historian"));
        String original = newLedger(owner, "Old", "EUR");
        List<String> dates = List.of("0001-01-01", "0004-02-29", "1582-10-05", "1582-10-14", "1582-10-15", "2024-02-29");
        owner.api().post(original + "/expenses/batch", dates.stream().map(d -> expense(d, "old", "-1.00", d)).toList());

        // when it is exported, restored into a new ledger and exported again
        var export = owner.api().get(original + "/export");
        String copy = newLedger(owner, "Old (restored)", "EUR");
        var restored = owner.api().post(copy + "/restore", export.body());
        var again = owner.api().get(copy + "/export");

        // then every date is as it was written
        assertThat(export.json().get("expenses").findValuesAsText("date")).containsExactlyElementsOf(dates);
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(again.json().get("expenses").findValuesAsText("date")).containsExactlyElementsOf(dates);
        assertThat(owner.api().get(copy + "/expenses?sort=date").json().get("items").findValuesAsText("date"))
                .containsExactlyElementsOf(dates);
    }

    @Test
    void aLargeLedgerIsStreamedWhole() throws Exception {
        // given 20,000 expenses
        Member owner = server.newUser(Fixtures.username("large"));
        String ledger = newLedger(owner, "Large", "EUR");
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 10_000; i++) {
            items.add(expense("2024-01-01", "food", "-1.00", "row " + i));
        }
        owner.api().post(ledger + "/expenses/batch", items);
        owner.api().post(ledger + "/expenses/batch", items);

        // when the export is read as a stream
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + ledger + "/export"))
                .header("Authorization", "Bearer " + owner.token()).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());

        // then it is one whole document with every row
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).as("streamed, so no length up front").isEmpty();
        assertThat(countExpenses(response.body())).isEqualTo(20_000);
    }

    @Test
    void outsidersCannotExportAndViewersCannotRestore() {
        // given
        Member owner = server.newUser(Fixtures.username("keeper"));
        Member viewer = server.newUser(Fixtures.username("looker"));
        Member outsider = server.newUser(Fixtures.username("stranger"));
        String ledger = newLedger(owner, "Private", "EUR");
        owner.api().put(ledger + "/members/" + viewer.username(), Map.of("role", "viewer"));
        String document = owner.api().get(ledger + "/export").body();

        // then
        ProblemAssertions.assertProblem(outsider.api().get(ledger + "/export"), 404);
        ProblemAssertions.assertProblem(outsider.api().post(ledger + "/restore", document), 404);
        ProblemAssertions.assertProblem(viewer.api().post(ledger + "/restore", document), 403);
    }

    /** A new ledger of the member's; its path. */
    static String newLedger(Member member, String name, String currency) {
        return "/api/v1/ledgers/" + member.api().post("/api/v1/ledgers", Fixtures.ledger(name, currency)).text("id");
    }

    private static JsonNode withoutIds(JsonNode expenses) {
        ArrayNode copy = ((ArrayNode) expenses).deepCopy();
        copy.forEach(e -> ((ObjectNode) e).remove("id"));
        return copy;
    }

    /** The expenses of an export document, counted as they stream by; the document must end properly. */
    private static int countExpenses(InputStream body) throws Exception {
        try (var parser = new JsonFactory().createParser(body)) {
            int count = 0;
            int depth = 0;
            boolean inExpenses = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && depth == 1 && parser.currentName().equals("expenses")) {
                    inExpenses = true;
                }
                if (token.isStructStart()) {
                    depth++;
                    if (inExpenses && depth == 3 && token == JsonToken.START_OBJECT) {
                        count++;
                    }
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
            assertThat(depth).as("the document ends").isZero();
            return count;
        }
    }
}
