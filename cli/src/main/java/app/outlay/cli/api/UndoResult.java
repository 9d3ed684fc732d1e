package app.outlay.cli.api;

/** What undoing an import did: expenses removed, and those kept because they were changed since. */
public record UndoResult(long removed, long kept) {}
