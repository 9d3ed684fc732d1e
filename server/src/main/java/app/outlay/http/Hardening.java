package app.outlay.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * What keeps slow, huge or many requests from wearing the server down, beside the body limit ({@code --max-body})
 * and the JSON nesting limit ({@link Json}): bounded request lines and headers, a timeout for silent
 * connections, a cap on open connections; and the security headers. (No floor on how slowly a body may
 * arrive: Jetty's average-rate check also cuts off honest requests whenever the server itself stalls.)
 */
public final class Hardening {
    /** The request line (so the URI and query string) and the headers together: beyond it, 414 or 431. */
    static final int MAX_REQUEST_HEAD_BYTES = 8 * 1024;
    /** A connection that sends nothing for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Connections beyond this wait to be accepted. */
    static final int MAX_CONNECTIONS = 4096;

    private Hardening() {}

    /** {@code https}: browsers reach the server over HTTPS (its own, or a proxy's in front of it). */
    public static void register(JavalinConfig cfg, boolean https) {
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
            http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            http.setSendServerVersion(false);
            http.addCustomizer(new SecurityHeaders(https));
        });
        cfg.jetty.modifyServer(server -> server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server)));
    }
}
