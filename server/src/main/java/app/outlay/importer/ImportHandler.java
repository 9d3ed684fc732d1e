package app.outlay.importer;

import app.outlay.common.FieldError;
import app.outlay.common.Params;
import app.outlay.http.Auth;
import app.outlay.http.PathIds;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The import routes. The CSV body is streamed from the connection as it arrives (never read whole, and not
 * subject to the JSON body limit); its charset is the {@code charset} of its {@code Content-Type}, UTF-8 by default.
 */
public final class ImportHandler {
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv",
            "text/comma-separated-values", "application/vnd.ms-excel", "application/octet-stream");

    private final ImportService imports;

    public ImportHandler(ImportService imports) {
        this.imports = imports;
    }

    public void create(Context ctx) {
        Charset charset = charset(ctx.contentType());
        var result = imports.importCsv(Auth.user(ctx), ledgerId(ctx), new Params(ctx.queryParamMap()),
                ctx.bodyInputStream(), charset);
        ctx.json(ResultView.of(result));
    }

    public void list(Context ctx) {
        ctx.json(imports.list(Auth.user(ctx), ledgerId(ctx)).stream().map(PastImportView::of).toList());
    }

    public void undo(Context ctx) {
        ctx.json(imports.undo(Auth.user(ctx), ledgerId(ctx), PathIds.id(ctx, "importId")));
    }

    private static long ledgerId(Context ctx) {
        return PathIds.id(ctx, "ledgerId");
    }

    /** The charset a CSV body is sent in; 415 unless it is sent as CSV (or plain text) in a known charset. */
    static Charset charset(String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        if (!CSV_TYPES.contains(parts[0].strip().toLowerCase(Locale.ROOT))) {
            throw new UnsupportedMediaTypeResponse("Send the file as text/csv.");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    throw new UnsupportedMediaTypeResponse("The charset " + pair[1].strip() + " is not supported.");
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    record ResultView(String id, boolean dryRun, long rows, long imported, long duplicates, long invalid,
                      List<FieldError> errors, Map<String, String> mapping, String delimiter, boolean header,
                      String dateFormat, String decimalSeparator) {
        static ResultView of(ImportResult r) {
            return new ResultView(r.id() == null ? null : r.id().toString(), r.dryRun(), r.rows(), r.imported(),
                    r.duplicates(), r.invalid(), r.errors(), r.mapping(), String.valueOf(r.delimiter()), r.header(),
                    r.dateFormat(), String.valueOf(r.decimalSeparator()));
        }
    }

    record PastImportView(String id, String createdAt, String createdBy, long rows, long imported, long duplicates,
                          long invalid, String undoneAt, Long removed, Long kept) {
        static PastImportView of(PastImport p) {
            return new PastImportView(Long.toString(p.id()), p.createdAt().toString(), p.createdBy(), p.rows(),
                    p.imported(), p.duplicates(), p.invalid(), p.undoneAt() == null ? null : p.undoneAt().toString(),
                    p.removed(), p.kept());
        }
    }
}
