package app.outlay.ops;

import app.outlay.db.Database;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Health, the OpenAPI document and the interactive docs. */
public final class OpsHandler {
    private final Database db;
    private final byte[] openApi;

    public OpsHandler(Database db) {
        this.db = db;
        this.openApi = resource("/openapi.yaml");
    }

    public void health(Context ctx) {
        boolean up = db.isUp();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
    }

    public void openApi(Context ctx) {
        ctx.contentType("application/yaml").result(openApi);
    }

    public void docs(Context ctx) {
        ctx.redirect("/docs/index.html");
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpsHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
