package app.outlay.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * The browser's session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site
 * sends it), {@code Path=/}, and {@code Secure} when the request came over HTTPS or the server sits behind it.
 */
public final class SessionCookie {
    public static final String NAME = "outlay_session";

    private final boolean behindHttps;

    /** {@code behindHttps}: a proxy in front of the server speaks HTTPS to the browsers, so every cookie is Secure. */
    public SessionCookie(boolean behindHttps) {
        this.behindHttps = behindHttps;
    }

    public Optional<String> read(Context ctx) {
        return Optional.ofNullable(ctx.cookie(NAME)).filter(value -> !value.isEmpty());
    }

    public void set(Context ctx, String sessionId, Duration lifetime) {
        write(ctx, sessionId, lifetime.toSeconds());
    }

    /** Tells the browser to forget the cookie. */
    public void clear(Context ctx) {
        write(ctx, "", 0);
    }

    /** Whether the browser talks to this server over HTTPS. */
    public boolean https(Context ctx) {
        return behindHttps || "https".equalsIgnoreCase(ctx.scheme());
    }

    private void write(Context ctx, String value, long maxAgeSeconds) {
        ctx.header("Set-Cookie", NAME + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (https(ctx) ? "; Secure" : ""));
    }
}
