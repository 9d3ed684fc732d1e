package app.outlay.expense;

import app.outlay.common.Invalid;
import java.util.Arrays;

/** The groupings a summary offers. */
enum GroupBy {
    NONE(null, false, false, false),
    TYPE("type", true, false, false),
    MONTH("month", false, true, false),
    YEAR("year", false, false, true),
    TYPE_MONTH("type,month", true, true, false);

    private final String wire;
    final boolean type;
    final boolean month;
    final boolean year;

    GroupBy(String wire, boolean type, boolean month, boolean year) {
        this.wire = wire;
        this.type = type;
        this.month = month;
        this.year = year;
    }

    static GroupBy parse(String value) {
        if (value == null) {
            return NONE;
        }
        String normalized = value.replace(" ", "");
        return Arrays.stream(values())
                .filter(g -> g.wire != null && g.wire.equals(normalized))
                .findFirst()
                .orElseThrow(() -> Invalid.parameter("groupBy", "must be one of type, month, year, type,month"));
    }
}
