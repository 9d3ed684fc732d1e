package app.outlay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.outlay.App;
import app.outlay.Config;
import app.outlay.support.TestDatabases;
import app.outlay.support.TestServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The published OpenAPI document: served as it is, valid OpenAPI 3.1, and naming exactly the server's routes. */
class OpenApiDocumentTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();

    @Test
    void servedDocumentIsByteForByteTheResource() throws Exception {
        // when
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/openapi.yaml")).build();
        var served = HttpClient.newHttpClient().send(request, BodyHandlers.ofByteArray());

        // then
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(served.body()).isEqualTo(resource());
        assertThat(server.anonymous().get("/api/openapi.yaml").status()).isEqualTo(200); // and its own contract allows it
    }

    @Test
    void documentParsesAsOpenApi31WithoutAnyMessage() throws IOException {
        // given
        String text = new String(resource(), StandardCharsets.UTF_8);

        // when
        SwaggerParseResult plain = parse(text, false);
        SwaggerParseResult resolved = parse(text, true);

        // then
        assertThat(text).startsWith("openapi: 3.1.0\n");
        assertThat(plain.getMessages()).isEmpty();
        assertThat(resolved.getMessages()).isEmpty();
        assertThat(resolved.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(resolved.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void documentNamesExactlyTheRoutesTheServerRegistered(@TempDir Path dir) throws IOException {
        // given
        List<String> documented = new ArrayList<>();
        eachOperation(document(), (route, operation) -> documented.add(route));

        // when
        List<String> registered;
        try (App app = App.create(Config.defaults(TestDatabases.fresh(dir))).start()) {
            registered = app.routes().stream().map(r -> r.method() + " " + r.path()).toList();
        }

        // then
        assertThat(registered).doesNotHaveDuplicates().isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void everyOperationThatNeedsATokenDocumentsTheAnswerWithoutOne() throws IOException {
        // given
        OpenAPI document = document();
        List<String> missing = new ArrayList<>();

        // when
        eachOperation(document, (route, operation) -> {
            var security = operation.getSecurity() != null ? operation.getSecurity() : document.getSecurity();
            boolean tokenRequired = security != null && !security.isEmpty() && security.stream().noneMatch(Map::isEmpty);
            if (tokenRequired && !operation.getResponses().containsKey("401")) {
                missing.add(route);
            }
        });

        // then
        assertThat(missing).isEmpty();
    }

    @Test
    void everyDocumentedErrorIsAProblemDetail() throws IOException {
        // given
        List<String> notProblems = new ArrayList<>();

        // when
        eachOperation(document(), (route, operation) -> operation.getResponses().forEach((status, response) -> {
            boolean error = status.startsWith("4") || status.startsWith("5");
            boolean health = route.equals("GET /health"); // answers 503 with its own {"status":"DOWN"}
            if (error && !health && (response.getContent() == null
                    || !response.getContent().keySet().equals(Set.of("application/problem+json")))) {
                notProblems.add(route + " " + status);
            }
        }));

        // then
        assertThat(notProblems).isEmpty();
    }

    private static void eachOperation(OpenAPI document, BiConsumer<String, Operation> action) {
        document.getPaths().forEach((path, item) ->
                item.readOperationsMap().forEach((method, operation) -> action.accept(method.name() + " " + path, operation)));
    }

    private static OpenAPI document() throws IOException {
        return parse(new String(resource(), StandardCharsets.UTF_8), true).getOpenAPI();
    }

    private static SwaggerParseResult parse(String text, boolean resolveFully) {
        var options = new ParseOptions();
        options.setResolve(resolveFully);
        options.setResolveFully(resolveFully);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    private static byte[] resource() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.yaml")) {
            assertThat(in).as("openapi.yaml on the class path").isNotNull();
            return in.readAllBytes();
        }
    }
}
