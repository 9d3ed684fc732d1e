package app.outlay.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server serves the web client's build at /: the page revalidated on every load, its bundles cached for good. */
class WebClientServingTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theRootIsTheWebClientsPageWhichLoadsItsBundleFromAssetsWithoutInlineScript() throws Exception {
        // when
        var page = get("/");

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(page.body()).contains("<div id=\"app\"></div>").containsPattern("<script type=\"module\"[^>]* src=\"/assets/");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page.body()).find()).as("an inline script").isFalse();
        assertThat(page.body()).doesNotContain(" style=").doesNotContain("<style");
    }

    @Test
    void theBundlesAreServedAsImmutableSinceTheirNamesChangeWithTheirContent() throws Exception {
        // given
        var matcher = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(get("/").body());
        assertThat(matcher.find()).isTrue();

        // when
        var script = get(matcher.group(1));

        // then
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get("/assets/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theInteractiveDocsAreStillServedBesideTheClient() throws Exception {
        assertThat(get("/docs/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void nothingElseOnTheClassPathIsServed() throws Exception {
        for (String path : new String[] {"/app/outlay/App.class", "/public/index.html", "/assets/..%2f..%2fapp/outlay/App.class",
                "/..%2fapp/outlay/App.class", "/%2e%2e/app/outlay/App.class", "/db/migration/sqlite/"}) {
            assertThat(get(path).statusCode()).as(path).isIn(400, 404);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", "text/html,*/*").build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
