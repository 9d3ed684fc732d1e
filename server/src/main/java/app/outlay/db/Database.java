package app.outlay.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jooq.ContextTransactionalCallable;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * The connection pool, the jOOQ context and the schema. Migrations run when it opens.
 * Transactions are bound to the calling thread, so stores share one {@link DSLContext}
 * and join whatever transaction their caller opened.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final Dialect dialect;
    private final String url;
    /** SQLite allows one writer at a time: writers queue here instead of spinning on SQLITE_BUSY. */
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(HikariDataSource dataSource, Dialect dialect, String url) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.url = url;
        var configuration = new DefaultConfiguration()
                .set(dialect.jooq())
                .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource)));
        configuration.settings().withRenderSchema(false).withExecuteLogging(false);
        this.dsl = DSL.using(configuration);
    }

    /** Opens the database at a file path or JDBC URL and brings its schema up to date. */
    public static Database open(String location) {
        String url = Dialect.jdbcUrl(location);
        Dialect dialect = Dialect.of(url);
        Dialect.prepare(url);
        var pool = new HikariDataSource(poolConfig(url));
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(dialect.migrationLocations())
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialect, url);
    }

    private static HikariConfig poolConfig(String url) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("outlay");
        // A bounded pool: virtual threads wait here for a connection, and give up with a 503.
        config.setMaximumPoolSize(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL"); // a commit is on disk before we answer
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "10000"); // other processes on the same file
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE"); // take the write lock up front: no upgrade deadlocks
        return config;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. Nested calls join. */
    public <T> T transaction(Supplier<T> work) {
        writeLock.lock();
        try {
            return dsl.transactionResult((ContextTransactionalCallable<T>) work::get);
        } finally {
            writeLock.unlock();
        }
    }

    public void transaction(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    /** Whether the database answers a trivial query now. */
    public boolean isUp() {
        try {
            return dsl.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Where the data lives, for the start-up log line (never a password: SQLite URLs hold none). */
    public String describe() {
        return dialect.name().toLowerCase() + " " + url.substring("jdbc:sqlite:".length());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
