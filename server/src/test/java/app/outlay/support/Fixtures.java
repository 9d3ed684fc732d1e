package app.outlay.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data builders. */
public final class Fixtures {
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Fixtures() {}

    /** A valid username not used before in this test run: {@code hint} and a number. */
    public static String username(String hint) {
        return hint + "-" + SERIAL.incrementAndGet();
    }

    /** An expense as a client sends it. */
    public static Map<String, Object> expense(String date, String type, String amount, String description) {
        var e = new LinkedHashMap<String, Object>();
        e.put("date", date);
        e.put("type", type);
        e.put("amount", amount);
        e.put("description", description);
        return e;
    }

    /** A typical expense: lunch for ten euros (or the same written in another currency). */
    public static Map<String, Object> expense() {
        return expense("2024-03-15", "food", "-10.00", "lunch at the canteen");
    }

    public static Map<String, Object> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }

    /** The body of {@code POST /api/v1/tokens}. */
    public static Map<String, Object> tokenRequest(String username, String password, String name) {
        return Map.of("username", username, "password", password, "name", name);
    }

    /** The body of {@code POST /api/v1/ledgers}. */
    public static Map<String, Object> ledger(String name, String currency) {
        var l = new LinkedHashMap<String, Object>();
        l.put("name", name);
        l.put("currency", currency);
        return l;
    }
}
