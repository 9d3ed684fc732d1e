package app.outlay.expense;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.Api;
import app.outlay.support.Member;
import app.outlay.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listing with every query parameter, over one ledger with a known set of rows. */
class ExpenseListingApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static Member owner;

    @BeforeAll
    static void start() {
        owner = server.newUser("lister");
        var rows = List.of(
                expense("2023-11-11", "food", "-10.00", "hamburger"),
                expense("2023-11-12", "leisure", "-5.00", "drinks out"),
                expense("2023-11-12", "food", "-3.20", "Coffee beans"),
                expense("2023-11-30", "transport", "-2.90", "bus ticket"),
                expense("2023-12-01", "food", "-42.10", "weekly groceries and coffee"),
                expense("2023-12-24", "gifts", "-80.00", "books for the kids"),
                expense("2023-12-31", "salary", "2500.00", "December salary"),
                expense("2024-01-02", "food", "-7.50", "coffeehouse breakfast"),
                expense("2024-01-15", "refund", "19.99", "returned headphones"),
                expense("2024-02-29", "utilities", "-60.00", "electricity bill"));
        assertThat(owner.api().post(owner.expenses() + "/batch", rows).status()).isEqualTo(201);
    }

    @Test
    void defaultListingIsNewestFirstWithTiesByIdDescending() {
        var items = items(owner.api().get(owner.expenses()));

        assertThat(field(items, "date")).containsExactly("2024-02-29", "2024-01-15", "2024-01-02", "2023-12-31",
                "2023-12-24", "2023-12-01", "2023-11-30", "2023-11-12", "2023-11-12", "2023-11-11");
        assertThat(field(items, "description").subList(7, 9)).containsExactly("Coffee beans", "drinks out");
    }

    @Test
    void dateRangeIsInclusive() {
        var items = items(owner.api().get(owner.expenses() + "?from=2023-11-12&to=2023-12-01"));

        assertThat(field(items, "date")).containsExactlyInAnyOrder("2023-11-12", "2023-11-12", "2023-11-30", "2023-12-01");
    }

    @Test
    void repeatedTypeMeansAnyOfThem() {
        var items = items(owner.api().get(owner.expenses() + "?type=leisure&type=transport"));

        assertThat(field(items, "type")).containsExactlyInAnyOrder("leisure", "transport");
    }

    @Test
    void amountRangeIsInclusive() {
        var items = items(owner.api().get(owner.expenses() + "?minAmount=-10&maxAmount=-2.90"));

        assertThat(field(items, "amount")).containsExactlyInAnyOrder("-10.00", "-5.00", "-3.20", "-2.90", "-7.50");
    }

    @Test
    void wordsMatchWholeWordsOrTheirStartCaseInsensitively() {
        assertThat(field(items(owner.api().get(owner.expenses() + "?q=COFFEE")), "description"))
                .containsExactlyInAnyOrder("Coffee beans", "weekly groceries and coffee", "coffeehouse breakfast");
        assertThat(field(items(owner.api().get(owner.expenses() + "?q=coff")), "description")).hasSize(3);
        assertThat(items(owner.api().get(owner.expenses() + "?q=offee"))).isEmpty();
    }

    @Test
    void everyWordMustAppear() {
        var items = items(owner.api().get(owner.expenses() + "?q=" + enc("coffee weekly")));

        assertThat(field(items, "description")).containsExactly("weekly groceries and coffee");
    }

    @Test
    void searchWordsAreDataNeverQuerySyntax() {
        for (String q : List.of("\"", "coffee\"", "a OR b", "NOT coffee", "*", "col:coffee", "(", "'; drop table expense; --")) {
            var response = owner.api().get(owner.expenses() + "?q=" + enc(q));
            assertThat(response.status()).as(q).isEqualTo(200);
        }
        assertThat(items(owner.api().get(owner.expenses() + "?q=" + enc("coffee\"")))).hasSize(3);
        assertThat(items(owner.api().get(owner.expenses()))).hasSize(10);
    }

    @Test
    void filtersCombineWithAnd() {
        var items = items(owner.api().get(owner.expenses()
                + "?type=food&from=2023-12-01&to=2024-12-31&q=coffee&maxAmount=-10"));

        assertThat(field(items, "description")).containsExactly("weekly groceries and coffee");
    }

    @Test
    void sortsByAmountBothWays() {
        var ascending = field(items(owner.api().get(owner.expenses() + "?sort=amount")), "amount");
        var descending = field(items(owner.api().get(owner.expenses() + "?sort=-amount")), "amount");

        assertThat(ascending).first().isEqualTo("-80.00");
        assertThat(ascending).last().isEqualTo("2500.00");
        assertThat(descending).isEqualTo(ascending.reversed());
    }

    @Test
    void sortsByDateAscending() {
        var dates = field(items(owner.api().get(owner.expenses() + "?sort=date")), "date");

        assertThat(dates).isSorted().first().isEqualTo("2023-11-11");
    }

    @Test
    void everySortPagesThroughEveryRowOnceWithLinkHeaders() {
        for (String sort : List.of("date", "-date", "amount", "-amount")) {
            var ids = new ArrayList<String>();
            String next = owner.expenses() + "?limit=3&sort=" + sort;
            int pages = 0;
            while (next != null) {
                var page = owner.api().get(next);
                ids.addAll(field(items(page), "id"));
                String link = page.header("Link");
                var cursor = page.json().get("nextCursor");
                assertThat(cursor.isNull()).isEqualTo(link == null);
                next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
                pages++;
            }
            assertThat(ids).as(sort).hasSize(10).doesNotHaveDuplicates();
            assertThat(pages).isEqualTo(4);
        }
    }

    @Test
    void pagingWhileOthersInsertVisitsEveryExistingRowExactlyOnce() {
        // given a ledger of its own with 250 rows
        var member = server.newUser("pager");
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 250; i++) {
            rows.add(expense("2024-01-%02d".formatted(i % 28 + 1), "food", "-1.00", "row " + i));
        }
        member.api().post(member.expenses() + "/batch", rows);

        // when paging while rows are added before, among and after those already seen
        var seen = new ArrayList<String>();
        String cursor = null;
        int page = 0;
        do {
            var response = member.api().get(member.expenses() + "?limit=20" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            seen.addAll(field(items(response), "id"));
            cursor = response.text("nextCursor");
            for (String date : List.of("2023-06-01", "2024-01-15", "2025-06-01")) {
                member.api().post(member.expenses(), expense(date, "food", "-2.00", "late " + page));
            }
            page++;
        } while (cursor != null);

        // then the 250 rows that existed are seen once each; rows added behind the cursor may appear once
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        var original = field(items(member.api().get(member.expenses() + "?q=row&limit=1000")), "id");
        assertThat(seen).containsAll(original);
    }

    @Test
    void limitDefaultsTo50AndAllowsUpTo1000() {
        var member = server.newUser("limits");
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 1001; i++) {
            rows.add(expense("2024-03-01", "food", "-0.01", "n" + i));
        }
        member.api().post(member.expenses() + "/batch", rows);

        assertThat(items(member.api().get(member.expenses()))).hasSize(50);
        assertThat(items(member.api().get(member.expenses() + "?limit=1000"))).hasSize(1000);
        assertThat(member.api().get(member.expenses() + "?limit=1001").status()).isEqualTo(400);
        assertThat(member.api().get(member.expenses() + "?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aCursorFromAnotherSortIsRefused() {
        var cursor = owner.api().get(owner.expenses() + "?limit=2&sort=amount").text("nextCursor");

        var response = owner.api().get(owner.expenses() + "?sort=date&cursor=" + enc(cursor));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("cursor");
    }

    @Test
    void csvExportStreamsEveryMatchingRowAsRfc4180() {
        var csv = owner.api().withHeader("Accept", "text/csv").get(owner.expenses() + "?type=food&sort=date");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).doesNotStartWith("\uFEFF");
        var lines = csv.body().split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("id,date,type,amount,description");
        assertThat(lines).hasSize(6); // header, four rows, and the empty rest after the last CRLF
        assertThat(lines[1]).endsWith(",2023-11-11,food,-10.00,hamburger");
        assertThat(lines[5]).isEmpty();
    }

    @Test
    void csvQuotesFieldsThatNeedIt() {
        var member = server.newUser("quoter");
        member.api().post(member.expenses(), expense("2024-01-01", "food, drinks", "-1.00", "say \"cheese\"\nline two"));

        var csv = member.api().get(member.expenses() + "?format=csv").body();

        assertThat(csv).endsWith(",2024-01-01,\"food, drinks\",-1.00,\"say \"\"cheese\"\"\nline two\"\r\n");
    }

    @Test
    void csvExportIsNotLimitedToOnePage() {
        var member = server.newUser("exporter");
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 2500; i++) {
            rows.add(expense("2024-%02d-01".formatted(i % 12 + 1), "food", "-0.01", "n" + i));
        }
        member.api().post(member.expenses() + "/batch", rows);

        var lines = member.api().get(member.expenses() + "?format=csv&limit=5").body().split("\r\n");

        assertThat(lines).hasSize(2501);
        assertThat(new HashSet<>(List.of(lines))).hasSize(2501);
    }

    @Test
    void wordSearchFollowsAnExpenseThroughChangesOfDateAndDescriptionAndItsDeletion() {
        // given
        var member = server.newUser("searcher");
        String path = member.expenses() + "/" + member.api()
                .post(member.expenses(), expense("2022-05-10", "leisure", "-30.00", "zither lesson")).text("id");
        String may = member.expenses() + "?from=2022-05-01&to=2022-05-31&q=";
        String september = member.expenses() + "?from=2022-09-01&to=2022-09-30&q=";
        String years = member.expenses() + "?from=2021-02-03&to=2023-04-05&q=";
        String decade = member.expenses() + "?from=2015-01-01&to=2030-12-31&q=";
        assertThat(items(member.api().get(may + "zith"))).hasSize(1);

        // when
        member.api().patch(path, Map.of("date", "2022-09-03"));

        // then
        assertThat(items(member.api().get(may + "zither"))).isEmpty();
        assertThat(items(member.api().get(september + "zither"))).hasSize(1);
        assertThat(items(member.api().get(years + "zither"))).hasSize(1);
        assertThat(items(member.api().get(decade + "zither"))).hasSize(1);
        assertThat(items(member.api().get(member.expenses() + "?from=2022-09-01&q=zither"))).hasSize(1);

        // when
        member.api().patch(path, Map.of("description", "violin lesson"));

        // then
        assertThat(items(member.api().get(september + "zither"))).isEmpty();
        assertThat(items(member.api().get(september + "violin+lesson"))).hasSize(1);

        // when
        member.api().delete(path);

        // then
        assertThat(items(member.api().get(september + "violin"))).isEmpty();
        assertThat(items(member.api().get(member.expenses() + "?q=lesson"))).isEmpty();
    }

    @Test
    void aSearchWithinAFewMonthsFindsExpensesHoweverTheyWereWritten() {
        // given: an expense created alone, two in a batch and one imported from CSV in March, one more in April
        var member = server.newUser("monthly");
        member.api().post(member.expenses(), expense("2024-03-05", "food", "-3.00", "Café-Bar Nord"));
        member.api().post(member.expenses() + "/batch", List.of(expense("2024-03-06", "food", "-4.00", "bakery ÄPFEL"),
                expense("2024-04-06", "food", "-4.00", "bakery")));
        var imported = member.api().send("POST", member.ledger() + "/imports",
                "date,amount,description\n2024-03-07,-5.00,kiosk bakery\n", "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String march = member.expenses() + "?from=2024-03-01&to=2024-03-31&q=";

        // then: whole words and their starts, after punctuation, in any case, all words of the query
        assertThat(field(items(member.api().get(march + "bar")), "description")).containsExactly("Café-Bar Nord");
        assertThat(field(items(member.api().get(march + "caf")), "description")).containsExactly("Café-Bar Nord");
        assertThat(field(items(member.api().get(march + enc("äpf"))), "description")).containsExactly("bakery ÄPFEL");
        assertThat(field(items(member.api().get(march + "bakery")), "description"))
                .containsExactly("kiosk bakery", "bakery ÄPFEL");
        assertThat(field(items(member.api().get(march + "kiosk+bak")), "description")).containsExactly("kiosk bakery");
        assertThat(items(member.api().get(march + "kiosk+nord"))).isEmpty();
        // and the months searched only
        assertThat(items(member.api().get(member.expenses() + "?from=2024-03-01&to=2024-04-30&q=bakery"))).hasSize(3);
        assertThat(items(member.api().get(member.expenses() + "?from=2024-04-01&to=2024-04-30&q=kiosk"))).isEmpty();
    }

    /**
     * A search of one month and one of all time ask different indexes (the words by month, the words alone); both
     * find the same expenses, whatever splits the words: punctuation, digits, letters beyond ASCII, quotes.
     */
    @Test
    void aSearchOfOneMonthFindsWhatASearchOfAllTimeFindsInThatMonth() {
        var member = server.newUser("agreeing");
        var descriptions = List.of("Café au-lait, 3.50€", "l'été x_y", "ticket #42/B", "O'Brien's pub", "kiosk 2024",
                "ÉTÉ sale", "naïve crème brûlée", "αβγ δ", "snack");
        assertThat(member.api().post(member.expenses() + "/batch",
                descriptions.stream().map(d -> expense("2024-07-15", "food", "-1.00", d)).toList()).status())
                .isEqualTo(201);
        member.api().post(member.expenses(), expense("2024-08-01", "food", "-1.00", "Café août"));

        for (String q : List.of("caf", "au lait", "3", "50", "été", "x", "y", "42", "b", "o'brien", "brien", "s",
                "2024", "kiosk 20", "naï", "brûlée", "crème", "αβ", "δ", "sale été", "l")) {
            var allTime = field(items(member.api().get(member.expenses() + "?q=" + enc(q))), "description")
                    .stream().filter(d -> !d.equals("Café août")).toList();
            var july = field(items(member.api().get(member.expenses() + "?from=2024-07-01&to=2024-07-31&q=" + enc(q))),
                    "description");
            assertThat(july).as(q).isNotEmpty().containsExactlyElementsOf(allTime);
        }
    }

    /**
     * A search's pages in date order, both ways, hold the rows the listing without it holds whose description has the
     * word: over a few months (days before 1970 too), a few years and open ranges (with a type too), among many rows of a day and another ledger's
     * rows with the same word, for rows created alone, in a batch, imported, moved to another date and deleted.
     */
    @Test
    void aSearchPagesInDateOrderAsTheListingWithoutItDoes() {
        var member = server.newUser("teapages");
        var other = server.newUser("teaother");
        var rows = new ArrayList<Map<String, Object>>();
        var dates = List.of("1969-12-30", "1969-12-31", "1970-01-01", "1970-01-02", "2021-03-31", "2022-07-01",
                "2023-06-30");
        for (int i = 0; i < 70; i++) {
            rows.add(expense(dates.get(i % dates.size()), "food", "-1.00", i % 3 == 0 ? "coffee " + i : "green tea " + i));
        }
        assertThat(member.api().post(member.expenses() + "/batch", rows).status()).isEqualTo(201);
        assertThat(other.api().post(other.expenses() + "/batch", rows).status()).isEqualTo(201);
        for (String date : dates) {
            member.api().post(member.expenses(), expense(date, "food", "-2.00", "Teapot"));
        }
        var imported = member.api().send("POST", member.ledger() + "/imports",
                "date,amount,description\n1970-01-01,-5.00,tea imported\n2022-07-01,-5.00,tea imported\n", "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        var all = items(member.api().get(member.expenses() + "?limit=1000"));
        assertThat(member.api().patch(member.expenses() + "/" + all.get(0).get("id").asText(),
                Map.of("date", "1969-12-31")).status()).isEqualTo(200);
        assertThat(member.api().delete(member.expenses() + "/" + all.get(5).get("id").asText()).status()).isEqualTo(204);

        for (String range : List.of("from=1969-12-31&to=1970-01-01", "from=1969-12-01&to=1970-01-31",
                "from=2021-03-31&to=2023-06-30", "from=2021-04-01&to=2023-06-29", "from=1970-01-01", "to=2022-07-01",
                "type=food")) {
            for (String sort : List.of("date", "-date")) {
                String listing = member.expenses() + "?" + range + "&sort=" + sort;
                var expected = items(member.api().get(listing + "&limit=1000")).stream()
                        .filter(i -> i.get("description").asText().toLowerCase().matches("(.*\\W)?tea.*"))
                        .map(i -> i.get("id").asText()).toList();
                var paged = new ArrayList<String>();
                String cursor = null;
                do {
                    var page = member.api().get(listing + "&q=tea&limit=4" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
                    paged.addAll(field(items(page), "id"));
                    cursor = page.text("nextCursor");
                } while (cursor != null);
                assertThat(paged).as(range + " " + sort).isNotEmpty().containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void wordsAreSearchedInDescriptionsOnlyNotInTheIndexedLedgerAndMonth() {
        var member = server.newUser("scoper");
        member.api().post(member.expenses(), expense("2022-05-10", "food", "-1.00", "bread"));
        String ledger = member.ledgerId();

        assertThat(items(member.api().get(member.expenses() + "?q=l" + ledger))).isEmpty();
        assertThat(items(member.api().get(member.expenses() + "?q=l" + ledger + "m202205"))).isEmpty();
        assertThat(items(member.api().get(member.expenses() + "?q=bread"))).hasSize(1);
    }

    private static List<JsonNode> items(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("items").spliterator(), false).toList();
    }

    private static List<String> field(List<JsonNode> items, String name) {
        return items.stream().map(i -> i.get(name).asText()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
