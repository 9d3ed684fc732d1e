package app.outlay.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * What keeps slow, huge or many requests from wearing the server down, beside the body limit ({@code --max-body})
 * and the JSON nesting limit ({@link Json}): bounded request lines and headers, a timeout for silent
 * connections, a floor on how slowly a body may arrive, a cap on open connections; and the security headers.
 */
public final class Hardening {
    /** The request line (so the URI and query string) and the headers together: beyond it, 414 or 431. */
    static final int MAX_REQUEST_HEAD_BYTES = 8 * 1024;
    /** A connection that sends nothing for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** A body that arrives slower than this, on average, is cut off. */
    static final long MIN_BODY_BYTES_PER_SECOND = 1024;
    /** Connections beyond this wait to be accepted. */
    static final int MAX_CONNECTIONS = 4096;

    private Hardening() {}

    /** {@code https}: browsers reach the server over HTTPS (its own, or a proxy's in front of it). */
    public static void register(JavalinConfig cfg, boolean https) {
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
            http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
            http.setSendServerVersion(false);
            http.addCustomizer(new SecurityHeaders(https));
        });
        cfg.jetty.modifyServer(server -> server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server)));
    }
}
