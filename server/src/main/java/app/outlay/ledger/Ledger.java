package app.outlay.ledger;

import java.util.Currency;

/** A book of expenses in one currency, as seen by one member with their role. */
public record Ledger(long id, String name, Currency currency, Role role) {}
