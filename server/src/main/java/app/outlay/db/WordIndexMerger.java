package app.outlay.db;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges SQLite's index of the words in descriptions (the FTS5 table {@code expense_text}) while no one writes.
 * FTS5 writes a segment of the index at each commit that adds words, and merges them only once a level holds four:
 * a load of a million rows left ~25, and every search reads each of them. Merged (V012), the workload of first
 * pages with words ran ~5 % faster (BENCHMARKS.md). The merge runs in small steps on the writer, as any write does,
 * and only after a second without another commit: a write that comes meanwhile waits for one step at most.
 */
final class WordIndexMerger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WordIndexMerger.class);
    /** How long no other commit must have come before merging. */
    private static final long QUIET_MILLIS = 1_000;
    /** Index pages a step writes at most (a few milliseconds; a step that ends a level's merge takes longer). */
    private static final int STEP_PAGES = 64;

    private final GroupCommit writer;
    private final DSLContext dsl;
    private final Thread thread;
    private volatile boolean open = true;

    WordIndexMerger(GroupCommit writer, DSLContext dsl) {
        this.writer = writer;
        this.dsl = dsl;
        this.thread = Thread.ofPlatform().name("outlay-word-merge").daemon().start(this::run);
    }

    private void run() {
        long seen = -1;
        long quietSince = 0;
        boolean merged = false;
        while (open) {
            try {
                Thread.sleep(QUIET_MILLIS / 4);
            } catch (InterruptedException e) {
                return; // closing
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
