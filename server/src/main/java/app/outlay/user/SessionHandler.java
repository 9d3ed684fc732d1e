package app.outlay.user;

import app.outlay.http.Auth;
import app.outlay.http.JsonBody;
import app.outlay.http.SessionCookie;
import io.javalin.http.Context;

/** Signing in and out of a browser session. */
public final class SessionHandler {
    private final SessionService sessions;
    private final SessionCookie cookie;

    public SessionHandler(SessionService sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    public void create(Context ctx) {
        var body = JsonBody.readObject(ctx);
        var started = sessions.start(JsonBody.text(body, "username"), JsonBody.text(body, "password"), ctx.ip());
        cookie.set(ctx, started.id(), started.lifetime());
        ctx.status(204);
    }

    public void end(Context ctx) {
        sessions.end(Auth.session(ctx));
        cookie.clear(ctx);
        ctx.status(204);
    }
}
