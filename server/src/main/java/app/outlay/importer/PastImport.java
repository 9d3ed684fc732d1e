package app.outlay.importer;

import java.time.Instant;

/** An import as recorded: when, by whom, its counts, and whether and how it was undone. */
record PastImport(long id, Instant createdAt, String createdBy, long rows, long imported, long duplicates,
                  long invalid, Instant undoneAt, Long removed, Long kept) {}
