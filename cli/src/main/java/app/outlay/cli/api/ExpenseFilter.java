package app.outlay.cli.api;

import java.time.LocalDate;
import java.util.List;

/** Which expenses a listing, an export or a summary looks at; every part is optional (null or empty). */
public record ExpenseFilter(LocalDate from, LocalDate to, List<String> types, String minAmount, String maxAmount,
                            String words) {

    public ExpenseFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static ExpenseFilter none() {
        return new ExpenseFilter(null, null, List.of(), null, null, null);
    }

    void addTo(Query query) {
        query.add("from", from)
             .add("to", to)
             .addEach("type", types)
             .add("minAmount", minAmount)
             .add("maxAmount", maxAmount)
             .add("q", words);
    }
}
