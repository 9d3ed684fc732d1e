package app.outlay.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where test servers keep their data: a fresh SQLite file, or a fresh database in the one embedded
 * PostgreSQL of this test run. The build runs every test once per store ({@code -Doutlay.test.store}).
 */
public final class TestDatabases {
    private static final String STORE = System.getProperty("outlay.test.store", "sqlite");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static boolean postgres() {
        return STORE.equals("postgresql");
    }

    /** A {@code --db} value for an empty database; SQLite files go under {@code dir}. */
    public static String fresh(Path dir) {
        if (!postgres()) {
            return dir.resolve("outlay.db").toString();
        }
        String name = "outlay_test_" + NEXT.incrementAndGet();
        EmbeddedPostgres pg = instance();
        try (var connection = pg.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /** The run's PostgreSQL, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            postgres = start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
        }
        return postgres;
    }

    /** A PostgreSQL of its own, e.g. to stop and start again; {@code dataDir} null means a new temporary one. */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        return start(dataDir, port, Map.of(), null);
    }

    /**
     * As {@link #start(Path, int)}, with server settings ({@code postgres -c name=value}, after the library's own)
     * and PostgreSQL's output appended to {@code log} (null: to the test log, at INFO).
     */
    public static EmbeddedPostgres start(Path dataDir, int port, Map<String, String> settings, Path log) {
        try {
            var builder = EmbeddedPostgres.builder();
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port != 0) {
                builder.setPort(port);
            }
            settings.forEach(builder::setServerConfig);
            if (log != null) {
                var append = ProcessBuilder.Redirect.appendTo(log.toFile());
                builder.setOutputRedirector(append).setErrorRedirector(append);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("outlay-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
