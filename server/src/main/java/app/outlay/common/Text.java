package app.outlay.common;

/**
 * Text as every store keeps it: PostgreSQL's {@code text} cannot hold the character U+0000 (it failed there with a
 * 500), so no text a client sends may carry it, on either store.
 */
public final class Text {
    private static final String NUL = "must not contain the character U+0000";

    private Text() {}

    /** {@code text} as it is; a problem naming {@code field} of the body when it holds U+0000. */
    public static String field(String field, String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw Invalid.field(field, NUL);
        }
        return text;
    }

    /** {@code text} as it is; a problem naming the query parameter {@code name} when it holds U+0000. */
    public static String parameter(String name, String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw Invalid.parameter(name, NUL);
        }
        return text;
    }
}
