package app.outlay.user;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.TableImpl;

/** The {@code user_session} table as the migrations define it. */
final class SessionTable extends TableImpl<Record> {
    static final SessionTable USER_SESSION = new SessionTable();

    final TableField<Record, Long> ID = createField(name("id"), BIGINT.identity(true), this);
    final TableField<Record, Long> USER_ID = createField(name("user_id"), BIGINT.nullable(false), this);
    final TableField<Record, String> ID_HASH = createField(name("id_hash"), VARCHAR(64).nullable(false), this);
    final TableField<Record, Long> CREATED_AT = createField(name("created_at"), BIGINT.nullable(false), this);
    final TableField<Record, Long> LAST_SEEN_AT = createField(name("last_seen_at"), BIGINT.nullable(false), this);

    private SessionTable() {
        super(name("user_session"));
    }
}
