package app.outlay.http;

import app.outlay.common.StaleVersion;
import io.javalin.http.Context;
import java.util.Arrays;

/** Entity tags for versioned resources, and the {@code If-Match} / {@code If-None-Match} checks. */
public final class Etags {
    private Etags() {}

    public static String of(String id, long version) {
        return "\"" + id + "." + version + "\"";
    }

    /** Throws {@link StaleVersion} when the request carries {@code If-Match} and none of its tags is current. */
    public static void requireMatch(Context ctx, String currentEtag) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null && !matches(ifMatch, currentEtag, false)) {
            throw new StaleVersion();
        }
    }

    /** Whether the request's {@code If-None-Match} names the current version, so 304 may be answered. */
    public static boolean notModified(Context ctx, String currentEtag) {
        String ifNoneMatch = ctx.header("If-None-Match");
        return ifNoneMatch != null && matches(ifNoneMatch, currentEtag, true);
    }

    private static boolean matches(String header, String current, boolean weak) {
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(tag -> weak && tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }
}
