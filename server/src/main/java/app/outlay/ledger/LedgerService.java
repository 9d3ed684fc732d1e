package app.outlay.ledger;

import app.outlay.common.Conflict;
import app.outlay.common.FieldErrors;
import app.outlay.common.Forbidden;
import app.outlay.common.Invalid;
import app.outlay.common.NotFound;
import app.outlay.db.Database;
import app.outlay.user.CurrentUser;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Ledgers and who may do what in them. */
public final class LedgerService {
    private static final int MAX_NAME = 100;

    private final Database db;
    private final LedgerStore store;
    private final Currency defaultCurrency;
    private final Clock clock;
    /**
     * Memberships seen lately: most requests skip the access query. Changes on this server empty it at
     * once; other servers sharing the database notice within {@link #REMEMBER}.
     */
    private final Cache<Membership, Ledger> recent = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(10_000)
            .build();

    static final Duration REMEMBER = Duration.ofSeconds(2);

    private record Membership(long userId, long ledgerId) {}

    public LedgerService(Database db, Currency defaultCurrency, Clock clock) {
        this.db = db;
        this.store = new LedgerStore(db.dsl());
        this.defaultCurrency = defaultCurrency;
        this.clock = clock;
    }

    public List<Ledger> list(CurrentUser user) {
        return store.listFor(user.id());
    }

    /**
     * The ledger if the user is a member with at least the needed role. Non-members learn nothing (404);
     * members with too weak a role get 403.
     */
    public Ledger access(CurrentUser user, long ledgerId, Role needed) {
        Ledger ledger = recent.get(new Membership(user.id(), ledgerId), m -> store.find(m.userId(), m.ledgerId()).orElse(null));
        if (ledger == null) {
            throw new NotFound("No such ledger.");
        }
        if (!ledger.role().includes(needed)) {
            throw new Forbidden("This needs the " + needed.wire() + " role in the ledger.");
        }
        return ledger;
    }

    /** Creates a ledger owned by the user; {@code currency} null means the server's default. */
    public Ledger create(CurrentUser user, String rawName, String rawCurrency) {
        var errors = new FieldErrors();
        String name = errors.attempt(() -> parseName(rawName));
        Currency currency = rawCurrency == null ? defaultCurrency : errors.attempt(() -> parseCurrency(rawCurrency));
        errors.throwIfAny();
        return create(user.id(), name, currency);
    }

    public Ledger create(long userId, String name, Currency currency) {
        return db.transaction(() -> {
            long id = store.insert(name, currency, clock.millis());
            store.addMember(id, userId, Role.OWNER);
            return new Ledger(id, name, currency, Role.OWNER);
        });
    }

    /** Renames the ledger. Its currency is fixed: amounts are stored in that currency's minor units. */
    public Ledger update(CurrentUser user, long ledgerId, String rawName, String rawCurrency) {
        var errors = new FieldErrors();
        String name = rawName == null ? null : errors.attempt(() -> parseName(rawName));
        Currency currency = rawCurrency == null ? null : errors.attempt(() -> parseCurrency(rawCurrency));
        errors.throwIfAny();
        Ledger changed = db.transaction(() -> {
            Ledger ledger = access(user, ledgerId, Role.OWNER);
            if (currency != null && !currency.equals(ledger.currency())) {
                throw new Conflict("A ledger's currency cannot change; create a new ledger instead.");
            }
            Ledger updated = new Ledger(ledger.id(), name == null ? ledger.name() : name, ledger.currency(), ledger.role());
            store.update(ledgerId, updated.name(), updated.currency());
            return updated;
        });
        forget();
        return changed;
    }

    /** Deletes the ledger and every expense in it. */
    public void delete(CurrentUser user, long ledgerId) {
        db.transaction(() -> {
            access(user, ledgerId, Role.OWNER);
            store.delete(ledgerId);
        });
        forget();
    }

    /** Forgets the memberships remembered: someone's role or membership changed. */
    void forget() {
        recent.invalidateAll();
    }

    private static String parseName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw Invalid.field("name", "must be 1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    private static Currency parseCurrency(String raw) {
        try {
            if (raw.length() == 3) {
                return Currency.getInstance(raw.toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw Invalid.field("currency", "must be an ISO 4217 currency code such as EUR");
    }
}
