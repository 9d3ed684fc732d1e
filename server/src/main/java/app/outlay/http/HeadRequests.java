package app.outlay.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;

/**
 * HEAD answers what GET would, without the body (RFC 9110 9.3.2). Javalin on its own answers 200 to a HEAD on any
 * path that has a GET route, without running it, so a HEAD for an expense that does not exist would say it does.
 */
public final class HeadRequests {
    private HeadRequests() {}

    /** Registers a HEAD twin of every GET route; Jetty sends the headers and drops the body. */
    public static void answerLikeGet(Javalin javalin) {
        InternalRouter router = javalin.unsafe.internalRouter;
        router.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method == HandlerType.GET)
                .toList()
                .forEach(get -> router.addHttpEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler)));
    }
}
