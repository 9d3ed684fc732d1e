package app.outlay.importer;

import static app.outlay.importer.ImportTables.EXPENSE;
import static app.outlay.importer.ImportTables.EXPENSE_IMPORT;
import static app.outlay.importer.ImportTables.EXPENSE_TOTAL;
import static app.outlay.importer.ImportTables.SQLITE_SCHEMA;
import static app.outlay.importer.ImportTables.SQLITE_SCHEMA_NAME;
import static app.outlay.importer.ImportTables.SQLITE_SCHEMA_SQL;
import static app.outlay.importer.ImportTables.SQLITE_SCHEMA_TYPE;
import static app.outlay.user.UserTable.APP_USER;

import app.outlay.db.Database;
import app.outlay.db.Dialect;
import app.outlay.db.JsonArrays;
import app.outlay.db.WordIndex;
import app.outlay.expense.NewExpenseRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Imports and the expenses they create, in the database. Every statement is scoped to one ledger. */
final class ImportStore {
    /** Rows per round trip when reading the expenses a ledger holds. */
    private static final int FETCH = 5_000;
    /** Below this many rows an import keeps the schema as it is; see {@link #withUpkeepDeferred}. */
    private static final long MIN_ROWS_TO_DEFER = 10_000;
    private static final String AMOUNT_INDEX = "expense_by_amount";
    private static final List<String> INSERT_TRIGGERS = List.of("expense_text_insert", "expense_total_insert");

    private final DSLContext dsl;
    private final Dialect dialect;

    ImportStore(Database db) {
        this.dsl = db.dsl();
        this.dialect = db.dialect();
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

    /**
     * Inserts the rows as expenses of the import, version 1, their values bound as JSON arrays ({@link JsonArrays}):
     * one statement for a few thousand rows of typical length. Per-row statements cost three times as much as
     * 500-row ones on SQLite, where each statement on a table with triggers pays a fixed price whether or not the
     * triggers apply; against 500-row statements with JDBC's bound values, a million-row import took 14 % less CPU
     * (13.5 and 13.6 -> 11.4 and 11.8 s, `bench/import`, alternating) and its peak RSS 24 MiB less.
     */
    void insertAll(long ledgerId, long importId, long userId, long now, List<ImportRow> rows) {
        JsonArrays.inStatements(rows,
                (row, out) -> NewExpenseRows.write(out, row.date(), row.type(), row.amount(), row.description()),
                json -> insertJsonArrays(ledgerId, importId, userId, now, json));
    }

    /** Inserts the rows of {@link #insertAll}'s JSON text. */
    private void insertJsonArrays(long ledgerId, long importId, long userId, long now, String json) {
        var rows = NewExpenseRows.read(dialect, json);
        var values = rows.values();
        dsl.insertInto(EXPENSE)
           .columns(List.of(EXPENSE.LEDGER_ID, EXPENSE.DATE, EXPENSE.TYPE, EXPENSE.AMOUNT, EXPENSE.DESCRIPTION,
                   EXPENSE.VERSION, EXPENSE.CREATED_AT, EXPENSE.UPDATED_AT, EXPENSE.CREATED_BY, EXPENSE.UPDATED_BY,
                   EXPENSE.IMPORT_ID))
           .select(rows.select(DSL.val(ledgerId), values.get(0), values.get(1), values.get(2), values.get(3),
                   DSL.val(1L), DSL.val(now), DSL.val(now), DSL.val(userId), DSL.val(userId), DSL.val(importId)))
           .execute();
    }

    /**
     * Runs {@code work}, which adds at least {@code rows} expenses, with what SQLite keeps up to date row by row
     * dropped first and made again afterwards where that costs less (at least {@link #MIN_ROWS_TO_DEFER} rows):
     * <ul>
     * <li>the insert triggers of words and running totals, which skip imported rows ({@link #indexWords} and
     * {@link #addTotals} do their work in bulk) but still cost every row of an INSERT an eighth of its time for
     * being there;</li>
     * <li>{@code expense_by_amount}, when the import adds at least half as many rows as the table may hold:
     * amounts arrive in no order, so each row's entry lands on a random page of the index, which cost 5.6 s of
     * CPU for a million rows into an empty table, while building the index anew (a sort, then pages filled in
     * order) took 1.2 s.</li>
     * </ul>
     * The statements are part of the import's transaction, which holds the one writer: no other write runs without
     * the triggers, readers keep seeing the schema as it was until the commit, and a rollback restores it. Each is
     * made again from its own definition in the schema, so it stays exactly as the migrations made it, and the
     * planner's figures for a dropped index (V010; SQLite deletes them with the index) are written back.
     */
    <T> T withUpkeepDeferred(long rows, Supplier<T> work) {
        if (dialect != Dialect.SQLITE || rows < MIN_ROWS_TO_DEFER) {
            return work.get();
        }
        var deferred = new ArrayList<>(INSERT_TRIGGERS);
        Long highestId = dsl.select(DSL.max(EXPENSE.ID)).from(EXPENSE).fetchSingle().value1();
        if (highestId == null || 2 * rows >= highestId) { // ids are never reused: the highest bounds the rows held
            deferred.add(AMOUNT_INDEX);
        }
        var definitions = dsl.select(SQLITE_SCHEMA_TYPE, SQLITE_SCHEMA_NAME, SQLITE_SCHEMA_SQL)
                             .from(SQLITE_SCHEMA)
                             .where(SQLITE_SCHEMA_NAME.in(deferred))
                             .fetch();
        var statistics = dsl.resultQuery("select tbl, idx, stat from sqlite_stat1 where idx in ({0})",
                DSL.list(deferred.stream().map(DSL::val).toList())).fetch();
        for (var definition : definitions) { // "index" or "trigger", and a name of ours: never user input
            dsl.execute("DROP " + definition.value1() + " {0}", DSL.name(definition.value2()));
        }
        T result = work.get();
        for (var definition : definitions) {
            dsl.execute(definition.value3()); // the schema's own text
        }
        for (var row : statistics) {
            dsl.execute("insert into sqlite_stat1 (tbl, idx, stat) values ({0}, {1}, {2})",
                    row.get(0, String.class), row.get(1, String.class), row.get(2, String.class));
        }
        if (!statistics.isEmpty()) {
            dsl.execute("analyze sqlite_schema"); // this connection plans with them again too
        }
        return result;
    }

    /**
     * Indexes the words of the import's descriptions where a table of words exists (SQLite), in one statement:
     * the insert trigger leaves imported rows to this, which costs less than the trigger row by row.
     */
    void indexWords(long ledgerId, long importId) {
        if (!dialect.wordsTable()) {
            return; // PostgreSQL's GIN index on expense indexed every row as it was inserted
        }
        WordIndex.index(dsl, EXPENSE.LEDGER_ID.eq(ledgerId).and(EXPENSE.IMPORT_ID.eq(importId)));
    }

    /** Adds an import's totals per type and month to the running totals (the insert trigger skips imported rows). */
    void addTotals(long ledgerId, Totals totals) {
        var batch = dsl.batch(dsl.insertInto(EXPENSE_TOTAL, EXPENSE_TOTAL.LEDGER_ID, EXPENSE_TOTAL.TYPE,
                                         EXPENSE_TOTAL.MONTH, EXPENSE_TOTAL.TOTAL, EXPENSE_TOTAL.COUNT)
                                 .values((Long) null, null, null, null, null)
                                 .onConflict(EXPENSE_TOTAL.LEDGER_ID, EXPENSE_TOTAL.TYPE, EXPENSE_TOTAL.MONTH)
                                 .doUpdate()
                                 .set(EXPENSE_TOTAL.TOTAL, EXPENSE_TOTAL.TOTAL.plus(DSL.excluded(EXPENSE_TOTAL.TOTAL)))
                                 .set(EXPENSE_TOTAL.COUNT, EXPENSE_TOTAL.COUNT.plus(DSL.excluded(EXPENSE_TOTAL.COUNT))));
        boolean[] any = {false};
        totals.forEach((type, month, total, count) -> {
            batch.bind(ledgerId, type, month, total, count);
            any[0] = true;
        });
        if (any[0]) {
            batch.execute();
        }
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
