package app.outlay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.outlay.support.TestDatabases;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rowid SQLite's index of words files an expense under orders the index by date, then id, in SQL as in Java. */
class WordIndexTest {
    private static final List<LocalDate> DATES = List.of(LocalDate.of(0, 1, 1), LocalDate.of(1969, 12, 31),
            LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1), LocalDate.of(9999, 12, 31));
    private static final List<Long> IDS = List.of(1L, 2L, 1_000_000L, (1L << 40) - 1);

    @Test
    void sqlAndJavaFileAnExpenseUnderTheSameRowid(@TempDir Path dir) {
        assumeFalse(TestDatabases.postgres(), "SQLite's FTS5 index");
        try (var db = Database.open(TestDatabases.fresh(dir))) {
            for (LocalDate date : DATES) {
                for (long id : IDS) {
                    long sql = db.dsl().select(WordIndex.rowid(DSL.val(date.toString()), DSL.val(id)))
                            .fetchOne(0, Long.class);
                    assertThat(sql).as(date + " " + id).isEqualTo(WordIndex.rowid(date, id));
                }
            }
        }
    }

    @Test
    void rowidsFollowDatesThenIds() {
        long previous = -1;
        for (LocalDate date : DATES) {
            for (long id : IDS) {
                assertThat(WordIndex.rowid(date, id)).as(date + " " + id).isGreaterThan(previous);
                previous = WordIndex.rowid(date, id);
            }
        }
    }

    @Test
    void boundsBeyondTheDatesAndIdsOfExpensesCountAsTheFirstOrLastOfThem() {
        assertThat(WordIndex.rowid(LocalDate.of(-5, 1, 1), -3)).isEqualTo(WordIndex.rowid(LocalDate.of(0, 1, 1), 0));
        assertThat(WordIndex.rowid(LocalDate.of(12_000, 1, 1), Long.MAX_VALUE))
                .isEqualTo(WordIndex.rowid(LocalDate.of(9999, 12, 31), (1L << 40) - 1)).isPositive();
    }
}
