package app.outlay.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Headers on every response, static files and errors included: a strict Content-Security-Policy (scripts and
 * everything else only from this server, no inline scripts, no framing), no MIME sniffing, no referrer, HSTS
 * where browsers reach the server over HTTPS, and no caching of API answers, which hold personal data.
 */
public final class SecurityHeaders implements HttpConfiguration.Customizer {
    /** Swagger UI at /docs works under it too: it sets styles through the DOM, which the policy allows. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final boolean https;

    /** {@code https}: browsers reach this server over HTTPS (its own, or a proxy's in front of it). */
    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable headers) {
        add(headers, request.getHttpURI().getPath(), https);
        return request;
    }

    /** Adds the headers for a response to a request for {@code path} (null when the request could not be read). */
    static void add(HttpFields.Mutable headers, String path, boolean https) {
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        if (path == null || path.startsWith("/api/v1/") || path.equals("/api/v1")) {
            headers.put("Cache-Control", "no-store");
        }
        if (https) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
