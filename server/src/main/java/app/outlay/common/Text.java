package app.outlay.common;

/**
 * Text as every store keeps it: PostgreSQL's {@code text} cannot hold the character U+0000 (it failed there with a
 * 500), so no text a client sends may carry it, on either store. Nor half of a surrogate pair (JSON's {@code "\ud800"}):
 * UTF-8 cannot encode it, and the stores kept {@code ?} where the answer had shown the escape.
 */
public final class Text {
    private static final String NUL = "must not contain the character U+0000";
    private static final String HALF_PAIR = "must be valid Unicode: it holds half of a surrogate pair";

    private Text() {}

    /** {@code text} as it is; a problem naming {@code field} of the body when it holds U+0000 or half a pair. */
    public static String field(String field, String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw Invalid.field(field, NUL);
        }
        if (text != null && halfPair(text)) {
            throw Invalid.field(field, HALF_PAIR);
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

    /** Whether a surrogate stands alone: a high one not followed by a low one, or a low one not after a high one. */
    private static boolean halfPair(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
