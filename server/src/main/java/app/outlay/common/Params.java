package app.outlay.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Query parameters, read strictly: a value that cannot be read is a 400 naming the parameter. */
public record Params(Map<String, List<String>> values) {

    /** The parameter's single value, or null when absent or empty. */
    public String one(String name) {
        List<String> all = values.getOrDefault(name, List.of());
        if (all.size() > 1) {
            throw Invalid.parameter(name, "must be given once");
        }
        return all.isEmpty() || all.getFirst().isEmpty() ? null : all.getFirst();
    }

    /** Every non-empty value of a repeatable parameter. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> Text.parameter(name, v))
                .toList();
    }

    public LocalDate date(String name) {
        String text = one(name);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Invalid.parameter(name, "must be a date as YYYY-MM-DD");
        }
    }

    public int integer(String name, int min, int max, int fallback) {
        String text = one(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Invalid.parameter(name, "must be a whole number from " + min + " to " + max);
    }

    public Money money(String name, Currency currency) {
        String text = one(name);
        try {
            return text == null ? null : Money.parse(name, text, currency);
        } catch (Invalid e) {
            throw Invalid.parameter(name, e.errors().getFirst().message());
        }
    }
}
