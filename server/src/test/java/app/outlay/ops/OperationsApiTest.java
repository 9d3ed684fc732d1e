package app.outlay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationsApiTest {
    /** Pages are fetched as a browser would: following redirects, asking for HTML. */
    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");

    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void healthSaysUpWhenTheDatabaseIsReachable() {
        // when
        var health = server.anonymous().get("/health");

        // then
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Content-Type")).startsWith("application/json");
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentIsServedAsYaml() throws Exception {
        // when
        var document = fetch("/api/openapi.yaml");

        // then
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type").orElse("")).contains("yaml");
        assertThat(document.body()).startsWith("openapi: 3.1");
    }

    @Test
    void docsLeadToAPageThatLoadsSwaggerUiAndTheDocument() throws Exception {
        // when
        var page = fetch("/docs");

        // then the page, and every script it loads, is there; one of them points Swagger UI at the document
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        Matcher scripts = SCRIPT.matcher(page.body());
        boolean loadsBundle = false;
        boolean loadsDocument = false;
        while (scripts.find()) {
            var script = fetch(page.uri().resolve(scripts.group(1)).getPath());
            assertThat(script.statusCode()).as(scripts.group(1)).isEqualTo(200);
            loadsBundle |= script.body().contains("SwaggerUIBundle");
            loadsDocument |= script.body().contains("/api/openapi.yaml");
        }
        assertThat(loadsBundle).as("a script defines SwaggerUIBundle").isTrue();
        assertThat(loadsDocument).as("a script loads /api/openapi.yaml").isTrue();
    }

    @Test
    void theRootServesAnHtmlPage() throws Exception {
        // when
        var page = fetch("/");

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).containsIgnoringCase("<html");
    }

    private static HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Accept", "text/html,*/*")
                .timeout(Duration.ofSeconds(30))
                .build();
        return BROWSER.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsCountRequestsByRouteAndStatusInPrometheusFormat() {
        // given a few answered requests
        var member = server.newUser("measured");
        member.api().get(member.expenses());
        member.api().get(member.expenses() + "/999999");

        // when
        var metrics = server.anonymous().get("/metrics");

        // then
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("route=\"/api/v1/ledgers/{ledgerId}/expenses\"")
                .contains("route=\"/api/v1/ledgers/{ledgerId}/expenses/{expenseId}\",status=\"404\"")
                .contains("hikaricp_connections")
                .contains("jvm_memory_used_bytes")
                .doesNotContain("999999");
    }
}
