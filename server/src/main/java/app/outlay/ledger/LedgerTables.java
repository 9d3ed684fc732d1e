package app.outlay.ledger;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.TableImpl;

/** The {@code ledger} and {@code ledger_member} tables as the migrations define them. */
final class LedgerTables {
    static final LedgerTable LEDGER = new LedgerTable();
    static final MemberTable LEDGER_MEMBER = new MemberTable();

    private LedgerTables() {}

    static final class LedgerTable extends TableImpl<Record> {
        final TableField<Record, Long> ID = createField(name("id"), BIGINT.identity(true), this);
        final TableField<Record, String> NAME = createField(name("name"), VARCHAR(100).nullable(false), this);
        final TableField<Record, String> CURRENCY = createField(name("currency"), VARCHAR(3).nullable(false), this);
        final TableField<Record, Long> CREATED_AT = createField(name("created_at"), BIGINT.nullable(false), this);

        private LedgerTable() {
            super(name("ledger"));
        }
    }

    static final class MemberTable extends TableImpl<Record> {
        final TableField<Record, Long> LEDGER_ID = createField(name("ledger_id"), BIGINT.nullable(false), this);
        final TableField<Record, Long> USER_ID = createField(name("user_id"), BIGINT.nullable(false), this);
        final TableField<Record, String> ROLE = createField(name("role"), VARCHAR(10).nullable(false), this);

        private MemberTable() {
            super(name("ledger_member"));
        }
    }
}
