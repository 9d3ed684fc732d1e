package app.outlay.backup;

import app.outlay.http.Auth;
import app.outlay.http.JsonBody;
import app.outlay.http.PathIds;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;

/** Export and restore of a whole ledger: HTTP in, one service call, HTTP out. */
public final class BackupHandler {
    private final BackupService backups;

    public BackupHandler(BackupService backups) {
        this.backups = backups;
    }

    /** Streams the ledger as one JSON document, written as the rows are read. */
    public void export(Context ctx) {
        var export = backups.export(Auth.user(ctx), PathIds.id(ctx, "ledgerId"));
        ctx.contentType("application/json")
           .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        if (ctx.method() == HandlerType.HEAD) {
            return; // GET's headers, access checked, no row read
        }
        export.body().writeTo(ctx.outputStream());
    }

    /** Reads the document from the body as a stream: no size limit applies. */
    public void restore(Context ctx) {
        JsonBody.requireJson(ctx);
        int restored = backups.restore(Auth.user(ctx), PathIds.id(ctx, "ledgerId"), ctx.bodyInputStream());
        ctx.status(201).json(Map.of("restored", restored));
    }
}
