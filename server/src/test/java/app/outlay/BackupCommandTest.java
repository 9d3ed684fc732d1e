package app.outlay;

import static app.outlay.support.Fixtures.expense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.outlay.db.Database;
import app.outlay.support.Fixtures;
import app.outlay.support.Member;
import app.outlay.support.TestDatabases;
import app.outlay.support.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outlay-server backup FILE}: a consistent copy of a live SQLite database; for PostgreSQL, pg_dump. */
class BackupCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheServerWritesHoldsEveryExpenseAcknowledgedBeforeIt() throws Exception {
        assumeFalse(TestDatabases.postgres(), "a backup of SQLite; PostgreSQL has pg_dump");
        Path copy = dir.resolve("backup.db");
        Set<String> before;
        int acknowledgedInAll;
        try (var server = TestServer.start()) {
            // given a server with data, and four clients writing to it without pause
            Member member = server.newUser("writer");
            var items = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < 5_000; i++) {
                items.add(expense("2024-02-01", "rent", "-3.00", "older row " + i));
            }
            member.api().post(member.expenses() + "/batch", items);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            var writing = new AtomicBoolean(true);
            var serial = new AtomicInteger();
            try (var pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    writers.add(pool.submit(() -> {
                        while (writing.get()) {
                            int n = serial.incrementAndGet();
                            var created = member.api().post(member.expenses(), expense("2024-03-01", "food", "-1.00", "write " + n));
                            assertThat(created.status()).isEqualTo(201);
                            acknowledged.add(created.text("id"));
                        }
                        return null;
                    }));
                }
                while (acknowledged.size() < 100) {
                    Thread.sleep(10);
                }

                // when a backup is taken while they write
                before = Set.copyOf(acknowledged);
                int exit = run(Map.of("OUTLAY_DB", server.database()), "backup", copy.toString());
                Thread.sleep(200);
                writing.set(false);
                for (var writer : writers) {
                    writer.get();
                }

                // then it succeeded while writes went on
                assertThat(exit).as("%s", err).isZero();
                assertThat(out.toString()).startsWith("Backed up the database to " + copy + " (");
                assertThat(acknowledged.size()).as("writes acknowledged during and after the backup").isGreaterThan(before.size());
                acknowledgedInAll = acknowledged.size();
            }
        }

        // and the copy, readable by its owner only (it holds password hashes), is a sound database with every expense acknowledged before the backup began
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
             var check = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertThat(check.next()).isTrue();
            assertThat(check.getString(1)).isEqualTo("ok");
        }
        try (var restored = TestServer.on(copy.toString())) {
            Member member = restored.signIn("writer", Fixtures.PASSWORD);
            var export = member.api().get(member.ledger() + "/export").json().get("expenses");
            List<String> ids = export.findValuesAsText("id");
            assertThat(ids).containsAll(before).hasSizeBetween(5_000 + before.size(), 5_000 + acknowledgedInAll);
            var fromTotals = member.api().get(member.ledger() + "/summary?groupBy=type,month").json();
            var recounted = member.api().get(member.ledger() + "/summary?groupBy=type,month&minAmount=-999999999999.99").json();
            assertThat(fromTotals).isEqualTo(recounted);
            assertThat(fromTotals.get("count").asInt()).isEqualTo(ids.size());
        }
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        assumeFalse(TestDatabases.postgres(), "a backup of SQLite; PostgreSQL has pg_dump");
        // given a database and a file of the name the backup should take
        String db = dir.resolve("outlay.db").toString();
        Database.open(db).close();
        Path existing = Files.writeString(dir.resolve("precious.db"), "keep me");

        // when
        int exit = run(Map.of(), "backup", existing.toString(), "--db", db);
        int missing = run(Map.of(), "backup", dir.resolve("other.db").toString(), "--db", dir.resolve("nothing.db").toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(missing).isEqualTo(1);
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(err.toString().lines()).containsExactly(
                existing + " already exists; a backup never overwrites a file. Name a new file.",
                "There is no database at " + dir.resolve("nothing.db") + " to back up.");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("nothing.db")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void forPostgresqlItNamesPgDumpWithoutThePassword() {
        // when
        int url = run(Map.of(), "backup", "outlay.dump", "--db", "postgresql://outlay:s3cret-pw@db.example:5433/outlay");
        int jdbc = run(Map.of("OUTLAY_DB", "jdbc:postgresql://localhost/books?user=alice&password=s3cret-pw&sslmode=require"),
                "backup", "books.dump");

        // then
        assertThat(url).isEqualTo(1);
        assertThat(jdbc).isEqualTo(1);
        assertThat(err.toString())
                .contains("pg_dump --format=custom --file='outlay.dump' 'postgresql://outlay@db.example:5433/outlay'")
                .contains("pg_dump --format=custom --file='books.dump' 'postgresql://localhost/books?user=alice&sslmode=require'")
                .doesNotContain("s3cret-pw");
        assertThat(Path.of("outlay.dump")).doesNotExist();
    }

    private int run(Map<String, String> env, String... args) {
        return Config.commandLine(new Config.Options(), env)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
