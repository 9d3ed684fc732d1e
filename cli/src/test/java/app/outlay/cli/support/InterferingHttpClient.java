package app.outlay.cli.support;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK's HTTP client, except that it records every request, and that just before the first request with a given
 * method it lets something else happen: another user's change between the CLI's read and its write, say.
 */
public final class InterferingHttpClient extends HttpClient {
    private final HttpClient delegate = HttpClient.newBuilder().version(Version.HTTP_1_1).build();
    private final String method;
    private final List<String> sent = new ArrayList<>();
    private final List<HttpRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Runnable interference;

    private InterferingHttpClient(String method, Runnable interference) {
        this.method = method;
        this.interference = interference;
    }

    public static InterferingHttpClient before(String method, Runnable interference) {
        return new InterferingHttpClient(method, interference);
    }

    /** A client that only records what is sent. */
    public static InterferingHttpClient recording() {
        return new InterferingHttpClient("", null);
    }

    /** Each request sent so far, whole (its headers too). */
    public List<HttpRequest> requests() {
        return requests;
    }

    /** Each request sent so far, as method and path with query. */
    public List<String> sent() {
        return sent;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        requests.add(request);
        sent.add(request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()));
        if (request.method().equals(method) && interference != null) {
            Runnable now = interference;
            interference = null;
            now.run();
        }
        return delegate.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
