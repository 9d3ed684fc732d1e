package app.outlay.token;

import app.outlay.http.Auth;
import app.outlay.http.JsonBody;
import app.outlay.http.PathIds;
import io.javalin.http.Context;

/** Creating, listing and revoking personal access tokens. */
public final class TokenHandler {
    private final TokenService tokens;

    public TokenHandler(TokenService tokens) {
        this.tokens = tokens;
    }

    public void create(Context ctx) {
        var body = JsonBody.readObject(ctx);
        var issued = tokens.issue(JsonBody.text(body, "username"), JsonBody.text(body, "password"),
                JsonBody.text(body, "name"), ctx.ip());
        var t = issued.token();
        ctx.status(201).json(new IssuedView(Long.toString(t.id()), t.name(), issued.secret(), t.createdAt().toString()));
    }

    public void list(Context ctx) {
        ctx.json(tokens.list(Auth.user(ctx)).stream().map(TokenView::of).toList());
    }

    public void revoke(Context ctx) {
        tokens.revoke(Auth.user(ctx), PathIds.id(ctx, "tokenId"));
        ctx.status(204);
    }

    record IssuedView(String id, String name, String token, String createdAt) {}

    record TokenView(String id, String name, String createdAt) {
        static TokenView of(Token t) {
            return new TokenView(Long.toString(t.id()), t.name(), t.createdAt().toString());
        }
    }
}
