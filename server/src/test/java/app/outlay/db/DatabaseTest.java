package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.outlay.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void testsRunOnTheStoreTheBuildAskedFor(@TempDir Path dir) {
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            assertThat(db.dialect()).isEqualTo(TestDatabases.postgres() ? Dialect.POSTGRES : Dialect.SQLITE);
            assertThat(db.isUp()).isTrue();
        }
    }

    @Test
    void openedInTheBackgroundStatementsWaitForTheMigratedSchema(@TempDir Path dir) {
        // when: a statement right away, while the pool opens and the migrations run on their own thread
        try (var db = Database.openInBackground(TestDatabases.fresh(dir), new SimpleMeterRegistry())) {
            int ledgers = db.dsl().fetchCount(DSL.table("ledger"));

            // then
            assertThat(ledgers).isZero();
        }
    }

    @Test
    void aDatabaseThatCannotOpenFailsWhenAwaitedAndStillCloses(@TempDir Path dir) throws Exception {
        // given: a file where the database's directory should be
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");

        // when
        var db = Database.openInBackground(blocker.resolve("outlay.db").toString(), new SimpleMeterRegistry());

        // then
        assertThatThrownBy(db::ready).hasMessageContaining("not-a-directory");
        db.close();
    }

    @Test
    void onceClosedStatementsAndWritesFailAsAnUnavailableDatabase(@TempDir Path dir) {
        // given: a database closed under requests still running (a server stopping)
        var db = Database.open(TestDatabases.fresh(dir));
        db.close();

        // then: what they run fails as a database out of reach, which the API answers 503 with Retry-After
        assertThatThrownBy(() -> db.dsl().fetchCount(DSL.table("ledger")))
                .satisfies(failure -> assertThat(Unavailable.is(failure)).as("%s", failure).isTrue());
        assertThatThrownBy(() -> db.transaction(() -> db.dsl().fetchCount(DSL.table("ledger"))))
                .satisfies(failure -> assertThat(Unavailable.is(failure)).as("%s", failure).isTrue());
    }

    @Test
    void postgresUrlsNameTheServerButNeverThePassword() {
        var pool = Dialect.pool("postgresql://outlay:s%40cret@db.example:5433/outlay?sslmode=require");

        assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/outlay?sslmode=require");
        assertThat(pool.getUsername()).isEqualTo("outlay");
        assertThat(pool.getPassword()).isEqualTo("s@cret");
        assertThat(Dialect.POSTGRES.describe("jdbc:postgresql://db.example:5433/outlay?password=x"))
                .isEqualTo("PostgreSQL jdbc:postgresql://db.example:5433/outlay");
    }

    @Test
    void filePathsAndJdbcUrlsChooseTheirStore() {
        assertThat(Dialect.pool("data/outlay.db").getJdbcUrl()).startsWith("jdbc:sqlite:/").endsWith("data/outlay.db");
        assertThat(Dialect.of("jdbc:sqlite:/tmp/x.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:postgresql://localhost/outlay")).isEqualTo(Dialect.POSTGRES);
    }
}
