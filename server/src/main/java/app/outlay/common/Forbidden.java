package app.outlay.common;

/** The caller is known but may not do this. */
public final class Forbidden extends RuntimeException {
    public Forbidden(String detail) {
        super(detail, null, false, false);
    }
}
