package app.outlay.backup;

import app.outlay.common.Conflict;
import app.outlay.common.FieldError;
import app.outlay.common.FieldErrors;
import app.outlay.common.Invalid;
import app.outlay.common.Text;
import app.outlay.expense.NewExpense;
import app.outlay.http.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an export document with a streaming parser, handing each valid expense to a sink as it is read: memory
 * stays flat however many there are. Problems are named by their path ({@code version}, {@code ledger.currency},
 * {@code expenses[17].amount}); a document that is not JSON is a 400. Members other than those of the format are
 * ignored, {@code members} and each expense's {@code id} included.
 */
final class DocumentReader {
    /** The problems reported at most; reading stops at this many. */
    static final int MAX_ERRORS = 100;
    /** Reads one value of the document at a time: the rest of the document follows it. */
    private static final ObjectReader TREES = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Currency currency;
    private final long now;
    private final List<FieldError> errors = new ArrayList<>();
    private String format;
    private JsonNode version;
    private Currency documentCurrency;
    private boolean expensesSeen;

    /**
     * {@code currency}: the target ledger's; amounts are checked against it, and a document in another currency is a
     * conflict as soon as that is read. {@code now}: the time of expenses without timestamps.
     */
    DocumentReader(Currency currency, long now) {
        this.currency = currency;
        this.now = now;
    }

    /**
     * Reads the whole document, handing each valid expense to {@code sink} while the document has no problem so far.
     * Throws {@link Invalid} naming every problem (400 when it is no JSON object, 422 otherwise) once it has been
     * read, or as soon as there are {@value #MAX_ERRORS}; {@link Conflict} for a document in another currency.
     */
    void read(InputStream in, Consumer<RestoredExpense> sink) {
        try (JsonParser parser = Json.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw Invalid.malformedBody("The body must be a JSON object: an Outlay ledger export.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "format" -> format = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "version" -> version = TREES.readTree(parser);
                    case "ledger" -> ledger(TREES.readTree(parser));
                    case "expenses" -> expenses(parser, sink);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw Invalid.malformedBody("The body holds more than one JSON value.");
            }
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw Invalid.malformedBody("The body is not valid JSON" + (at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        requireSameCurrency();
        checkHeader();
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
    }

    private void checkHeader() {
        List<FieldError> header = new ArrayList<>();
        if (!DocumentWriter.FORMAT.equals(format)) {
            header.add(new FieldError("format", "must be \"" + DocumentWriter.FORMAT + "\": an Outlay ledger export"));
        }
        if (version == null || !version.isIntegralNumber() || version.asLong() != DocumentWriter.VERSION) {
            header.add(new FieldError("version", "must be " + DocumentWriter.VERSION + ", the version this server reads"));
        }
        if (documentCurrency == null && errors.stream().noneMatch(e -> e.field().startsWith("ledger"))) {
            header.add(new FieldError("ledger.currency", "is required"));
        }
        if (!expensesSeen) {
            header.add(new FieldError("expenses", "is required: an array, perhaps empty"));
        }
        errors.addAll(0, header);
        if (errors.size() > MAX_ERRORS) {
            errors.subList(MAX_ERRORS, errors.size()).clear();
        }
    }

    private void ledger(JsonNode ledger) {
        if (!ledger.isObject()) {
            error("ledger", "must be an object with the ledger's currency");
            return;
        }
        JsonNode code = ledger.get("currency");
        try {
            if (code != null && code.isTextual() && code.textValue().length() == 3) {
                documentCurrency = Currency.getInstance(code.textValue());
                requireSameCurrency();
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        error("ledger.currency", "must be an ISO 4217 currency code such as EUR");
    }

    private void requireSameCurrency() {
        if (documentCurrency != null && !documentCurrency.equals(currency)) {
            throw new Conflict("The export is in " + documentCurrency.getCurrencyCode() + " but this ledger keeps "
                    + currency.getCurrencyCode() + "; restore it into a ledger in " + documentCurrency.getCurrencyCode() + ".");
        }
    }

    private void expenses(JsonParser parser, Consumer<RestoredExpense> sink) throws IOException {
        expensesSeen = true;
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            error("expenses", "must be an array");
            parser.skipChildren();
            return;
        }
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            if (parser.currentToken() == null) {
                throw Invalid.malformedBody("The body ends in the middle of the expenses.");
            }
            RestoredExpense row = expense(TREES.readTree(parser), "expenses[" + i + "]");
            if (row != null && errors.isEmpty()) {
                sink.accept(row);
            }
        }
    }

    /** One expense, or null when it is invalid (its problems are recorded). */
    private RestoredExpense expense(JsonNode json, String item) {
        var problems = new FieldErrors();
        NewExpense fields = problems.attempt(() -> NewExpense.parse(json, currency, item));
        if (!json.isObject()) {
            return report(problems);
        }
        Long version = problems.attempt(() -> version(json.get("version"), item + ".version"));
        Long createdAt = problems.attempt(() -> timestamp(json.get("createdAt"), item + ".createdAt"));
        Long updatedAt = problems.attempt(() -> timestamp(json.get("updatedAt"), item + ".updatedAt"));
        String createdBy = problems.attempt(() -> username(json.get("createdBy"), item + ".createdBy"));
        String updatedBy = problems.attempt(() -> username(json.get("updatedBy"), item + ".updatedBy"));
        if (!problems.isEmpty()) {
            return report(problems);
        }
        return new RestoredExpense(fields, version, createdAt, updatedAt, createdBy, updatedBy);
    }

    private RestoredExpense report(FieldErrors problems) {
        problems.list().forEach(e -> error(e.field(), e.message()));
        return null;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
        if (errors.size() >= MAX_ERRORS) {
            throw Invalid.fields(errors);
        }
    }

    private static long version(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < 1) {
            throw Invalid.field(field, "must be a whole number from 1");
        }
        return node.asLong();
    }

    private long timestamp(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return now;
        }
        try {
            if (node.isTextual()) {
                return OffsetDateTime.parse(node.textValue()).toInstant().toEpochMilli();
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        throw Invalid.field(field, "must be an RFC 3339 timestamp such as 2024-03-15T12:00:00Z");
    }

    private static String username(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Invalid.field(field, "must be a username or null");
        }
        return Text.field(field, node.textValue());
    }
}
