package app.outlay.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
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
    // The same fields on every response, encoded to bytes once rather than for each response.
    private static final HttpField CONTENT_SECURITY_POLICY = new PreEncodedHttpField("Content-Security-Policy", CSP);
    private static final HttpField NO_SNIFFING = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField NO_REFERRER = new PreEncodedHttpField("Referrer-Policy", "no-referrer");
    private static final HttpField NO_FRAMING = new PreEncodedHttpField("X-Frame-Options", "DENY");
    private static final HttpField NO_STORE = new PreEncodedHttpField("Cache-Control", "no-store");
    private static final HttpField HSTS = new PreEncodedHttpField("Strict-Transport-Security", "max-age=31536000");

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
        headers.put(CONTENT_SECURITY_POLICY);
        headers.put(NO_SNIFFING);
        headers.put(NO_REFERRER);
        headers.put(NO_FRAMING);
        if (path == null || path.startsWith("/api/v1/") || path.equals("/api/v1")) {
            headers.put(NO_STORE);
        }
        if (https) {
            headers.put(HSTS);
        }
    }

}
