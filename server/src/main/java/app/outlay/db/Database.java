package app.outlay.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.ContextTransactionalCallable;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
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
    /** SQLite's own default: 2,000 KiB of pages a connection. */
    private static final String DEFAULT_PAGE_CACHE = "-2000";
    /** The pool, once its first connections are open and the schema migrated. */
    private final CompletableFuture<HikariDataSource> opened;
    private final DSLContext dsl;
    private final Dialect dialect;
    private final String url;
    /** Where the store allows one writer at a time, writes queue here instead of spinning on SQLITE_BUSY. */
    private final GroupCommit writer;
    /** With that writer, what copies its log into the database file off its thread; else null. */
    private final Checkpointer checkpointer;
    /** With that writer and a table of words (SQLite), what indexes the words of new expenses and merges the index. */
    private final WordIndexUpkeep words;
    /** Set as the pool closes: what asks for a connection then is told the database is unavailable (a 503). */
    private volatile boolean closed;

    private Database(CompletableFuture<HikariDataSource> opened, Dialect dialect, String url, MeterRegistry metrics) {
        this.opened = opened;
        this.dialect = dialect;
        this.url = url;
        DataSource pool = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> invoke(method, poolWhileOpen(), args));
        // SQLite compiles every statement it prepares: keep them per connection. PostgreSQL's driver does already.
        DataSource statements = dialect.singleWriter() ? new StatementCache().wrap(pool) : pool;
        var configuration = new DefaultConfiguration()
                .set(dialect.jooq())
                .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(statements)));
        configuration.settings().withRenderSchema(false).withExecuteLogging(false);
        this.dsl = DSL.using(configuration);
        // SQLite's own syncs of the log at commit are off ({@link Dialect}): the writer syncs it; in memory, nothing to.
        Path file = Dialect.sqliteFile(url);
        FileSync log = file == null ? FileSync.NONE : FileSync.sqliteLog(file);
        FileSync databaseFile = file == null ? FileSync.NONE : FileSync.sqliteDatabase(file);
        this.checkpointer = dialect.singleWriter() ? new Checkpointer(pool, metrics, databaseFile) : null;
        this.writer = dialect.singleWriter()
                ? new GroupCommit(dsl, metrics, checkpointer::beforeWrite, checkpointer::committed, log)
                : null;
        this.words = writer != null && dialect.wordsTable() ? new WordIndexUpkeep(writer, dsl) : null;
    }

    /** Opens the database at a file path or URL and brings its schema up to date. */
    public static Database open(String location) {
        return open(location, new SimpleMeterRegistry());
    }

    /** The same, reporting the pool and the writer to {@code metrics}. */
    public static Database open(String location, MeterRegistry metrics) {
        Database db = openInBackground(location, metrics);
        db.ready();
        return db;
    }

    /**
     * As {@link #open(String, MeterRegistry)}, but the pool opens and the schema migrates on a thread of its own
     * while the caller goes on (the server builds its routes meanwhile: start-up in the time of the longer of
     * the two, not their sum). Statements wait until it is done; {@link #ready} throws what opening threw.
     */
    public static Database openInBackground(String location, MeterRegistry metrics) {
        HikariConfig config = Dialect.pool(location);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        String url = config.getJdbcUrl();
        Dialect dialect = Dialect.of(url);
        var opened = new CompletableFuture<HikariDataSource>();
        Thread.ofPlatform().name("outlay-open").daemon().start(() -> {
            try {
                opened.complete(migrated(config, dialect));
            } catch (RuntimeException | Error e) {
                opened.completeExceptionally(e);
            }
        });
        return new Database(opened, dialect, url, metrics);
    }

    private static HikariDataSource migrated(HikariConfig config, Dialect dialect) {
        Dialect.prepare(config.getJdbcUrl());
        var pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(dialect.migrationLocation())
                    .loggers("slf4j")
                    .load()
                    .migrate();
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Waits until the pool is open and the schema migrated; throws what opening threw. */
    public HikariDataSource ready() {
        return Waits.join(opened);
    }

    /**
     * The pool, once open; once closed, a failure to reach the database: a request still running as the server stops
     * (an export that waited its turn) is answered 503, to be retried, instead of 500 for Hikari's closed pool.
     */
    private HikariDataSource poolWhileOpen() {
        if (closed) {
            throw shuttingDown();
        }
        return ready();
    }

    /** What a statement meets once the server stops: the database is unavailable ({@link Unavailable}). */
    static DataAccessException shuttingDown() {
        String stopping = "The server is shutting down.";
        return new DataAccessException(stopping, new SQLTransientConnectionException(stopping));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or none of it, before this returns.
     * Nested calls join the transaction. On a single-writer store the work runs on the group-commit
     * writer, with the writes of other requests.
     */
    public <T> T transaction(Supplier<T> work) {
        if (writer != null) {
            return writer.run(work);
        }
        return dsl.transactionResult((ContextTransactionalCallable<T>) work::get);
    }

    /**
     * As {@link #transaction(Supplier)}, for work that changes the database with one statement at most and
     * cannot fail once that statement succeeded (an insert returning its id): such work is atomic by itself,
     * as every SQL statement is. On a single-writer store it joins the group commit without a savepoint; elsewhere
     * it runs in the caller's transaction if there is one, else alone in autocommit: a BEGIN and a COMMIT around one
     * insert cost PostgreSQL's creates half their server CPU (BENCHMARKS.md).
     */
    public <T> T atomic(Supplier<T> work) {
        if (writer != null) {
            return writer.runAtomic(work);
        }
        return work.get();
    }

    /**
     * Before a search by words: indexes the words of the expenses created so far, where they wait for it (SQLite's
     * index takes them in chunks, {@link WordIndexUpkeep}), so that the search finds them. Else nothing.
     */
    public void indexNewWords() {
        if (words != null) {
            words.catchUp();
        }
    }

    public void transaction(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Within a transaction: waits until no other transaction, on any server, holds the named lock, and
     * holds it until this one ends. Where writers queue anyway (SQLite), there is nothing to do.
     */
    public void lock(String name) {
        if (!dialect.singleWriter()) {
            dsl.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val((long) name.hashCode()))).fetch();
        }
    }

    /**
     * Runs reads whose results stream (exports): PostgreSQL's driver fetches in chunks only inside a
     * transaction; SQLite streams as is, and must not take the writer's turn for it.
     */
    public <T> T streaming(Supplier<T> reads) {
        if (dialect.singleWriter()) {
            return reads.get();
        }
        return dsl.transactionResult((ContextTransactionalCallable<T>) reads::get);
    }

    /**
     * Runs {@code work}, within a transaction, with a page cache of {@code mebibytes} on SQLite (its default is 2 MiB a
     * connection): a write of many rows touches pages all over the indexes, and with the default cache changed
     * pages are written to the log and read back again before the commit. The default is set again afterwards;
     * the pages beyond it are freed as the commit leaves them unchanged.
     */
    public <T> T withPageCache(int mebibytes, Supplier<T> work) {
        if (dialect != Dialect.SQLITE) {
            return work.get();
        }
        dsl.execute("pragma cache_size = " + (-1024 * mebibytes)); // a constant of ours, never user input
        try {
            return work.get();
        } finally {
            dsl.execute("pragma cache_size = " + DEFAULT_PAGE_CACHE);
        }
    }

    /** One row of {@link #forEachRow}, read on the connection that read it (for look-ups on the same one). */
    public interface RowReader {
        void read(Connection connection, ResultSet row) throws SQLException;
    }

    /**
     * Runs a statement that jOOQ built and rendered on JDBC directly, on one connection (the transaction's, if any),
     * handing each row to {@code reader} as it is read, {@code fetchSize} rows a round trip (0: the driver's default).
     * For the hottest reads: jOOQ's cursor and records for a page or a year's sums took more CPU than the database.
     */
    public void forEachRow(String sql, List<Object> values, int fetchSize, RowReader reader) {
        dsl.connection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                dialect.bind(statement, values);
                if (fetchSize > 0) {
                    statement.setFetchSize(fetchSize);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(c, rows);
                    }
                }
            }
        });
    }

    /**
     * Runs a statement that jOOQ built and rendered, such as an insert, on JDBC directly with its dates bound as
     * {@link Dialect#dateParameter}: jOOQ's own binding of a {@code LocalDate} goes through {@code java.sql.Date},
     * whose calendar has no 5 to 14 October 1582 (1582-10-05 was stored as 1582-10-15).
     */
    public void execute(String sql, List<Object> values) {
        dsl.connection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                dialect.bind(statement, values);
                statement.executeUpdate();
            }
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

    /** Where the data lives, for the start-up log line; never a password. */
    public String describe() {
        return dialect.describe(url);
    }

    @Override
    public void close() {
        if (writer != null) {
            if (words != null) {
                words.close(); // before the writer: what it began ends first
            }
            writer.close();
            checkpointer.close();
        }
        closed = true;
        opened.thenAccept(HikariDataSource::close).exceptionally(failed -> null).join(); // after opening ends
    }
}
