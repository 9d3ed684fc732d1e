package app.outlay.expense;

import static app.outlay.expense.ExpenseTable.EXPENSE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import app.outlay.common.Money;
import app.outlay.db.Database;
import app.outlay.db.Dialect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Aggregates over expenses, computed by the database. */
final class SummaryStore {
    /** A date as ISO text: its first 7 characters are its month, its first 4 its year (in every dialect). */
    private static final Field<String> DATE_TEXT = EXPENSE.DATE.cast(SQLDataType.VARCHAR);
    private static final Field<String> MONTH = DSL.substring(DATE_TEXT, 1, 7).as("month");
    private static final Field<String> YEAR = DSL.substring(DATE_TEXT, 1, 4).as("year");
    private static final Field<BigDecimal> TOTAL = sum(EXPENSE.AMOUNT).as("total");
    private static final Field<Integer> COUNT = count().as("count");

    private final DSLContext dsl;
    private final Dialect dialect;

    SummaryStore(Database db) {
        this.dsl = db.dsl();
        this.dialect = db.dialect();
    }

    List<Summary.Group> groups(long ledgerId, ExpenseFilter filter, GroupBy groupBy, Currency currency) {
        List<Field<?>> keys = new ArrayList<>();
        if (groupBy.type) {
            keys.add(EXPENSE.TYPE);
        }
        if (groupBy.month) {
            keys.add(MONTH);
        }
        if (groupBy.year) {
            keys.add(YEAR);
        }
        return dsl.select(keys)
                  .select(TOTAL, COUNT)
                  .from(EXPENSE)
                  .where(filter.condition(ledgerId, dialect))
                  .groupBy(keys)
                  .orderBy(keys)
                  .fetch(r -> new Summary.Group(
                          groupBy.type ? r.get(EXPENSE.TYPE) : null,
                          groupBy.month ? r.get(MONTH) : null,
                          groupBy.year ? r.get(YEAR) : null,
                          money(r, currency), r.get(COUNT)));
    }

    Summary total(long ledgerId, ExpenseFilter filter, Currency currency) {
        Record r = dsl.select(TOTAL, COUNT)
                      .from(EXPENSE)
                      .where(filter.condition(ledgerId, dialect))
                      .fetchSingle();
        return new Summary(money(r, currency), r.get(COUNT), List.of());
    }

    List<Summary.TypeUse> types(long ledgerId, Currency currency) {
        return dsl.select(EXPENSE.TYPE, COUNT, TOTAL)
                  .from(EXPENSE)
                  .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                  .groupBy(EXPENSE.TYPE)
                  .orderBy(COUNT.desc(), EXPENSE.TYPE)
                  .fetch(r -> new Summary.TypeUse(r.get(EXPENSE.TYPE), r.get(COUNT), money(r, currency)));
    }

    private static Money money(Record r, Currency currency) {
        BigDecimal total = r.get(TOTAL);
        return new Money(total == null ? 0 : total.longValueExact(), currency);
    }
}
