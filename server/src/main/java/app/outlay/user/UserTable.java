package app.outlay.user;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.BOOLEAN;
import static org.jooq.impl.SQLDataType.VARCHAR;

import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.TableImpl;

/** The {@code app_user} table as the migrations define it. */
public final class UserTable extends TableImpl<Record> {
    public static final UserTable APP_USER = new UserTable();

    public final TableField<Record, Long> ID = createField(name("id"), BIGINT.identity(true), this);
    public final TableField<Record, String> USERNAME = createField(name("username"), VARCHAR(64).nullable(false), this);
    final TableField<Record, String> USERNAME_KEY = createField(name("username_key"), VARCHAR(64).nullable(false), this);
    final TableField<Record, String> PASSWORD_HASH = createField(name("password_hash"), VARCHAR.nullable(false), this);
    public final TableField<Record, Boolean> ADMIN = createField(name("admin"), BOOLEAN.nullable(false), this);
    final TableField<Record, Long> CREATED_AT = createField(name("created_at"), BIGINT.nullable(false), this);

    private UserTable() {
        super(name("app_user"));
    }

    /** The same table under another name, to join it twice in one query. */
    public UserTable as(String alias) {
        return new UserTable(alias);
    }

    private UserTable(String alias) {
        super(name(alias), null, APP_USER);
    }
}
