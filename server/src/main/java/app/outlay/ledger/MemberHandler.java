package app.outlay.ledger;

import app.outlay.http.Auth;
import app.outlay.http.JsonBody;
import app.outlay.http.PathIds;
import io.javalin.http.Context;

/** Listing, adding, changing and removing the members of a ledger. */
public final class MemberHandler {
    private final MemberService members;

    public MemberHandler(MemberService members) {
        this.members = members;
    }

    public void list(Context ctx) {
        ctx.json(members.list(Auth.user(ctx), PathIds.id(ctx, "ledgerId")).stream().map(MemberView::of).toList());
    }

    public void put(Context ctx) {
        var body = JsonBody.readObject(ctx);
        var change = members.put(Auth.user(ctx), PathIds.id(ctx, "ledgerId"), ctx.pathParam("username"),
                JsonBody.text(body, "role"));
        ctx.status(change.added() ? 201 : 200).json(MemberView.of(change.member()));
    }

    public void remove(Context ctx) {
        members.remove(Auth.user(ctx), PathIds.id(ctx, "ledgerId"), ctx.pathParam("username"));
        ctx.status(204);
    }

    record MemberView(String username, String role) {
        static MemberView of(Member m) {
            return new MemberView(m.username(), m.role().wire());
        }
    }
}
