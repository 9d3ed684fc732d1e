package app.outlay.backup;

import app.outlay.http.Auth;
import app.outlay.http.InFlight;
import app.outlay.http.JsonBody;
import app.outlay.http.PathIds;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;

/** Export and restore of a whole ledger: HTTP in, one service call, HTTP out. */
public final class BackupHandler {
    private final BackupService backups;
    /** Bounds the exports streaming at once: each holds a database connection until its last row. */
    private final InFlight exports;

    public BackupHandler(BackupService backups, InFlight exports) {
        this.backups = backups;
        this.exports = exports;
    }

    /**
     * Streams the ledger as one JSON document, written as the rows are read, in its turn among the exports. A HEAD
     * answers with the headers at once: it reads no row.
     */
    public void export(Context ctx) throws Exception {
        if (ctx.method() == HandlerType.HEAD) {
            document(ctx);
        } else {
            exports.around(this::document).handle(ctx);
        }
    }

    private void document(Context ctx) {
        var export = backups.export(Auth.user(ctx), PathIds.id(ctx, "ledgerId"));
        ctx.contentType("application/json")
           .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        if (ctx.method() != HandlerType.HEAD) {
            export.body().writeTo(ctx.outputStream());
        }
    }

    /** Reads the document from the body as a stream: no size limit applies. */
    public void restore(Context ctx) {
        JsonBody.requireJson(ctx);
        int restored = backups.restore(Auth.user(ctx), PathIds.id(ctx, "ledgerId"), ctx.bodyInputStream());
        ctx.status(201).json(Map.of("restored", restored));
    }
}
