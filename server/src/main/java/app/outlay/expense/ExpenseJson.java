package app.outlay.expense;

import app.outlay.http.Etags;
import app.outlay.http.Json;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * An expense as the API writes it (ids as strings, money as a decimal string), and a page of them, written field by
 * field: a listing writes 50 of them, and binding records by reflection took a tenth of its CPU.
 */
final class ExpenseJson {
    private ExpenseJson() {}

    static String etag(Expense e) {
        return Etags.of(Long.toString(e.id()), e.version());
    }

    /** {@code {"items":[...],"nextCursor":...}} */
    static void page(Context ctx, List<Expense> items, String nextCursor) {
        respond(ctx, items.size(), out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("items");
            Instants instants = new Instants();
            for (Expense e : items) {
                write(out, e, instants);
            }
            out.writeEndArray();
            out.writeStringField("nextCursor", nextCursor);
            out.writeEndObject();
        });
    }

    static void one(Context ctx, Expense e) {
        respond(ctx, 1, out -> write(out, e, new Instants()));
    }

    /** The expense as JSON text, for a live update. */
    static String text(Expense e) {
        return text(out -> write(out, e, new Instants()));
    }

    /** {@code {"id":"..."}}: what a live update of a deletion says. */
    static String deleted(long id) {
        return text(out -> {
            out.writeStartObject();
            out.writeStringField("id", Long.toString(id));
            out.writeEndObject();
        });
    }

    private static String text(Body body) {
        try (var text = new StringWriter(); JsonGenerator out = Json.mapper().getFactory().createGenerator(text)) {
            body.write(out);
            out.flush();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator out, Expense e, Instants instants) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", Long.toString(e.id()));
        out.writeStringField("date", e.date().toString());
        out.writeStringField("type", e.type());
        out.writeStringField("amount", e.amount().toString());
        out.writeStringField("description", e.description());
        out.writeNumberField("version", e.version());
        out.writeStringField("createdAt", instants.text(e.createdAt()));
        out.writeStringField("updatedAt", instants.text(e.updatedAt()));
        out.writeStringField("createdBy", e.createdBy());
        out.writeStringField("updatedBy", e.updatedBy());
        out.writeEndObject();
    }

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    /** Writes the body whole before answering, in a buffer sized for {@code expenses} of ~250 bytes each. */
    private static void respond(Context ctx, int expenses, Body body) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(64 + 256 * expenses)) {
            try (JsonGenerator out = Json.mapper().getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
                body.write(out);
            }
            ctx.contentType(ContentType.APPLICATION_JSON).result(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Instants as ISO text, the last one remembered: the rows of one import or batch share their creation time,
     * and formatting an instant costs more than the rest of its row.
     */
    private static final class Instants {
        private Instant last;
        private String text;

        String text(Instant instant) {
            if (!instant.equals(last)) {
                last = instant;
                text = instant.toString();
            }
            return text;
        }
    }
}
