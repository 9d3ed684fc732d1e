package app.outlay.db;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.SQLDialect;

/** What differs between the stores Outlay runs on: JDBC URL form, jOOQ dialect, migrations. */
public enum Dialect {
    SQLITE(SQLDialect.SQLITE, "sqlite");

    private final SQLDialect jooq;
    private final String migrations;

    Dialect(SQLDialect jooq, String migrations) {
        this.jooq = jooq;
        this.migrations = migrations;
    }

    public SQLDialect jooq() {
        return jooq;
    }

    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/" + migrations};
    }

    /** The JDBC URL for a {@code --db} value: a file path or a JDBC URL. */
    static String jdbcUrl(String location) {
        if (location.startsWith("jdbc:")) {
            return location;
        }
        return "jdbc:sqlite:" + Path.of(location).toAbsolutePath();
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("Unsupported database URL (expected an SQLite file or jdbc:sqlite:): " + jdbcUrl);
    }

    /** Creates the directory an SQLite file lives in, so a first start on a new machine just works. */
    static void prepare(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
        if (file.isEmpty() || file.startsWith(":memory:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the database directory " + parent + ": " + e.getMessage(), e);
        }
    }
}
