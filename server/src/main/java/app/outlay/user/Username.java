package app.outlay.user;

import app.outlay.common.Invalid;
import java.util.Locale;
import java.util.regex.Pattern;

/** A valid username: 3..64 letters, digits, '.', '_' or '-'; unique without regard to case. */
public record Username(String value) {
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{Nd}._-]{3,64}");

    public static Username parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw Invalid.field(field, "is required");
        }
        String value = raw.trim();
        if (!VALID.matcher(value).matches()) {
            throw Invalid.field(field, "must be 3 to 64 letters, digits, '.', '_' or '-'");
        }
        return new Username(value);
    }

    /** The form that is unique: lower case. */
    String key() {
        return value.toLowerCase(Locale.ROOT);
    }
}
