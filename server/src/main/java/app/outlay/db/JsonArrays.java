package app.outlay.db;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows written as JSON arrays of their values ({@code [["2023-11-11","food",-1000,"hamburger"], ...]}), for an insert
 * to bind as one value and read back with {@link Dialect#jsonRows}: one statement for many rows. Each text holds at
 * most about {@link #MAX_CHARS} characters, so that a statement's copies of it (UTF-8, the database's, its parse)
 * stay at a few MiB however long the values are.
 */
public final class JsonArrays {
    public static final int MAX_CHARS = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();

    /** Writes one row's values, in the order the insert reads them. */
    @FunctionalInterface
    public interface Values<T> {
        void write(T row, JsonGenerator out) throws IOException;
    }

    private JsonArrays() {}

    /** Hands {@code statement} the rows, in order, as JSON texts of at most about {@link #MAX_CHARS} characters. */
    public static <T> void inStatements(List<T> rows, Values<T> values, Consumer<String> statement) {
        int from = 0;
        while (from < rows.size()) {
            var json = new StringWriter(Math.min(MAX_CHARS, 100 * (rows.size() - from)));
            try (JsonGenerator out = JSON.createGenerator(json)) {
                out.writeStartArray();
                while (from < rows.size() && json.getBuffer().length() + out.getOutputBuffered() < MAX_CHARS) {
                    out.writeStartArray();
                    values.write(rows.get(from++), out);
                    out.writeEndArray();
                }
                out.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not fail
            }
            statement.accept(json.toString());
        }
    }
}
