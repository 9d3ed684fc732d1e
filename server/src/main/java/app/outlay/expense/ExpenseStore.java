package app.outlay.expense;

import static app.outlay.expense.EventTable.LEDGER_EVENT;
import static app.outlay.expense.ExpenseTable.EXPENSE;

import app.outlay.common.Money;
import app.outlay.db.Database;
import app.outlay.db.Dialect;
import app.outlay.db.JsonArrays;
import app.outlay.db.WordIndex;
import app.outlay.db.WordScope;
import app.outlay.user.UserNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Insert;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/** Expenses in the database. Every statement is scoped to one ledger. */
final class ExpenseStore {
    /** The columns of every select here, in the order {@link #toExpense} reads them. */
    private static final List<Field<?>> ROW = List.of(EXPENSE.ID, EXPENSE.LEDGER_ID, EXPENSE.DATE, EXPENSE.TYPE,
            EXPENSE.AMOUNT, EXPENSE.DESCRIPTION, EXPENSE.VERSION, EXPENSE.CREATED_AT, EXPENSE.UPDATED_AT,
            EXPENSE.CREATED_BY, EXPENSE.UPDATED_BY);
    /** Rows per round trip when streaming an export. */
    private static final int STREAM_CHUNK = 1000;
    /** Listing statements kept rendered at most; a shape counts the types asked for, so a client could make many. */
    private static final int MAX_LISTINGS = 1000;

    private final Database db;
    private final DSLContext dsl;
    private final Dialect dialect;
    private final UserNames names;
    /**
     * The statements of the hottest requests (get by id, create), rendered once from
     * their jOOQ definitions: rendering them anew took more CPU than SQLite took to run them.
     */
    private final Rendered find;
    private final Rendered insert;
    /** A ledger's events after an id, each with its expense as it is now: every stream of live updates polls it. */
    private final Rendered events;
    /**
     * The listings' statements by {@link ListingShape}, rendered once each: rendering took 5 % of a first page's
     * CPU. At most {@link #MAX_LISTINGS}; others are rendered every time.
     */
    private final Map<ListingShape, String> listings = new ConcurrentHashMap<>();

    ExpenseStore(Database db) {
        this.db = db;
        this.dsl = db.dsl();
        this.dialect = db.dialect();
        this.names = new UserNames(dsl);
        this.find = new Rendered(selectExpenses()
                .where(EXPENSE.LEDGER_ID.eq(0L))
                .and(EXPENSE.ID.eq(0L)));
        this.insert = new Rendered(returningId(dsl.insertInto(EXPENSE)
                .set(EXPENSE.LEDGER_ID, 0L)
                .set(EXPENSE.DATE, LocalDate.EPOCH)
                .set(EXPENSE.TYPE, "")
                .set(EXPENSE.AMOUNT, 0L)
                .set(EXPENSE.DESCRIPTION, "")
                .set(EXPENSE.VERSION, 1L)
                .set(EXPENSE.CREATED_AT, 0L)
                .set(EXPENSE.UPDATED_AT, 0L)
                .set(EXPENSE.CREATED_BY, 0L)
                .set(EXPENSE.UPDATED_BY, 0L)));
        this.events = new Rendered(dsl.select(ROW)
                .select(LEDGER_EVENT.SEQ, LEDGER_EVENT.EXPENSE_ID, LEDGER_EVENT.KIND)
                .from(LEDGER_EVENT)
                .leftJoin(EXPENSE).on(EXPENSE.ID.eq(LEDGER_EVENT.EXPENSE_ID))
                .where(LEDGER_EVENT.LEDGER_ID.eq(0L))
                .and(LEDGER_EVENT.SEQ.gt(0L))
                .orderBy(LEDGER_EVENT.SEQ)
                .limit(0));
    }

    /**
     * Runs on JDBC directly, as {@link #insert} does: jOOQ's execution around this one-row lookup (binding,
     * its cursor and record, finding each field by name) took more CPU than SQLite took to answer it.
     */
    Optional<Expense> find(long ledgerId, long id, Currency currency) {
        return first(find.sql(), List.of(ledgerId, id), currency);
    }

    /**
     * The expense, locked until the transaction ends so concurrent edits queue instead of overwriting
     * each other. Where writers queue anyway (SQLite), the transaction already holds the only write lock.
     */
    Optional<Expense> findForUpdate(long ledgerId, long id, Currency currency) {
        var query = selectExpenses()
                .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                .and(EXPENSE.ID.eq(id));
        var select = dialect.singleWriter() ? query : query.forUpdate();
        return first(select.getSQL(), select.getBindValues(), currency);
    }

    private Optional<Expense> first(String sql, List<Object> values, Currency currency) {
        List<Expense> found = new ArrayList<>(1);
        read(sql, values, 0, currency, found::add);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /**
     * One page of the query, plus one row more when there is a next page. jOOQ builds the statement (rendered once a
     * shape, {@link #listings}); it runs on JDBC directly, as {@link #find} does: jOOQ's records for 51 rows cost more
     * than rendering.
     */
    List<Expense> list(long ledgerId, ExpenseQuery query, Currency currency) {
        var listing = listing(ledgerId, query);
        var shape = ListingShape.of(query);
        String sql = listings.get(shape);
        if (sql == null) {
            sql = listing.getSQL();
            if (listings.size() < MAX_LISTINGS) {
                listings.put(shape, sql);
            }
        }
        List<Expense> page = new ArrayList<>(query.limit() + 1);
        read(sql, listing.getBindValues(), 0, currency, page::add);
        return page;
    }

    /** The ledger's events after {@code afterId}, oldest first, at most {@code limit} of them. */
    List<ExpenseEvent> eventsAfter(long ledgerId, long afterId, int limit, Currency currency) {
        List<ExpenseEvent> found = new ArrayList<>();
        db.forEachRow(events.sql(), List.of(ledgerId, afterId, limit), 0, (c, row) -> {
            row.getLong(1);
            Expense expense = row.wasNull() ? null : toExpense(c, row, currency);
            found.add(new ExpenseEvent(row.getLong(ROW.size() + 1), ExpenseEvent.Kind.of(row.getInt(ROW.size() + 3)),
                    row.getLong(ROW.size() + 2), expense));
        });
        return found;
    }

    /**
     * The place of the newest event of any ledger; 0 when there is none. In PostgreSQL it first numbers the events
     * committed since the last call ({@link EventTable#SEQ}).
     */
    long latestEvent() {
        if (!dialect.singleWriter()) {
            return dsl.select(DSL.field("ledger_event_sequence()", Long.class)).fetchOne(0, Long.class);
        }
        Long latest = dsl.select(DSL.max(LEDGER_EVENT.ID)).from(LEDGER_EVENT).fetchOne(0, Long.class);
        return latest == null ? 0 : latest;
    }

    /** The place of the oldest event still kept; 0 when there is none. */
    long oldestEvent() {
        Long oldest = dsl.select(DSL.min(place())).from(LEDGER_EVENT).fetchOne(0, Long.class);
        return oldest == null ? 0 : oldest;
    }

    /**
     * Drops up to {@code limit} events from before {@code epochSecond}, but never the newest: the next place is drawn
     * after it, and places must only grow. Only numbered events ({@link #latestEvent} first): a client that missed one
     * dropped unnumbered would not be told to start over. The number dropped.
     */
    int dropEventsBefore(long epochSecond, int limit) {
        var newest = DSL.select(DSL.max(place())).from(LEDGER_EVENT);
        return dsl.deleteFrom(LEDGER_EVENT)
                  .where(LEDGER_EVENT.ID.in(DSL.select(LEDGER_EVENT.ID).from(LEDGER_EVENT)
                          .where(LEDGER_EVENT.AT.lt(epochSecond))
                          .and(place().lt(newest))
                          .orderBy(LEDGER_EVENT.ID)
                          .limit(limit)))
                  .execute();
    }

    /** {@link EventTable#SEQ} as each store indexes it on its own: in SQLite it is the id. */
    private Field<Long> place() {
        return dialect.singleWriter() ? LEDGER_EVENT.ID : LEDGER_EVENT.SEQ;
    }

    /** Hands every row of the filter, in order, to {@code sink} as it is read: memory stays flat. */
    void forEach(long ledgerId, ExpenseFilter filter, Sort sort, Currency currency, Consumer<Expense> sink) {
        var select = selectExpenses().where(filter.condition(ledgerId, dialect, sort, false)).orderBy(sort.orderBy());
        read(select.getSQL(), select.getBindValues(), STREAM_CHUNK, currency, sink);
    }

    /** Runs a select of {@link #ROW} with its values ({@link Database#forEachRow}), each row to {@code sink}. */
    private void read(String sql, List<Object> values, int fetchSize, Currency currency, Consumer<Expense> sink) {
        db.forEachRow(sql, values, fetchSize, (c, row) -> sink.accept(toExpense(c, row, currency)));
    }

    /** The statement behind {@link #list}; tests read its plan. */
    Select<Record> listing(long ledgerId, ExpenseQuery query) {
        var filter = query.filter();
        if (dialect.wordsTable() && query.sort().byDate() && !filter.words().isEmpty() && filter.types().size() != 1) {
            return searchByDate(ledgerId, query);
        }
        Condition where = filter.condition(ledgerId, dialect, query.sort(), true);
        if (query.cursor() != null) {
            where = where.and(query.cursor().condition());
        }
        return selectExpenses()
                .where(where)
                .orderBy(query.sort().orderBy())
                .limit(query.limit() + 1);
    }

    /**
     * A page of a search by date on SQLite: its index of words hands the matches over in date order
     * ({@link WordIndex}), so the page reads them in that order from its first date or cursor and stops once full.
     * Only the rows it shows or passes over are looked up, and nothing is sorted: at a million rows, a word's first
     * page in a month took 0.30 ms in SQLite before (every match looked up, then sorted), 0.18 now. Not with one
     * type: its rows come in date order from the index by type, which holds their ids, and only those among the
     * matches are looked up, where this would look up every match to read its type (a month's first page of a type
     * and a word: 0.36-0.39 against 0.43-0.49 ms of server CPU).
     */
    private Select<Record> searchByDate(long ledgerId, ExpenseQuery query) {
        var filter = query.filter();
        var scope = new WordScope(ledgerId, filter.from(), filter.to(), true);
        Condition where = WordIndex.matches(filter.words(), scope)
                .and(WordIndex.between(filter.from(), filter.to()))
                .and(filter.withoutWords().condition(ledgerId, dialect, query.sort(), true));
        Cursor cursor = query.cursor();
        if (cursor != null) {
            long after = WordIndex.rowid(cursor.date(), cursor.id());
            where = where.and(query.sort().descending() ? WordIndex.ROWID.lt(after) : WordIndex.ROWID.gt(after))
                    .and(cursor.condition());
        }
        return dsl.select(ROW)
                .from(WordIndex.TABLE)
                .join(EXPENSE).on(EXPENSE.ID.eq(WordIndex.expenseId()))
                .where(where)
                .orderBy(query.sort().descending() ? WordIndex.ROWID.desc() : WordIndex.ROWID.asc())
                .limit(query.limit() + 1);
    }

    /** On JDBC directly, as {@link #find}: on SQLite this runs on the one writer thread, where every cycle counts. */
    long insert(long ledgerId, NewExpense e, long userId, long now) {
        return dsl.connectionResult(c -> {
            try (PreparedStatement statement = c.prepareStatement(insert.sql())) {
                bind(statement, ledgerId, e, userId, now);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("The insert returned no id");
                    }
                    return row.getLong(1);
                }
            }
        });
    }

    /** Binds one new expense's values in the order of the insert's columns. */
    private void bind(PreparedStatement statement, long ledgerId, NewExpense e, long userId, long now)
            throws SQLException {
        int i = 0;
        statement.setLong(++i, ledgerId);
        statement.setObject(++i, dialect.dateParameter(e.date()));
        statement.setString(++i, e.type());
        statement.setLong(++i, e.amount().minor());
        statement.setString(++i, e.description());
        statement.setLong(++i, 1L);
        statement.setLong(++i, now);
        statement.setLong(++i, now);
        statement.setLong(++i, userId);
        statement.setLong(++i, userId);
    }

    /**
     * Inserts all rows, their values bound as JSON arrays ({@link JsonArrays}), as few statements as that allows;
     * returns their ids in the batch's order. On SQLite each statement within a transaction first copies every
     * page it is about to change to a journal of its own, so that it can be undone alone: a batch of 10,000 rows in
     * statements of 500 (as many as the bound values allowed) wrote 4.2 GB to that journal while loading a million
     * rows, one statement a batch 0.8 GB.
     */
    List<Long> insertAll(long ledgerId, List<NewExpense> expenses, long userId, long now) {
        List<Long> ids = new ArrayList<>(expenses.size());
        JsonArrays.inStatements(expenses,
                (e, out) -> NewExpenseRows.write(out, e.date(), e.type(), e.amount().minor(), e.description()),
                json -> ids.addAll(insertJsonArrays(ledgerId, json, userId, now)));
        return ids;
    }

    /** Inserts the rows of {@link #insertAll}'s JSON text; their ids in the same order. */
    private List<Long> insertJsonArrays(long ledgerId, String json, long userId, long now) {
        var rows = NewExpenseRows.read(dialect, json);
        var values = rows.values();
        var insert = dsl.insertInto(EXPENSE)
                .columns(List.of(EXPENSE.LEDGER_ID, EXPENSE.DATE, EXPENSE.TYPE, EXPENSE.AMOUNT, EXPENSE.DESCRIPTION,
                        EXPENSE.VERSION, EXPENSE.CREATED_AT, EXPENSE.UPDATED_AT, EXPENSE.CREATED_BY, EXPENSE.UPDATED_BY))
                .select(rows.select(DSL.val(ledgerId), values.get(0), values.get(1), values.get(2), values.get(3),
                        DSL.val(1L), DSL.val(now), DSL.val(now), DSL.val(userId), DSL.val(userId)));
        List<Long> ids = returningId(insert).fetch(0, Long.class);
        ids.sort(null); // ids are drawn in the array's order, whatever order RETURNING hands them back in
        return ids;
    }

    /** Writes new field values if the row is still at {@code version}; false when it is not (or gone). */
    boolean update(long ledgerId, long id, long version, NewExpense e, long userId, long now) {
        return dsl.update(EXPENSE)
                  .set(EXPENSE.DATE, e.date())
                  .set(EXPENSE.TYPE, e.type())
                  .set(EXPENSE.AMOUNT, e.amount().minor())
                  .set(EXPENSE.DESCRIPTION, e.description())
                  .set(EXPENSE.VERSION, version + 1)
                  .set(EXPENSE.UPDATED_AT, now)
                  .set(EXPENSE.UPDATED_BY, userId)
                  .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                  .and(EXPENSE.ID.eq(id))
                  .and(EXPENSE.VERSION.eq(version))
                  .execute() == 1;
    }

    boolean delete(long ledgerId, long id) {
        return dsl.deleteFrom(EXPENSE)
                  .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                  .and(EXPENSE.ID.eq(id))
                  .execute() == 1;
    }

    /**
     * The insert with {@code RETURNING id}, spelled out: jOOQ reads back only the last generated key of a
     * multi-row insert on SQLite (SQLite and PostgreSQL both have RETURNING).
     */
    private ResultQuery<? extends Record> returningId(Insert<?> insert) {
        return dsl.resultQuery("{0} returning {1}", insert, EXPENSE.ID.getUnqualifiedName()).coerce(EXPENSE.ID);
    }

    private SelectJoinStep<Record> selectExpenses() {
        return dsl.select(ROW).from(EXPENSE);
    }

    /** A row of {@link #selectExpenses} read by position, in the order of {@link #ROW}, read on {@code c}. */
    private Expense toExpense(Connection c, ResultSet r, Currency currency) throws SQLException {
        return new Expense(r.getLong(1), r.getLong(2), dialect.dateColumn(r, 3), dialect.textColumn(r, 4),
                new Money(r.getLong(5), currency), dialect.textColumn(r, 6), r.getLong(7),
                Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9)), username(c, r, 10),
                username(c, r, 11));
    }

    private String username(Connection c, ResultSet r, int column) throws SQLException {
        long id = r.getLong(column);
        return r.wasNull() ? null : names.of(c, id);
    }

    /** A query's SQL with its bind markers, rendered once, to run on JDBC with new values. */
    private record Rendered(String sql) {
        Rendered(ResultQuery<? extends Record> query) {
            this(query.getSQL());
        }
    }
}
