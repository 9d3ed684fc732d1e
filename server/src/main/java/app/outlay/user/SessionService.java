package app.outlay.user;

import app.outlay.common.NotFound;
import app.outlay.common.Secrets;
import app.outlay.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browser sessions: a random id of 256 bits, kept by the browser in a cookie and by the server only as its
 * SHA-256. A session ends when unused for the idle time, at its absolute lifetime, at logout, and when its
 * user's password changes. Signing in goes through {@link UserService#login}: the same throttle, the same answers.
 */
public final class SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    private static final String PREFIX = "ols_";
    /** How stale the recorded last use may get before a request records it again (fewer writes). */
    private static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Database db;
    private final SessionStore store;
    private final UserService users;
    private final Duration idle;
    private final Duration lifetime;
    private final Clock clock;

    public SessionService(Database db, UserService users, Duration idle, Duration lifetime, Clock clock) {
        this.db = db;
        this.store = new SessionStore(db.dsl());
        this.users = users;
        this.idle = idle;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new session's id, which exists only in this answer (and the cookie made of it), and its lifetime. */
    public record Started(String id, Duration lifetime) {}

    /** A live session: its number, and whose it is. */
    public record Session(long id, CurrentUser user) {}

    public Started start(String username, String password, String clientAddress) {
        CurrentUser user = users.login(username, password, clientAddress);
        String id = Secrets.generate(PREFIX);
        long now = clock.millis();
        db.transaction(() -> {
            store.deleteExpired(now - idle.toMillis(), now - lifetime.toMillis());
            store.insert(user.id(), Secrets.hash(id), now);
        });
        LOG.info("{} signed in from {} (browser session)", user.username(), clientAddress);
        return new Started(id, lifetime);
    }

    /** The live session with this id; an expired one is forgotten. */
    public Optional<Session> authenticate(String id) {
        if (!id.startsWith(PREFIX) || id.length() > 100) {
            return Optional.empty();
        }
        var found = store.find(Secrets.hash(id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var session = found.get();
        long now = clock.millis();
        long unused = now - session.lastSeenAt();
        if (unused >= idle.toMillis() || now - session.createdAt() >= lifetime.toMillis()) {
            db.transaction(() -> store.delete(session.id()));
            return Optional.empty();
        }
        if (unused >= Math.min(idle.toMillis() / 10, MAX_TOUCH_INTERVAL.toMillis())) {
            db.transaction(() -> store.touch(session.id(), now));
        }
        return Optional.of(new Session(session.id(), session.user()));
    }

    /** Logs out: ends the session the request came with. */
    public void end(Optional<Long> session) {
        long id = session.orElseThrow(() -> new NotFound("This request carries no session cookie; a token is revoked "
                + "with DELETE /api/v1/tokens/{tokenId}."));
        db.transaction(() -> store.delete(id));
    }
}
