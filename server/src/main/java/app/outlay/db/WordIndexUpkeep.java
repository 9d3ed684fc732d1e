package app.outlay.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps SQLite's index of the words in descriptions (the FTS5 table {@code expense_text}) up to date and compact,
 * with writes on the writer as any other.
 * <p>
 * Up to date: the insert trigger notes each new expense in {@code expense_text_pending} (V014) instead of indexing
 * it, and the words of all those noted are indexed in one statement ({@link WordIndex#indexNoted}) every tenth of a second
 * while there are any, and before any search ({@link #catchUp}), so a search finds every expense created before it.
 * FTS5 writes each statement's words out as a new segment of the index and merges segments as they pile up: indexed
 * one create at a time, the words took ~40 % of the writer's time for a create (BENCHMARKS.md).
 * <p>
 * Compact: FTS5 merges segments only once a level holds four, so a load of a million rows left ~25, and every search
 * reads each of them. After a second without another commit, FTS5's {@code merge} runs in small steps (V012): a write
 * that comes meanwhile waits for one step at most.
 */
final class WordIndexUpkeep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WordIndexUpkeep.class);
    private static final String ANY_PENDING = "select exists (select 1 from expense_text_pending)";
    /** How often the words of new expenses are indexed while there are any. */
    private static final long INDEX_EVERY_MILLIS = 100;
    /** How long no other commit must have come before merging. */
    private static final long QUIET_MILLIS = 1_000;
    /** Index pages a merge step writes at most (a few milliseconds; a step that ends a level's merge takes longer). */
    private static final int STEP_PAGES = 64;

    private final GroupCommit writer;
    private final DSLContext dsl;
    private final Thread thread;
    private volatile boolean open = true;

    WordIndexUpkeep(GroupCommit writer, DSLContext dsl) {
        this.writer = writer;
        this.dsl = dsl;
        this.thread = Thread.ofPlatform().name("outlay-word-index").daemon().start(this::run);
    }

    /** Indexes the words of every expense noted as new so far, if any: a search after this finds them all. */
    void catchUp() {
        if (anyPending()) {
            writer.run(() -> {
                WordIndex.indexNoted(dsl);
                return null;
            });
        }
    }

    /** On JDBC, with a statement the pool's connection keeps: searches ask this first, so it must cost little. */
    private boolean anyPending() {
        return dsl.connectionResult(c -> {
            try (PreparedStatement statement = c.prepareStatement(ANY_PENDING); ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        });
    }

    private void run() {
        long seen = -1;
        long quietSince = 0;
        boolean merged = false;
        boolean failing = false; // told once until it works again
        while (open) {
            try {
                Thread.sleep(INDEX_EVERY_MILLIS);
                catchUp();
                failing = false;
            } catch (InterruptedException e) {
                return; // closing
            } catch (RuntimeException e) {
                if (open && !failing) {
                    LOG.warn("Could not index the words of new expenses (a search will try again): {}", e.toString());
                }
                failing = true;
            }
            long commits = writer.commits();
            if (commits != seen) {
                seen = commits;
                quietSince = System.nanoTime();
                merged = false;
            } else if (!merged && System.nanoTime() - quietSince >= QUIET_MILLIS * 1_000_000) {
                merged = !step();
                seen = writer.commits(); // this step's commit is none of the others'
            }
        }
    }

    /** Merges up to {@link #STEP_PAGES} pages; false once there was nothing left to merge. */
    private boolean step() {
        try {
            return writer.runAtomic(() -> {
                long before = totalChanges();
                dsl.execute("insert into expense_text (expense_text, rank) values ('merge', ?)", STEP_PAGES);
                return totalChanges() - before >= 2; // FTS5's sign that the command found segments to merge
            });
        } catch (RuntimeException e) {
            if (open) {
                LOG.warn("Could not merge the index of words: {}", e.toString());
            }
            return false; // again after the next commits
        }
    }

    private long totalChanges() {
        return dsl.fetchValue(DSL.field("total_changes()", Long.class));
    }

    @Override
    public void close() {
        open = false;
        Waits.stop(thread);
    }
}
