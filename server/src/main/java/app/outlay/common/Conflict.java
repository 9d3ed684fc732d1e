package app.outlay.common;

/** The request clashes with the current state (a taken name, a non-empty ledger). */
public final class Conflict extends RuntimeException {
    public Conflict(String detail) {
        super(detail, null, false, false);
    }
}
