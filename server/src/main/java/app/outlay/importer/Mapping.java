package app.outlay.importer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of the file holds what: 0-based indexes by role, and the header's names for the result.
 * A mapping has a date and an amount, or a debit and/or a credit column; type and description are optional.
 */
record Mapping(Map<Column, Integer> indexes, List<String> header) {
    Mapping {
        indexes = Collections.unmodifiableMap(new EnumMap<>(indexes));
        header = header == null ? null : List.copyOf(header);
    }

    boolean has(Column column) {
        return indexes.containsKey(column);
    }

    int index(Column column) {
        return indexes.get(column);
    }

    /** The column's header name, or its 1-based number as text when the file has no header. */
    String name(Column column) {
        int i = indexes.get(column);
        return header != null && i < header.size() ? header.get(i) : Integer.toString(i + 1);
    }

    /** Role to column name, in the order of {@link Column}: what the result reports as the mapping used. */
    Map<String, String> describe() {
        var names = new LinkedHashMap<String, String>();
        for (Column column : Column.values()) {
            if (has(column)) {
                names.put(column.wire(), name(column));
            }
        }
        return names;
    }

    /** The widest index used: a row needs this many fields. */
    int width() {
        return indexes.values().stream().mapToInt(i -> i + 1).max().orElse(0);
    }
}
