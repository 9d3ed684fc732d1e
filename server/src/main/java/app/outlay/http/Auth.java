package app.outlay.http;

import app.outlay.common.Unauthenticated;
import app.outlay.token.TokenService;
import app.outlay.user.CurrentUser;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/** Authenticates every {@code /api/v1} request by its bearer token; only registration and token creation go without. */
public final class Auth {
    private static final String USER = "outlay.user";

    private final TokenService tokens;

    public Auth(TokenService tokens) {
        this.tokens = tokens;
    }

    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            if (!isPublic(ctx)) {
                throw new Unauthenticated("Send an Authorization: Bearer <token> header.");
            }
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthenticated("Only Bearer tokens are accepted.");
        }
        CurrentUser user = tokens.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new Unauthenticated("The token is invalid or has been revoked."));
        ctx.attribute(USER, user);
    }

    private static boolean isPublic(Context ctx) {
        String path = ctx.path().endsWith("/") ? ctx.path().substring(0, ctx.path().length() - 1) : ctx.path();
        return ctx.method() == HandlerType.POST && (path.equals("/api/v1/users") || path.equals("/api/v1/tokens"));
    }

    /** The signed-in user; every route behind {@link #authenticate} has one unless it is public. */
    public static CurrentUser user(Context ctx) {
        return optionalUser(ctx).orElseThrow(() -> new Unauthenticated("Sign in first."));
    }

    public static Optional<CurrentUser> optionalUser(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }
}
