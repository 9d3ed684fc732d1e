package app.outlay.common;

/** An {@code If-Match} precondition named a version that is no longer current. */
public final class StaleVersion extends RuntimeException {
    public StaleVersion() {
        super("The resource was changed since the given ETag; fetch it again.", null, false, false);
    }
}
