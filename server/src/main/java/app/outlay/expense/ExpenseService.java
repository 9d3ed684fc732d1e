package app.outlay.expense;

import app.outlay.common.FieldErrors;
import app.outlay.common.Invalid;
import app.outlay.common.NotFound;
import app.outlay.common.Params;
import app.outlay.common.StaleVersion;
import app.outlay.db.Database;
import app.outlay.ledger.Ledger;
import app.outlay.ledger.LedgerService;
import app.outlay.ledger.Role;
import app.outlay.user.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The rules for expenses: who may read and write them, validation, versions, paging. */
public final class ExpenseService {
    static final int MAX_BATCH = 10_000;
    /**
     * SQLite's page cache while a batch is inserted (native memory, given back at its commit): enough for the pages
     * 10,000 rows change in the indexes of a ledger of millions (the index by amount alone takes 16 MiB a million).
     */
    private static final int BATCH_CACHE_MIB = 32;
    private static final int MAX_REPORTED_ERRORS = 100;

    private final Database db;
    private final ExpenseStore store;
    private final LedgerService ledgers;
    private final Clock clock;

    public ExpenseService(Database db, LedgerService ledgers, Clock clock) {
        this.db = db;
        this.store = new ExpenseStore(db);
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /** A check on the version a client last saw ({@code If-Match}); it throws to refuse the change. */
    public interface Precondition {
        Precondition NONE = current -> {};

        void check(Expense current);
    }

    /** A page of a listing and the cursor of the next one, null on the last page. */
    public record Page(List<Expense> items, String nextCursor) {}

    public Expense create(CurrentUser user, long ledgerId, JsonNode body) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.EDITOR);
        NewExpense e = NewExpense.parse(body, ledger.currency(), "");
        long now = clock.millis();
        long id = db.atomic(() -> store.insert(ledger.id(), e, user.id(), now));
        Instant at = Instant.ofEpochMilli(now);
        return new Expense(id, ledger.id(), e.date(), e.type(), e.amount(), e.description(), 1, at, at,
                user.username(), user.username());
    }

    /** Creates every item or none: one invalid item is a 422 naming each bad item by its index. */
    public List<Long> createAll(CurrentUser user, long ledgerId, JsonNode items) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.EDITOR);
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw Invalid.field("body", "must hold 1 to " + MAX_BATCH + " expenses");
        }
        var errors = new FieldErrors();
        List<NewExpense> parsed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String item = "[" + i + "]";
            JsonNode json = items.get(i);
            parsed.add(errors.attempt(() -> NewExpense.parse(json, ledger.currency(), item)));
        }
        errors.throwIfAny(MAX_REPORTED_ERRORS);
        long now = clock.millis();
        return db.transaction(() -> {
            db.lock(ledger.bulkWrites());
            return db.withPageCache(BATCH_CACHE_MIB, () -> store.insertAll(ledger.id(), parsed, user.id(), now));
        });
    }

    public Expense get(CurrentUser user, long ledgerId, long id) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.VIEWER);
        return find(ledger, id);
    }

    /** Replaces every field (PUT). */
    public Expense replace(CurrentUser user, long ledgerId, long id, JsonNode body, Precondition precondition) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.EDITOR);
        NewExpense next = NewExpense.parse(body, ledger.currency(), "");
        return change(user, ledger, id, precondition, current -> next);
    }

    /** Replaces the fields present in a JSON merge patch (PATCH). */
    public Expense patch(CurrentUser user, long ledgerId, long id, JsonNode patch, Precondition precondition) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.EDITOR);
        return change(user, ledger, id, precondition, current -> NewExpense.merge(patch, current, ledger.currency(), ""));
    }

    public void delete(CurrentUser user, long ledgerId, long id, Precondition precondition) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.EDITOR);
        db.transaction(() -> {
            precondition.check(findForUpdate(ledger, id));
            store.delete(ledger.id(), id);
        });
    }

    public Page list(CurrentUser user, long ledgerId, Params params) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.VIEWER);
        return page(ledger, query(params, ledger));
    }

    /**
     * Every row the filter matches, in the requested order, streamed from one query so memory stays flat.
     * Access and parameters are checked here, before any row is written.
     */
    public Export export(CurrentUser user, long ledgerId, Params params) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.VIEWER);
        var query = query(params, ledger);
        return sink -> db.streaming(() -> {
            store.forEach(ledger.id(), query.filter(), query.sort(), ledger.currency(), sink);
            return null;
        });
    }

    /** The rows of an export, handed to a sink one by one. */
    public interface Export {
        void forEach(Consumer<Expense> sink);
    }

    /** The listing's parameters; when it searches by words, the words of the newest expenses are indexed first. */
    private ExpenseQuery query(Params params, Ledger ledger) {
        var query = ExpenseQuery.parse(params, ledger.currency());
        if (!query.filter().words().isEmpty()) {
            db.indexNewWords();
        }
        return query;
    }

    private Page page(Ledger ledger, ExpenseQuery query) {
        List<Expense> rows = store.list(ledger.id(), query, ledger.currency());
        if (rows.size() <= query.limit()) {
            return new Page(rows, null);
        }
        List<Expense> items = rows.subList(0, query.limit());
        return new Page(items, Cursor.after(query.sort(), items.getLast()).encode());
    }

    /** Applies an edit to the current version, which stays locked from our read to our write. */
    private Expense change(CurrentUser user, Ledger ledger, long id, Precondition precondition,
                           UnaryOperator<NewExpense> edit) {
        return db.transaction(() -> {
            Expense current = findForUpdate(ledger, id);
            precondition.check(current);
            NewExpense next = edit.apply(current.fields());
            if (next.equals(current.fields())) {
                return current; // nothing changed: same version, same ETag
            }
            long now = clock.millis();
            if (!store.update(ledger.id(), id, current.version(), next, user.id(), now)) {
                throw new StaleVersion();
            }
            return new Expense(id, ledger.id(), next.date(), next.type(), next.amount(), next.description(),
                    current.version() + 1, current.createdAt(), Instant.ofEpochMilli(now), current.createdBy(),
                    user.username());
        });
    }

    private Expense findForUpdate(Ledger ledger, long id) {
        return store.findForUpdate(ledger.id(), id, ledger.currency()).orElseThrow(() -> new NotFound("No such expense."));
    }

    private Expense find(Ledger ledger, long id) {
        return store.find(ledger.id(), id, ledger.currency()).orElseThrow(() -> new NotFound("No such expense."));
    }
}
