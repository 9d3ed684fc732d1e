package app.outlay.user;

import app.outlay.common.Conflict;
import app.outlay.common.FieldErrors;
import app.outlay.common.Forbidden;
import app.outlay.common.Invalid;
import app.outlay.common.NotFound;
import app.outlay.common.Unauthenticated;
import app.outlay.db.Database;
import app.outlay.ledger.LedgerService;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration, password checks and password changes. Failed sign-ins and password changes are logged (for
 * tools such as fail2ban) with the address and a known username, never with what was typed as a password.
 */
public final class UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    private final Database db;
    private final UserStore store;
    private final SessionStore sessions;
    private final LedgerService ledgers;
    private final PasswordHasher hasher = new PasswordHasher();
    private final LoginThrottle throttle;
    private final Currency defaultCurrency;
    private final boolean openRegistration;
    private final Clock clock;

    public UserService(Database db, LedgerService ledgers, Currency defaultCurrency, boolean openRegistration, Clock clock) {
        this.db = db;
        this.store = new UserStore(db.dsl());
        this.sessions = new SessionStore(db.dsl());
        this.ledgers = ledgers;
        this.throttle = new LoginThrottle(clock);
        this.defaultCurrency = defaultCurrency;
        this.openRegistration = openRegistration;
        this.clock = clock;
    }

    /**
     * Creates a user with a ledger named "Personal". Open to anyone while no user exists (that one becomes
     * admin) or with open registration; otherwise only an admin may.
     */
    public CurrentUser register(Optional<CurrentUser> caller, String rawUsername, String rawPassword) {
        var errors = new FieldErrors();
        Username username = errors.attempt(() -> Username.parse("username", rawUsername));
        Password password = errors.attempt(() -> Password.parse("password", rawPassword));
        boolean byAdmin = caller.map(CurrentUser::admin).orElse(false);
        requireMayRegister(byAdmin);
        errors.throwIfAny();
        return insert(username, password, false, () -> requireMayRegister(byAdmin));
    }

    /** Whether the server has no user yet (the next one becomes admin) and whether anyone may register. */
    public RegistrationStatus registrationStatus() {
        boolean first = !store.any();
        return new RegistrationStatus(first, first || openRegistration);
    }

    /** {@code firstUser}: no user exists yet; {@code open}: a caller without an account may register. */
    public record RegistrationStatus(boolean firstUser, boolean open) {}

    /** Creates a user for the server's own command line, which needs no rights; the first user is admin anyway. */
    public CurrentUser add(String rawUsername, String rawPassword, boolean admin) {
        var errors = new FieldErrors();
        Username username = errors.attempt(() -> Username.parse("username", rawUsername));
        Password password = errors.attempt(() -> Password.parse("password", rawPassword));
        errors.throwIfAny();
        return insert(username, password, admin, () -> {});
    }

    private CurrentUser insert(Username username, Password password, boolean admin, Runnable recheck) {
        String hash = hasher.hash(password.value()); // slow on purpose: outside the transaction
        return db.transaction(() -> {
            db.lock("registration"); // one at a time across servers: exactly one first user, no duplicate names
            recheck.run();
            if (store.exists(username)) {
                throw new Conflict("That username is taken.");
            }
            boolean asAdmin = admin || !store.any();
            long id = store.insert(username, hash, asAdmin, clock.millis());
            ledgers.create(id, "Personal", defaultCurrency);
            return new CurrentUser(id, username.value(), asAdmin);
        });
    }

    private void requireMayRegister(boolean byAdmin) {
        if (!byAdmin && !openRegistration && store.any()) {
            throw new Forbidden("Registration is closed; an admin can create accounts.");
        }
    }

    /** The user with these credentials; the same refusal for an unknown user and a wrong password. */
    public CurrentUser login(String rawUsername, String password, String clientAddress) {
        String key = rawUsername == null ? "" : rawUsername.trim().toLowerCase(Locale.ROOT);
        throttle.check(key, clientAddress);
        Optional<UserStore.StoredUser> found = key.isEmpty() ? Optional.empty() : findByKey(rawUsername);
        String given = password == null ? "" : password;
        boolean ok = found.isPresent() ? hasher.matches(given, found.get().passwordHash()) : decoy(given);
        if (!ok) {
            // Not the name typed for an unknown user: people type their password there by mistake.
            LOG.info("Failed sign-in from {} ({})", clientAddress,
                    found.map(u -> "wrong password for " + u.user().username()).orElse("unknown username"));
            throttle.failed(key, clientAddress);
            throw new Unauthenticated("Wrong username or password.");
        }
        throttle.succeeded(key);
        return found.get().user();
    }

    /**
     * Changes the caller's password once the current one is confirmed (a wrong one counts as a failed login),
     * and ends every other session of theirs: {@code session} is the one the request came with, if any.
     */
    public void changePassword(CurrentUser user, Optional<Long> session, String currentPassword, String rawNew,
                               String clientAddress) {
        Password password = Password.parse("newPassword", rawNew);
        try {
            login(user.username(), currentPassword, clientAddress);
        } catch (Unauthenticated e) {
            throw Invalid.field("currentPassword", "is not the current password");
        }
        int ended = setPassword(user, password, session.orElse(null));
        LOG.info("{} changed their password from {}; {} other session(s) ended", user.username(), clientAddress, ended);
    }

    /** An admin sets another user's password; every session of that user ends. */
    public void resetPassword(CurrentUser caller, String username, String rawPassword) {
        if (!caller.admin()) {
            throw new Forbidden("Only an admin can reset a password.");
        }
        CurrentUser user = resetPassword(username, rawPassword);
        LOG.info("{} set a new password for {}", caller.username(), user.username());
    }

    /** Sets a user's password for the server's own command line; every session of that user ends. */
    public CurrentUser resetPassword(String username, String rawPassword) {
        Password password = Password.parse("password", rawPassword);
        CurrentUser user = find(username).orElseThrow(() -> new NotFound("No such user."));
        setPassword(user, password, null);
        return user;
    }

    /** Returns how many of the user's sessions ended. */
    private int setPassword(CurrentUser user, Password password, Long keepSession) {
        String hash = hasher.hash(password.value());
        return db.transaction(() -> {
            store.updatePassword(user.id(), hash);
            return sessions.deleteAllOf(user.id(), keepSession);
        });
    }

    /** The user with this username, in any case; empty when there is none (or it cannot be a username). */
    public Optional<CurrentUser> find(String rawUsername) {
        return findByKey(rawUsername).map(UserStore.StoredUser::user);
    }

    private Optional<UserStore.StoredUser> findByKey(String rawUsername) {
        try {
            return store.findByUsername(Username.parse("username", rawUsername));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    private boolean decoy(String password) {
        hasher.matchNothing(password);
        return false;
    }
}
