package app.outlay.common;

/** The thing asked for does not exist, or the caller may not know that it does. */
public final class NotFound extends RuntimeException {
    public NotFound(String detail) {
        super(detail, null, false, false);
    }
}
