package app.outlay.idempotency;

import app.outlay.common.Invalid;
import app.outlay.db.Database;
import app.outlay.http.Auth;
import app.outlay.user.CurrentUser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * {@code Idempotency-Key} on POST: the first successful answer is stored in the same transaction as the
 * write it reports, so a retry replays it (and creates nothing) even after a crash or on another server.
 * The same key with a different request is a 422.
 */
public final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    private static final Duration KEEP = Duration.ofHours(24);
    private static final int MAX_KEY = 255;

    private final Database db;
    private final IdempotencyStore store;
    private final Clock clock;

    public Idempotency(Database db, Clock clock) {
        this.db = db;
        this.store = new IdempotencyStore(db.dsl());
        this.clock = clock;
    }

    /** Wraps a POST handler of a signed-in user. */
    public Handler around(Handler handler) {
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null) {
                handler.handle(ctx);
                return;
            }
            if (key.isBlank() || key.length() > MAX_KEY) {
                throw Invalid.parameter(HEADER, "must be 1 to " + MAX_KEY + " characters");
            }
            CurrentUser user = Auth.user(ctx);
            String hash = requestHash(ctx);
            try {
                db.transaction(() -> {
                    var stored = find(user, key);
                    if (stored.isPresent()) {
                        replay(ctx, stored.get(), hash);
                    } else {
                        run(handler, ctx);
                        remember(ctx, user, key, hash);
                    }
                });
            } catch (DataAccessException e) {
                if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                    throw e;
                }
                // The same key committed first elsewhere (another server, same moment): our work was rolled back.
                replay(ctx, find(user, key).orElseThrow(() -> e), hash);
            }
        };
    }

    private Optional<IdempotencyStore.StoredResponse> find(CurrentUser user, String key) {
        return store.find(user.id(), key, clock.millis() - KEEP.toMillis());
    }

    private void remember(Context ctx, CurrentUser user, String key, String hash) {
        if (ctx.statusCode() < 200 || ctx.statusCode() > 299) {
            return;
        }
        var response = new IdempotencyStore.StoredResponse(hash, ctx.statusCode(), ctx.res().getHeader("Location"),
                ctx.res().getHeader("ETag"), ctx.result());
        long now = clock.millis();
        store.deleteOlder(user.id(), now - KEEP.toMillis()); // an expired key may be reused
        store.insert(user.id(), key, response, now);
    }

    private static void replay(Context ctx, IdempotencyStore.StoredResponse stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw Invalid.field(HEADER, "was already used with a different request");
        }
        ctx.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            ctx.header("Location", stored.location());
        }
        if (stored.etag() != null) {
            ctx.header("ETag", stored.etag());
        }
        ctx.contentType("application/json").result(stored.body());
    }

    private static void run(Handler handler, Context ctx) {
        try {
            handler.handle(ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requestHash(Context ctx) throws NoSuchAlgorithmException {
        var digest = MessageDigest.getInstance("SHA-256");
        digest.update((ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(ctx.bodyAsBytes());
        return HexFormat.of().formatHex(digest.digest());
    }
}
