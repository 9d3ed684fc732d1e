package app.outlay.importer;

import app.outlay.common.Conflict;
import app.outlay.common.FieldError;
import app.outlay.common.Invalid;
import app.outlay.common.NotFound;
import app.outlay.common.Params;
import app.outlay.db.Database;
import app.outlay.ledger.Ledger;
import app.outlay.ledger.LedgerService;
import app.outlay.ledger.Role;
import app.outlay.user.CurrentUser;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV imports: the file is read and checked first (into a {@link Spool}), then stored in one transaction, all
 * or nothing; rows the ledger already held are skipped as duplicates. Imports are recorded and can be undone.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    static final int MAX_REPORTED_ERRORS = 100;
    /** Rows per batch of inserts. */
    private static final int CHUNK = 5_000;
    /** SQLite's page cache while an import stores its rows (native memory, given back afterwards). */
    private static final int CACHE_MIB = 64;

    private final Database db;
    private final ImportStore store;
    private final LedgerService ledgers;
    private final Clock clock;

    public ImportService(Database db, LedgerService ledgers, Clock clock) {
        this.db = db;
        this.store = new ImportStore(db);
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /** The removed and kept expenses of an undone import. */
    public record Undo(long removed, long kept) {}

    /** Imports the CSV file streamed in {@code body}, as the query parameters say. */
    public ImportResult importCsv(CurrentUser user, long ledgerId, Params params, InputStream body, Charset charset) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.EDITOR);
        ImportOptions options = ImportOptions.parse(params);
        long started = System.nanoTime();
        ImportFile file = ImportFile.open(body, charset, options, ledger.currency());
        try (var spool = new Spool()) {
            var errors = new ArrayList<FieldError>();
            long[] invalid = {0};
            long rows = file.forEach(new ImportFile.Rows() {
                @Override
                public void valid(ImportRow row) {
                    spool.add(row);
                }

                @Override
                public void invalid(List<FieldError> problems) {
                    invalid[0]++;
                    problems.stream().limit(Math.max(0, MAX_REPORTED_ERRORS - errors.size())).forEach(errors::add);
                }
            });
            if (invalid[0] > 0 && !options.skipInvalid()) {
                throw Invalid.fields(invalid[0] + (invalid[0] == 1 ? " row is" : " rows are")
                        + " invalid; nothing was imported (skipInvalid=true imports the valid rows).", errors);
            }
            long read = System.nanoTime();
            Stored stored = options.dryRun()
                    ? db.streaming(() -> store(ledger, spool, options, null))
                    : db.transaction(() -> {
                        db.lock(ledger.bulkWrites()); // also one import at a time: each sees the rows of the one before
                        long now = clock.millis();
                        long id = store.insert(ledger.id(), user.id(), now);
                        Stored s = db.withPageCache(CACHE_MIB, () -> store(ledger, spool, options, new Writing(id, user.id(), now)));
                        store.finish(ledger.id(), id, rows, s.imported(), s.duplicates(), invalid[0]);
                        return s;
                    });
            LOG.info("Import {} into ledger {}: {} rows, {} imported, {} duplicates, {} invalid; read in {} ms, stored in {} ms",
                    stored.id() == null ? "(dry run)" : stored.id(), ledger.id(), rows, stored.imported(),
                    stored.duplicates(), invalid[0], (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
            return new ImportResult(stored.id(), options.dryRun(), rows, stored.imported(), stored.duplicates(),
                    invalid[0], errors, file.mapping.describe(), file.delimiter, options.header(), file.dates.pattern(),
                    file.amounts.decimal());
        }
    }

    /** Where a real import writes: its id, who, when. Null for a dry run. */
    private record Writing(long importId, long userId, long now) {}

    private record Stored(Long id, long imported, long duplicates) {}

    /** Skips what the ledger held, and stores the rest unless this is a dry run. */
    private Stored store(Ledger ledger, Spool spool, ImportOptions options, Writing writing) {
        HeldRows held = options.allowDuplicates() ? null : held(ledger, spool);
        if (writing == null) {
            return insert(ledger, spool, held, null);
        }
        long adding = spool.count() - (held == null ? 0 : held.count()); // at least
        return store.withUpkeepDeferred(adding, () -> insert(ledger, spool, held, writing));
    }

    /** Counts each row as a duplicate of one held or as new, and inserts the new ones unless this is a dry run. */
    private Stored insert(Ledger ledger, Spool spool, HeldRows held, Writing writing) {
        long[] counts = {0, 0};
        var totals = new Totals();
        List<ImportRow> chunk = new ArrayList<>(CHUNK);
        spool.forEach(row -> {
            if (held != null && held.take(row.date(), row.amount(), row.description())) {
                counts[1]++;
                return;
            }
            counts[0]++;
            if (writing != null) {
                chunk.add(row);
                totals.add(row.type(), row.date(), row.amount());
                if (chunk.size() == CHUNK) {
                    store.insertAll(ledger.id(), writing.importId(), writing.userId(), writing.now(), chunk);
                    chunk.clear();
                }
            }
        });
        if (writing != null) {
            if (!chunk.isEmpty()) {
                store.insertAll(ledger.id(), writing.importId(), writing.userId(), writing.now(), chunk);
            }
            store.indexWords(ledger.id(), writing.importId());
            store.addTotals(ledger.id(), totals);
        }
        return new Stored(writing == null ? null : writing.importId(), counts[0], counts[1]);
    }

    /** What the ledger holds in the file's date range, or null when nothing (an empty ledger's fast path). */
    private HeldRows held(Ledger ledger, Spool spool) {
        if (spool.count() == 0) {
            return null;
        }
        long count = store.count(ledger.id(), spool.first(), spool.last());
        if (count == 0) {
            return null;
        }
        var held = new HeldRows(count);
        store.forEachHeld(ledger.id(), spool.first(), spool.last(), held);
        return held;
    }

    public List<PastImport> list(CurrentUser user, long ledgerId) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.VIEWER);
        return store.list(ledger.id());
    }

    /**
     * Removes the expenses the import created that nobody changed since; those changed are kept. An import is
     * undone once: again is a 409.
     */
    public Undo undo(CurrentUser user, long ledgerId, long importId) {
        Ledger ledger = ledgers.access(user, ledgerId, Role.EDITOR);
        return db.transaction(() -> {
            if (!store.lock(ledger.id(), importId, db.dialect().singleWriter())) {
                throw new NotFound("No such import.");
            }
            if (store.find(ledger.id(), importId).orElseThrow().undoneAt() != null) {
                throw new Conflict("This import was undone already.");
            }
            long removed = store.deleteUnchanged(ledger.id(), importId);
            long kept = store.countRemaining(ledger.id(), importId);
            store.markUndone(ledger.id(), importId, clock.millis(), removed, kept);
            return new Undo(removed, kept);
        });
    }
}
