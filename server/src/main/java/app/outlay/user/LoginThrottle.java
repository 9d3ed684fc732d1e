package app.outlay.user;

import app.outlay.common.Throttled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Refuses logins for a username, or from an address, after 10 failures within 15 minutes. */
final class LoginThrottle {
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Throws {@link Throttled} if either key has failed too often lately. */
    void check(String usernameKey, String address) {
        Instant now = clock.instant();
        for (String key : keys(usernameKey, address)) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                prune(times, now);
                if (times.size() >= MAX_FAILURES) {
                    Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
                    throw new Throttled("Too many failed logins; try again later.", wait);
                }
            }
        }
    }

    void failed(String usernameKey, String address) {
        Instant now = clock.instant();
        for (String key : keys(usernameKey, address)) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
        }
        if (failures.size() > 10_000) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now);
                    return times.isEmpty();
                }
            });
        }
    }

    void succeeded(String usernameKey) {
        failures.remove("user:" + usernameKey);
    }

    private static String[] keys(String usernameKey, String address) {
        return new String[] {"user:" + usernameKey, "address:" + address};
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
