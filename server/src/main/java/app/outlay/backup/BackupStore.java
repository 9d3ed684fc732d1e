package app.outlay.backup;

import static app.outlay.expense.ExpenseTable.EXPENSE;
import static app.outlay.user.UserTable.APP_USER;

import app.outlay.common.Money;
import app.outlay.db.Database;
import app.outlay.expense.Expense;
import app.outlay.user.UserTable;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jooq.DSLContext;
import org.jooq.Record;

/** A ledger's expenses, read whole for an export and written whole by a restore. */
final class BackupStore {
    private static final UserTable CREATOR = APP_USER.as("creator");
    private static final UserTable UPDATER = APP_USER.as("updater");
    /** Rows per round trip when streaming an export. */
    private static final int STREAM_CHUNK = 1000;

    private final DSLContext dsl;

    BackupStore(Database db) {
        this.dsl = db.dsl();
    }

    /** Hands every expense of the ledger, in id order, to {@code sink} as it is read: memory stays flat. */
    void forEach(long ledgerId, Currency currency, Consumer<Expense> sink) {
        try (var rows = dsl.select(EXPENSE.fields())
                           .select(CREATOR.USERNAME, UPDATER.USERNAME)
                           .from(EXPENSE)
                           .leftJoin(CREATOR).on(CREATOR.ID.eq(EXPENSE.CREATED_BY))
                           .leftJoin(UPDATER).on(UPDATER.ID.eq(EXPENSE.UPDATED_BY))
                           .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                           .orderBy(EXPENSE.ID)
                           .fetchSize(STREAM_CHUNK)
                           .fetchLazy()) {
            rows.forEach(r -> sink.accept(toExpense(r, currency)));
        }
    }

    boolean hasExpenses(long ledgerId) {
        return dsl.fetchExists(EXPENSE, EXPENSE.LEDGER_ID.eq(ledgerId));
    }

    /** Inserts the rows in one statement, in order; {@code userId} gives the account a username stands for. */
    void insert(long ledgerId, List<RestoredExpense> rows, ToLongFunction<String> userId) {
        var insert = dsl.insertInto(EXPENSE, EXPENSE.LEDGER_ID, EXPENSE.DATE, EXPENSE.TYPE, EXPENSE.AMOUNT,
                EXPENSE.DESCRIPTION, EXPENSE.VERSION, EXPENSE.CREATED_AT, EXPENSE.UPDATED_AT, EXPENSE.CREATED_BY,
                EXPENSE.UPDATED_BY);
        for (RestoredExpense e : rows) {
            insert = insert.values(ledgerId, e.fields().date(), e.fields().type(), e.fields().amount().minor(),
                    e.fields().description(), e.version(), e.createdAt(), e.updatedAt(), userId.applyAsLong(e.createdBy()),
                    userId.applyAsLong(e.updatedBy()));
        }
        insert.execute();
    }

    private static Expense toExpense(Record r, Currency currency) {
        return new Expense(r.get(EXPENSE.ID), r.get(EXPENSE.LEDGER_ID), r.get(EXPENSE.DATE), r.get(EXPENSE.TYPE),
                new Money(r.get(EXPENSE.AMOUNT), currency), r.get(EXPENSE.DESCRIPTION), r.get(EXPENSE.VERSION),
                Instant.ofEpochMilli(r.get(EXPENSE.CREATED_AT)), Instant.ofEpochMilli(r.get(EXPENSE.UPDATED_AT)),
                r.get(CREATOR.USERNAME), r.get(UPDATER.USERNAME));
    }
}
