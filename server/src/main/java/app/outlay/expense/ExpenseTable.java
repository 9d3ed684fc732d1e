package app.outlay.expense;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.LOCALDATE;
import static org.jooq.impl.SQLDataType.VARCHAR;

import java.time.LocalDate;
import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.TableImpl;

/** The {@code expense} table as the migrations define it (public for the backup feature's store). */
public final class ExpenseTable extends TableImpl<Record> {
    public static final ExpenseTable EXPENSE = new ExpenseTable();

    public final TableField<Record, Long> ID = createField(name("id"), BIGINT.identity(true), this);
    public final TableField<Record, Long> LEDGER_ID = createField(name("ledger_id"), BIGINT.nullable(false), this);
    /** A {@code date} in PostgreSQL; ISO text (YYYY-MM-DD) in SQLite, which sorts and compares the same. */
    public final TableField<Record, LocalDate> DATE = createField(name("date"), LOCALDATE.nullable(false), this);
    public final TableField<Record, String> TYPE = createField(name("type"), VARCHAR(64).nullable(false), this);
    public final TableField<Record, Long> AMOUNT = createField(name("amount"), BIGINT.nullable(false), this);
    public final TableField<Record, String> DESCRIPTION = createField(name("description"), VARCHAR(1000).nullable(false), this);
    public final TableField<Record, Long> VERSION = createField(name("version"), BIGINT.nullable(false), this);
    public final TableField<Record, Long> CREATED_AT = createField(name("created_at"), BIGINT.nullable(false), this);
    public final TableField<Record, Long> UPDATED_AT = createField(name("updated_at"), BIGINT.nullable(false), this);
    public final TableField<Record, Long> CREATED_BY = createField(name("created_by"), BIGINT, this);
    public final TableField<Record, Long> UPDATED_BY = createField(name("updated_by"), BIGINT, this);

    private ExpenseTable() {
        super(name("expense"));
    }
}
