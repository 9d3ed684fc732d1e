package app.outlay.importer;

import static app.outlay.importer.ImportTables.EXPENSE;
import static app.outlay.importer.ImportTables.EXPENSE_IMPORT;
import static app.outlay.user.UserTable.APP_USER;

import app.outlay.db.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Imports and the expenses they create, in the database. Every statement is scoped to one ledger. */
final class ImportStore {
    /** Rows per round trip when reading the expenses a ledger holds. */
    private static final int FETCH = 5_000;

    private final DSLContext dsl;

    ImportStore(Database db) {
        this.dsl = db.dsl();
    }

    /** Records a new import (its counts still zero) and returns its id. */
    long insert(long ledgerId, long userId, long now) {
        return dsl.insertInto(EXPENSE_IMPORT)
                  .set(EXPENSE_IMPORT.LEDGER_ID, ledgerId)
                  .set(EXPENSE_IMPORT.CREATED_AT, now)
                  .set(EXPENSE_IMPORT.CREATED_BY, userId)
                  .set(EXPENSE_IMPORT.ROW_COUNT, 0L)
                  .set(EXPENSE_IMPORT.IMPORTED, 0L)
                  .set(EXPENSE_IMPORT.DUPLICATES, 0L)
                  .set(EXPENSE_IMPORT.INVALID, 0L)
                  .returningResult(EXPENSE_IMPORT.ID)
                  .fetchSingle(EXPENSE_IMPORT.ID);
    }

    void finish(long ledgerId, long importId, long rows, long imported, long duplicates, long invalid) {
        dsl.update(EXPENSE_IMPORT)
           .set(EXPENSE_IMPORT.ROW_COUNT, rows)
           .set(EXPENSE_IMPORT.IMPORTED, imported)
           .set(EXPENSE_IMPORT.DUPLICATES, duplicates)
           .set(EXPENSE_IMPORT.INVALID, invalid)
           .where(EXPENSE_IMPORT.LEDGER_ID.eq(ledgerId))
           .and(EXPENSE_IMPORT.ID.eq(importId))
           .execute();
    }

    /** How many expenses the ledger holds dated from {@code first} to {@code last}. */
    long count(long ledgerId, LocalDate first, LocalDate last) {
        return dsl.selectCount()
                  .from(EXPENSE)
                  .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                  .and(EXPENSE.DATE.between(first, last))
                  .fetchSingle(0, Long.class);
    }

    /** Hands the date, amount and description of each expense in the date range to {@code held}, streamed. */
    void forEachHeld(long ledgerId, LocalDate first, LocalDate last, HeldRows held) {
        try (var rows = dsl.select(EXPENSE.DATE, EXPENSE.AMOUNT, EXPENSE.DESCRIPTION)
                           .from(EXPENSE)
                           .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                           .and(EXPENSE.DATE.between(first, last))
                           .fetchSize(FETCH)
                           .fetchLazy()) {
            rows.forEach(r -> held.add(r.value1(), r.value2(), r.value3()));
        }
    }

    /** Inserts the rows as expenses of the import, version 1, in one prepared statement run as a batch. */
    void insertAll(long ledgerId, long importId, long userId, long now, List<ImportRow> rows) {
        var batch = dsl.batch(dsl.insertInto(EXPENSE, EXPENSE.LEDGER_ID, EXPENSE.DATE, EXPENSE.TYPE, EXPENSE.AMOUNT,
                EXPENSE.DESCRIPTION, EXPENSE.VERSION, EXPENSE.CREATED_AT, EXPENSE.UPDATED_AT, EXPENSE.CREATED_BY,
                EXPENSE.UPDATED_BY, EXPENSE.IMPORT_ID)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null));
        for (ImportRow row : rows) {
            batch = batch.bind(ledgerId, row.date(), row.type(), row.amount(), row.description(), 1L, now, now, userId,
                    userId, importId);
        }
        batch.execute();
    }

    /** The ledger's imports, newest first. */
    List<PastImport> list(long ledgerId) {
        return dsl.select(EXPENSE_IMPORT.fields())
                  .select(APP_USER.USERNAME)
                  .from(EXPENSE_IMPORT)
                  .leftJoin(APP_USER).on(APP_USER.ID.eq(EXPENSE_IMPORT.CREATED_BY))
                  .where(EXPENSE_IMPORT.LEDGER_ID.eq(ledgerId))
                  .orderBy(EXPENSE_IMPORT.ID.desc())
                  .fetch(ImportStore::toPastImport);
    }

    Optional<PastImport> find(long ledgerId, long importId) {
        return dsl.select(EXPENSE_IMPORT.fields())
                  .select(APP_USER.USERNAME)
                  .from(EXPENSE_IMPORT)
                  .leftJoin(APP_USER).on(APP_USER.ID.eq(EXPENSE_IMPORT.CREATED_BY))
                  .where(EXPENSE_IMPORT.LEDGER_ID.eq(ledgerId))
                  .and(EXPENSE_IMPORT.ID.eq(importId))
                  .fetchOptional(ImportStore::toPastImport);
    }

    /** Deletes the import's expenses that were never changed (still version 1); returns how many. */
    int deleteUnchanged(long ledgerId, long importId) {
        return dsl.deleteFrom(EXPENSE)
                  .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                  .and(EXPENSE.IMPORT_ID.eq(importId))
                  .and(EXPENSE.VERSION.eq(1L))
                  .execute();
    }

    int countRemaining(long ledgerId, long importId) {
        return dsl.selectCount()
                  .from(EXPENSE)
                  .where(EXPENSE.LEDGER_ID.eq(ledgerId))
                  .and(EXPENSE.IMPORT_ID.eq(importId))
                  .fetchSingle(0, Integer.class);
    }

    /** Marks the import undone, unless it already was; false then. */
    boolean markUndone(long ledgerId, long importId, long now, long removed, long kept) {
        return dsl.update(EXPENSE_IMPORT)
                  .set(EXPENSE_IMPORT.UNDONE_AT, now)
                  .set(EXPENSE_IMPORT.REMOVED, removed)
                  .set(EXPENSE_IMPORT.KEPT, kept)
                  .where(EXPENSE_IMPORT.LEDGER_ID.eq(ledgerId))
                  .and(EXPENSE_IMPORT.ID.eq(importId))
                  .and(EXPENSE_IMPORT.UNDONE_AT.isNull())
                  .execute() == 1;
    }

    /** Locks the import's row until the transaction ends, so two undos of it queue. */
    boolean lock(long ledgerId, long importId, boolean singleWriter) {
        var query = dsl.select(EXPENSE_IMPORT.ID)
                       .from(EXPENSE_IMPORT)
                       .where(EXPENSE_IMPORT.LEDGER_ID.eq(ledgerId))
                       .and(EXPENSE_IMPORT.ID.eq(importId));
        return (singleWriter ? query.fetchOptional() : query.forUpdate().fetchOptional()).isPresent();
    }

    private static PastImport toPastImport(Record r) {
        Long undone = r.get(EXPENSE_IMPORT.UNDONE_AT);
        return new PastImport(r.get(EXPENSE_IMPORT.ID), Instant.ofEpochMilli(r.get(EXPENSE_IMPORT.CREATED_AT)),
                r.get(APP_USER.USERNAME), r.get(EXPENSE_IMPORT.ROW_COUNT), r.get(EXPENSE_IMPORT.IMPORTED),
                r.get(EXPENSE_IMPORT.DUPLICATES), r.get(EXPENSE_IMPORT.INVALID),
                undone == null ? null : Instant.ofEpochMilli(undone), r.get(EXPENSE_IMPORT.REMOVED),
                r.get(EXPENSE_IMPORT.KEPT));
    }
}
