package app.outlay.expense;

import static app.outlay.expense.ExpenseTable.EXPENSE;
import static app.outlay.user.UserTable.APP_USER;

import app.outlay.common.Money;
import app.outlay.db.Database;
import app.outlay.db.Dialect;
import app.outlay.user.UserTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectOnConditionStep;

/** Expenses in the database. Every statement is scoped to one ledger. */
final class ExpenseStore {
    private static final UserTable CREATOR = APP_USER.as("creator");
    private static final UserTable UPDATER = APP_USER.as("updater");
    /** Rows per INSERT statement in a batch: well under SQLite's limit of 32,766 bound values. */
    private static final int CHUNK = 500;
    /** Rows per round trip when streaming an export. */
    private static final int STREAM_CHUNK = 1000;

    private final DSLContext dsl;
    private final Dialect dialect;

    ExpenseStore(Database db) {
        this.dsl = db.dsl();
        this.dialect = db.dialect();
    }

    Optional<Expense> find(long ledgerId, long id, Currency currency) {
        return selectExpenses()
                .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                .and(EXPENSE.ID.eq(id))
                .fetchOptional(r -> toExpense(r, currency));
    }

    /**
     * The expense, locked until the transaction ends so concurrent edits queue instead of overwriting
     * each other. Where writers queue anyway (SQLite), the transaction already holds the only write lock.
     */
    Optional<Expense> findForUpdate(long ledgerId, long id, Currency currency) {
        var query = selectExpenses()
                .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                .and(EXPENSE.ID.eq(id));
        return (dialect.singleWriter() ? query : query.forUpdate().of(EXPENSE))
                .fetchOptional(r -> toExpense(r, currency));
    }

    /** One page of the query, plus one row more when there is a next page. */
    List<Expense> list(long ledgerId, ExpenseQuery query, Currency currency) {
        return listing(ledgerId, query).fetch(r -> toExpense(r, currency));
    }

    /** Hands every row of the filter, in order, to {@code sink} as it is read: memory stays flat. */
    void forEach(long ledgerId, ExpenseFilter filter, Sort sort, Currency currency, Consumer<Expense> sink) {
        try (var rows = selectExpenses()
                .where(filter.condition(ledgerId, dialect))
                .orderBy(sort.orderBy())
                .fetchSize(STREAM_CHUNK)
                .fetchLazy()) {
            rows.forEach(r -> sink.accept(toExpense(r, currency)));
        }
    }

    /** The statement behind {@link #list}; tests read its plan. */
    Select<Record> listing(long ledgerId, ExpenseQuery query) {
        Condition where = query.filter().condition(ledgerId, dialect);
        if (query.cursor() != null) {
            where = where.and(query.cursor().condition());
        }
        return selectExpenses()
                .where(where)
                .orderBy(query.sort().orderBy())
                .limit(query.limit() + 1);
    }

    long insert(long ledgerId, NewExpense e, long userId, long now) {
        return dsl.insertInto(EXPENSE)
                  .set(EXPENSE.LEDGER_ID, ledgerId)
                  .set(EXPENSE.DATE, e.date())
                  .set(EXPENSE.TYPE, e.type())
                  .set(EXPENSE.AMOUNT, e.amount().minor())
                  .set(EXPENSE.DESCRIPTION, e.description())
                  .set(EXPENSE.VERSION, 1L)
                  .set(EXPENSE.CREATED_AT, now)
                  .set(EXPENSE.UPDATED_AT, now)
                  .set(EXPENSE.CREATED_BY, userId)
                  .set(EXPENSE.UPDATED_BY, userId)
                  .returningResult(EXPENSE.ID)
                  .fetchSingle(EXPENSE.ID);
    }

    /** Inserts all rows in order; returns their ids in the same order. */
    List<Long> insertAll(long ledgerId, List<NewExpense> expenses, long userId, long now) {
        List<Long> ids = new ArrayList<>(expenses.size());
        for (int start = 0; start < expenses.size(); start += CHUNK) {
            var insert = dsl.insertInto(EXPENSE, EXPENSE.LEDGER_ID, EXPENSE.DATE, EXPENSE.TYPE, EXPENSE.AMOUNT,
                    EXPENSE.DESCRIPTION, EXPENSE.VERSION, EXPENSE.CREATED_AT, EXPENSE.UPDATED_AT, EXPENSE.CREATED_BY,
                    EXPENSE.UPDATED_BY);
            for (NewExpense e : expenses.subList(start, Math.min(expenses.size(), start + CHUNK))) {
                insert = insert.values(ledgerId, e.date(), e.type(), e.amount().minor(), e.description(), 1L, now, now,
                        userId, userId);
            }
            // jOOQ reads back only the last generated key of a multi-row insert on SQLite, so RETURNING is
            // spelled out (SQLite and PostgreSQL both have it). Ids are drawn in VALUES order: sorting them
            // restores the input order, whatever order the rows come back in.
            ids.addAll(dsl.fetch("{0} returning {1}", insert, EXPENSE.ID.getUnqualifiedName())
                          .getValues(0, Long.class).stream().sorted().toList());
        }
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

    private SelectOnConditionStep<Record> selectExpenses() {
        return dsl.select(EXPENSE.fields())
                  .select(CREATOR.USERNAME, UPDATER.USERNAME)
                  .from(EXPENSE)
                  .leftJoin(CREATOR).on(CREATOR.ID.eq(EXPENSE.CREATED_BY))
                  .leftJoin(UPDATER).on(UPDATER.ID.eq(EXPENSE.UPDATED_BY));
    }

    private static Expense toExpense(Record r, Currency currency) {
        return new Expense(r.get(EXPENSE.ID), r.get(EXPENSE.LEDGER_ID), r.get(EXPENSE.DATE), r.get(EXPENSE.TYPE),
                new Money(r.get(EXPENSE.AMOUNT), currency), r.get(EXPENSE.DESCRIPTION), r.get(EXPENSE.VERSION),
                Instant.ofEpochMilli(r.get(EXPENSE.CREATED_AT)), Instant.ofEpochMilli(r.get(EXPENSE.UPDATED_AT)),
                r.get(CREATOR.USERNAME), r.get(UPDATER.USERNAME));
    }
}
