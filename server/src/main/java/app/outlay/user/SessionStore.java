package app.outlay.user;

import static app.outlay.user.SessionTable.USER_SESSION;
import static app.outlay.user.UserTable.APP_USER;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Browser sessions in the database, by the hash of their id. */
final class SessionStore {
    private final DSLContext dsl;

    SessionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(long userId, String idHash, long now) {
        dsl.insertInto(USER_SESSION)
           .set(USER_SESSION.USER_ID, userId)
           .set(USER_SESSION.ID_HASH, idHash)
           .set(USER_SESSION.CREATED_AT, now)
           .set(USER_SESSION.LAST_SEEN_AT, now)
           .execute();
    }

    Optional<StoredSession> find(String idHash) {
        return dsl.select(USER_SESSION.ID, USER_SESSION.CREATED_AT, USER_SESSION.LAST_SEEN_AT,
                          APP_USER.ID, APP_USER.USERNAME, APP_USER.ADMIN)
                  .from(USER_SESSION)
                  .join(APP_USER).on(APP_USER.ID.eq(USER_SESSION.USER_ID))
                  .where(USER_SESSION.ID_HASH.eq(idHash))
                  .fetchOptional(SessionStore::toStoredSession);
    }

    void touch(long id, long now) {
        dsl.update(USER_SESSION)
           .set(USER_SESSION.LAST_SEEN_AT, now)
           .where(USER_SESSION.ID.eq(id))
           .execute();
    }

    boolean delete(long id) {
        return dsl.deleteFrom(USER_SESSION)
                  .where(USER_SESSION.ID.eq(id))
                  .execute() > 0;
    }

    /** Ends every session of the user but {@code keep} (which may be null); returns how many ended. */
    int deleteAllOf(long userId, Long keep) {
        return dsl.deleteFrom(USER_SESSION)
                  .where(USER_SESSION.USER_ID.eq(userId))
                  .and(keep == null ? DSL.noCondition() : USER_SESSION.ID.ne(keep))
                  .execute();
    }

    /** Forgets sessions unused since {@code idleBefore} or begun before {@code createdBefore}. */
    void deleteExpired(long idleBefore, long createdBefore) {
        dsl.deleteFrom(USER_SESSION)
           .where(USER_SESSION.LAST_SEEN_AT.lt(idleBefore))
           .or(USER_SESSION.CREATED_AT.lt(createdBefore))
           .execute();
    }

    private static StoredSession toStoredSession(Record r) {
        return new StoredSession(r.get(USER_SESSION.ID), r.get(USER_SESSION.CREATED_AT), r.get(USER_SESSION.LAST_SEEN_AT),
                new CurrentUser(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.ADMIN)));
    }

    record StoredSession(long id, long createdAt, long lastSeenAt, CurrentUser user) {}
}
