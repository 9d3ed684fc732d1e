package app.outlay.expense;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.common.Money;
import app.outlay.common.Params;
import app.outlay.db.Database;
import app.outlay.support.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listings of one shape render one statement, whatever their values: the cache of rendered listings relies on it. */
class ListingShapeTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<String> SORTS = List.of("", "date", "-date", "amount", "-amount");
    private static final List<String> TYPES = List.of("food", "rent", "travel", "tax");
    private static final List<String> WORDS = List.of("coffee", "be", "o'brien", "\"x\"", "ticket");

    @Test
    void listingsOfOneShapeRenderTheSameStatement(@TempDir Path dir) {
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            var store = new ExpenseStore(db);
            var random = new Random(42);
            Map<ListingShape, String> rendered = new HashMap<>();
            for (int i = 0; i < 5_000; i++) {
                var query = randomQuery(random);
                String sql = store.listing(1 + random.nextInt(3), query).getSQL();

                String first = rendered.putIfAbsent(ListingShape.of(query), sql);

                assertThat(sql).as("a listing of the shape %s", ListingShape.of(query)).isEqualTo(first == null ? sql : first);
            }
            assertThat(rendered).as("shapes rendered").hasSizeGreaterThan(300);
        }
    }

    private static ExpenseQuery randomQuery(Random random) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String sort = SORTS.get(random.nextInt(SORTS.size()));
        if (!sort.isEmpty()) {
            params.put("sort", List.of(sort));
        }
        LocalDate from = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500));
        if (random.nextBoolean()) {
            params.put("from", List.of(from.toString()));
        }
        if (random.nextBoolean()) { // within a few months, a few years, or before from
            params.put("to", List.of(from.plusDays(random.nextInt(900) - 30).toString()));
        }
        List<String> types = new ArrayList<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            types.add(TYPES.get(random.nextInt(TYPES.size())));
        }
        if (!types.isEmpty()) {
            params.put("type", types);
        }
        if (random.nextInt(3) == 0) {
            params.put("minAmount", List.of(String.valueOf(random.nextInt(200) - 100)));
        }
        if (random.nextInt(3) == 0) {
            params.put("maxAmount", List.of(String.valueOf(random.nextInt(200) - 100)));
        }
        if (random.nextBoolean()) {
            List<String> words = new ArrayList<>();
            for (int w = 1 + random.nextInt(3); w > 0; w--) {
                words.add(WORDS.get(random.nextInt(WORDS.size())));
            }
            params.put("q", List.of(String.join(" ", words)));
        }
        params.put("limit", List.of(String.valueOf(1 + random.nextInt(100))));
        var query = ExpenseQuery.parse(new Params(params), EUR);
        if (random.nextBoolean()) {
            var last = new Expense(1 + random.nextInt(100_000), 1, from.plusDays(random.nextInt(60)), "food",
                    new Money(random.nextInt(20_000) - 10_000, EUR), "", 1, Instant.EPOCH, Instant.EPOCH, null, null);
            query = query.after(Cursor.after(query.sort(), last));
        }
        return query;
    }
}
