package app.outlay.db;

import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * The pool's source of SQLite connections: each one opened with the pool's settings and given the functions the
 * schema's triggers call ({@link MonthWords}), before anything, Flyway included, runs on it.
 */
final class SqliteFiles extends SQLiteDataSource {
    SqliteFiles(String url, Properties settings) {
        super(withoutMutex(settings));
        setUrl(url);
    }

    /**
     * Connections without SQLite's own lock around each call: the pool hands a connection to one thread at a time,
     * and sqlite-jdbc serializes the calls on each connection anyway. Taking and releasing that lock was ~2 % of
     * a listing's CPU (a call per column of each row).
     */
    private static SQLiteConfig withoutMutex(Properties settings) {
        SQLiteConfig config = new SQLiteConfig(settings);
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        return config;
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection connection = super.getConnection(username, password);
        try {
            // One instance a connection: a Function holds the state of the call it is answering.
            Function.create(connection, MonthWords.FUNCTION, new MonthWords(), 3, Function.FLAG_DETERMINISTIC);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
