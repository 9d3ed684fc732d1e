package app.outlay.expense;

import app.outlay.common.Invalid;
import app.outlay.db.Database;
import app.outlay.ledger.Ledger;
import app.outlay.ledger.LedgerService;
import app.outlay.ledger.Role;
import app.outlay.user.CurrentUser;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates of a ledger: every change to its expenses, sent as it is committed to each client that follows the
 * ledger, and sent again from where a client that comes back left off ({@code Last-Event-ID}). The events are rows
 * that the migrations' triggers write with every change, so any server on the database sends any server's changes.
 */
public final class ExpenseEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpenseEvents.class);
    /** Events read at once: a client far behind (an import of a million rows) is sent them page by page. */
    private static final int PAGE = 500;
    /** Without events for this long a stream sends a comment, which finds a client gone and keeps proxies open. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Events are kept this long for clients that come back; one that was away longer is told to start over. */
    static final Duration KEPT = Duration.ofDays(7);
    private static final Duration TIDY_EVERY = Duration.ofHours(6);
    /** Old events dropped in one transaction at most, so that the one writer is not held long. */
    private static final int DROPPED_AT_ONCE = 10_000;

    private final Database db;
    private final ExpenseStore store;
    private final LedgerService ledgers;
    private final Clock clock;
    private final NewEvents added;
    private final Thread tidying;
    private final AtomicInteger streams = new AtomicInteger();

    public ExpenseEvents(Database db, LedgerService ledgers, Clock clock, MeterRegistry metrics) {
        this.db = db;
        this.store = new ExpenseStore(db);
        this.ledgers = ledgers;
        this.clock = clock;
        this.added = new NewEvents(store::latestEvent);
        this.tidying = Thread.ofVirtual().name("outlay-old-events").unstarted(this::dropOldNowAndThen);
        Gauge.builder("outlay.events.streams", streams, AtomicInteger::get)
                .description("Streams of live updates open").register(metrics);
    }

    /** Drops old events a minute after the start, then every {@link #TIDY_EVERY}, until {@link #close}. */
    public void keepTidy() {
        tidying.start();
    }

    private void dropOldNowAndThen() {
        try {
            Thread.sleep(Duration.ofMinutes(1)); // not during the start-up
            while (true) {
                try {
                    dropOld();
                } catch (RuntimeException e) {
                    LOG.warn("Could not drop old events; trying again later", e);
                }
                Thread.sleep(TIDY_EVERY);
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** Where a stream's client receives what it is sent; each call that sends throws when the client is gone. */
    public interface Client {
        void send(long id, String event, String json) throws IOException;

        /** The events since the client's {@code Last-Event-ID} are no longer kept: it should load the ledger anew. */
        void reset() throws IOException;

        /** Nothing to send for a while: a sign of life. */
        void heartbeat() throws IOException;

        /** Whether the client is still signed in (its token not revoked, its session not ended). */
        boolean signedIn();
    }

    /**
     * A stream of the ledger's events after {@code lastEventId} (a client coming back), or from now on when that is
     * null. Checks the caller may read the ledger; nothing is sent before {@link Stream#run}.
     */
    public Stream follow(CurrentUser user, long ledgerId, String lastEventId) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.VIEWER);
        long latest = store.latestEvent();
        if (lastEventId == null) {
            return new Stream(user, ledger, latest, false);
        }
        long after = parse(lastEventId);
        // Older than what is kept, or newer than any (another database's): what came between is unknown.
        boolean lost = after > latest || after + 1 < store.oldestEvent();
        return new Stream(user, ledger, lost ? latest : after, lost);
    }

    private static long parse(String lastEventId) {
        try {
            long id = Long.parseLong(lastEventId.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Invalid.parameter("Last-Event-ID", "must be the id of an event this server sent");
    }

    /** One client's stream: {@link #run} sends until the client leaves, loses access, or the server stops. */
    public final class Stream {
        private final CurrentUser user;
        private final Ledger ledger;
        private long position;
        private final boolean reset;

        private Stream(CurrentUser user, Ledger ledger, long position, boolean reset) {
            this.user = user;
            this.ledger = ledger;
            this.position = position;
            this.reset = reset;
        }

        public void run(Client client) throws IOException, InterruptedException {
            streams.incrementAndGet();
            try {
                sendUntilGone(client);
            } finally {
                streams.decrementAndGet();
            }
        }

        private void sendUntilGone(Client client) throws IOException, InterruptedException {
            if (reset) {
                client.reset();
            }
            while (!added.isClosed()) {
                long seen = added.latest(); // before the read: anything added after it wakes the wait below
                List<ExpenseEvent> page = store.eventsAfter(ledger.id(), position, PAGE, ledger.currency());
                if (!page.isEmpty() && !allowed(client)) {
                    return;
                }
                for (ExpenseEvent e : page) {
                    send(client, e);
                    position = e.id();
                }
                if (page.size() < PAGE && !added.await(seen, HEARTBEAT)) {
                    if (added.isClosed()) {
                        return;
                    }
                    client.heartbeat();
                    if (!allowed(client)) {
                        return;
                    }
                }
            }
        }

        private void send(Client client, ExpenseEvent e) throws IOException {
            if (e.kind() == ExpenseEvent.Kind.DELETED) {
                client.send(e.id(), e.kind().wire, ExpenseJson.deleted(e.expenseId()));
            } else if (e.expense() != null) { // else deleted since: its own event follows
                client.send(e.id(), e.kind().wire, ExpenseJson.text(e.expense()));
            }
        }

        /**
         * Whether the client may still follow the ledger: signed in and a member. Asked before each page of events
         * and after each quiet while; both answers are cached briefly and forgotten at once on a revocation.
         */
        private boolean allowed(Client client) {
            if (!client.signedIn()) {
                return false;
            }
            try {
                ledgers.access(user, ledger.id(), Role.VIEWER);
                return true;
            } catch (RuntimeException e) {
                return false; // removed from the ledger, or the ledger deleted
            }
        }
    }

    /** Drops events older than {@link #KEPT}, a bounded number at a time; how many. */
    public int dropOld() {
        long before = clock.instant().minus(KEPT).getEpochSecond();
        store.latestEvent(); // numbers what is committed, so that what is dropped can be told
        int dropped = 0;
        int now;
        do {
            now = db.transaction(() -> store.dropEventsBefore(before, DROPPED_AT_ONCE));
            dropped += now;
        } while (now == DROPPED_AT_ONCE);
        if (dropped > 0) {
            LOG.info("Dropped {} events older than {} days", dropped, KEPT.toDays());
        }
        return dropped;
    }

    /** Ends every stream: the server is stopping. */
    @Override
    public void close() {
        added.close();
        tidying.interrupt();
    }
}
