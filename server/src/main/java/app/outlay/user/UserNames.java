package app.outlay.user;

import static app.outlay.user.UserTable.APP_USER;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * Usernames by user id, for the members an expense names as its creator and last editor. A listing's page
 * joined the user table twice for them, 9 % of its requests per second at a million expenses. An id's name
 * never changes (usernames cannot be renamed, ids are never reused; a deleted user's expenses name nobody),
 * so a name once read stays true, on every server that shares the database: nothing to expire, and a plain
 * map (two look-ups a row), emptied should it ever hold {@link #MAX} names.
 */
public final class UserNames {
    private static final int MAX = 10_000;

    private final String byId;
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    public UserNames(DSLContext dsl) {
        this.byId = dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(0L)).getSQL();
    }

    /**
     * The username of user {@code id}, or null for none; read through {@code c} when not known yet, so that a
     * caller holding a connection (or a transaction) never waits for a second one.
     */
    public String of(Connection c, long id) throws SQLException {
        String name = names.get(id);
        if (name != null) {
            return name;
        }
        try (PreparedStatement statement = c.prepareStatement(byId)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                name = row.next() ? row.getString(1) : null;
            }
        }
        if (name != null) {
            if (names.size() >= MAX) {
                names.clear();
            }
            names.put(id, name);
        }
        return name;
    }
}
