package app.outlay.cli.output;

/**
 * A column of a {@link Table}.
 *
 * @param key          its name in CSV headers, as in the API's JSON ({@code createdAt})
 * @param label        its header for people ({@code CREATED AT})
 * @param rightAligned numbers are
 * @param tableOnly    shown to people only, never in CSV (a bar, a marker)
 */
public record Column(String key, String label, boolean rightAligned, boolean tableOnly) {

    public static Column left(String key) {
        return new Column(key, label(key), false, false);
    }

    public static Column right(String key) {
        return new Column(key, label(key), true, false);
    }

    /** A column shown in tables only, never in CSV. */
    public static Column forPeople(String key) {
        return new Column(key, label(key), false, true);
    }

    /** {@code createdAt} becomes {@code CREATED AT}. */
    private static String label(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
