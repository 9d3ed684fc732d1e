package app.outlay.expense;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.INTEGER;

import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.TableImpl;

/** The {@code ledger_event} table as the migrations define it: what changed in a ledger, in commit order. */
final class EventTable extends TableImpl<Record> {
    static final EventTable LEDGER_EVENT = new EventTable();

    final TableField<Record, Long> ID = createField(name("id"), BIGINT.nullable(false), this);
    final TableField<Record, Long> LEDGER_ID = createField(name("ledger_id"), BIGINT.nullable(false), this);
    final TableField<Record, Long> EXPENSE_ID = createField(name("expense_id"), BIGINT.nullable(false), this);
    /** 1 created, 2 updated, 3 deleted ({@link ExpenseEvent.Kind}). */
    final TableField<Record, Integer> KIND = createField(name("kind"), INTEGER.nullable(false), this);
    /** Unix seconds. */
    final TableField<Record, Long> AT = createField(name("at"), BIGINT.nullable(false), this);
    /**
     * The event's place in the stream, in commit order, and the id clients see: the id itself in SQLite, whose one
     * writer at a time draws ids in commit order; in PostgreSQL drawn once the event is committed (migration V014).
     */
    final TableField<Record, Long> SEQ = createField(name("seq"), BIGINT, this);

    private EventTable() {
        super(name("ledger_event"));
    }
}
