package app.outlay.token;

import static app.outlay.token.TokenTable.ACCESS_TOKEN;
import static app.outlay.user.UserTable.APP_USER;

import app.outlay.user.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Access tokens in the database, by the hash of their secret. */
final class TokenStore {
    private final DSLContext dsl;

    TokenStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long userId, String name, String tokenHash, long now) {
        return dsl.insertInto(ACCESS_TOKEN)
                  .set(ACCESS_TOKEN.USER_ID, userId)
                  .set(ACCESS_TOKEN.NAME, name)
                  .set(ACCESS_TOKEN.TOKEN_HASH, tokenHash)
                  .set(ACCESS_TOKEN.CREATED_AT, now)
                  .returningResult(ACCESS_TOKEN.ID)
                  .fetchSingle(ACCESS_TOKEN.ID);
    }

    Optional<CurrentUser> findUser(String tokenHash) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.ADMIN)
                  .from(ACCESS_TOKEN)
                  .join(APP_USER).on(APP_USER.ID.eq(ACCESS_TOKEN.USER_ID))
                  .where(ACCESS_TOKEN.TOKEN_HASH.eq(tokenHash))
                  .fetchOptional(r -> new CurrentUser(r.value1(), r.value2(), r.value3()));
    }

    List<Token> list(long userId) {
        return dsl.selectFrom(ACCESS_TOKEN)
                  .where(ACCESS_TOKEN.USER_ID.eq(userId))
                  .orderBy(ACCESS_TOKEN.ID)
                  .fetch(TokenStore::toToken);
    }

    boolean delete(long userId, long id) {
        return dsl.deleteFrom(ACCESS_TOKEN)
                  .where(ACCESS_TOKEN.USER_ID.eq(userId))
                  .and(ACCESS_TOKEN.ID.eq(id))
                  .execute() > 0;
    }

    private static Token toToken(Record r) {
        return new Token(r.get(ACCESS_TOKEN.ID), r.get(ACCESS_TOKEN.NAME), Instant.ofEpochMilli(r.get(ACCESS_TOKEN.CREATED_AT)));
    }
}
