package app.outlay.cli.api;

/** An import into a ledger, as the server lists it; {@code undoneAt}, {@code removed}, {@code kept} once undone. */
public record PastImport(String id, String createdAt, String createdBy, long rows, long imported, long duplicates,
                         long invalid, String undoneAt, Long removed, Long kept) {}
