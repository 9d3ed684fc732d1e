package app.outlay.cli.api;

/** A member of a ledger: a username and their role there (owner, editor or viewer). */
public record Member(String username, String role) {}
