package app.outlay.cli;

/** The command cannot run as asked: bad arguments, not logged in, no such ledger (exit code 1). */
public final class UsageError extends RuntimeException {

    public UsageError(String message) {
        super(message);
    }
}
