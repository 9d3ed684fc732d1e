package app.outlay.db;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code outlay-server backup FILE}: a copy of a whole SQLite database as it was at one moment, taken while servers
 * read and write it ({@code VACUUM INTO} reads one snapshot and writes a new, compact database file). The copy is
 * an ordinary Outlay database: start a server on it, or put it in place of the original while the server is
 * stopped. PostgreSQL has its own tool, {@code pg_dump}.
 */
public final class Backup {
    private Backup() {}

    /** A backup that cannot be made, with the reason to print. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Copies the SQLite database of a {@code --db} value into {@code target}, a file that must not exist yet, and
     * returns the copy's size in bytes. The copy is written under a temporary name beside the target, readable by
     * the owner only, forced to disk and then renamed: no half-written file ever carries the target's name.
     */
    public static long copy(String location, Path target) {
        HikariConfig pool = Dialect.pool(location);
        String url = pool.getJdbcUrl();
        if (Dialect.of(url) != Dialect.SQLITE) {
            throw new Refused(pgDumpAdvice(pool, target));
        }
        Path source = Dialect.sqliteFile(url);
        if (source == null || !Files.isRegularFile(source)) {
            throw new Refused("There is no database at " + (source == null ? location : source) + " to back up.");
        }
        if (Files.exists(target)) {
            throw new Refused(target + " already exists; a backup never overwrites a file. Name a new file.");
        }
        Path dir = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(dir, "." + target.getFileName(), ".partial"); // empty, mode 0600
            vacuumInto(url, partial);
            try (var channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true); // SQLite does not sync what VACUUM INTO writes
            }
            Files.move(partial, target); // refuses, too, if the target appeared meanwhile
            partial = null;
            syncDirectory(dir);
            return Files.size(target);
        } catch (FileAlreadyExistsException e) {
            throw new Refused(target + " already exists; a backup never overwrites a file. Name a new file.");
        } catch (IOException e) {
            throw new Refused("Cannot write the backup to " + target + ": " + e.getMessage());
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void vacuumInto(String url, Path file) {
        var settings = new Properties();
        settings.setProperty("busy_timeout", "10000"); // wait out a checkpoint of the server's rather than fail
        try (var connection = DriverManager.getConnection(url, settings);
             var vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, file.toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new Refused("The backup failed: " + e.getMessage());
        }
    }

    /**
     * What to run instead for PostgreSQL: a {@code pg_dump} command for the same database, its URL without the
     * password (pg_dump asks for it, or reads {@code PGPASSWORD} or {@code ~/.pgpass}).
     */
    static String pgDumpAdvice(HikariConfig pool, Path target) {
        URI uri = URI.create(pool.getJdbcUrl().substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.toLowerCase().startsWith("password="))
                .collect(Collectors.joining("&"));
        String user = pool.getUsername();
        String safe = "postgresql://" + (user == null ? "" : user + "@") + (uri.getHost() == null ? "" : uri.getHost())
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (query.isEmpty() ? "" : "?" + query);
        return "This server keeps its data in PostgreSQL, which backs up with its own tool, pg_dump, while the server runs:"
                + System.lineSeparator() + "  pg_dump --format=custom --file='" + target + "' '" + safe + "'"
                + System.lineSeparator() + "pg_dump asks for the password, or reads PGPASSWORD or ~/.pgpass; "
                + "pg_restore puts the dump into an empty database.";
    }

    private static void syncDirectory(Path dir) {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true); // the rename, too, survives a power cut
        } catch (IOException e) {
            // not every system opens directories; the file itself is on disk
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
