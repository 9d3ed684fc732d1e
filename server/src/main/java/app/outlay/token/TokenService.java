package app.outlay.token;

import app.outlay.common.Invalid;
import app.outlay.common.NotFound;
import app.outlay.db.Database;
import app.outlay.user.CurrentUser;
import app.outlay.user.UserService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Personal access tokens: 256 random bits, shown once, stored only as their SHA-256
 * (a slow hash adds nothing for secrets this long, and lookups stay one index probe).
 */
public final class TokenService {
    private static final String PREFIX = "olt_";
    private static final int MAX_NAME = 100;
    static final Duration REMEMBER = Duration.ofSeconds(2);

    private final Database db;
    private final TokenStore store;
    private final UserService users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
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
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = clock.millis();
        long id = db.transaction(() -> store.insert(user.id(), label, hash(secret), now));
        return new IssuedToken(new Token(id, label, Instant.ofEpochMilli(now)), secret);
    }

    public Optional<CurrentUser> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(recent.get(hash(secret), hash -> store.findUser(hash).orElse(null)));
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

    private static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
