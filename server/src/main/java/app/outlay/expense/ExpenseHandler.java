package app.outlay.expense;

import app.outlay.common.Invalid;
import app.outlay.common.Params;
import app.outlay.http.Auth;
import app.outlay.http.Etags;
import app.outlay.http.InFlight;
import app.outlay.http.JsonBody;
import app.outlay.http.Links;
import app.outlay.http.PathIds;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;

/** The expense routes: HTTP in, one service call, HTTP out. */
public final class ExpenseHandler {
    private final ExpenseService expenses;
    /** Bounds the CSV exports streaming at once: each holds a database connection until its last row. */
    private final InFlight exports;

    public ExpenseHandler(ExpenseService expenses, InFlight exports) {
        this.expenses = expenses;
        this.exports = exports;
    }

    public void create(Context ctx) {
        Expense e = expenses.create(Auth.user(ctx), ledgerId(ctx), JsonBody.readObject(ctx));
        ctx.status(201).header("Location", ctx.path() + "/" + e.id());
        respond(ctx, e);
    }

    public void createAll(Context ctx) {
        var ids = expenses.createAll(Auth.user(ctx), ledgerId(ctx), JsonBody.readArray(ctx));
        ctx.status(201).json(Map.of("created", ids.size(), "ids", ids.stream().map(String::valueOf).toList()));
    }

    public void get(Context ctx) {
        Expense e = expenses.get(Auth.user(ctx), ledgerId(ctx), PathIds.id(ctx, "expenseId"));
        if (Etags.notModified(ctx, ExpenseJson.etag(e))) {
            ctx.status(304).header("ETag", ExpenseJson.etag(e));
            return;
        }
        respond(ctx, e);
    }

    public void replace(Context ctx) {
        respond(ctx, expenses.replace(Auth.user(ctx), ledgerId(ctx), PathIds.id(ctx, "expenseId"),
                JsonBody.readObject(ctx), ifMatch(ctx)));
    }

    public void patch(Context ctx) {
        respond(ctx, expenses.patch(Auth.user(ctx), ledgerId(ctx), PathIds.id(ctx, "expenseId"),
                JsonBody.readObject(ctx), ifMatch(ctx)));
    }

    public void delete(Context ctx) {
        expenses.delete(Auth.user(ctx), ledgerId(ctx), PathIds.id(ctx, "expenseId"), ifMatch(ctx));
        ctx.status(204);
    }

    /** The listing as JSON pages, or with {@code Accept: text/csv} / {@code format=csv} every row as CSV. */
    public void list(Context ctx) throws Exception {
        var params = new Params(ctx.queryParamMap());
        if (wantsCsv(ctx, params)) {
            if (ctx.method() == HandlerType.HEAD) {
                csv(ctx, params); // the headers at once: it reads no row
            } else {
                exports.around(c -> csv(c, params)).handle(ctx);
            }
            return;
        }
        var page = expenses.list(Auth.user(ctx), ledgerId(ctx), params);
        if (page.nextCursor() != null) {
            ctx.header("Link", Links.next(ctx, "cursor", page.nextCursor()));
        }
        ExpenseJson.page(ctx, page.items(), page.nextCursor());
    }

    private void csv(Context ctx, Params params) throws Exception {
        var export = expenses.export(Auth.user(ctx), ledgerId(ctx), params);
        ctx.contentType(ExpenseCsv.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"expenses.csv\"");
        if (ctx.method() == HandlerType.HEAD) {
            return; // GET's headers, access checked, no row read
        }
        try (var csv = new ExpenseCsv(ctx.outputStream())) {
            export.forEach(csv::write);
        }
    }

    private static void respond(Context ctx, Expense e) {
        ExpenseJson.one(ctx.header("ETag", ExpenseJson.etag(e)), e);
    }

    private static ExpenseService.Precondition ifMatch(Context ctx) {
        if (ctx.header("If-Match") == null) {
            return ExpenseService.Precondition.NONE;
        }
        return current -> Etags.requireMatch(ctx, ExpenseJson.etag(current));
    }

    private static boolean wantsCsv(Context ctx, Params params) {
        String format = params.one("format");
        if (format != null) {
            return switch (format.toLowerCase()) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw Invalid.parameter("format", "must be csv or json");
            };
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase().contains("text/csv") && !accept.toLowerCase().contains("json");
    }

    static long ledgerId(Context ctx) {
        return PathIds.id(ctx, "ledgerId");
    }
}
