package app.outlay.ops;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request counts and latencies by route and status, the database pool, the SQLite writer and the JVM,
 * served at {@code /metrics} in Prometheus format; and one access-log line per request.
 */
public final class Metrics {
    private static final Logger ACCESS = LoggerFactory.getLogger("app.outlay.access");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final boolean accessLog;
    /** The timer of each method, route and status, found once: building and registering one per request cost more. */
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(HandlerType method, String route, int status) {}

    public Metrics(boolean accessLog) {
        this.accessLog = accessLog;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Called by Javalin once a request is answered. The route, never the URL: no ids or queries in labels or logs. */
    public void record(Context ctx, float millis) {
        String route = route(ctx);
        timers.computeIfAbsent(new Key(ctx.method(), route, ctx.statusCode()), this::timer)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        if (accessLog) {
            ACCESS.info("{} {} {} {} ms", ctx.method(), route, ctx.statusCode(), String.format("%.1f", millis));
        }
    }

    private Timer timer(Key key) {
        return Timer.builder("http.server.requests")
                .tag("method", key.method().name())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    public void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched"; // 404s and Jetty's own answers have no route
        }
    }
}
