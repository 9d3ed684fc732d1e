package app.outlay.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Keeps each connection's prepared statements for the next request with the same SQL. SQLite compiles
 * a statement on every prepare, which cost more CPU than running the lookups it served, and neither the
 * pool nor the driver keeps statements. A statement is prepared on the pool's underlying connection (so
 * the pool does not close it when the connection goes back) and lives as long as that connection; the
 * statement the caller closes stays open, its parameters cleared, for the next caller of that connection.
 */
final class StatementCache {
    /** Distinct statements kept per connection: the queries the API sends are a few dozen shapes. */
    private static final int PER_CONNECTION = 64;

    private final Map<Connection, Statements> byConnection = new ConcurrentHashMap<>();

    /** The data source whose connections prepare through this cache. */
    DataSource wrap(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection ? caching(connection) : result;
                });
    }

    private Connection caching(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        byConnection.keySet().removeIf(StatementCache::isClosed); // connections the pool has retired
        Statements statements = byConnection.computeIfAbsent(physical, Statements::new);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args.length == 1) {
                return statements.prepare((String) args[0]);
            }
            return invoke(pooled, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The statements of one connection, least recently used first; only its current holder touches them. */
    private static final class Statements extends LinkedHashMap<String, Kept> {
        private final Connection physical;

        Statements(Connection physical) {
            super(16, 0.75f, true);
            this.physical = physical;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            Kept kept = get(sql);
            if (kept == null || kept.statement.isClosed()) {
                kept = new Kept(physical.prepareStatement(sql));
                put(sql, kept);
            } else if (kept.inUse) {
                return physical.prepareStatement(sql); // the same SQL still open (a cursor): a statement of its own
            }
            kept.inUse = true;
            return kept.view;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            if (size() <= PER_CONNECTION) {
                return false;
            }
            eldest.getValue().evict();
            return true;
        }
    }

    /** A kept statement and the view handed out: closing the view keeps the statement. */
    private static final class Kept {
        final PreparedStatement statement;
        final PreparedStatement view;
        boolean inUse;
        boolean evicted;

        Kept(PreparedStatement statement) {
            this.statement = statement;
            this.view = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            release();
                            yield null;
                        }
                        case "isClosed" -> !inUse || statement.isClosed();
                        default -> invoke(statement, method, args);
                    });
        }

        private void release() throws SQLException {
            if (!inUse) {
                return;
            }
            inUse = false;
            if (evicted) {
                closeQuietly();
            } else if (!statement.isClosed()) {
                statement.clearParameters();
            }
        }

        /** Out of the cache: closed now, or by its holder's close when still in use. */
        void evict() {
            evicted = true;
            if (!inUse) {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                statement.close();
            } catch (SQLException e) {
                // already gone with its connection
            }
        }
    }
}
