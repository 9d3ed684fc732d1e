package app.outlay.expense;

import app.outlay.common.FieldErrors;
import app.outlay.common.Invalid;
import app.outlay.common.Money;
import app.outlay.common.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.regex.Pattern;

/** The fields of an expense that a client sets, parsed and valid. */
public record NewExpense(LocalDate date, String type, Money amount, String description) {
    static final int MAX_TYPE = 64;
    static final int MAX_DESCRIPTION = 1000;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * A whole expense from a JSON object. Every problem is named: {@code field}, or {@code item.field}
     * inside a batch, where {@code item} is e.g. {@code [3]}.
     */
    public static NewExpense parse(JsonNode json, Currency currency, String item) {
        if (json == null || !json.isObject()) {
            throw Invalid.field(item.isEmpty() ? "body" : item, "must be a JSON object");
        }
        return merge(json, null, currency, item.isEmpty() ? "" : item + ".");
    }

    /**
     * The fields of {@code base} with those present in {@code patch} replaced (JSON merge patch).
     * With no base, every field but the description is required.
     */
    static NewExpense merge(JsonNode patch, NewExpense base, Currency currency, String prefix) {
        var errors = new FieldErrors();
        LocalDate date = errors.attempt(() -> patch.has("date") || base == null
                ? date(prefix + "date", patch.get("date")) : base.date());
        String type = errors.attempt(() -> patch.has("type") || base == null
                ? type(prefix + "type", patch.get("type")) : base.type());
        Money amount = errors.attempt(() -> patch.has("amount") || base == null
                ? amount(prefix + "amount", patch.get("amount"), currency) : base.amount());
        String description = errors.attempt(() -> patch.has("description") || base == null
                ? description(prefix + "description", patch.get("description")) : base.description());
        errors.throwIfAny();
        return new NewExpense(date, type, amount, description);
    }

    private static LocalDate date(String field, JsonNode node) {
        String text = requiredText(field, node);
        LocalDate date;
        try {
            if (!ISO_DATE.matcher(text).matches()) {
                throw Invalid.field(field, "must be a date as YYYY-MM-DD");
            }
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Invalid.field(field, "is not a calendar date: " + text);
        }
        if (date.getYear() < 1) { // PostgreSQL has no year 0000 (a 500 there); imports refuse it too
            throw Invalid.field(field, "must be in the years 0001 to 9999: " + text);
        }
        return date;
    }

    private static String type(String field, JsonNode node) {
        String type = requiredText(field, node).strip();
        int length = type.codePointCount(0, type.length());
        if (length < 1 || length > MAX_TYPE) {
            throw Invalid.field(field, "must be 1 to " + MAX_TYPE + " characters");
        }
        return type;
    }

    private static Money amount(String field, JsonNode node, Currency currency) {
        if (node != null && node.isNumber()) {
            return Money.of(field, node.decimalValue(), currency);
        }
        return Money.parse(field, requiredText(field, node), currency);
    }

    private static String description(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw Invalid.field(field, "must be a string");
        }
        String text = Text.field(field, node.textValue());
        if (text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
            throw Invalid.field(field, "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return text;
    }

    private static String requiredText(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            throw Invalid.field(field, "is required");
        }
        if (!node.isTextual()) {
            throw Invalid.field(field, "must be a string");
        }
        return Text.field(field, node.textValue());
    }
}
