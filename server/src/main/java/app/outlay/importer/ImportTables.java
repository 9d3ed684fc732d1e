package app.outlay.importer;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.LOCALDATE;
import static org.jooq.impl.SQLDataType.VARCHAR;

import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/** The tables an import writes, as the migrations define them: {@code expense_import}, {@code expense} and its indexes. */
final class ImportTables {
    static final ImportTable EXPENSE_IMPORT = new ImportTable();
    static final ExpenseColumns EXPENSE = new ExpenseColumns();
    static final TotalTable EXPENSE_TOTAL = new TotalTable();
    /** SQLite's own table of the schema: each index's {@code CREATE INDEX} statement as the migrations wrote it. */
    static final Table<Record> SQLITE_SCHEMA = DSL.table(name("sqlite_schema"));
    static final Field<String> SQLITE_SCHEMA_TYPE = DSL.field(name("type"), String.class);
    static final Field<String> SQLITE_SCHEMA_NAME = DSL.field(name("name"), String.class);
    static final Field<String> SQLITE_SCHEMA_SQL = DSL.field(name("sql"), String.class);

    private ImportTables() {}

    static final class ImportTable extends TableImpl<Record> {
        final TableField<Record, Long> ID = createField(name("id"), BIGINT.identity(true), this);
        final TableField<Record, Long> LEDGER_ID = createField(name("ledger_id"), BIGINT.nullable(false), this);
        final TableField<Record, Long> CREATED_AT = createField(name("created_at"), BIGINT.nullable(false), this);
        final TableField<Record, Long> CREATED_BY = createField(name("created_by"), BIGINT, this);
        final TableField<Record, Long> ROW_COUNT = createField(name("row_count"), BIGINT.nullable(false), this);
        final TableField<Record, Long> IMPORTED = createField(name("imported"), BIGINT.nullable(false), this);
        final TableField<Record, Long> DUPLICATES = createField(name("duplicates"), BIGINT.nullable(false), this);
        final TableField<Record, Long> INVALID = createField(name("invalid"), BIGINT.nullable(false), this);
        final TableField<Record, Long> UNDONE_AT = createField(name("undone_at"), BIGINT, this);
        final TableField<Record, Long> REMOVED = createField(name("removed"), BIGINT, this);
        final TableField<Record, Long> KEPT = createField(name("kept"), BIGINT, this);

        private ImportTable() {
            super(name("expense_import"));
        }
    }

    /** Running totals per ledger, type and month ({@code YYYY-MM}), as V002 defines them. */
    static final class TotalTable extends TableImpl<Record> {
        final TableField<Record, Long> LEDGER_ID = createField(name("ledger_id"), BIGINT.nullable(false), this);
        final TableField<Record, String> TYPE = createField(name("type"), VARCHAR(64).nullable(false), this);
        final TableField<Record, String> MONTH = createField(name("month"), VARCHAR(7).nullable(false), this);
        final TableField<Record, Long> TOTAL = createField(name("total"), BIGINT.nullable(false), this);
        final TableField<Record, Long> COUNT = createField(name("count"), BIGINT.nullable(false), this);

        private TotalTable() {
            super(name("expense_total"));
        }
    }

    /** The columns of {@code expense} an import writes and reads; {@code import_id} is its own. */
    static final class ExpenseColumns extends TableImpl<Record> {
        final TableField<Record, Long> ID = createField(name("id"), BIGINT.identity(true), this);
        final TableField<Record, Long> LEDGER_ID = createField(name("ledger_id"), BIGINT.nullable(false), this);
        final TableField<Record, LocalDate> DATE = createField(name("date"), LOCALDATE.nullable(false), this);
        final TableField<Record, String> TYPE = createField(name("type"), VARCHAR(64).nullable(false), this);
        final TableField<Record, Long> AMOUNT = createField(name("amount"), BIGINT.nullable(false), this);
        final TableField<Record, String> DESCRIPTION = createField(name("description"), VARCHAR(1000).nullable(false), this);
        final TableField<Record, Long> VERSION = createField(name("version"), BIGINT.nullable(false), this);
        final TableField<Record, Long> CREATED_AT = createField(name("created_at"), BIGINT.nullable(false), this);
        final TableField<Record, Long> UPDATED_AT = createField(name("updated_at"), BIGINT.nullable(false), this);
        final TableField<Record, Long> CREATED_BY = createField(name("created_by"), BIGINT, this);
        final TableField<Record, Long> UPDATED_BY = createField(name("updated_by"), BIGINT, this);
        final TableField<Record, Long> IMPORT_ID = createField(name("import_id"), BIGINT, this);

        private ExpenseColumns() {
            super(name("expense"));
        }
    }
}
