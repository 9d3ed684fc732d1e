package app.outlay.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test data builders. */
public final class Fixtures {
    public static final String PASSWORD = "correct horse battery staple";

    private Fixtures() {}

    /** An expense as a client sends it. */
    public static Map<String, Object> expense(String date, String type, String amount, String description) {
        var e = new LinkedHashMap<String, Object>();
        e.put("date", date);
        e.put("type", type);
        e.put("amount", amount);
        e.put("description", description);
        return e;
    }

    public static Map<String, Object> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }
}
