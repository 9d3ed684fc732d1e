package app.outlay.cli.api;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error the server answers. */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem for an answer that had no problem+json body (a proxy's error page, say). */
    static Problem bare(int status) {
        return new Problem("about:blank", "", status, "The server answered HTTP " + status + " without an explanation.", null, null);
    }

    /**
     * One bad field or parameter, e.g. {@code amount: must have at most 2 decimal places for EUR}; in an imported
     * file also its {@code line}.
     */
    public record FieldError(Long line, String field, String message) {
        /** {@code line 7: amount: is not an amount: abc}, or without a line {@code amount: ...}. */
        @Override
        public String toString() {
            return (line == null ? "" : "line " + line + ": ") + field + ": " + message;
        }
    }
}
