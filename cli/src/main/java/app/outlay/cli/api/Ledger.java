package app.outlay.cli.api;

/** A ledger the user is a member of, with their role in it. */
public record Ledger(String id, String name, String currency, String role) {}
