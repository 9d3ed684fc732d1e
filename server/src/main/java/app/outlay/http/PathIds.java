package app.outlay.http;

import app.outlay.common.NotFound;
import io.javalin.http.Context;

/** Reads the opaque ids in paths; one that cannot be ours is simply not found. */
public final class PathIds {
    private PathIds() {}

    public static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        if (raw.isEmpty() || raw.length() > 18 || !digits(raw)) {
            throw new NotFound("No such resource.");
        }
        return Long.parseLong(raw);
    }

    /** ASCII digits only (a loop: two ids on every expense request, where a stream showed in profiles). */
    private static boolean digits(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
