package app.outlay.common;

/** No valid credentials came with the request. */
public final class Unauthenticated extends RuntimeException {
    public Unauthenticated(String detail) {
        super(detail, null, false, false);
    }
}
