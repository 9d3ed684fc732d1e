package app.outlay.http;

import app.outlay.common.NotFound;
import io.javalin.http.Context;

/** Reads the opaque ids in paths; one that cannot be ours is simply not found. */
public final class PathIds {
    private PathIds() {}

    public static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        if (raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotFound("No such resource.");
        }
        return Long.parseLong(raw);
    }
}
