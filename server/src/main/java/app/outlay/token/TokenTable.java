package app.outlay.token;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.TableImpl;

/** The {@code access_token} table as the migrations define it. */
final class TokenTable extends TableImpl<Record> {
    static final TokenTable ACCESS_TOKEN = new TokenTable();

    final TableField<Record, Long> ID = createField(name("id"), BIGINT.identity(true), this);
    final TableField<Record, Long> USER_ID = createField(name("user_id"), BIGINT.nullable(false), this);
    final TableField<Record, String> NAME = createField(name("name"), VARCHAR(100).nullable(false), this);
    final TableField<Record, String> TOKEN_HASH = createField(name("token_hash"), VARCHAR(64).nullable(false), this);
    final TableField<Record, Long> CREATED_AT = createField(name("created_at"), BIGINT.nullable(false), this);

    private TokenTable() {
        super(name("access_token"));
    }
}
