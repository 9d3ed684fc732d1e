package app.outlay.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a failure to reach the database (answered with 503, and retried by clients) from a failing statement. */
public final class Unavailable {
    private Unavailable() {}

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // no connection free or makeable in time (HikariCP)
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception; operator intervention such as a shutdown
            }
        }
        return false;
    }
}
