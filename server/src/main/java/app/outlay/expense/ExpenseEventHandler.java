package app.outlay.expense;

import app.outlay.http.Auth;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/ledgers/{ledgerId}/events}: live updates as server-sent events ({@code text/event-stream}),
 * {@code id}, {@code event} and {@code data} (the expense, or {@code {"id"}} of a deleted one) each.
 */
public final class ExpenseEventHandler {
    private final ExpenseEvents events;
    private final Auth auth;

    /** {@code auth} signs the request in again now and then: a revoked token or ended session ends its stream. */
    public ExpenseEventHandler(ExpenseEvents events, Auth auth) {
        this.events = events;
        this.auth = auth;
    }

    public void follow(Context ctx) throws Exception {
        var stream = events.follow(Auth.user(ctx), ExpenseHandler.ledgerId(ctx), ctx.header("Last-Event-ID"));
        var response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front (nginx) passes each event on at once
        if (ctx.method() == HandlerType.HEAD) {
            return;
        }
        // The servlet's stream, not Javalin's: that one gzips, and holds events back until it has enough to compress.
        ServletOutputStream out = response.getOutputStream();
        try {
            write(out, ": following\n\n"); // the headers now, so the client knows it is connected
            stream.run(new ExpenseEvents.Client() {
                @Override
                public void send(long id, String event, String json) throws IOException {
                    write(out, "id: " + id + "\nevent: " + event + "\ndata: " + json + "\n\n");
                }

                @Override
                public void reset() throws IOException {
                    write(out, "event: reset\ndata: {}\n\n");
                }

                @Override
                public void heartbeat() throws IOException {
                    write(out, ":\n\n");
                }

                @Override
                public boolean signedIn() {
                    try {
                        auth.authenticate(ctx);
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                }
            });
        } catch (IOException e) {
            // the client left
        }
    }

    private static void write(ServletOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
