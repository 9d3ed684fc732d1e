package app.outlay.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A URL query string; absent (null) values are left out. */
final class Query {
    private final List<String> pairs = new ArrayList<>();

    Query add(String name, Object value) {
        if (value != null) {
            pairs.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    Query addEach(String name, List<?> values) {
        values.forEach(value -> add(name, value));
        return this;
    }

    @Override
    public String toString() {
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** Percent-encoding for a query value or a path segment (a space is %20, never +). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
