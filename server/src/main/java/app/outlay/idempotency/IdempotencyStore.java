package app.outlay.idempotency;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.SQLDataType.VARCHAR;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.TableImpl;

/** First answers to keyed POSTs, per user and key. */
final class IdempotencyStore {
    private static final KeyTable KEY = new KeyTable();

    private final DSLContext dsl;

    IdempotencyStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The answer to replay: status, headers worth repeating, and the JSON body. */
    record StoredResponse(String requestHash, int status, String location, String etag, String body) {}

    /** The answer stored for the key since {@code notBefore}; older ones have expired. */
    Optional<StoredResponse> find(long userId, String key, long notBefore) {
        return dsl.selectFrom(KEY)
                  .where(KEY.USER_ID.eq(userId))
                  .and(KEY.KEY.eq(key))
                  .and(KEY.CREATED_AT.ge(notBefore))
                  .fetchOptional(r -> new StoredResponse(r.get(KEY.REQUEST_HASH), r.get(KEY.STATUS),
                          r.get(KEY.LOCATION), r.get(KEY.ETAG), r.get(KEY.BODY)));
    }

    void insert(long userId, String key, StoredResponse response, long now) {
        dsl.insertInto(KEY)
           .set(KEY.USER_ID, userId)
           .set(KEY.KEY, key)
           .set(KEY.REQUEST_HASH, response.requestHash())
           .set(KEY.STATUS, response.status())
           .set(KEY.LOCATION, response.location())
           .set(KEY.ETAG, response.etag())
           .set(KEY.BODY, response.body())
           .set(KEY.CREATED_AT, now)
           .execute();
    }

    /** Forgets a user's keys older than {@code before}. */
    void deleteOlder(long userId, long before) {
        dsl.deleteFrom(KEY)
           .where(KEY.USER_ID.eq(userId))
           .and(KEY.CREATED_AT.lt(before))
           .execute();
    }

    /** The {@code idempotency_key} table as the migrations define it. */
    private static final class KeyTable extends TableImpl<Record> {
        final TableField<Record, Long> USER_ID = createField(name("user_id"), BIGINT.nullable(false), this);
        final TableField<Record, String> KEY = createField(name("key"), VARCHAR(255).nullable(false), this);
        final TableField<Record, String> REQUEST_HASH = createField(name("request_hash"), VARCHAR(64).nullable(false), this);
        final TableField<Record, Integer> STATUS = createField(name("status"), INTEGER.nullable(false), this);
        final TableField<Record, String> LOCATION = createField(name("location"), VARCHAR, this);
        final TableField<Record, String> ETAG = createField(name("etag"), VARCHAR, this);
        final TableField<Record, String> BODY = createField(name("body"), VARCHAR.nullable(false), this);
        final TableField<Record, Long> CREATED_AT = createField(name("created_at"), BIGINT.nullable(false), this);

        private KeyTable() {
            super(name("idempotency_key"));
        }
    }
}
