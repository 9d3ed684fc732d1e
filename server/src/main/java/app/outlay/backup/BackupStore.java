package app.outlay.backup;

import static app.outlay.expense.ExpenseTable.EXPENSE;
import static app.outlay.user.UserTable.APP_USER;

import app.outlay.common.Money;
import app.outlay.db.Database;
import app.outlay.db.Dialect;
import app.outlay.expense.Expense;
import app.outlay.user.UserTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jooq.DSLContext;

/** A ledger's expenses, read whole for an export and written whole by a restore. */
final class BackupStore {
    private static final UserTable CREATOR = APP_USER.as("creator");
    private static final UserTable UPDATER = APP_USER.as("updater");
    /** Rows per round trip when streaming an export. */
    private static final int STREAM_CHUNK = 1000;

    private final Database db;
    private final DSLContext dsl;
    private final Dialect dialect;

    BackupStore(Database db) {
        this.db = db;
        this.dsl = db.dsl();
        this.dialect = db.dialect();
    }

    /**
     * Hands every expense of the ledger, in id order, to {@code sink} as it is read: memory stays flat. Read on JDBC
     * with {@link Dialect#dateColumn}, as listings read: jOOQ read the dates through {@code java.sql.Date}, whose
     * calendar has no 5 to 14 October 1582, and so exported 1582-10-05 as 1582-10-15.
     */
    void forEach(long ledgerId, Currency currency, Consumer<Expense> sink) {
        var select = dsl.select(EXPENSE.ID, EXPENSE.LEDGER_ID, EXPENSE.DATE, EXPENSE.TYPE, EXPENSE.AMOUNT,
                                EXPENSE.DESCRIPTION, EXPENSE.VERSION, EXPENSE.CREATED_AT, EXPENSE.UPDATED_AT,
                                CREATOR.USERNAME, UPDATER.USERNAME)
                        .from(EXPENSE)
                        .leftJoin(CREATOR).on(CREATOR.ID.eq(EXPENSE.CREATED_BY))
                        .leftJoin(UPDATER).on(UPDATER.ID.eq(EXPENSE.UPDATED_BY))
                        .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                        .orderBy(EXPENSE.ID);
        db.forEachRow(select.getSQL(), select.getBindValues(), STREAM_CHUNK, (c, row) -> sink.accept(toExpense(row, currency)));
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
        db.execute(insert.getSQL(), insert.getBindValues()); // its dates bound as written, see Database#execute
    }

    /** A row of {@link #forEach}, read by position. */
    private Expense toExpense(ResultSet r, Currency currency) throws SQLException {
        return new Expense(r.getLong(1), r.getLong(2), dialect.dateColumn(r, 3), dialect.textColumn(r, 4),
                new Money(r.getLong(5), currency), dialect.textColumn(r, 6), r.getLong(7),
                Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9)),
                dialect.textColumn(r, 10), dialect.textColumn(r, 11));
    }
}
