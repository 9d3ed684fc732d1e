package app.outlay.http;

import app.outlay.common.Forbidden;
import app.outlay.common.Unauthenticated;
import app.outlay.token.TokenService;
import app.outlay.user.CurrentUser;
import app.outlay.user.SessionService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every {@code /api/v1} request by its bearer token or, without an {@code Authorization} header,
 * by its session cookie; only registration and signing in go without. A cookie-authenticated request that could
 * change something must come from this server's own pages (CSRF): {@code Sec-Fetch-Site: same-origin}, or where a
 * browser does not send that, an {@code Origin} equal to the server's own.
 */
public final class Auth {
    private static final String USER = "outlay.user";
    private static final String SESSION = "outlay.session";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final TokenService tokens;
    private final SessionService sessions;
    private final SessionCookie cookie;

    public Auth(TokenService tokens, SessionService sessions, SessionCookie cookie) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            bearer(ctx, header);
            return;
        }
        Optional<String> sessionId = isSignIn(ctx) ? Optional.empty() : cookie.read(ctx);
        var session = sessionId.flatMap(sessions::authenticate);
        if (session.isPresent()) {
            requireSameOrigin(ctx);
            ctx.attribute(USER, session.get().user());
            ctx.attribute(SESSION, session.get().id());
        } else if (!isPublic(ctx)) {
            throw new Unauthenticated(sessionId.isPresent()
                    ? "The session has ended; sign in again."
                    : "Send an Authorization: Bearer <token> header, or sign in for a session cookie.");
        }
    }

    private void bearer(Context ctx, String header) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthenticated("Only Bearer tokens are accepted.");
        }
        CurrentUser user = tokens.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new Unauthenticated("The token is invalid or has been revoked."));
        ctx.attribute(USER, user);
    }

    private void requireSameOrigin(Context ctx) {
        if (SAFE.contains(ctx.method())) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        boolean same = site != null ? site.equals("same-origin") : ownOrigin(ctx).equals(normalized(ctx.header("Origin")));
        if (!same) {
            throw new Forbidden("A change with a session cookie must come from this server's own pages; "
                    + "scripts use a bearer token.");
        }
    }

    /** {@code scheme://host[:port]} as the browser addresses this server. */
    private String ownOrigin(Context ctx) {
        String host = ctx.header("Host");
        return host == null ? "" : normalized((cookie.https(ctx) ? "https" : "http") + "://" + host);
    }

    /** An origin in lower case and without its scheme's default port, so equal origins compare equal. */
    private static String normalized(String origin) {
        if (origin == null) {
            return null;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        if (o.startsWith("https://") && o.endsWith(":443")) {
            return o.substring(0, o.length() - 4);
        }
        if (o.startsWith("http://") && o.endsWith(":80")) {
            return o.substring(0, o.length() - 3);
        }
        return o;
    }

    /** Signing in goes by password: a cookie it carries, perhaps stale, plays no part. */
    private static boolean isSignIn(Context ctx) {
        String path = path(ctx);
        return ctx.method() == HandlerType.POST && (path.equals("/api/v1/tokens") || path.equals("/api/v1/sessions"));
    }

    private static boolean isPublic(Context ctx) {
        return isSignIn(ctx) || ctx.method() == HandlerType.POST && path(ctx).equals("/api/v1/users")
                || ctx.method() == HandlerType.GET && path(ctx).equals("/api/v1/registration");
    }

    private static String path(Context ctx) {
        return ctx.path().endsWith("/") ? ctx.path().substring(0, ctx.path().length() - 1) : ctx.path();
    }

    /** The signed-in user; every route behind {@link #authenticate} has one unless it is public. */
    public static CurrentUser user(Context ctx) {
        return optionalUser(ctx).orElseThrow(() -> new Unauthenticated("Sign in first."));
    }

    public static Optional<CurrentUser> optionalUser(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    /** The session the request came with; empty for a bearer token. */
    public static Optional<Long> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }
}
