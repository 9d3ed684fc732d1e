package app.outlay.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the embedded PostgreSQL of the tests on its own, for checks outside the test suite: CI runs the contract
 * check against a server on it, {@code bench/run --postgres} the benchmark. Prints PostgreSQL's version
 * ({@code version ...}) and the settings that differ from the defaults or concern durability
 * ({@code setting name = value}), then one JDBC URL per empty database, and serves until killed; at exit
 * (SIGTERM, SIGINT) it stops PostgreSQL.
 *
 * <pre>
 * PostgresForChecks [--data-dir DIR] [--log FILE] [--databases a,b,...] [name=value ...]
 *   --data-dir DIR   an empty directory for the cluster, left in place at exit (default: a temporary
 *                    directory, removed at exit)
 *   --log FILE       PostgreSQL's own output, appended (default: the test log, at INFO)
 *   --databases ...  create these databases, a URL for each (default: the URL of "postgres", empty)
 *   name=value       a server setting, as postgres -c name=value
 * </pre>
 */
public final class PostgresForChecks {
    private static final String SHOWN = """
            SELECT name, current_setting(name) FROM pg_settings
             WHERE source NOT IN ('default', 'override', 'client', 'session')
                   AND name <> 'port'
                OR name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'jit')
             ORDER BY name""";

    private PostgresForChecks() {}

    public static void main(String[] args) throws InterruptedException, SQLException {
        Path dataDir = null;
        Path log = null;
        List<String> databases = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--log" -> log = Path.of(args[++i]);
                case "--databases" -> databases.addAll(List.of(args[++i].split(",")));
                default -> {
                    String[] setting = args[i].split("=", 2);
                    if (setting.length != 2) {
                        throw new IllegalArgumentException("not an option nor name=value: " + args[i]);
                    }
                    settings.put(setting[0], setting[1]);
                }
            }
        }
        var postgres = TestDatabases.start(dataDir, 0, settings, log);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestDatabases.close(postgres)));
        describe(postgres);
        if (databases.isEmpty()) {
            System.out.println(postgres.getJdbcUrl("postgres", "postgres"));
        }
        for (String name : databases) {
            create(postgres, name);
            System.out.println(postgres.getJdbcUrl("postgres", name));
        }
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void describe(EmbeddedPostgres postgres) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            try (var version = statement.executeQuery("SELECT version()")) {
                version.next();
                System.out.println("version " + version.getString(1));
            }
            try (var shown = statement.executeQuery(SHOWN)) {
                while (shown.next()) {
                    System.out.println("setting " + shown.getString(1) + " = " + shown.getString(2));
                }
            }
        }
    }

    private static void create(EmbeddedPostgres postgres, String name) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }
}
