package app.outlay.expense;

import static app.outlay.expense.ExpenseTable.EXPENSE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import app.outlay.common.Money;
import app.outlay.db.Database;
import app.outlay.db.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/**
 * Aggregates over expenses, computed by the database: from the running totals per ledger, type and
 * month (table {@code expense_total}, kept by triggers) when the filter covers whole months, else
 * from the expenses themselves.
 */
final class SummaryStore {
    private static final Totals TOTALS = new Totals();

    private final Database db;
    private final DSLContext dsl;
    private final Dialect dialect;

    SummaryStore(Database db) {
        this.db = db;
        this.dsl = db.dsl();
        this.dialect = db.dialect();
    }

    /**
     * The groups, from the filter's sums per type and month: the running totals as they are, or the expenses summed
     * by type and month. Those are a few hundred rows at most (a ledger's types times its months), so they are
     * grouped and sorted here: SQLite's GROUP BY and ORDER BY over the running totals, a sorter each, were most of
     * a summary's time in the database. Keys sort as Java strings do, the same on every store.
     */
    List<Summary.Group> groups(long ledgerId, ExpenseFilter filter, GroupBy groupBy, Currency currency) {
        var groups = new TreeMap<Key, long[]>();
        var monthly = monthlyQuery(ledgerId, filter);
        // On JDBC directly (Database.forEachRow): a few hundred sums, read without jOOQ's records.
        db.forEachRow(monthly.getSQL(), monthly.getBindValues(), 0, (c, row) -> {
            String month = dialect.textColumn(row, 2);
            var key = new Key(groupBy.type ? dialect.textColumn(row, 1) : null, groupBy.month ? month : null,
                    groupBy.year ? month.substring(0, 4) : null);
            long[] sums = groups.computeIfAbsent(key, k -> new long[2]);
            sums[0] += row.getLong(3);
            sums[1] += row.getLong(4);
        });
        return groups.entrySet().stream()
                     .map(g -> new Summary.Group(g.getKey().type(), g.getKey().month(), g.getKey().year(),
                             new Money(g.getValue()[0], currency), g.getValue()[1]))
                     .toList();
    }

    /** The filter's total and count per type and month ({@code YYYY-MM}) behind {@link #groups}; tests read its plan. */
    ResultQuery<Record4<String, String, Long, Long>> monthlyQuery(long ledgerId, ExpenseFilter filter) {
        Source source = source(ledgerId, filter);
        if (source.table() == TOTALS) { // one row per ledger, month and type already
            return dsl.select(TOTALS.TYPE, TOTALS.MONTH, TOTALS.TOTAL, TOTALS.COUNT)
                      .from(TOTALS)
                      .where(source.where());
        }
        return dsl.select(source.type(), source.month(), source.total(), source.count())
                  .from(source.table())
                  .where(source.where())
                  .groupBy(source.type(), source.month());
    }

    /** A group's keys; those it is not grouped by are null. */
    private record Key(String type, String month, String year) implements Comparable<Key> {
        private static final Comparator<String> KEY = Comparator.nullsFirst(Comparator.naturalOrder());
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::type, KEY)
                .thenComparing(Key::month, KEY)
                .thenComparing(Key::year, KEY);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    Summary total(long ledgerId, ExpenseFilter filter, Currency currency) {
        Source source = source(ledgerId, filter);
        Record r = dsl.select(source.total(), source.count())
                      .from(source.table())
                      .where(source.where())
                      .fetchSingle();
        Long count = r.get(source.count());
        return new Summary(money(r, source, currency), count == null ? 0 : count, List.of());
    }

    List<Summary.TypeUse> types(long ledgerId, Currency currency) {
        Source source = totals(ledgerId, ExpenseFilter.NONE);
        return dsl.select(source.type(), source.count(), source.total())
                  .from(source.table())
                  .where(source.where())
                  .groupBy(source.type())
                  .orderBy(source.count().desc(), source.type())
                  .fetch(r -> new Summary.TypeUse(r.get(source.type()), r.get(source.count()),
                          money(r, source, currency)));
    }

    private Source source(long ledgerId, ExpenseFilter filter) {
        return filter.wholeMonths() ? totals(ledgerId, filter) : expenses(ledgerId, filter);
    }

    private Source expenses(long ledgerId, ExpenseFilter filter) {
        Field<String> date = EXPENSE.DATE.cast(VARCHAR); // ISO text in every dialect: YYYY-MM-DD
        return new Source(EXPENSE, EXPENSE.TYPE, DSL.substring(date, 1, 7).as("month"),
                whole(sum(EXPENSE.AMOUNT)).as("total"), whole(count()).as("count"),
                filter.condition(ledgerId, dialect, null, false));
    }

    private static Source totals(long ledgerId, ExpenseFilter filter) {
        List<Condition> where = new ArrayList<>(List.of(TOTALS.LEDGER_ID.eq(ledgerId)));
        if (filter.from() != null) {
            where.add(TOTALS.MONTH.ge(filter.from().toString().substring(0, 7)));
        }
        if (filter.to() != null) {
            where.add(TOTALS.MONTH.le(filter.to().toString().substring(0, 7)));
        }
        if (!filter.types().isEmpty()) {
            where.add(TOTALS.TYPE.in(filter.types()));
        }
        return new Source(TOTALS, TOTALS.TYPE, TOTALS.MONTH, whole(sum(TOTALS.TOTAL)).as("total"),
                whole(sum(TOTALS.COUNT)).as("count"), DSL.and(where));
    }

    /**
     * A sum or count read as a {@code long}: SUM is a decimal to jOOQ, which the SQLite driver reads as text and
     * parses, a fifth of the CPU of a summary by type and month; as an integer it reads the number as it is.
     */
    private static Field<Long> whole(Field<?> aggregate) {
        return aggregate.coerce(Long.class);
    }

    private static Money money(Record r, Source source, Currency currency) {
        Long total = r.get(source.total());
        return new Money(total == null ? 0 : total, currency);
    }

    /** Where the sums come from: the table, its keys, its sums and the rows that count. */
    private record Source(Table<?> table, Field<String> type, Field<String> month, Field<Long> total,
                          Field<Long> count, Condition where) {}

    /** The {@code expense_total} table as the migrations define it. */
    private static final class Totals extends TableImpl<Record> {
        final TableField<Record, Long> LEDGER_ID = createField(name("ledger_id"), BIGINT.nullable(false), this);
        final TableField<Record, String> TYPE = createField(name("type"), VARCHAR(64).nullable(false), this);
        final TableField<Record, String> MONTH = createField(name("month"), VARCHAR(7).nullable(false), this);
        final TableField<Record, Long> TOTAL = createField(name("total"), BIGINT.nullable(false), this);
        final TableField<Record, Long> COUNT = createField(name("count"), BIGINT.nullable(false), this);

        private Totals() {
            super(name("expense_total"));
        }
    }
}
