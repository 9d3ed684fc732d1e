package app.outlay.backup;

import app.outlay.expense.Expense;
import app.outlay.http.Json;
import app.outlay.ledger.Ledger;
import app.outlay.ledger.Member;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes a ledger as the export document, one expense at a time as the rows arrive:
 * {@code {"format":"outlay-ledger","version":1,"exportedAt","ledger":{name,currency},"members":[...],"expenses":[...]}}.
 */
final class DocumentWriter {
    static final String FORMAT = "outlay-ledger";
    static final int VERSION = 1;

    private final JsonGenerator json;

    DocumentWriter(OutputStream out) {
        try {
            this.json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything before the expenses; {@link #write} then adds them one by one. */
    void start(Ledger ledger, List<Member> members, Instant exportedAt) {
        io(() -> {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeStringField("exportedAt", exportedAt.toString());
            json.writeObjectFieldStart("ledger");
            json.writeStringField("name", ledger.name());
            json.writeStringField("currency", ledger.currency().getCurrencyCode());
            json.writeEndObject();
            json.writeArrayFieldStart("members");
            for (Member member : members) {
                json.writeStartObject();
                json.writeStringField("username", member.username());
                json.writeStringField("role", member.role().wire());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("expenses");
        });
    }

    void write(Expense e) {
        io(() -> {
            json.writeStartObject();
            json.writeStringField("id", Long.toString(e.id()));
            json.writeStringField("date", e.date().toString());
            json.writeStringField("type", e.type());
            json.writeStringField("amount", e.amount().toString());
            json.writeStringField("description", e.description());
            json.writeNumberField("version", e.version());
            json.writeStringField("createdAt", e.createdAt().toString());
            json.writeStringField("updatedAt", e.updatedAt().toString());
            json.writeStringField("createdBy", e.createdBy());
            json.writeStringField("updatedBy", e.updatedBy());
            json.writeEndObject();
        });
    }

    /**
     * Ends the document and flushes it. Only after the last row: a document cut short by a failure stays
     * unfinished, so no reader can take it for a whole ledger.
     */
    void finish() {
        io(() -> {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        });
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static void io(Writing writing) {
        try {
            writing.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
