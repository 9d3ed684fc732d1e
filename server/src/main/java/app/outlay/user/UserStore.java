package app.outlay.user;

import static app.outlay.user.UserTable.APP_USER;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Users in the database. */
final class UserStore {
    private final DSLContext dsl;

    UserStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean any() {
        return dsl.fetchExists(APP_USER);
    }

    Optional<StoredUser> findByUsername(Username username) {
        return dsl.selectFrom(APP_USER)
                  .where(APP_USER.USERNAME_KEY.eq(username.key()))
                  .fetchOptional(UserStore::toStoredUser);
    }

    boolean exists(Username username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME_KEY.eq(username.key()));
    }

    long insert(Username username, String passwordHash, boolean admin, long now) {
        return dsl.insertInto(APP_USER)
                  .set(APP_USER.USERNAME, username.value())
                  .set(APP_USER.USERNAME_KEY, username.key())
                  .set(APP_USER.PASSWORD_HASH, passwordHash)
                  .set(APP_USER.ADMIN, admin)
                  .set(APP_USER.CREATED_AT, now)
                  .returningResult(APP_USER.ID)
                  .fetchSingle(APP_USER.ID);
    }

    void updatePassword(long id, String passwordHash) {
        dsl.update(APP_USER)
           .set(APP_USER.PASSWORD_HASH, passwordHash)
           .where(APP_USER.ID.eq(id))
           .execute();
    }

    private static StoredUser toStoredUser(Record r) {
        return new StoredUser(new CurrentUser(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.ADMIN)),
                r.get(APP_USER.PASSWORD_HASH));
    }

    /** A user with the hash to check a password against; never leaves this package. */
    record StoredUser(CurrentUser user, String passwordHash) {}
}
