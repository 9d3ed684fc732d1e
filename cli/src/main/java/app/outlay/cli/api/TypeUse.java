package app.outlay.cli.api;

/** A type in use in a ledger, with how often and how much. */
public record TypeUse(String type, long count, String total) {}
