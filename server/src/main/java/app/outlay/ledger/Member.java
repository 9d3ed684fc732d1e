package app.outlay.ledger;

/** A user's place in a ledger: who they are and what they may do there. */
public record Member(String username, Role role) {}
