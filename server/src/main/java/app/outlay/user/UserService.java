package app.outlay.user;

import app.outlay.common.Conflict;
import app.outlay.common.FieldErrors;
import app.outlay.common.Forbidden;
import app.outlay.common.Unauthenticated;
import app.outlay.db.Database;
import app.outlay.ledger.LedgerService;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Registration and password checks. */
public final class UserService {
    private final Database db;
    private final UserStore store;
    private final LedgerService ledgers;
    private final PasswordHasher hasher = new PasswordHasher();
    private final LoginThrottle throttle;
    private final Currency defaultCurrency;
    private final boolean openRegistration;
    private final Clock clock;

    public UserService(Database db, LedgerService ledgers, Currency defaultCurrency, boolean openRegistration, Clock clock) {
        this.db = db;
        this.store = new UserStore(db.dsl());
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
        String hash = hasher.hash(password.value()); // slow on purpose: outside the transaction
        return db.transaction(() -> {
            db.lock("registration"); // one at a time across servers: exactly one first user, no duplicate names
            requireMayRegister(byAdmin);
            if (store.exists(username)) {
                throw new Conflict("That username is taken.");
            }
            boolean first = !store.any();
            long id = store.insert(username, hash, first, clock.millis());
            ledgers.create(id, "Personal", defaultCurrency);
            return new CurrentUser(id, username.value(), first);
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
            throttle.failed(key, clientAddress);
            throw new Unauthenticated("Wrong username or password.");
        }
        throttle.succeeded(key);
        return found.get().user();
    }

    /** The user with this username, in any case; empty when there is none (or it cannot be a username). */
    public Optional<CurrentUser> find(String rawUsername) {
        return findByKey(rawUsername).map(UserStore.StoredUser::user);
    }

    private Optional<UserStore.StoredUser> findByKey(String rawUsername) {
        try {
            return store.findByUsername(Username.parse("username", rawUsername));
        } catch (app.outlay.common.Invalid e) {
            return Optional.empty();
        }
    }

    private boolean decoy(String password) {
        hasher.matchNothing(password);
        return false;
    }
}
