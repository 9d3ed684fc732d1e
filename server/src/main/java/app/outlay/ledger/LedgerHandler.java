package app.outlay.ledger;

import app.outlay.http.Auth;
import app.outlay.http.JsonBody;
import app.outlay.http.PathIds;
import io.javalin.http.Context;

/** Listing, creating, renaming and deleting ledgers. */
public final class LedgerHandler {
    private final LedgerService ledgers;

    public LedgerHandler(LedgerService ledgers) {
        this.ledgers = ledgers;
    }

    public void list(Context ctx) {
        ctx.json(ledgers.list(Auth.user(ctx)).stream().map(LedgerView::of).toList());
    }

    public void create(Context ctx) {
        var body = JsonBody.readObject(ctx);
        Ledger ledger = ledgers.create(Auth.user(ctx), JsonBody.text(body, "name"), JsonBody.text(body, "currency"));
        ctx.status(201).header("Location", "/api/v1/ledgers/" + ledger.id()).json(LedgerView.of(ledger));
    }

    public void get(Context ctx) {
        ctx.json(LedgerView.of(ledgers.access(Auth.user(ctx), PathIds.id(ctx, "ledgerId"), Role.VIEWER)));
    }

    public void update(Context ctx) {
        var body = JsonBody.readObject(ctx);
        Ledger ledger = ledgers.update(Auth.user(ctx), PathIds.id(ctx, "ledgerId"),
                JsonBody.text(body, "name"), JsonBody.text(body, "currency"));
        ctx.json(LedgerView.of(ledger));
    }

    public void delete(Context ctx) {
        ledgers.delete(Auth.user(ctx), PathIds.id(ctx, "ledgerId"));
        ctx.status(204);
    }

    record LedgerView(String id, String name, String currency, String role) {
        static LedgerView of(Ledger l) {
            return new LedgerView(Long.toString(l.id()), l.name(), l.currency().getCurrencyCode(), l.role().wire());
        }
    }
}
