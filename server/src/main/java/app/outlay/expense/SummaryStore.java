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
import java.util.Currency;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
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

    private final DSLContext dsl;
    private final Dialect dialect;

    SummaryStore(Database db) {
        this.dsl = db.dsl();
        this.dialect = db.dialect();
    }

    List<Summary.Group> groups(long ledgerId, ExpenseFilter filter, GroupBy groupBy, Currency currency) {
        Source source = source(ledgerId, filter);
        return groupsQuery(source, groupBy).fetch(r -> new Summary.Group(
                groupBy.type ? r.get(source.type()) : null,
                groupBy.month ? r.get(source.month()) : null,
                groupBy.year ? r.get(source.year()) : null,
                money(r, source, currency), r.get(source.count())));
    }

    /** The query of {@link #groups}, for a test of its plan. */
    ResultQuery<Record> groupsQuery(long ledgerId, ExpenseFilter filter, GroupBy groupBy) {
        return groupsQuery(source(ledgerId, filter), groupBy);
    }

    private ResultQuery<Record> groupsQuery(Source source, GroupBy groupBy) {
        List<Field<?>> keys = new ArrayList<>();
        if (groupBy.type) {
            keys.add(source.type());
        }
        if (groupBy.month) {
            keys.add(source.month());
        }
        if (groupBy.year) {
            keys.add(source.year());
        }
        return dsl.select(keys)
                  .select(source.total(), source.count())
                  .from(source.table())
                  .where(source.where())
                  .groupBy(keys)
                  .orderBy(keys);
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
                DSL.substring(date, 1, 4).as("year"), whole(sum(EXPENSE.AMOUNT)).as("total"), whole(count()).as("count"),
                filter.condition(ledgerId, dialect));
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
        return new Source(TOTALS, TOTALS.TYPE, TOTALS.MONTH, DSL.substring(TOTALS.MONTH, 1, 4).as("year"),
                whole(sum(TOTALS.TOTAL)).as("total"), whole(sum(TOTALS.COUNT)).as("count"), DSL.and(where));
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
    private record Source(Table<?> table, Field<String> type, Field<String> month, Field<String> year,
                          Field<Long> total, Field<Long> count, Condition where) {}

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
