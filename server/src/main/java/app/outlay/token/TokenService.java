package app.outlay.token;

import app.outlay.common.Invalid;
import app.outlay.common.NotFound;
import app.outlay.common.Secrets;
import app.outlay.db.Database;
import app.outlay.user.CurrentUser;
import app.outlay.user.UserService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Personal access tokens: 256 random bits, shown once, stored only as their SHA-256 ({@link Secrets}). */
public final class TokenService {
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    private static final String PREFIX = "olt_";
    private static final int MAX_NAME = 100;
    static final Duration REMEMBER = Duration.ofSeconds(2);

    private final Database db;
    private final TokenStore store;
    private final UserService users;
    private final Clock clock;
    /**
     * Tokens seen lately, by hash: most requests skip the lookup. A revocation empties it here at once;
     * other servers sharing the database notice within {@link #REMEMBER}.
     */
    private final Cache<String, CurrentUser> recent = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(10_000)
            .build();

    public TokenService(Database db, UserService users, Clock clock) {
        this.db = db;
        this.store = new TokenStore(db.dsl());
        this.users = users;
        this.clock = clock;
    }

    /** A token with its secret, which exists only in this answer. */
    public record IssuedToken(Token token, String secret) {}

    public IssuedToken issue(String username, String password, String name, String clientAddress) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > MAX_NAME) {
            throw Invalid.field("name", "must be at most " + MAX_NAME + " characters");
        }
        CurrentUser user = users.login(username, password, clientAddress);
        String secret = Secrets.generate(PREFIX);
        long now = clock.millis();
        long id = db.transaction(() -> store.insert(user.id(), label, Secrets.hash(secret), now));
        LOG.info("{} signed in from {} (token {})", user.username(), clientAddress, id);
        return new IssuedToken(new Token(id, label, Instant.ofEpochMilli(now)), secret);
    }

    public Optional<CurrentUser> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(recent.get(Secrets.hash(secret), hash -> store.findUser(hash).orElse(null)));
    }

    public List<Token> list(CurrentUser user) {
        return store.list(user.id());
    }

    public void revoke(CurrentUser user, long tokenId) {
        boolean deleted = db.transaction(() -> store.delete(user.id(), tokenId));
        recent.invalidateAll(); // revocations are rare: forgetting every token is simpler than finding one
        if (!deleted) {
            throw new NotFound("No such token.");
        }
    }
}
