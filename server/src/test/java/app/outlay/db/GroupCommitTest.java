package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import app.outlay.common.Conflict;
import app.outlay.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions from many threads: each is all or nothing, and one failing does not undo the others; each is answered
 * only once it is on disk.
 */
class GroupCommitTest {
    @Test
    void concurrentTransactionsCommitIndependently(@TempDir Path dir) throws Exception {
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            var ledger = table(name("ledger"));
            List<Callable<String>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                writes.add(() -> db.transaction(() -> {
                    insertLedger(db, "ledger " + n);
                    if (n % 10 == 0) {
                        throw new Conflict("refused " + n); // after writing: its row must not stay
                    }
                    return "ok";
                }));
            }

            int refused = 0;
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var result : pool.invokeAll(writes)) {
                    try {
                        assertThat(result.get()).isEqualTo("ok");
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(Conflict.class);
                        refused++;
                    }
                }
            }

            assertThat(refused).isEqualTo(20);
            assertThat(db.dsl().fetchCount(ledger)).isEqualTo(180);
            assertThat(db.dsl().fetchCount(ledger, field(name("name"), String.class).eq("ledger 10"))).isZero();
        }
    }

    @Test
    void aFailingOneStatementWriteIsUndoneAloneAmongTransactionsWithSavepoints(@TempDir Path dir) throws Exception {
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            // given: writes of one statement without savepoints, every tenth refused by a NOT NULL constraint,
            // queued together with transactions that write and then fail
            var ledger = table(name("ledger"));
            var ledgerName = field(name("name"), String.class);
            List<Callable<String>> writes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                Runnable insert = () -> insertLedger(db, n % 10 == 0 ? null : "ledger " + n);
                writes.add(n % 3 == 0
                        ? () -> db.transaction(() -> {
                            insert.run();
                            throw new Conflict("refused " + n); // after writing: its row must not stay
                        })
                        : () -> db.atomic(() -> {
                            insert.run();
                            return "ok";
                        }));
            }

            // when
            int refused = 0;
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var result : pool.invokeAll(writes)) {
                    try {
                        assertThat(result.get()).isEqualTo("ok");
                    } catch (ExecutionException e) {
                        refused++;
                    }
                }
            }

            // then: the 100 transactions and the 20 refused inserts among the others left nothing behind
            assertThat(refused).isEqualTo(100 + 20);
            assertThat(db.dsl().fetchCount(ledger)).isEqualTo(180);
            assertThat(db.dsl().fetchCount(ledger, ledgerName.eq("ledger 3"))).isZero();
            assertThat(db.dsl().fetchCount(ledger, ledgerName.eq("ledger 11"))).isOne();
        }
    }

    @Test
    void aWriteIsAnsweredOnlyOnceASyncOfTheLogBegunAfterItsCommitHasEnded(@TempDir Path dir) throws Exception {
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            var ledger = table(name("ledger"));
            var syncing = new Semaphore(0);
            var diskDone = new CountDownLatch(1);
            var rowsWhenSyncBegan = new AtomicInteger(-1);
            FileSync slowDisk = () -> {
                rowsWhenSyncBegan.set(db.dsl().fetchCount(ledger)); // what another connection sees as committed
                syncing.release();
                try {
                    diskDone.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            };
            try (var writer = new GroupCommit(db.dsl(), new SimpleMeterRegistry(), () -> {}, () -> {}, slowDisk);
                 var client = Executors.newVirtualThreadPerTaskExecutor()) {
                var answer = client.submit(() -> writer.run(() -> {
                    insertLedger(db, "groceries");
                    return "stored";
                }));

                assertThat(syncing.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
                assertThat(rowsWhenSyncBegan).hasValue(1);
                Thread.sleep(100);
                assertThat(answer).isNotDone(); // committed, but not on disk yet: no answer

                diskDone.countDown();
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("stored");
            }
        }
    }

    @Test
    void writesArrivingWhileTheDiskSyncsAreCommittedTogether(@TempDir Path dir) throws Exception {
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            var syncing = new Semaphore(0);
            var diskDone = new CountDownLatch(1);
            FileSync slowDisk = () -> {
                syncing.release();
                try {
                    diskDone.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            };
            var metrics = new SimpleMeterRegistry();
            try (var writer = new GroupCommit(db.dsl(), metrics, () -> {}, () -> {}, slowDisk);
                 var client = Executors.newVirtualThreadPerTaskExecutor()) {
                var first = client.submit(() -> writer.run(() -> {
                    insertLedger(db, "first");
                    return "stored";
                }));
                assertThat(syncing.tryAcquire(10, TimeUnit.SECONDS)).isTrue(); // the first commit is being synced

                var ran = new CountDownLatch(5);
                var later = new ArrayList<Future<String>>();
                for (int i = 0; i < 5; i++) {
                    int n = i;
                    later.add(client.submit(() -> writer.run(() -> {
                        insertLedger(db, "later " + n);
                        ran.countDown();
                        return "stored";
                    })));
                }
                assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue(); // each ran as it arrived, none committed yet
                diskDone.countDown();
                first.get(10, TimeUnit.SECONDS);
                for (var answer : later) {
                    answer.get(10, TimeUnit.SECONDS);
                }

                var batches = metrics.get("outlay.writer.batch.size").summary();
                assertThat(batches.count()).isEqualTo(2);
                assertThat(batches.max()).isEqualTo(5);
            }
        }
    }

    @Test
    void aWriteWhoseLogCannotBeSyncedIsNotAcknowledged(@TempDir Path dir) throws Exception {
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            FileSync brokenDisk = () -> {
                throw new IOException("Input/output error");
            };
            try (var writer = new GroupCommit(db.dsl(), new SimpleMeterRegistry(), () -> {}, () -> {}, brokenDisk)) {
                assertThatThrownBy(() -> writer.run(() -> {
                    insertLedger(db, "groceries");
                    return "stored";
                })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("sync");
            }
        }
    }

    /** Writes a row of the {@code ledger} table, the simplest table there is: a name (required) and a currency. */
    static void insertLedger(Database db, String ledgerName) {
        db.dsl().insertInto(table(name("ledger")))
                .set(field(name("name"), String.class), ledgerName)
                .set(field(name("currency"), String.class), "EUR")
                .set(field(name("created_at"), Long.class), 0L)
                .execute();
    }
}
