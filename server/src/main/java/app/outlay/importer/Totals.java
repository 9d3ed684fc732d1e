package app.outlay.importer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The sum and count of an import's rows per type and month: a few hundred entries, whatever the file's size. */
final class Totals {
    private final Map<String, Map<String, long[]>> byType = new HashMap<>();

    void add(String type, LocalDate date, long amount) {
        long[] sum = byType.computeIfAbsent(type, t -> new HashMap<>())
                           .computeIfAbsent(month(date), m -> new long[2]);
        sum[0] += amount;
        sum[1]++;
    }

    /** Each group's type, month ({@code YYYY-MM}, as the migrations key totals), total and count. */
    interface Group {
        void accept(String type, String month, long total, long count);
    }

    void forEach(Group group) {
        byType.forEach((type, months) -> months.forEach((month, sum) -> group.accept(type, month, sum[0], sum[1])));
    }

    /** {@code substr(date, 1, 7)} of an ISO date, as the totals triggers compute it. */
    private static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }
}
